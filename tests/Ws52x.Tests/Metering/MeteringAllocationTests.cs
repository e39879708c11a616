using Ws52x.Benchmarks;
using Ws52x.Host.Board.Metering;
using Ws52x.Metering;

namespace Ws52x.Tests.Metering
{
    public class MeteringAllocationTests
    {
        [Fact]
        public void Sampling_and_building_the_report_values_allocate_nothing_after_warm_up()
        {
            var rig = new MeteringRig(MeteringChip.Hlw8012, new ConstantLoad("k", "k", LoadPoint.FromWatts(2200, 1)));
            var status = new Ws52x.Codec.ElectricalStatus();
            rig.RunForSeconds(30); // voltage and current windows have come and gone

            SteadyStateAllocation.AssertNothingAllocated(() =>
            {
                for (int i = 0; i < 3000; i++)
                {
                    rig.RunFor(PowerMeter.TickMicros);
                    rig.Meter.Fill(status);
                }
            });
            Assert.InRange(status.ActivePowerWatts, 2195, 2205);
        }
    }
}
