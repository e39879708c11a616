using System;
using Ws52x.Loop;

namespace Ws52x.Tests.Loop
{
    public class LoopAllocationTests
    {
        [Fact]
        public void A_day_of_a_thousand_periodic_timers_allocates_nothing_after_warm_up()
        {
            var (loop, fired) = Ws52x.Benchmarks.EventLoopBenchmark.ThousandTimers();
            loop.Run(60_000_000); // warm-up: the first minute (JIT, first fires)
            long firedBefore = fired[0];
            long before = GC.GetAllocatedBytesForCurrentThread();
            loop.Run(24L * 3600 * 1_000_000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(fired[0] - firedBefore > 100_000, "the timers did not run: " + (fired[0] - firedBefore));
            Assert.Equal(0, allocated);
            Assert.Equal(1000, loop.ScheduledTimers);
        }
    }
}
