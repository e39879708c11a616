using Ws52x.Loop;

namespace Ws52x.Tests.Loop
{
    public class LoopAllocationTests
    {
        [Fact]
        public void A_day_of_a_thousand_periodic_timers_allocates_nothing_after_warm_up()
        {
            var (loop, fired) = Ws52x.Benchmarks.EventLoopBenchmark.ThousandTimers();
            loop.Run(60_000_000); // the first minute: every timer has fired at least once
            long firedBefore = fired[0];
            int days = SteadyStateAllocation.AssertNothingAllocated(() => loop.RunFor(24L * 3600 * 1_000_000));
            Assert.True(fired[0] - firedBefore > 100_000L * days, "the timers did not run: " + (fired[0] - firedBefore) + " fires in " + days + " days");
            Assert.Equal(1000, loop.ScheduledTimers);
        }
    }
}
