using System;
using Ws52x.Benchmarks;
using Ws52x.Host.Board.Metering;
using Ws52x.Metering;

namespace Ws52x.Tests.Metering
{
    /// <summary>
    /// The documented accuracy bounds (docs/metering.md) on the simulated chip, with its ±0.1 % frequency noise:
    /// |ΔP| ≤ 0.5 % from 5 W, |ΔV| ≤ 0.2 %, |ΔI| ≤ 0.5 % from 50 mA, PF within 1 point from 20 W, energy within
    /// 0.1 % plus one pulse. The benchmark prints the same figures for the whole table and 24 h.
    /// </summary>
    public class AccuracyTests
    {
        public static TheoryData<MeteringChip, double, double, bool> Loads()
        {
            var data = new TheoryData<MeteringChip, double, double, bool>();
            foreach (MeteringChip chip in new[] { MeteringChip.Hlw8012, MeteringChip.Bl0937 })
            {
                foreach (double watts in new[] { 0.5, 5, 60, 1000, 3680 })
                {
                    foreach (double pf in new[] { 1.0, 0.5 })
                    {
                        data.Add(chip, watts, pf, false);
                    }
                }

                data.Add(chip, 9, 0.5, true);
                data.Add(chip, 2000, 1.0, true);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Loads))]
        public void Readings_hold_the_documented_bounds(MeteringChip chip, double watts, double pf, bool edgeTimestamps)
        {
            LoadPoint truth = LoadPoint.FromWatts(watts, pf);
            var rig = new MeteringRig(chip, new ConstantLoad("t", "t", truth), seed: 11, edgeTimestamps: edgeTimestamps);
            rig.RunForSeconds(600);
            PowerMeter m = rig.Meter;

            double p = m.PowerMicrowatts / 1e6;
            double v = m.VoltageMicrovolts / 1e6;
            double i = m.CurrentMicroamps / 1e6;
            if (watts >= 5)
            {
                AssertRelative(truth.Watts, p, 0.005, "power");
            }
            else
            {
                AssertRelative(truth.Watts, p, 0.02, "power below 5 W");
            }

            AssertRelative(truth.Volts, v, 0.002, "voltage");
            if (truth.Amps >= 0.05)
            {
                AssertRelative(truth.Amps, i, 0.005, "current");
            }

            if (watts >= 20)
            {
                Assert.InRange(m.PowerFactorPercent, pf * 100 - 1, pf * 100 + 1);
            }

            double pulseWh = m.Calibration.PowerNanoWattsPerHz / 3.6e12;
            double measuredWh = m.Energy.WattHours + m.Energy.RemainderNanojoules / 3.6e12;
            double trueWh = rig.Chip.TrueEnergyJoules / 3600;
            Assert.InRange(measuredWh, trueWh * 0.999 - pulseWh, trueWh * 1.001 + pulseWh);
        }

        [Fact]
        public void Nothing_plugged_in_reads_zero()
        {
            var rig = new MeteringRig(MeteringChip.Hlw8012, new ConstantLoad("n", "n", new LoadPoint(230, 0, 1)));
            rig.RunForSeconds(300);
            Assert.Equal(0, rig.Meter.PowerMicrowatts);
            Assert.Equal(0, rig.Meter.CurrentMicroamps);
            Assert.Equal(0, rig.Meter.PowerFactorPercent);
            AssertRelative(230, rig.Meter.VoltageMicrovolts / 1e6, 0.002, "voltage");
        }

        [Fact]
        public void A_load_switched_off_reads_near_zero_within_a_second_and_zero_after_the_timeout()
        {
            var rig = new MeteringRig(MeteringChip.Hlw8012, new ConstantLoad("k", "k", LoadPoint.FromWatts(2200, 1)));
            rig.RunForSeconds(30);
            rig.Chip.SetLoad(new ConstantLoad("off", "off", new LoadPoint(230, 0, 1)));
            rig.RunForSeconds(1);

            // One CF pulse (10.34 J) in about a second of quiet: ~10 W at most, from 2200 W.
            Assert.InRange(rig.Meter.PowerMicrowatts, 0, 11_000_000);
            rig.RunForSeconds(60);
            Assert.Equal(0, rig.Meter.PowerMicrowatts);

            // Current times out after 60 s of listening; CF1 spends ~15 % of the time on voltage, so ~70 s in all.
            Assert.InRange(rig.Meter.CurrentMicroamps, 1, 1000);
            rig.RunForSeconds(15);
            Assert.Equal(0, rig.Meter.CurrentMicroamps);
        }

        [Theory]
        [InlineData(MeteringChip.Hlw8012, 1.0)]
        [InlineData(MeteringChip.Hlw8012, 0.5)]
        [InlineData(MeteringChip.Bl0937, 0.5)]
        public void A_load_that_stops_by_itself_reads_power_factor_0_not_100(MeteringChip chip, double pf)
        {
            // A kettle's thermostat or a fridge's compressor stops with the relay on. Power and current then fall as
            // "one pulse since the last edge", each as 1/t: their ratio says nothing, and read as 300 % clamped to 100.
            var rig = new MeteringRig(chip, new ConstantLoad("k", "k", LoadPoint.FromWatts(2000, pf)));
            rig.RunForSeconds(30);
            Assert.InRange(rig.Meter.PowerFactorPercent, pf * 100 - 1, pf * 100 + 1);
            rig.Chip.SetLoad(new ConstantLoad("off", "off", new LoadPoint(230, 0, 1)));
            rig.RunForSeconds(3);
            for (int i = 0; i < 8000; i++)
            {
                rig.RunFor(PowerMeter.TickMicros);
                Assert.Equal(0, rig.Meter.PowerFactorPercent);
            }
        }

        [Theory]
        [InlineData(MeteringChip.Hlw8012, 0.5)]
        [InlineData(MeteringChip.Hlw8012, 5)]
        [InlineData(MeteringChip.Bl0937, 0.5)]
        public void A_small_steady_load_never_reads_power_factor_0(MeteringChip chip, double watts)
        {
            var rig = new MeteringRig(chip, new ConstantLoad("s", "s", LoadPoint.FromWatts(watts, 0.5)));
            rig.RunForSeconds(120);
            for (int i = 0; i < 60000; i++) // ten minutes of samples, voltage visits included
            {
                rig.RunFor(PowerMeter.TickMicros);
                Assert.InRange(rig.Meter.PowerFactorPercent, 40, 60);
            }
        }

        private static void AssertRelative(double expected, double actual, double bound, string what)
        {
            double error = Math.Abs(actual / expected - 1);
            Assert.True(error <= bound, what + ": measured " + actual + " vs true " + expected + " (" + (error * 100).ToString("0.000") + " %, bound " + (bound * 100) + " %)");
        }
    }
}
