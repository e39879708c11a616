using System;
using System.Diagnostics;
using System.Globalization;

namespace Ws52x.Benchmarks
{
    /// <summary>Times an operation and counts what it allocates on this thread, once the warm-up and the JIT are done.</summary>
    public static class Measure
    {
        public readonly struct Figures
        {
            public Figures(long operations, double nanosPerOperation, double bytesPerOperation)
            {
                Operations = operations;
                NanosPerOperation = nanosPerOperation;
                BytesPerOperation = bytesPerOperation;
            }

            public long Operations { get; }
            public double NanosPerOperation { get; }
            public double BytesPerOperation { get; }
        }

        /// <summary>
        /// Runs <paramref name="operation"/> <paramref name="warmup"/> times, then rounds of <paramref name="count"/>
        /// times measured until one in which the JIT compiled nothing on this thread (<see cref="SettledRound"/>): its
        /// time and bytes are the figures.
        /// </summary>
        public static Figures Run(Action operation, long count, long warmup = 1000)
        {
            var watch = new Stopwatch();
            SettledRound.Result r = SettledRound.Measure(
                () =>
                {
                    watch.Restart();
                    for (long i = 0; i < count; i++)
                    {
                        operation();
                    }

                    watch.Stop();
                },
                () =>
                {
                    for (long i = 0; i < warmup; i++)
                    {
                        operation();
                    }
                });
            return new Figures(count, watch.Elapsed.TotalMilliseconds * 1e6 / count, (double)r.Bytes / count);
        }

        /// <summary>One line per figure: "benchmark  what  value unit".</summary>
        public static void Print(string benchmark, string what, double value, string unit)
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-14} {1,-48} {2,14:0.###} {3}", benchmark, what, value, unit));
        }
    }
}
