using System;
using System.Runtime;
using System.Text;

namespace Ws52x.Tests
{
    /// <summary>
    /// The one way the suite checks that a hot path allocates nothing. Measuring a single round after a fixed warm-up
    /// was flaky: now and then the runtime was still compiling (a first call at tier 0, on-stack replacement of a hot
    /// loop, class set-up), and what that allocates on the compiling thread showed up as the code's own bytes.
    /// So the measured round is run again until it runs without the JIT compiling anything on this thread, and that
    /// round must allocate exactly 0 bytes. A round in which the JIT did compile is warm-up, whatever it allocated;
    /// a round in which it did not is the verdict, so an allocation of the code itself fails at once.
    /// </summary>
    public static class SteadyStateAllocation
    {
        /// <summary>Rounds after which a JIT that has not settled fails the test rather than retrying for ever.</summary>
        public const int MaxRounds = 10;

        /// <summary>
        /// Runs <paramref name="round"/> once unmeasured (warm-up), then measured until a round without JIT work on this
        /// thread, which must allocate nothing. Returns how many times the round ran (warm-up included), so a test
        /// can check what the rounds did.
        /// </summary>
        public static int AssertNothingAllocated(Action round)
        {
            round();
            var history = new StringBuilder();
            for (int i = 1; i <= MaxRounds; i++)
            {
                long compiledBefore = JitInfo.GetCompiledMethodCount(currentThread: true);
                long before = GC.GetAllocatedBytesForCurrentThread();
                round();
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                long compiled = JitInfo.GetCompiledMethodCount(currentThread: true) - compiledBefore;
                history.Append(" round ").Append(i).Append(": ").Append(allocated).Append(" bytes, ").Append(compiled).Append(" methods compiled;");
                if (compiled == 0)
                {
                    Assert.True(allocated == 0, "allocated " + allocated + " bytes in a round with no JIT work on this thread:" + history);
                    return i + 1;
                }
            }

            Assert.Fail("the JIT was still compiling on this thread after " + MaxRounds + " rounds:" + history);
            return 0;
        }
    }
}
