using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Ws52x.Codec;
using Ws52x.Host.Codec;
using Ws52x.Host.Commands;
using Ws52x.Util;

namespace Ws52x.Tests.Codec
{
    /// <summary>Every vector of the vendor's own codec, both ways.</summary>
    public class VendorVectorTests
    {
        public static IEnumerable<object[]> Uplinks() => CodecJson.Vectors("uplinks").Select(u => new object[] { (string)u["hex"], u["vendor"].ToJsonString() });

        public static IEnumerable<object[]> Downlinks() => CodecJson.Vectors("downlinks").Where(d => d["object"] != null).Select(d => new object[] { (string)d["hex"], d["object"].ToJsonString() });

        public static IEnumerable<object[]> GuideDownlinks() => CodecJson.Vectors("downlinks").Where(d => d["object"] == null).Select(d => new object[] { (string)d["hex"] });

        [Theory]
        [MemberData(nameof(Uplinks))]
        public void Our_decoder_prints_what_the_vendor_decoder_prints(string hex, string vendorJson)
        {
            var vendor = CodecJson.Parse(vendorJson);
            byte[] bytes = Hex.Parse(hex);
            var values = new UplinkValues();
            var error = new DecodeError();
            Assert.True(UplinkDecoder.TryDecode(bytes, 0, bytes.Length, values, error), error.ToString());
            var ours = CodecJson.Parse(VendorJson.Uplink(values));
            if (vendor["error"] != null)
            {
                // The vendor decoder throws on the guide's power-outage alert; ours knows it.
                Assert.Equal("ff3fff", hex);
                Assert.Equal("yes", (string)ours["power_outage"]);
                return;
            }

            Assert.True(CodecJson.SameValue(vendor, ours), "vendor " + vendorJson + "\nours   " + ours.ToJsonString());
        }

        [Theory]
        [MemberData(nameof(Uplinks))]
        public void Our_encoder_reproduces_every_uplink_from_the_vendor_values(string hex, string vendorJson)
        {
            JsonNode v = CodecJson.Parse(vendorJson);
            var buffer = new byte[64];
            int n;
            if (v["error"] != null)
            {
                n = UplinkEncoder.WritePowerOutage(buffer, 0);
            }
            else if (v["socket_status"] != null)
            {
                var status = new ElectricalStatus
                {
                    SocketOn = (string)v["socket_status"] == "on",
                    PowerFactorPercent = (int)v["power_factor"],
                    CurrentMilliamps = (int)v["current"],
                    VoltageDeciVolts = (int)System.Math.Round((double)v["voltage"] * 10),
                    EnergyWattHours = (long)v["power_consumption"],
                    ActivePowerWatts = (long)v["active_power"],
                };
                n = UplinkEncoder.WriteElectricalStatus(status, buffer, 0);
                Assert.Equal(UplinkEncoder.ElectricalStatusLength, n);
            }
            else
            {
                var info = new BasicInformation { PowerOn = false };
                string ipso = (string)v["ipso_version"];
                info.ProtocolVersion = (byte)((ipso[1] - '0') << 4 | (ipso[3] - '0'));
                Hex.Parse((string)v["sn"]).CopyTo(info.SerialNumber, 0);
                string[] hw = ((string)v["hardware_version"]).Substring(1).Split('.');
                info.HardwareMajor = byte.Parse(hw[0]);
                info.HardwareMinor = byte.Parse(hw[1]);
                string[] sw = ((string)v["firmware_version"]).Substring(1).Split('.');
                info.SoftwareMajor = System.Convert.ToByte(sw[0], 16);
                info.SoftwareMinor = System.Convert.ToByte(sw[1], 16);
                info.OvercurrentAlarmEnabled = (string)v["current_alarm_config"]["enable"] == "enable";
                info.OvercurrentAlarmThresholdAmps = (int)v["current_alarm_config"]["threshold"];
                info.OvercurrentProtectionEnabled = (string)v["over_current_protection"]["enable"] == "enable";
                info.OvercurrentProtectionThresholdAmps = (int)v["over_current_protection"]["trip_current"];
                info.ButtonLockEnabled = (string)v["child_lock_config"]["enable"] == "enable";
                info.ButtonLockMinutes = (int)v["child_lock_config"]["lock_time"];
                info.PowerConsumptionRecording = (string)v["power_consumption_enable"] == "enable";
                n = UplinkEncoder.WriteBasicInformation(info, buffer, 0);
            }

            Assert.Equal(hex, Hex.ToHex(buffer, 0, n));
        }

        [Theory]
        [MemberData(nameof(Downlinks))]
        public void Every_vendor_downlink_decodes_to_the_vendor_object(string hex, string objectJson)
        {
            byte[] bytes = Hex.Parse(hex);
            var commands = new DownlinkCommands();
            var error = new DecodeError();
            Assert.True(new DownlinkDecoder(16).TryDecode(bytes, 0, bytes.Length, commands, error), error.ToString());
            var ours = CodecJson.Parse(VendorJson.Downlink(commands));
            Assert.True(CodecJson.SameValue(CodecJson.Parse(objectJson), ours), "vendor " + objectJson + "\nours   " + ours.ToJsonString());
        }

        [Theory]
        [MemberData(nameof(Downlinks))]
        public void Every_vendor_object_encodes_to_the_vendor_hex(string hex, string objectJson)
        {
            DownlinkCommands commands = VendorObject.ToCommands(objectJson, guideForm: false);
            var buffer = new byte[DownlinkEncoder.MaxLength];
            int n = DownlinkEncoder.Write(commands, buffer, 0);
            Assert.Equal(hex, Hex.ToHex(buffer, 0, n));
        }

        [Theory]
        [MemberData(nameof(GuideDownlinks))]
        public void The_guide_examples_decode_and_re_encode_in_the_guide_form(string hex)
        {
            byte[] bytes = Hex.Parse(hex);
            var commands = new DownlinkCommands();
            var error = new DecodeError();
            Assert.True(new DownlinkDecoder(16).TryDecode(bytes, 0, bytes.Length, commands, error), error.ToString());
            var buffer = new byte[DownlinkEncoder.MaxLength];
            int n = DownlinkEncoder.Write(commands, buffer, 0);

            // The vendor encoder orders ff30 before ff24; the guide's example 5 has them the other way round.
            var expected = hex == "ff24010aff30010a" ? "ff30010aff24010a" : hex;
            Assert.Equal(expected, Hex.ToHex(buffer, 0, n));
        }

        [Fact]
        public void The_guide_examples_mean_what_the_guide_says()
        {
            var d = new DownlinkDecoder(16);
            var c = new DownlinkCommands();
            var e = new DecodeError();
            Assert.True(d.TryDecode(Hex.Parse("080100ff"), 0, 4, c, e));
            Assert.True(c.SwitchOn && c.SwitchGuideForm && c.Count == 1 && c[0] == CommandKind.Switch);
            Assert.True(d.TryDecode(Hex.Parse("ff03b004"), 0, 4, c, e));
            Assert.Equal(1200, c.ReportingIntervalSeconds);
            Assert.True(d.TryDecode(Hex.Parse("ff22003c0011"), 0, 6, c, e));
            Assert.True(c.DelayOpens);
            Assert.Equal(60, c.DelaySeconds);
            Assert.True(d.TryDecode(Hex.Parse("ff24010aff30010a"), 0, 8, c, e));
            Assert.Equal(new[] { CommandKind.OvercurrentAlarm, CommandKind.OvercurrentProtection }, new[] { c[0], c[1] });
            Assert.True(c.OvercurrentAlarmEnabled && c.OvercurrentProtectionEnabled);
            Assert.Equal(10, c.OvercurrentAlarmThresholdAmps);
            Assert.Equal(10, c.OvercurrentProtectionThresholdAmps);
        }
    }
}
