using System;
using System.Diagnostics;
using System.Globalization;
using Ws52x.Host.Board.Metering;
using Ws52x.Metering;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// Metering accuracy on the simulated chip for both chips, 0.5 W to 3,680 W at PF 1.0 and 0.5: measured vs true
    /// V, I, P, PF, and energy over 24 h (1 h with --quick); then the cost of one sample (ns, bytes) on the host.
    /// </summary>
    public sealed class MeteringBenchmark : IBenchmark
    {
        private static readonly double[] Watts = { 0.5, 2, 5, 20, 60, 300, 1000, 2000, 3680 };

        public string Name => "metering";

        public void Run(bool quick)
        {
            double hours = quick ? 1 : 24;
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0}: accuracy after {1} h of virtual time per load (ΔP, ΔV, ΔI in %, ΔPF in points, ΔE in % of the true energy)",
                Name, hours));
            Console.WriteLine("  chip     load W    PF    ΔP %     ΔV %     ΔI %   ΔPF   E true Wh   E meas Wh    ΔE %");
            foreach (MeteringChip chip in new[] { MeteringChip.Hlw8012, MeteringChip.Bl0937 })
            {
                foreach (double w in Watts)
                {
                    foreach (double pf in new[] { 1.0, 0.5 })
                    {
                        Row(chip, w, pf, hours);
                    }
                }
            }

            var sample = Measure.Run(SampleOperation(), quick ? 200_000 : 2_000_000);
            Measure.Print(Name, "sample (two counter reads on the simulated chip, windows, energy, fast current)", sample.NanosPerOperation, "ns");
            Measure.Print(Name, "sample allocation", sample.BytesPerOperation, "bytes");

            var day = new MeteringRig(MeteringChip.Hlw8012, new ConstantLoad("heater", "2 kW", LoadPoint.FromWatts(2000, 1.0)));
            var wall = Stopwatch.StartNew();
            day.RunForSeconds(quick ? 3600 : 86400);
            Measure.Print(Name, quick ? "1 h of metering on the virtual clock (100 samples/s)" : "24 h of metering on the virtual clock (100 samples/s)", wall.Elapsed.TotalMilliseconds, "ms");
        }

        /// <summary>One metering sample of a 2 kW load on the simulated chip, the clock moved on by one tick each time.</summary>
        public static Action SampleOperation()
        {
            var rig = new MeteringRig(MeteringChip.Hlw8012, new ConstantLoad("heater", "2 kW", LoadPoint.FromWatts(2000, 1.0)));
            rig.RunForSeconds(5);
            long now = rig.Clock.NowMicros;
            return () =>
            {
                now += PowerMeter.TickMicros;
                rig.Clock.Advance(PowerMeter.TickMicros);
                rig.Meter.Sample(now);
            };
        }

        private static void Row(MeteringChip chip, double watts, double pf, double hours)
        {
            LoadPoint truth = LoadPoint.FromWatts(watts, pf);
            var rig = new MeteringRig(chip, new ConstantLoad("bench", "bench", truth), seed: 5);
            rig.RunForSeconds(hours * 3600);
            PowerMeter m = rig.Meter;
            double trueWh = rig.Chip.TrueEnergyJoules / 3600;
            double measuredWh = m.Energy.WattHours + m.Energy.RemainderNanojoules / 3.6e12;
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  {0,-7} {1,7:0.0}  {2,4:0.0}  {3,7:+0.000;-0.000;0.000}  {4,7:+0.000;-0.000;0.000}  {5,7:+0.000;-0.000;0.000}  {6,4:+0;-0;0}  {7,10:0.000}  {8,10:0.000}  {9,7:+0.000;-0.000;0.000}",
                chip == MeteringChip.Hlw8012 ? "HLW8012" : "BL0937",
                watts,
                pf,
                Percent(m.PowerMicrowatts / 1e6, truth.Watts),
                Percent(m.VoltageMicrovolts / 1e6, truth.Volts),
                Percent(m.CurrentMicroamps / 1e6, truth.Amps),
                m.PowerFactorPercent - Math.Round(pf * 100),
                trueWh,
                measuredWh,
                Percent(measuredWh, trueWh)));
        }

        private static double Percent(double measured, double truth) => truth == 0 ? 0 : (measured / truth - 1) * 100;
    }
}
