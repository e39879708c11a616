using System;
using Ws52x.Benchmarks;

namespace Ws52x.Tests
{
    /// <summary>
    /// The one way the suite checks that a hot path allocates nothing: the round is counted once the JIT has stopped
    /// compiling on this thread (<see cref="SettledRound"/>), and that round must allocate exactly 0 bytes. A round in
    /// which the JIT did compile is warm-up, whatever it allocated; so an allocation of the code itself fails at once.
    /// </summary>
    public static class SteadyStateAllocation
    {
        /// <summary>Rounds after which a JIT that has not settled fails the test rather than retrying for ever.</summary>
        public const int MaxRounds = SettledRound.MaxRounds;

        /// <summary>
        /// Runs <paramref name="round"/> once unmeasured (warm-up), then measured until a round without JIT work on this
        /// thread, which must allocate nothing. Returns how many times the round ran (warm-up included), so a test
        /// can check what the rounds did.
        /// </summary>
        public static int AssertNothingAllocated(Action round)
        {
            SettledRound.Result r = SettledRound.Measure(round);
            if (!r.Settled)
            {
                Assert.Fail("the JIT was still compiling on this thread after " + MaxRounds + " rounds:" + r.History);
            }

            Assert.True(r.Bytes == 0, "allocated " + r.Bytes + " bytes in a round with no JIT work on this thread:" + r.History);
            return r.Rounds;
        }
    }
}
