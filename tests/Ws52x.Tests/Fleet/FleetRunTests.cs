using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ws52x.Host.Fleet;
using Ws52x.Tests.Host;

namespace Ws52x.Tests.Fleet
{
    /// <summary>
    /// A small street of real firmwares on one air: they join the built-in server through the gateways, each frame they
    /// send is accounted for once, and the same seed gives the same street and the same day.
    /// </summary>
    public class FleetRunTests
    {
        private const long Minute = 60_000_000;

        private static FleetRun Run(int count, long micros, int seed = 52, int gateways = 1, double radius = 1500, long interval = 5 * Minute)
        {
            var run = new FleetRun(new FleetOptions
            {
                Count = count,
                DurationMicros = micros,
                Seed = seed,
                Gateways = gateways,
                RadiusMetres = radius,
                ReportIntervalMicros = interval,
            });
            run.Run();
            return run;
        }

        private static string Table(FleetRun run)
        {
            var text = new StringWriter();
            FleetReport.Write(run, text);
            return text.ToString();
        }

        [Fact]
        public void Sockets_in_range_join_and_report_and_every_frame_is_counted_once()
        {
            using FleetRun run = Run(6, 40 * Minute);
            FleetStatistics s = run.Statistics;
            Assert.All(run.Sockets, socket => Assert.True(socket.Firmware.Mac.IsJoined, "socket " + socket.Index + " did not join"));
            Assert.Equal(6, run.Network.Counters.Joins);
            Assert.Equal(6, run.Network.Devices.Count(d => d.Joined));
            Assert.Equal(s.UplinksSent, s.Delivered + s.LostToCollisions + s.LostToLinkBudget + s.LostOtherwise);
            Assert.Equal(s.UplinksSent, s.FramesBySf.Sum());
            // Everything that reached the gateway and was not a JoinRequest was accepted by the server once.
            Assert.Equal(s.Delivered - run.Network.Counters.JoinRequests, run.Network.Counters.Uplinks);
            // Reports every 5 minutes for 30-40 minutes each, and the join's own.
            Assert.InRange(run.Network.Counters.ApplicationUplinks, 6 * 6, 6 * 12);
            long airtime = Enumerable.Range(0, 6).Sum(i => s.AirtimeMicros(i));
            Assert.Equal(s.AirtimeMicrosBySf.Sum(), airtime);
            Assert.All(run.Sockets, socket => Assert.True(socket.Chip.TrueEnergyJoules > 0 || socket.Load.Name == "none", socket.Load.Name));
        }

        [Fact]
        public void The_same_seed_gives_the_same_street_and_the_same_day_another_seed_another()
        {
            string first;
            string again;
            string other;
            using (FleetRun a = Run(4, 25 * Minute))
            {
                first = Table(a).Split('\n').Where(l => !l.Contains("host seconds")).Aggregate((x, y) => x + "\n" + y);
            }

            using (FleetRun b = Run(4, 25 * Minute))
            {
                again = Table(b).Split('\n').Where(l => !l.Contains("host seconds")).Aggregate((x, y) => x + "\n" + y);
                Assert.Equal(4, b.Sockets.Select(s => Ws52x.Util.Hex.ToHex(s.Settings.DevEui)).Distinct().Count()); // four DevEUIs
            }

            using (FleetRun c = Run(4, 25 * Minute, seed: 53))
            {
                other = Table(c).Split('\n').Where(l => !l.Contains("host seconds")).Aggregate((x, y) => x + "\n" + y);
            }

            Assert.Equal(first, again);
            Assert.NotEqual(first, other);
        }

        [Fact]
        public void Sockets_far_beyond_every_gateway_never_join_and_their_frames_are_lost_to_the_link_budget()
        {
            // A disc of 1000 km: with this seed the nearer socket has 180 dB of path loss; SF12 at 13 dBm bridges 150 dB.
            using FleetRun run = Run(2, 15 * Minute, radius: 1_000_000, interval: 20 * Minute);
            FleetStatistics s = run.Statistics;
            Assert.True(run.Sockets.Min(socket => socket.PathLossDb[0]) > 175);
            Assert.True(s.JoinRequestsSent >= 2);
            Assert.Equal(s.UplinksSent, s.LostToLinkBudget);
            Assert.Equal(0, run.Network.Counters.Joins);
            Assert.Contains("not joined 2", Table(run));
        }

        [Fact]
        public void The_table_says_what_the_issue_asks()
        {
            using FleetRun run = Run(3, 20 * Minute, gateways: 2);
            string table = Table(run);
            foreach (string row in new[] { "uplinks sent", "delivered to a gateway", "lost to collisions", "lost to the link budget", "duty-cycle waits",
                "sockets joined", "ADR data rates at the end", "mean airtime per socket", "host seconds", "expected e^(-2G)" })
            {
                Assert.Contains(row, table);
            }

            Assert.StartsWith("fleet: 3 sockets, 2 gateway(s), EU868, seed 52", table);
        }

        [Theory]
        [InlineData("fleet", "--count", "0")]
        [InlineData("fleet", "--count", "many")]
        [InlineData("fleet", "--gateways", "0")]
        [InlineData("fleet", "--duration", "0s")]
        [InlineData("fleet", "--region", "mars")]
        [InlineData("fleet", "--interval", "30s")]
        public void Bad_fleet_options_are_one_line_and_exit_2(params string[] args)
        {
            HostProcess.AssertUsageErrorInProcess(args);
        }

        [Fact]
        public void The_command_prints_the_table()
        {
            HostProcess.Result r = HostProcess.InProcess("fleet", "--count", "2", "--duration", "10m", "--seed", "9");
            Assert.Equal(0, r.ExitCode);
            Assert.StartsWith("fleet: 2 sockets, 1 gateway(s), EU868, seed 9, 0.17 h of board time", r.Stdout);
            Assert.Equal("", r.Stderr);
        }
    }
}
