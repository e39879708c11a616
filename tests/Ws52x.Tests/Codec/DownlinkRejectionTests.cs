using System;
using Ws52x.Codec;
using Ws52x.Util;

namespace Ws52x.Tests.Codec
{
    /// <summary>Bad downlinks are rejected whole, with the offending byte and a reason, and change nothing.</summary>
    public class DownlinkRejectionTests
    {
        [Theory]
        [InlineData("", DecodeReason.Empty, 0)]
        [InlineData("08", DecodeReason.Truncated, 1)]
        [InlineData("0801ff", DecodeReason.Truncated, 3)]
        [InlineData("0802ffff", DecodeReason.OutOfRange, 1)]
        [InlineData("08011234", DecodeReason.BadConstant, 2)]
        [InlineData("ff", DecodeReason.Truncated, 1)]
        [InlineData("ff03b0", DecodeReason.Truncated, 3)]
        [InlineData("ff033b00", DecodeReason.OutOfRange, 2)]
        [InlineData("ff032a00ff03b004", DecodeReason.OutOfRange, 2)]
        [InlineData("ff0321fd", DecodeReason.OutOfRange, 2)]
        [InlineData("ff22013c0011", DecodeReason.BadConstant, 2)]
        [InlineData("ff2200000011", DecodeReason.OutOfRange, 3)]
        [InlineData("ff22003c0012", DecodeReason.OutOfRange, 5)]
        [InlineData("ff2301ff", DecodeReason.OutOfRange, 2)]
        [InlineData("ff230000", DecodeReason.BadConstant, 3)]
        [InlineData("ff240111", DecodeReason.OutOfRange, 3)]
        [InlineData("ff240100", DecodeReason.OutOfRange, 3)]
        [InlineData("ff24020a", DecodeReason.OutOfRange, 2)]
        [InlineData("ff300120", DecodeReason.OutOfRange, 3)]
        [InlineData("ff2602", DecodeReason.OutOfRange, 2)]
        [InlineData("ff2f05", DecodeReason.OutOfRange, 2)]
        [InlineData("ff2700", DecodeReason.BadConstant, 2)]
        [InlineData("ff28", DecodeReason.Truncated, 2)]
        [InlineData("ff99ff", DecodeReason.UnknownType, 1)]
        [InlineData("0801ffff09", DecodeReason.UnknownChannel, 4)]
        [InlineData("0801ffffff24010aff3001", DecodeReason.Truncated, 11)]
        public void Rejects_with_the_reason_and_the_byte(string hex, DecodeReason reason, int byteIndex)
        {
            byte[] bytes = Hex.Parse(hex);
            var commands = Prefilled();
            string before = VendorJson.Downlink(commands);
            var error = new DecodeError();
            Assert.False(new DownlinkDecoder(16).TryDecode(bytes, 0, bytes.Length, commands, error));
            Assert.Equal(reason, error.Reason);
            Assert.Equal(byteIndex, error.ByteIndex);
            Assert.False(string.IsNullOrEmpty(error.Message));
            Assert.Equal(before, VendorJson.Downlink(commands));
            Assert.Equal(3, commands.Count);
        }

        [Fact]
        public void Thresholds_follow_the_board_rating()
        {
            var error = new DecodeError();
            var c = new DownlinkCommands();
            Assert.True(new DownlinkDecoder(16).TryDecode(Hex.Parse("ff300110"), 0, 4, c, error));
            Assert.False(new DownlinkDecoder(10).TryDecode(Hex.Parse("ff300110"), 0, 4, c, error));
            Assert.Contains("1-10 A", error.Message);
            Assert.True(new DownlinkDecoder(10).TryDecode(Hex.Parse("ff30000a"), 0, 4, c, error));
            Assert.True(new DownlinkDecoder(10).TryDecode(Hex.Parse("ff300000"), 0, 4, c, error), "a disabled protection may carry threshold 0");
        }

        [Fact]
        public void A_later_command_of_the_same_kind_replaces_the_earlier()
        {
            var c = new DownlinkCommands();
            var error = new DecodeError();
            byte[] two = Hex.Parse("ff22003c0011ff2200100e10");
            Assert.True(new DownlinkDecoder(16).TryDecode(two, 0, two.Length, c, error));
            Assert.Equal(1, c.Count);
            Assert.Equal(3600, c.DelaySeconds);
            Assert.False(c.DelayOpens);
        }

        [Fact]
        public void Fuzz_a_hundred_thousand_random_and_mutated_downlinks()
        {
            var random = new Random(52052);
            var decoder = new DownlinkDecoder(16);
            var error = new DecodeError();
            var commands = Prefilled();
            string prefilled = VendorJson.Downlink(commands);
            byte[][] seeds = Array.ConvertAll(new[] { "080100ff", "0801ffff", "ff03b004", "ff22003c0011", "ff2300ff", "ff24010aff30010a", "ff250080", "ff2601", "ff27ff", "ff28ff", "ff2f01", "ff10ff", "ff2cff" }, Hex.Parse);
            var buffer = new byte[40];
            int accepted = 0, rejected = 0;
            for (int k = 0; k < 100_000; k++)
            {
                int length;
                if (k % 2 == 0)
                {
                    length = random.Next(0, buffer.Length);
                    random.NextBytes(buffer.AsSpan(0, length));
                }
                else
                {
                    // Glue a few valid commands together, then flip, drop or append bytes.
                    length = 0;
                    int parts = random.Next(1, 4);
                    for (int p = 0; p < parts; p++)
                    {
                        byte[] s = seeds[random.Next(seeds.Length)];
                        if (length + s.Length > buffer.Length) break;
                        s.CopyTo(buffer, length);
                        length += s.Length;
                    }

                    switch (random.Next(3))
                    {
                        case 0: buffer[random.Next(length)] ^= (byte)(1 << random.Next(8)); break;
                        case 1: length = random.Next(length); break;
                        default: if (length < buffer.Length) buffer[length++] = (byte)random.Next(256); break;
                    }
                }

                var probe = Prefilled();
                bool ok = decoder.TryDecode(buffer, 0, length, probe, error);
                if (ok)
                {
                    accepted++;
                    Assert.Equal(DecodeReason.None, error.Reason);
                    Assert.True(probe.Count > 0);
                }
                else
                {
                    rejected++;
                    Assert.NotEqual(DecodeReason.None, error.Reason);
                    Assert.False(string.IsNullOrEmpty(error.Message));
                    Assert.InRange(error.ByteIndex, 0, Math.Max(length, 0));
                    Assert.Equal(prefilled, VendorJson.Downlink(probe));
                }
            }

            Assert.True(accepted > 1000 && rejected > 1000, "accepted " + accepted + ", rejected " + rejected);
        }

        private static DownlinkCommands Prefilled()
        {
            var c = new DownlinkCommands { SwitchOn = true, ReportingIntervalSeconds = 600, LedEnabled = true };
            c.Add(CommandKind.Switch);
            c.Add(CommandKind.ReportingInterval);
            c.Add(CommandKind.LedMode);
            return c;
        }
    }
}
