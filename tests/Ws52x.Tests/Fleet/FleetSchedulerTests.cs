using System.Collections.Generic;
using Ws52x.Host.Fleet;
using Ws52x.Loop;

namespace Ws52x.Tests.Fleet
{
    /// <summary>The fleet's scheduler: many loops on one clock, always the earliest due first, posts make a loop due at once.</summary>
    public class FleetSchedulerTests
    {
        /// <summary>A loop with one periodic timer that writes down when it fired; it boots at its boot time.</summary>
        private sealed class TickingLoop : IScheduledLoop, IEventSink
        {
            private readonly FleetScheduler _scheduler;
            private readonly List<string> _log;
            private readonly long _period;

            public TickingLoop(FleetScheduler scheduler, List<string> log, string name, long period)
            {
                _scheduler = scheduler;
                _log = log;
                Name = name;
                _period = period;
                Slot = new SchedulerSlot(this);
            }

            public string Name { get; }

            public EventLoop Loop { get; private set; }

            public SchedulerSlot Slot { get; }

            public int Boots { get; private set; }

            public void Boot()
            {
                Boots++;
                Loop = new EventLoop(_scheduler.ClockFor(this));
                _log.Add(_scheduler.NowMicros + " " + Name + " boot");
                Loop.SchedulePeriodic(new LoopTimer(_ => _log.Add(Loop.NowMicros + " " + Name)), Loop.NowMicros + _period, _period);
            }

            public void AfterTurn()
            {
            }

            public void OnEvent(int code, int arg, long timestampMicros, object payload) => _log.Add(Loop.NowMicros + " " + Name + " event " + code);
        }

        [Fact]
        public void Loops_run_in_time_order_and_at_the_same_time_in_the_order_they_were_added()
        {
            var scheduler = new FleetScheduler();
            var log = new List<string>();
            var a = new TickingLoop(scheduler, log, "a", 300);
            var b = new TickingLoop(scheduler, log, "b", 200);
            scheduler.Add(a, 0);
            scheduler.Add(b, 100);
            scheduler.Run(700);
            Assert.Equal(new[] { "0 a boot", "100 b boot", "300 a", "300 b", "500 b", "600 a", "700 b" }, log);
            Assert.Equal(700, scheduler.NowMicros);
        }

        [Fact]
        public void A_loop_runs_its_own_timers_in_one_turn_until_another_is_due()
        {
            var scheduler = new FleetScheduler();
            var log = new List<string>();
            var fast = new TickingLoop(scheduler, log, "fast", 10);
            var slow = new TickingLoop(scheduler, log, "slow", 1000);
            scheduler.Add(fast, 0);
            scheduler.Add(slow, 0);
            scheduler.Run(2000);
            Assert.Equal(200, log.FindAll(l => l.EndsWith(" fast")).Count);
            Assert.Equal(2, log.FindAll(l => l.EndsWith(" slow")).Count);
            // Turns: fast yields only where slow is due (boot at 0, ticks at 1000 and 2000), not at each of its 200 ticks.
            Assert.InRange(scheduler.Turns, 4, 8);
            Assert.Equal("1000 fast", log[log.IndexOf("1000 slow") - 1]);
        }

        [Fact]
        public void A_post_from_the_world_makes_a_socket_due_at_once()
        {
            var scheduler = new FleetScheduler();
            var log = new List<string>();
            var a = new TickingLoop(scheduler, log, "a", 1_000_000);
            scheduler.Add(a, 0);
            // The world, at 250 µs, hands the socket an event (as the air does with a radio's IRQ pin).
            scheduler.World.Schedule(new LoopTimer(_ => a.Loop.Post(a, 7, 0, scheduler.NowMicros)), 250);
            scheduler.Run(1_000);
            Assert.Equal(new[] { "0 a boot", "250 a event 7" }, log);
        }

        [Fact]
        public void A_thousand_loops_each_tick_on_time()
        {
            var scheduler = new FleetScheduler();
            var log = new List<string>();
            var loops = new List<TickingLoop>();
            for (int i = 0; i < 1000; i++)
            {
                var loop = new TickingLoop(scheduler, log, "l" + i, 1000 + i);
                loops.Add(loop);
                scheduler.Add(loop, i * 7);
            }

            scheduler.Run(10_000);
            long last = -1;
            foreach (string line in log)
            {
                long at = long.Parse(line.Split(' ')[0]);
                Assert.True(at >= last, "out of order at " + line);
                last = at;
            }

            Assert.All(loops, l => Assert.Equal(1, l.Boots));
            Assert.Equal(1000 + 4274, log.Count); // the boots, and each loop's ticks up to 10 ms (l0: 10, l999: 1)
        }
    }
}
