using System;
using System.Runtime;
using System.Text;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// What a round of work allocates on this thread, counted in a round during which the JIT compiled nothing on this
    /// thread. A round measured right after a fixed warm-up is not enough: now and then the runtime is still compiling
    /// (a first call at tier 0, on-stack replacement of a hot loop, class set-up) and what it allocates on the compiling
    /// thread shows up as the code's own bytes. A round with JIT work is warm-up, whatever it allocated; the first round
    /// without is the verdict. The tests' zero-allocation checks and the device budget count this way; the benchmarks'
    /// bytes per operation (<see cref="Ws52x.Benchmarks.Measure.Run"/>) leave out rounds with JIT work alike.
    /// </summary>
    public static class SettledRound
    {
        /// <summary>Measured rounds after which a JIT that has not settled is reported rather than waited for.</summary>
        public const int MaxRounds = 10;

        /// <param name="Bytes">Bytes allocated in the settled round (or in the last one, when none settled).</param>
        /// <param name="Rounds">How many times the round ran, the unmeasured warm-up included.</param>
        /// <param name="Settled">Whether a round ran without the JIT compiling on this thread.</param>
        /// <param name="History">Each measured round's bytes and compiled methods, for a failure message.</param>
        public readonly record struct Result(long Bytes, int Rounds, bool Settled, string History);

        /// <summary>Runs <paramref name="round"/> once unmeasured, then measured until a round without JIT work on this thread.</summary>
        public static Result Measure(Action round)
        {
            round();
            var history = new StringBuilder();
            long allocated = 0;
            for (int i = 1; i <= MaxRounds; i++)
            {
                long compiledBefore = JitInfo.GetCompiledMethodCount(currentThread: true);
                long before = GC.GetAllocatedBytesForCurrentThread();
                round();
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                long compiled = JitInfo.GetCompiledMethodCount(currentThread: true) - compiledBefore;
                history.Append(" round ").Append(i).Append(": ").Append(allocated).Append(" bytes, ").Append(compiled).Append(" methods compiled;");
                if (compiled == 0)
                {
                    return new Result(allocated, i + 1, true, history.ToString());
                }
            }

            return new Result(allocated, MaxRounds + 1, false, history.ToString());
        }
    }
}
