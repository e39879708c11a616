using nanoFramework.TestFramework;
using Ws52x.Codec;
using Ws52x.Util;

namespace Ws52x.Device.Tests.Codec
{
    /// <summary>
    /// Uplinks against the vendor's own decoder (shared/vectors/ws52x-vendor-codec.json, codec v1.5.49): a compact subset
    /// kept here as data, since the device has no file of vectors. Values are in the payload's units (0.1 V, mA, Wh, W).
    /// </summary>
    [TestClass]
    public class UplinkCodecTests
    {
        [TestMethod]
        [DataRow("08700105812907c912000374f508068305000000048001000000", 1, 41, 18, 2293, 5, 1)]
        [DataRow("08700005814807c9843b0374e803068300ecbc43048014010000", 0, 72, 15236, 1000, 1136454656, 276)]
        [DataRow("08700005810f07c9f22c0374a80906830047a0670480e80d0000", 0, 15, 11506, 2472, 1738557184, 3560)]
        public void A_vendor_report_decodes_to_the_vendors_values(string hex, int on, int powerFactor, int milliamps, int deciVolts, int wattHours, int watts)
        {
            byte[] payload = Hex.Parse(hex);
            var values = new UplinkValues();
            var error = new DecodeError();
            Assert.IsTrue(UplinkDecoder.TryDecode(payload, 0, payload.Length, values, error), error.ToString());
            ElectricalStatus e = values.Electrical;
            Assert.AreEqual(on == 1, e.SocketOn);
            Assert.AreEqual(powerFactor, e.PowerFactorPercent);
            Assert.AreEqual(milliamps, e.CurrentMilliamps);
            Assert.AreEqual(deciVolts, e.VoltageDeciVolts);
            Assert.AreEqual((long)wattHours, e.EnergyWattHours);
            Assert.AreEqual((long)watts, e.ActivePowerWatts);

            // And back: the encoder writes the same 26 bytes.
            var written = new byte[UplinkEncoder.ElectricalStatusLength];
            Assert.AreEqual(26, UplinkEncoder.WriteElectricalStatus(e, written, 0));
            Assert.AreEqual(hex, Hex.ToHex(written));
        }

        [TestMethod]
        public void The_guide_report_prints_as_the_vendor_decoder_prints_it()
        {
            // String building with int and long ToString on the device runtime: voltage in tenths, "on", no spaces lost.
            byte[] payload = Hex.Parse("08700105812907c912000374f508068305000000048001000000");
            var values = new UplinkValues();
            Assert.IsTrue(UplinkDecoder.TryDecode(payload, 0, payload.Length, values, new DecodeError()));
            Assert.AreEqual(
                "{\"socket_status\": \"on\", \"power_factor\": 41, \"current\": 18, \"voltage\": 229.3, \"power_consumption\": 5, \"active_power\": 1}",
                VendorJson.Uplink(values));
        }

        [TestMethod]
        public void The_guide_basic_information_round_trips_byte_for_byte()
        {
            const string hex = "ff0101ff166148b13783621055ff090100ff0a0103ff24010aff30010aff250080ff2601";
            byte[] payload = Hex.Parse(hex);
            var values = new UplinkValues();
            var error = new DecodeError();
            Assert.IsTrue(UplinkDecoder.TryDecode(payload, 0, payload.Length, values, error), error.ToString());
            BasicInformation b = values.Basic;
            Assert.AreEqual("6148b13783621055", Hex.ToHex(b.SerialNumber));
            Assert.AreEqual((byte)1, b.SoftwareMajor);
            Assert.AreEqual((byte)3, b.SoftwareMinor);
            Assert.IsTrue(b.OvercurrentAlarmEnabled);
            Assert.AreEqual(10, b.OvercurrentProtectionThresholdAmps);
            Assert.IsTrue(b.ButtonLockEnabled);
            Assert.AreEqual(0, b.ButtonLockMinutes);
            Assert.IsFalse(values.Has(UplinkValues.HasPowerOn));

            b.PowerOn = false; // this example carries no ff0b
            var written = new byte[UplinkEncoder.BasicInformationLength];
            int length = UplinkEncoder.WriteBasicInformation(b, written, 0);
            Assert.AreEqual(hex, Hex.ToHex(written, 0, length));
        }

        [TestMethod]
        public void Values_beyond_a_field_are_clamped_not_wrapped()
        {
            var status = new ElectricalStatus { SocketOn = true, CurrentMilliamps = 70000, VoltageDeciVolts = -5, PowerFactorPercent = 130, EnergyWattHours = 5000000000L, ActivePowerWatts = -1 };
            var written = new byte[UplinkEncoder.ElectricalStatusLength];
            UplinkEncoder.WriteElectricalStatus(status, written, 0);
            var values = new UplinkValues();
            Assert.IsTrue(UplinkDecoder.TryDecode(written, 0, written.Length, values, new DecodeError()));
            Assert.AreEqual(65535, values.Electrical.CurrentMilliamps);
            Assert.AreEqual(0, values.Electrical.VoltageDeciVolts);
            Assert.AreEqual(100, values.Electrical.PowerFactorPercent);
            Assert.AreEqual(4294967295L, values.Electrical.EnergyWattHours);
            Assert.AreEqual(0L, values.Electrical.ActivePowerWatts);
        }

        [TestMethod]
        [DataRow("0870010581", 5, 2)]
        [DataRow("0970", 0, 3)]
        [DataRow("0875", 1, 4)]
        public void A_bad_uplink_is_rejected_at_the_offending_byte(string hex, int byteIndex, int reason)
        {
            byte[] payload = Hex.Parse(hex);
            var error = new DecodeError();
            Assert.IsFalse(UplinkDecoder.TryDecode(payload, 0, payload.Length, new UplinkValues(), error));
            Assert.AreEqual(reason, (int)error.Reason);
            Assert.AreEqual(byteIndex, error.ByteIndex);
        }
    }
}
