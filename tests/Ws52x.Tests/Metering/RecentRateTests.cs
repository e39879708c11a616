using System;
using Ws52x.Metering;

namespace Ws52x.Tests.Metering
{
    /// <summary>
    /// The fast rate's two promises, on exact pulse trains read at the loop's uneven moments: it never reads more than
    /// 5 % high (so a load 5 % under a threshold never trips it), and the bounds from every pair of readings catch a
    /// step to 5 % over the threshold well before a plain 20-pulse count would.
    /// </summary>
    public class RecentRateTests
    {
        // A multiplier of 10^6 nano-units per Hz makes Value come out in mHz, the unit the rates below are compared in.
        private const long MilliHertz = 1_000_000;

        /// <summary>Pulses counted by <paramref name="t"/> µs of a train at <paramref name="hz"/> from phase <paramref name="phase"/>, stepping to <paramref name="stepHz"/> at <paramref name="stepAt"/>.</summary>
        private static long Count(double phase, double hz, double stepHz, long stepAt, long t)
        {
            double pulses = t <= stepAt ? phase + hz * t / 1e6 : phase + hz * stepAt / 1e6 + stepHz * (t - stepAt) / 1e6;
            return (long)Math.Floor(pulses);
        }

        [Theory]
        [InlineData(211.3, 0)]        // 9.5 A on the HLW8012's CF, under a 10 A threshold (222.4 Hz)
        [InlineData(211.3, 30_000)]   // the same, read by a loop waking 0-30 ms late
        [InlineData(655.5, 30_000)]   // 9.5 A on its CF1
        [InlineData(1_130.0, 30_000)] // the BL0937's CF at 9.5 A
        public void A_steady_rate_never_reads_more_than_5_percent_high(double hz, long maxLate)
        {
            double worst = 0;
            for (int seed = 0; seed < 200; seed++)
            {
                var random = new Random(seed);
                var rate = new RecentRate(10);
                double phase = random.NextDouble();
                long t = 0;
                for (int read = 0; read < 200; read++)
                {
                    t += 10_000 + (long)(random.NextDouble() * maxLate);
                    rate.Add(Count(phase, hz, hz, long.MaxValue, t), t);
                    if (read >= 12)
                    {
                        worst = Math.Max(worst, rate.Value(MilliHertz, 20) / (hz * 1000));
                    }
                }
            }

            Assert.True(worst < 1 / 0.95, "read " + ((worst - 1) * 100).ToString("0.00") + " % high");
        }

        [Theory]
        // A prompt loop: 20 pulses from readings after the step alone would take up to 100 ms, the bounds take 70.
        [InlineData(0, 75_000, 60_000)]
        // A loop 0-30 ms late reads rarely, so the bounds have few readings to close in with: the worst case stays near
        // 20 pulses' (150 ms on this generator), the typical one gains 15 ms (a plain count: 105 ms on average).
        [InlineData(30_000, 155_000, 95_000)]
        public void A_step_to_5_percent_over_the_threshold_is_read_over_it_sooner_than_20_pulses_take(long maxLate, long worstBound, long meanBound)
        {
            // 2 A to 10.5 A on the HLW8012's CF (45 Hz to 233.5 Hz) against a 10 A threshold (222.4 Hz): 20 pulses
            // take 86 ms, and their count is only within ±5 % once the window holds no pulse from before the step.
            long worst = 0;
            long sum = 0;
            const int Steps = 200;
            for (int seed = 0; seed < Steps; seed++)
            {
                var random = new Random(1000 + seed);
                var rate = new RecentRate(10);
                double phase = random.NextDouble();
                long stepAt = 1_000_000 + (long)(random.NextDouble() * 50_000);
                long t = 0;
                long seen = -1;
                while (seen < 0 && t < stepAt + 1_000_000)
                {
                    t += 10_000 + (long)(random.NextDouble() * maxLate);
                    rate.Add(Count(phase, 45, 233.5, stepAt, t), t);
                    if (rate.Value(MilliHertz, 20) >= 222_400)
                    {
                        seen = t - stepAt;
                    }
                }

                Assert.True(seen > 0, "seed " + seed + ": " + (seen < 0 ? "never read over" : "read over before the step"));
                worst = Math.Max(worst, seen);
                sum += seen;
            }

            Assert.True(worst <= worstBound && sum / Steps <= meanBound, "worst " + worst / 1000.0 + " ms, mean " + sum / Steps / 1000.0 + " ms");
        }
    }
}
