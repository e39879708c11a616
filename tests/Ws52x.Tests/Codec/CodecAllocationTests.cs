using Ws52x.Codec;
using Ws52x.Util;

namespace Ws52x.Tests.Codec
{
    public class CodecAllocationTests
    {
        [Fact]
        public void Encoding_a_report_and_decoding_a_valid_downlink_allocate_nothing()
        {
            var status = new ElectricalStatus { SocketOn = true, VoltageDeciVolts = 2301, CurrentMilliamps = 4350, PowerFactorPercent = 99, ActivePowerWatts = 1000, EnergyWattHours = 12345 };
            var buffer = new byte[UplinkEncoder.ElectricalStatusLength];
            byte[] downlink = Hex.Parse("0801ffffff03b004ff22003c0011ff24010aff30010a");
            var decoder = new DownlinkDecoder(16);
            var commands = new DownlinkCommands();
            var error = new DecodeError();
            for (int i = 0; i < 100; i++)
            {
                UplinkEncoder.WriteElectricalStatus(status, buffer, 0);
                decoder.TryDecode(downlink, 0, downlink.Length, commands, error);
            }

            int decoded = 0;
            int rounds = SteadyStateAllocation.AssertNothingAllocated(() =>
            {
                for (int i = 0; i < 10_000; i++)
                {
                    status.EnergyWattHours = i;
                    UplinkEncoder.WriteElectricalStatus(status, buffer, 0);
                    decoded += decoder.TryDecode(downlink, 0, downlink.Length, commands, error) ? 1 : 0;
                }
            });
            Assert.Equal(rounds * 10_000, decoded);
        }
    }
}
