using System;
using Ws52x.Codec;
using Ws52x.Host.Codec;
using Ws52x.Util;

namespace Ws52x.Tests.Codec
{
    /// <summary>Randomised round trips over the whole value space of every field.</summary>
    public class RoundTripTests
    {
        [Fact]
        public void Reports_round_trip_and_out_of_range_values_clamp()
        {
            var random = new Random(5201);
            var buffer = new byte[UplinkEncoder.ElectricalStatusLength];
            var values = new UplinkValues();
            var error = new DecodeError();
            for (int k = 0; k < 20000; k++)
            {
                var s = new ElectricalStatus
                {
                    SocketOn = random.Next(2) == 1,
                    PowerFactorPercent = random.Next(-50, 200),
                    CurrentMilliamps = random.Next(-1000, 80000),
                    VoltageDeciVolts = random.Next(-10, 70000),
                    EnergyWattHours = random.NextInt64(-10, 0x1_2000_0000L),
                    ActivePowerWatts = random.NextInt64(-10, 0x9000_0000L),
                };
                Assert.Equal(26, UplinkEncoder.WriteElectricalStatus(s, buffer, 0));
                Assert.True(UplinkDecoder.TryDecode(buffer, 0, buffer.Length, values, error), error.ToString());
                ElectricalStatus d = values.Electrical;
                Assert.Equal(s.SocketOn, d.SocketOn);
                Assert.Equal(Math.Clamp(s.PowerFactorPercent, 0, 100), d.PowerFactorPercent);
                Assert.Equal(Math.Clamp(s.CurrentMilliamps, 0, 65535), d.CurrentMilliamps);
                Assert.Equal(Math.Clamp(s.VoltageDeciVolts, 0, 65535), d.VoltageDeciVolts);
                Assert.Equal(Math.Clamp(s.EnergyWattHours, 0, uint.MaxValue), d.EnergyWattHours);
                Assert.Equal(Math.Clamp(s.ActivePowerWatts, 0, int.MaxValue), d.ActivePowerWatts);
            }
        }

        [Fact]
        public void Basic_information_round_trips()
        {
            var random = new Random(5202);
            var buffer = new byte[64];
            var values = new UplinkValues();
            var error = new DecodeError();
            for (int k = 0; k < 5000; k++)
            {
                var b = new BasicInformation
                {
                    ProtocolVersion = (byte)random.Next(256),
                    HardwareMajor = (byte)random.Next(256),
                    HardwareMinor = (byte)random.Next(16),
                    SoftwareMajor = (byte)random.Next(256),
                    SoftwareMinor = (byte)random.Next(256),
                    PowerOn = random.Next(2) == 1,
                    OvercurrentAlarmEnabled = random.Next(2) == 1,
                    OvercurrentAlarmThresholdAmps = random.Next(256),
                    OvercurrentProtectionEnabled = random.Next(2) == 1,
                    OvercurrentProtectionThresholdAmps = random.Next(256),
                    ButtonLockEnabled = random.Next(2) == 1,
                    ButtonLockMinutes = random.Next(0x8000),
                    PowerConsumptionRecording = random.Next(2) == 1,
                };
                random.NextBytes(b.SerialNumber);
                int n = UplinkEncoder.WriteBasicInformation(b, buffer, 0);
                Assert.Equal(b.PowerOn ? UplinkEncoder.BasicInformationLength : UplinkEncoder.BasicInformationLength - 3, n);
                Assert.True(UplinkDecoder.TryDecode(buffer, 0, n, values, error), error.ToString());
                BasicInformation d = values.Basic;
                Assert.Equal(b.ProtocolVersion, d.ProtocolVersion);
                Assert.Equal(b.SerialNumber, d.SerialNumber);
                Assert.Equal((b.HardwareMajor, b.HardwareMinor, b.SoftwareMajor, b.SoftwareMinor), (d.HardwareMajor, d.HardwareMinor, d.SoftwareMajor, d.SoftwareMinor));
                Assert.Equal(b.PowerOn, values.Has(UplinkValues.HasPowerOn));
                Assert.Equal((b.OvercurrentAlarmEnabled, b.OvercurrentAlarmThresholdAmps), (d.OvercurrentAlarmEnabled, d.OvercurrentAlarmThresholdAmps));
                Assert.Equal((b.OvercurrentProtectionEnabled, b.OvercurrentProtectionThresholdAmps), (d.OvercurrentProtectionEnabled, d.OvercurrentProtectionThresholdAmps));
                Assert.Equal((b.ButtonLockEnabled, b.ButtonLockMinutes), (d.ButtonLockEnabled, d.ButtonLockMinutes));
                Assert.Equal(b.PowerConsumptionRecording, d.PowerConsumptionRecording);
            }
        }

        [Fact]
        public void Valid_downlinks_round_trip_through_encoder_and_decoder()
        {
            var random = new Random(5203);
            var decoder = new DownlinkDecoder(16);
            var buffer = new byte[DownlinkEncoder.MaxLength];
            var back = new DownlinkCommands();
            var error = new DecodeError();
            CommandKind[] kinds = (CommandKind[])Enum.GetValues(typeof(CommandKind));
            for (int k = 0; k < 20000; k++)
            {
                var c = new DownlinkCommands
                {
                    SwitchOn = random.Next(2) == 1,
                    SwitchGuideForm = random.Next(2) == 1,
                    ReportingIntervalSeconds = random.Next(60, 64801),
                    DelaySeconds = random.Next(1, 65536),
                    DelayOpens = random.Next(2) == 1,
                    OvercurrentAlarmEnabled = random.Next(2) == 1,
                    OvercurrentAlarmThresholdAmps = random.Next(1, 17),
                    OvercurrentProtectionEnabled = random.Next(2) == 1,
                    OvercurrentProtectionThresholdAmps = random.Next(1, 17),
                    ButtonLockEnabled = random.Next(2) == 1,
                    ButtonLockMinutes = random.Next(0x8000),
                    PowerConsumptionRecording = random.Next(2) == 1,
                    LedEnabled = random.Next(2) == 1,
                };
                int picks = random.Next(1, 6);
                for (int p = 0; p < picks; p++)
                {
                    c.Add(kinds[random.Next(1, kinds.Length)]);
                }

                int n = DownlinkEncoder.Write(c, buffer, 0);
                Assert.True(decoder.TryDecode(buffer, 0, n, back, error), Hex.ToHex(buffer, 0, n) + ": " + error);
                Assert.Equal(c.Count, back.Count);
                for (int i = 0; i < c.Count; i++)
                {
                    Assert.True(back.Contains(c[i]));
                }

                Assert.Equal(VendorJson.Downlink(c), VendorJson.Downlink(back));
                if (c.Contains(CommandKind.Switch))
                {
                    Assert.Equal(c.SwitchGuideForm, back.SwitchGuideForm);
                }
            }
        }
    }
}
