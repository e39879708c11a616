using nanoFramework.TestFramework;
using Ws52x.Codec;
using Ws52x.Util;

namespace Ws52x.Device.Tests.Codec
{
    /// <summary>
    /// Downlinks as the vendor's encoder writes them (shared/vectors/ws52x-vendor-codec.json) and the guide's own 080100ff,
    /// decoded on the device (writing them back is the network side's, tested on the host). Rejections leave the
    /// caller's commands as they were.
    /// </summary>
    [TestClass]
    public class DownlinkCodecTests
    {
        private static readonly DownlinkDecoder Decoder = new DownlinkDecoder(16);

        [TestMethod]
        [DataRow("0801ffff", 1)]
        [DataRow("0800ffff", 1)]
        [DataRow("080100ff", 1)]
        [DataRow("ff03b004", 1)]
        [DataRow("ff22003c0011", 1)]
        [DataRow("ff2200100e10", 1)]
        [DataRow("ff2300ff", 1)]
        [DataRow("ff250080", 1)]
        [DataRow("ff2601", 1)]
        [DataRow("ff27ff", 1)]
        [DataRow("ff28ff", 1)]
        [DataRow("ff2f01", 1)]
        [DataRow("ff10ff", 1)]
        [DataRow("ff30010aff24010a", 2)]
        public void A_vendor_downlink_decodes_into_its_commands(string hex, int count)
        {
            byte[] downlink = Hex.Parse(hex);
            var commands = new DownlinkCommands();
            var error = new DecodeError();
            Assert.IsTrue(Decoder.TryDecode(downlink, 0, downlink.Length, commands, error), error.ToString());
            Assert.AreEqual(count, commands.Count);
        }

        [TestMethod]
        public void The_guide_examples_carry_the_guides_values()
        {
            var c = Decode("ff03b004");
            Assert.AreEqual(1200, c.ReportingIntervalSeconds);

            c = Decode("ff22003c0011");
            Assert.IsTrue(c.Contains(CommandKind.AddDelayTask));
            Assert.AreEqual(60, c.DelaySeconds);
            Assert.IsTrue(c.DelayOpens);

            c = Decode("ff24010aff30010a");
            Assert.AreEqual(2, c.Count);
            Assert.IsTrue(c.OvercurrentAlarmEnabled);
            Assert.AreEqual(10, c.OvercurrentAlarmThresholdAmps);
            Assert.IsTrue(c.OvercurrentProtectionEnabled);
            Assert.AreEqual(10, c.OvercurrentProtectionThresholdAmps);

            c = Decode("080100ff");
            Assert.IsTrue(c.SwitchOn);
            Assert.IsTrue(c.SwitchGuideForm);
        }

        [TestMethod]
        [DataRow("ff03b0", 2)]
        [DataRow("09", 3)]
        [DataRow("ff99", 4)]
        [DataRow("ff240111", 5)]
        [DataRow("080200ff", 5)]
        public void A_bad_downlink_is_rejected_whole_and_changes_nothing(string hex, int reason)
        {
            var commands = Decode("ff033c00");
            byte[] downlink = Hex.Parse("ff2601" + hex);
            var error = new DecodeError();
            Assert.IsFalse(Decoder.TryDecode(downlink, 0, downlink.Length, commands, error));
            Assert.AreEqual(reason, (int)error.Reason, error.ToString());
            // The earlier, valid downlink is still what the caller holds: a rejection is atomic.
            Assert.AreEqual(1, commands.Count);
            Assert.AreEqual(60, commands.ReportingIntervalSeconds);
            Assert.IsFalse(commands.Contains(CommandKind.PowerConsumptionRecording));
        }

        private static DownlinkCommands Decode(string hex)
        {
            byte[] downlink = Hex.Parse(hex);
            var commands = new DownlinkCommands();
            var error = new DecodeError();
            Assert.IsTrue(Decoder.TryDecode(downlink, 0, downlink.Length, commands, error), error.ToString());
            return commands;
        }
    }
}
