using Ws52x.Benchmarks;
using Ws52x.Host.Board.Metering;
using Ws52x.Metering;

namespace Ws52x.Tests.Metering
{
    /// <summary>The signal overcurrent protection will use: fresh every tick, following a step within 50 ms.</summary>
    public class FastCurrentTests
    {
        private const long Ms = 1000;

        public static TheoryData<MeteringChip, int> StepCases()
        {
            var data = new TheoryData<MeteringChip, int>();
            foreach (MeteringChip chip in new[] { MeteringChip.Hlw8012, MeteringChip.Bl0937 })
            {
                // Steps at different offsets from the 10 ms tick and the 100 ms noise steps.
                foreach (int offsetMicros in new[] { 1, 2_500, 5_000, 7_777, 9_999, 43_210 })
                {
                    data.Add(chip, offsetMicros);
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(StepCases))]
        public void A_step_to_16_A_reaches_1_5_times_a_10_A_threshold_within_50_ms(MeteringChip chip, int offsetMicros)
        {
            var rig = new MeteringRig(chip, new ConstantLoad("2A", "2 A", new LoadPoint(230, 2.0, 1.0)));
            rig.RunForSeconds(5.0);
            Assert.False(rig.Meter.VoltageMode); // CF1 on current, as it is but for a voltage visit every 10 s
            rig.RunFor(offsetMicros);
            // 2 A is 14 pulses in 100 ms on the HLW8012: fewer than 20, so the estimate is the lower bound (n - 1) / span.
            Assert.InRange(rig.Meter.FastCurrentMicroamps, 1_700_000, 2_000_000);

            long reached = StepTo16AmpsAndTimeTo15(rig, 200 * Ms);

            Assert.True(reached >= 0 && reached <= 50 * Ms, "reached 15 A after " + reached / 1000.0 + " ms");
            Assert.InRange(rig.Meter.FastCurrentMicroamps, 15_000_000, 17_000_000);
        }

        [Theory]
        [InlineData(MeteringChip.Hlw8012)]
        [InlineData(MeteringChip.Bl0937)]
        public void A_step_while_CF1_measures_voltage_is_caught_from_CF_and_ends_the_voltage_visit(MeteringChip chip)
        {
            var rig = new MeteringRig(chip, new ConstantLoad("2A", "2 A", new LoadPoint(230, 2.0, 1.0)));
            while (!rig.Meter.VoltageMode || rig.Clock.NowMicros < 5_000_000)
            {
                rig.RunFor(PowerMeter.TickMicros);
            }

            rig.RunFor(200 * Ms); // inside the voltage window
            Assert.True(rig.Meter.VoltageMode);
            long reached = StepTo16AmpsAndTimeTo15(rig, 300 * Ms);

            // From CF alone (±1 pulse in 20): the documented bound is 80 ms; CF1 goes back to current right away.
            Assert.True(reached >= 0 && reached <= 80 * Ms, "reached 15 A after " + reached / 1000.0 + " ms");
            Assert.False(rig.Meter.VoltageMode);
        }

        [Theory]
        [InlineData(MeteringChip.Hlw8012)]
        [InlineData(MeteringChip.Bl0937)]
        public void A_steady_9_A_never_reads_10_A(MeteringChip chip)
        {
            var rig = new MeteringRig(chip, new ConstantLoad("9A", "9 A", new LoadPoint(230, 9.0, 1.0)));
            rig.RunForSeconds(1);
            long max = 0;
            for (int i = 0; i < 6000; i++) // a minute, voltage visits included
            {
                rig.RunFor(PowerMeter.TickMicros);
                if (rig.Meter.FastCurrentMicroamps > max)
                {
                    max = rig.Meter.FastCurrentMicroamps;
                }
            }

            Assert.InRange(max, 9_000_000, 9_999_999);
        }

        public static TheoryData<MeteringChip, bool, int> LowThresholds()
        {
            var data = new TheoryData<MeteringChip, bool, int>();
            foreach (MeteringChip chip in new[] { MeteringChip.Hlw8012, MeteringChip.Bl0937 })
            {
                foreach (bool protection in new[] { true, false })
                {
                    foreach (int amps in new[] { 1, 2, 5 })
                    {
                        data.Add(chip, protection, amps);
                    }
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(LowThresholds))]
        public void A_steady_load_5_percent_under_a_low_threshold_never_reads_it(MeteringChip chip, bool protection, int thresholdAmps)
        {
            // ff24/ff30 accept 1-16 A. At 0.95 A CF1 gives 7 pulses in 100 ms, and in a voltage visit CF gives 2: one
            // pulse too many read 1.1-1.45 A and tripped a 1 A protection once a minute.
            double amps = thresholdAmps * 0.95;
            var rig = new MeteringRig(chip, new ConstantLoad("x", "x", new LoadPoint(230, amps, 1.0)), seed: 9);
            rig.Meter.ProtectionOn = protection;
            rig.RunForSeconds(1);
            long max = 0;
            for (int i = 0; i < 13000; i++) // over two minutes: voltage visits included
            {
                rig.RunFor(PowerMeter.TickMicros);
                max = System.Math.Max(max, rig.Meter.FastCurrentMicroamps);
            }

            Assert.InRange(max, (long)(amps * 0.8e6), thresholdAmps * 1_000_000L - 1);
        }

        [Theory]
        [MemberData(nameof(LowThresholds))]
        public void A_step_to_10_percent_over_a_low_threshold_reads_over_it_within_100_ms(MeteringChip chip, bool protection, int thresholdAmps)
        {
            // The other side of the one above: reading low at few pulses never hides a real overload for long. With
            // protection off CF1 also visits voltage, so the alarm alone may take a tick or five longer (measured: 110 ms
            // on the HLW8012 at 1 A; 5 % over takes 110-140 ms at 1-2 A either way).
            var rig = new MeteringRig(chip, new ConstantLoad("x", "x", new LoadPoint(230, thresholdAmps * 0.5, 1.0)), seed: 9);
            rig.Meter.ProtectionOn = protection;
            rig.RunForSeconds(3);
            long step = rig.Clock.NowMicros;
            rig.Chip.SetLoad(new ConstantLoad("y", "y", new LoadPoint(230, thresholdAmps * 1.10, 1.0)));
            long reached = -1;
            while (reached < 0 && rig.Clock.NowMicros < step + 2_000_000)
            {
                rig.RunFor(PowerMeter.TickMicros);
                if (rig.Meter.FastCurrentMicroamps >= thresholdAmps * 1_000_000L)
                {
                    reached = rig.Clock.NowMicros - step;
                }
            }

            long bound = protection ? 100 * Ms : 150 * Ms;
            Assert.True(reached >= 0 && reached <= bound, "read over " + thresholdAmps + " A after " + reached / 1000.0 + " ms");
        }

        // Steps the load to 16 A now, runs `horizon` and returns how long after the step the fast estimate first read
        // 15 A or more (-1: never).
        private static long StepTo16AmpsAndTimeTo15(MeteringRig rig, long horizon)
        {
            long step = rig.Clock.NowMicros;
            rig.Chip.SetLoad(new ConstantLoad("16A", "16 A", new LoadPoint(230, 16.0, 1.0)));
            long reached = -1;
            while (rig.Clock.NowMicros < step + horizon)
            {
                rig.RunFor(PowerMeter.TickMicros);
                if (reached < 0 && rig.Meter.FastCurrentMicroamps >= 15_000_000)
                {
                    reached = rig.Meter.FastCurrentMicros - step;
                }
            }

            return reached;
        }
    }
}
