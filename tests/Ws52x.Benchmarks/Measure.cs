using System;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;

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

        // Measured rounds the count is split into, so that rounds with JIT work can be left out of the bytes.
        private const int Rounds = 10;

        /// <summary>
        /// Runs <paramref name="operation"/> <paramref name="warmup"/> times, then <paramref name="count"/> times measured
        /// (exactly that many calls: some benchmarks prepare one input per call). The time is the whole count's. The
        /// bytes are those of the rounds in which the JIT compiled nothing on this thread (as <see cref="SettledRound"/>
        /// counts), so that a late compile is not taken for the operation's own allocation; of all rounds if none settled.
        /// </summary>
        public static Figures Run(Action operation, long count, long warmup = 1000)
        {
            for (long i = 0; i < warmup; i++)
            {
                operation();
            }

            long settledBytes = 0, settledOperations = 0, allBytes = 0;
            var watch = new Stopwatch();
            for (int round = 0; round < Rounds; round++)
            {
                long n = count / Rounds + (round < count % Rounds ? 1 : 0);
                long compiledBefore = JitInfo.GetCompiledMethodCount(currentThread: true);
                long before = GC.GetAllocatedBytesForCurrentThread();
                watch.Start();
                for (long i = 0; i < n; i++)
                {
                    operation();
                }

                watch.Stop();
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                allBytes += allocated;
                if (JitInfo.GetCompiledMethodCount(currentThread: true) == compiledBefore)
                {
                    settledBytes += allocated;
                    settledOperations += n;
                }
            }

            double bytes = settledOperations > 0 ? (double)settledBytes / settledOperations : (double)allBytes / count;
            return new Figures(count, watch.Elapsed.TotalMilliseconds * 1e6 / count, bytes);
        }

        /// <summary>One line per figure: "benchmark  what  value unit".</summary>
        public static void Print(string benchmark, string what, double value, string unit)
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-14} {1,-48} {2,14:0.###} {3}", benchmark, what, value, unit));
        }
    }
}
