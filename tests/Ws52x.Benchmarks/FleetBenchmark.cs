using System;
using System.Diagnostics;
using Ws52x.Host.Fleet;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// What a fleet costs as it grows: N sockets (each the real firmware) on one air for 24 h (quick mode: N = 1, 10,
    /// 100 for 1 h), host seconds (wall and CPU) and per socket-day, managed memory per socket, and the delivery ratio
    /// next to pure ALOHA's expectation for the offered load: per SF, G = frames · airtime / (duration · channels),
    /// expected share of frames not collided e^(−2G), weighted by the frames at each SF. Goal of issue 13: linear in N,
    /// 1000 sockets × 24 h within 120 s on the 2-core build machine.
    /// </summary>
    public sealed class FleetBenchmark : IBenchmark
    {
        private const long Hour = 3600L * 1_000_000;

        public string Name => "fleet";

        public void Run(bool quick)
        {
            long duration = quick ? Hour : 24 * Hour;
            int[] sizes = quick ? new[] { 1, 10, 100 } : new[] { 1, 10, 100, 1000 };
            using (var warm = new FleetRun(new FleetOptions { Count = 2, DurationMicros = Hour / 4 }))
            {
                warm.Run(); // JIT and first-touch costs are not the fleet's
            }

            foreach (int n in sizes)
            {
                Measure1(n, duration);
            }
        }

        private void Measure1(int n, long duration)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long before = GC.GetTotalMemory(true);
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var run = new FleetRun(new FleetOptions { Count = n, DurationMicros = duration });
            run.Run();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            long after = GC.GetTotalMemory(true);
            double socketDays = n * (duration / (24.0 * Hour));
            string tag = "N=" + n + ", " + duration / Hour + " h: ";
            FleetStatistics s = run.Statistics;
            Measure.Print(Name, tag + "host seconds (wall)", run.HostSeconds, "s");
            Measure.Print(Name, tag + "host CPU seconds", cpu.TotalSeconds, "s");
            Measure.Print(Name, tag + "CPU seconds per socket-day", cpu.TotalSeconds / socketDays, "s");
            Measure.Print(Name, tag + "managed memory per socket", (after - before) / 1024.0 / n, "KiB");
            Measure.Print(Name, tag + "loop turns per socket-day", run.Scheduler.Turns / socketDays, "turns");
            Measure.Print(Name, tag + "uplinks sent", s.UplinksSent, "frames");
            Measure.Print(Name, tag + "delivered", s.UplinksSent == 0 ? 0 : 100.0 * s.Delivered / s.UplinksSent, "%");
            Measure.Print(Name, tag + "lost to the link budget", s.UplinksSent == 0 ? 0 : 100.0 * s.LostToLinkBudget / s.UplinksSent, "%");
            AlohaFigures(run, out double expected, out double measured);
            Measure.Print(Name, tag + "not collided, pure ALOHA e^(-2G)", expected, "%");
            Measure.Print(Name, tag + "not collided, measured", measured, "%");
            GC.KeepAlive(run);
            run.Dispose();
        }

        /// <summary>Frame-weighted shares of frames not collided: ALOHA's expectation at each SF's load, and what the air did.</summary>
        private static void AlohaFigures(FleetRun run, out double expected, out double measured)
        {
            FleetStatistics s = run.Statistics;
            double frames = 0;
            double expectedFrames = 0;
            double clean = 0;
            for (int sf = 7; sf <= FleetStatistics.MaxSf; sf++)
            {
                long f = s.FramesBySf[sf];
                frames += f;
                expectedFrames += f * Math.Exp(-2 * FleetReport.OfferedLoad(run, sf));
                clean += f - s.CollidedBySf[sf];
            }

            expected = frames == 0 ? 100 : 100 * expectedFrames / frames;
            measured = frames == 0 ? 100 : 100 * clean / frames;
        }
    }
}
