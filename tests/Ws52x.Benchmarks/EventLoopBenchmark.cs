using System;
using System.Diagnostics;
using Ws52x.Loop;

namespace Ws52x.Benchmarks
{
    /// <summary>A virtual day of 1,000 periodic timers (periods 1 s to 10 min): cost and allocation per timer fire.</summary>
    public sealed class EventLoopBenchmark : IBenchmark
    {
        public string Name => "loop";

        /// <summary>The scenario, shared with the allocation test: the loop and a counter of fires.</summary>
        public static (EventLoop Loop, long[] Fired) ThousandTimers()
        {
            var loop = new EventLoop(new VirtualClock(), eventCapacity: 16, timerCapacity: 1024);
            var fired = new long[1];
            var random = new Random(52);
            TimerElapsed onTick = _ => fired[0]++;
            for (int i = 0; i < 1000; i++)
            {
                long period = (1 + random.Next(600)) * 1_000_000L;
                loop.SchedulePeriodic(new LoopTimer(onTick), random.Next(1_000_000), period);
            }

            return (loop, fired);
        }

        public void Run(bool quick)
        {
            var (loop, fired) = ThousandTimers();
            loop.Run(60_000_000);
            long firedBefore = fired[0];
            long before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            loop.Run(24L * 3600 * 1_000_000);
            watch.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            long fires = fired[0] - firedBefore;
            Measure.Print(Name, "1000 periodic timers, 24 h virtual: timer fires", fires, "fires");
            Measure.Print(Name, "wall time for the virtual day", watch.Elapsed.TotalMilliseconds, "ms");
            Measure.Print(Name, "per timer fire", watch.Elapsed.TotalMilliseconds * 1e6 / fires, "ns");
            Measure.Print(Name, "allocated per timer fire after warm-up", (double)allocated / fires, "bytes");

            var sink = new CountingSink();
            var events = new EventLoop(new VirtualClock(), eventCapacity: 256);
            var post = Measure.Run(() =>
            {
                events.Post(sink, 1, 2, 3);
                events.RunUntilIdle();
            }, quick ? 200_000 : 2_000_000);
            Measure.Print(Name, "post + dispatch one event", post.NanosPerOperation, "ns");
            Measure.Print(Name, "allocated per posted event", post.BytesPerOperation, "bytes");
        }

        private sealed class CountingSink : IEventSink
        {
            public long Count;

            public void OnEvent(int code, int arg, long timestampMicros, object payload) => Count++;
        }
    }
}
