using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ws52x.Metering;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// Overcurrent protection on the host board: time from a step of the load (2 A to threshold+5 % .. 16 A, threshold
    /// 10 A) to the relay opening, on a loop with no latency and with 10-30 ms of latency per wake-up (the ESP32 under
    /// FreeRTOS): step moments spread over 10.4 s (with protection on, CF1 visits voltage once a minute, so these find it
    /// on current), and as many spread over a voltage visit (the worst moments). Then the cost of one protection check
    /// and one status report build.
    /// </summary>
    public sealed class ProtectionBenchmark : IBenchmark
    {
        public static readonly double[] StepAmps = { 10.5, 11, 12, 13, 14, 15, 16 };

        public string Name => "protection";

        public void Run(bool quick)
        {
            int phases = quick ? 25 : 100;
            Console.WriteLine(Name + ": trip latency from the step to the relay opening, threshold 10 A, from 2 A, " + phases + " step moments over 10.4 s and " + phases + " over a voltage visit each (ms)");
            Console.WriteLine("  chip     step A  loop late   CF1 on current: n   max   p50     step met a voltage visit: n   max   p50   false trips");
            foreach (MeteringChip chip in new[] { MeteringChip.Hlw8012, MeteringChip.Bl0937 })
            {
                foreach (double amps in StepAmps)
                {
                    foreach ((long min, long max) in new[] { (0L, 0L), (10_000L, 30_000L) })
                    {
                        Row(chip, amps, min, max, phases);
                    }
                }
            }

            Costs(quick);
        }

        private static void Row(MeteringChip chip, double amps, long min, long max, int phases)
        {
            var current = new List<double>();
            var visits = new List<double>();
            int falseTrips = 0;
            for (int k = 0; k < 2 * phases; k++)
            {
                // First over 10.4 s from 5 s, then over the 2 s from the start of the voltage visit after a minute.
                bool targeted = k >= phases;
                int j = targeted ? k - phases : k;
                long at = targeted ? 5_000_000 : 5_000_000 + j * 10_400_000L / phases + 1_037 * j;
                long offset = targeted ? j * 2_000_000L / phases + 1_037 * j % 10_000 : -1;
                long micros = SocketRig.TripLatencyMicros(chip, 10, 2.0, amps, at, min, max, seed: 100 + k, out bool inVisit, offset);
                if (micros == -2)
                {
                    falseTrips++;
                    continue;
                }

                double ms = micros < 0 ? double.PositiveInfinity : micros / 1000.0;
                (inVisit ? visits : current).Add(ms);
            }

            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  {0,-7} {1,6:0.0}   {2,-9}  {9,17} {3,5:0.0} {4,6:0.0}   {5,26} {6,5:0.0} {7,5:0.0}   {8}",
                chip == MeteringChip.Hlw8012 ? "HLW8012" : "BL0937",
                amps,
                max == 0 ? "0" : (min / 1000) + "-" + (max / 1000) + " ms",
                Max(current),
                Median(current),
                visits.Count,
                Max(visits),
                Median(visits),
                falseTrips,
                current.Count));
        }

        private static void Costs(bool quick)
        {
            var (check, build) = SocketRig.ProtectionCheckAndReportBuild(quick ? 100_000 : 1_000_000);
            Measure.Print("protection", "protection check (fast current vs thresholds)", check.NanosPerOperation, "ns");
            Measure.Print("protection", "protection check allocation", check.BytesPerOperation, "bytes");
            Measure.Print("protection", "status report build (26 bytes)", build.NanosPerOperation, "ns");
            Measure.Print("protection", "status report build allocation", build.BytesPerOperation, "bytes");
        }

        private static double Max(List<double> v) => v.Count == 0 ? double.NaN : v.Max();

        private static double Median(List<double> v)
        {
            if (v.Count == 0)
            {
                return double.NaN;
            }

            var sorted = v.OrderBy(x => x).ToList();
            return sorted[sorted.Count / 2];
        }
    }
}
