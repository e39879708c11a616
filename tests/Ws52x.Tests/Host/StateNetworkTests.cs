using System;
using System.IO;
using Ws52x.Host.Network;
using Ws52x.Tests.Storage;

namespace Ws52x.Tests.Host
{
    /// <summary>`--state DIR` with the built-in network server: the server remembers the socket's session across runs.</summary>
    public sealed class StateNetworkTests : IClassFixture<TempFolder>
    {
        private readonly TempFolder _temp;

        public StateNetworkTests(TempFolder temp) => _temp = temp;

        [Fact]
        public void A_second_run_meets_a_server_that_knows_the_restored_session_and_its_downlink_counter()
        {
            string dir = Path.Combine(_temp.Path, "kept");
            string first = Run(dir, "1s press\n5m downlink 85 ff03b004", out NetworkDevice before);
            Assert.True(before.Joined);
            Assert.True(before.FCntDown > 0, "the first run sent a downlink");
            Assert.Contains("ns: ", first);
            Assert.True(File.Exists(Path.Combine(dir, NetworkServer.StateFileName)));

            // The socket comes back with its session; the server takes its uplinks and its next downlink is accepted
            // (its counter is above the one the socket stored), with no new join.
            string second = Run(dir, "2m downlink 85 080100ff", out NetworkDevice after);
            Assert.Contains("ns: session of " + before.DevEui + " restored", second);
            Assert.DoesNotContain("unknown DevAddr", second);
            Assert.DoesNotContain("JoinRequest", second);
            Assert.Equal(before.DevAddr, after.DevAddr);
            Assert.True(after.FCntUp > before.FCntUp);
            Assert.True(after.FCntDown > before.FCntDown);
            Assert.Contains("relay: socket on (downlink)", second); // boot applied the policy (off); the downlink switched it
        }

        [Fact]
        public void Another_key_in_the_second_run_starts_afresh_and_a_damaged_file_is_said_and_ignored()
        {
            string dir = Path.Combine(_temp.Path, "changed");
            Run(dir, "1s press", out NetworkDevice first);
            Assert.True(first.Joined);

            string rekeyed = Run(dir, "1s press", out NetworkDevice second, appKey: "00112233445566778899aabbccddeeff");
            Assert.DoesNotContain("ns: session of", rekeyed);
            Assert.True(second.Joined); // joined again with the new key
            Assert.DoesNotContain("unknown DevAddr", rekeyed);

            // A file the server cannot read: said once, and the server starts as if there were none (so it does not know
            // the socket's session, as before this file existed).
            File.WriteAllText(Path.Combine(dir, NetworkServer.StateFileName), "{ not json");
            string damaged = Run(dir, "1s press", out _, appKey: "00112233445566778899aabbccddeeff");
            Assert.Contains("network-server.json' unreadable", damaged);
            Assert.Contains("unknown DevAddr", damaged);
        }

        private static string Run(string dir, string scenario, out NetworkDevice device, string appKey = null) =>
            StateDirectoryTests.RunBoard(dir, scenario, appKey, out device);
    }
}
