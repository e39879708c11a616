using System;
using System.Collections.Generic;
using System.Linq;
using Ws52x.Codec;
using Ws52x.Config;
using Ws52x.Socket;
using Ws52x.Util;

namespace Ws52x.Tests.Socket
{
    /// <summary>
    /// Random and mutated application downlinks into a running socket: nothing escapes, settings stay within their
    /// ranges, and a rejected frame changes nothing. 20,000 by default; WS52X_FUZZ=1000000 for the long run.
    /// </summary>
    public class DownlinkFuzzTests
    {
        [Fact]
        public void Random_and_mutated_downlinks_never_escape_and_keep_settings_in_range()
        {
            int count = int.TryParse(Environment.GetEnvironmentVariable("WS52X_FUZZ"), out int n) && n > 0 ? n : 20_000;
            var seeds = Ws52x.Tests.Codec.CodecJson.Vectors("downlinks").Select(v => Hex.Parse((string)v["hex"])).ToList();
            var random = new Random(5252);
            var socket = new DirectSocket();
            var decoder = new DownlinkDecoder(16);
            var commands = new DownlinkCommands();
            var error = new DecodeError();
            var before = new SocketSettingsSnapshot();
            var after = new SocketSettingsSnapshot();
            int accepted = 0;
            for (int i = 0; i < count; i++)
            {
                byte[] payload = Next(random, seeds);
                bool valid = decoder.TryDecode(payload, 0, payload.Length, commands, error);
                before.CopyFrom(socket.Settings.Current.Socket);
                bool relay = socket.Relay.Level;
                int saves = socket.Settings.Saves;

                socket.Downlink(payload);

                SocketSettings s = socket.Settings.Current.Socket;
                Assert.InRange(s.ReportingIntervalSeconds, 60, 64_800);
                Assert.InRange(s.OvercurrentAlarmThresholdAmps, s.OvercurrentAlarmEnabled ? 1 : 0, 16);
                Assert.InRange(s.OvercurrentProtectionThresholdAmps, s.OvercurrentProtectionEnabled ? 1 : 0, 16);
                Assert.InRange(s.ButtonLockMinutes, 0, 0x7fff);
                if (!valid)
                {
                    after.CopyFrom(s);
                    Assert.Equivalent(before, after);
                    Assert.Equal(relay, socket.Relay.Level);
                    Assert.Equal(saves, socket.Settings.Saves);
                }
                else
                {
                    accepted++;
                }

                if (i % 97 == 0)
                {
                    socket.RunFor(random.Next(0, 3_000_000)); // let delay tasks, reports and protection run
                }
            }

            Assert.Equal(accepted, socket.Firmware.Socket.Downlinks.Applied);
            Assert.True(accepted > count / 10, "only " + accepted + " of " + count + " frames were valid: the mutations are too blunt");
            Assert.True(accepted < count, "every frame was valid: the fuzzing does not reach the rejections");
        }

        // A new frame: random bytes, or a vendor downlink (or two) with bytes flipped, cut, repeated or inserted.
        private static byte[] Next(Random random, List<byte[]> seeds)
        {
            if (random.Next(4) == 0)
            {
                var bytes = new byte[random.Next(1, 24)];
                random.NextBytes(bytes);
                if (random.Next(2) == 0)
                {
                    bytes[0] = random.Next(2) == 0 ? (byte)0xff : (byte)0x08;
                }

                return bytes;
            }

            var frame = new List<byte>(seeds[random.Next(seeds.Count)]);
            int extra = random.Next(3);
            for (int e = 0; e < extra; e++)
            {
                frame.AddRange(seeds[random.Next(seeds.Count)]);
            }

            int mutations = random.Next(0, 3);
            for (int m = 0; m < mutations && frame.Count > 0; m++)
            {
                int at = random.Next(frame.Count);
                switch (random.Next(4))
                {
                    case 0: frame[at] = (byte)random.Next(256); break;
                    case 1: frame.RemoveRange(at, frame.Count - at); break;
                    case 2: frame.Insert(at, (byte)random.Next(256)); break;
                    default: frame[at] ^= (byte)(1 << random.Next(8)); break;
                }
            }

            return frame.Count == 0 ? new byte[] { 0xff } : frame.ToArray();
        }
    }
}
