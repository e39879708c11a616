using Ws52x.Codec;
using Ws52x.Util;

namespace Ws52x.Tests.Codec
{
    public class VendorJsonTests
    {
        [Fact]
        public void The_widest_uplink_fits_and_writing_it_allocates_nothing()
        {
            var values = new UplinkValues { Present = -1 };
            BasicInformation b = values.Basic;
            System.Array.Fill(b.SerialNumber, (byte)0xff);
            b.SoftwareMajor = 0xff;
            b.SoftwareMinor = 0xff;
            b.OvercurrentAlarmThresholdAmps = int.MinValue;
            b.OvercurrentProtectionThresholdAmps = int.MinValue;
            b.ButtonLockMinutes = int.MinValue;
            b.LoRaWanClass = 3;
            ElectricalStatus e = values.Electrical;
            e.PowerFactorPercent = int.MinValue;
            e.CurrentMilliamps = int.MinValue;
            e.VoltageDeciVolts = -2147483647;
            e.EnergyWattHours = long.MinValue;
            e.ActivePowerWatts = long.MinValue;

            var buffer = new TextBuffer(VendorJson.MaxLength);
            VendorJson.WriteUplink(values, buffer);
            Assert.False(buffer.Overflowed, buffer.Length.ToString());
            Assert.Equal(buffer.ToString(), VendorJson.Uplink(values));
            Assert.StartsWith("{\"ipso_version\": \"v", buffer.ToString());
            Assert.Contains("\"firmware_version\": \"vff.ff\"", buffer.ToString());
            SteadyStateAllocation.AssertNothingAllocated(() => VendorJson.WriteUplink(values, buffer.Clear()));
        }

        [Fact]
        public void A_downlink_with_every_command_fits()
        {
            var c = new DownlinkCommands();
            var buffer = new TextBuffer(VendorJson.MaxLength);
            foreach (CommandKind kind in System.Enum.GetValues<CommandKind>())
            {
                Assert.True(c.Add(kind));
            }

            c.ReportingIntervalSeconds = int.MinValue;
            c.DelaySeconds = int.MinValue;
            c.DeleteDelayTaskIndex = int.MinValue;
            c.OvercurrentAlarmThresholdAmps = int.MinValue;
            c.OvercurrentProtectionThresholdAmps = int.MinValue;
            c.ButtonLockMinutes = int.MinValue;
            VendorJson.WriteDownlink(c, buffer);
            Assert.False(buffer.Overflowed, buffer.Length.ToString());
            Assert.Equal("{}", VendorJson.Downlink(new DownlinkCommands()));
        }
    }
}
