using System;
using System.Collections.Generic;
using System.Threading;
using Ws52x.Host.Board;
using Ws52x.Loop;

namespace Ws52x.Tests.Loop
{
    public class EventLoopTests
    {
        private sealed class Recorder : IEventSink
        {
            public readonly List<(int Code, int Arg, long Time, object Payload)> Events = new();
            public Action<int> OnEach;

            public void OnEvent(int code, int arg, long timestampMicros, object payload)
            {
                Events.Add((code, arg, timestampMicros, payload));
                OnEach?.Invoke(code);
            }
        }

        [Fact]
        public void Equal_deadlines_fire_in_the_order_they_were_scheduled()
        {
            var loop = new EventLoop(new VirtualClock());
            var order = new List<string>();
            var a = new LoopTimer(_ => order.Add("a"));
            var b = new LoopTimer(_ => order.Add("b"));
            var c = new LoopTimer(_ => order.Add("c"));
            var early = new LoopTimer(_ => order.Add("early"));
            loop.Schedule(b, 1000);
            loop.Schedule(a, 1000);
            loop.Schedule(c, 1000);
            loop.Schedule(early, 999);
            loop.Run(5000);
            Assert.Equal(new[] { "early", "b", "a", "c" }, order);
            Assert.Equal(5000, loop.NowMicros);
        }

        [Fact]
        public void Callbacks_see_the_clock_at_their_deadline()
        {
            var loop = new EventLoop(new VirtualClock());
            var seen = new List<long>();
            var t = new LoopTimer(timer => seen.Add(loop.NowMicros));
            loop.SchedulePeriodic(t, 250, 1000);
            loop.Run(3500);
            Assert.Equal(new long[] { 250, 1250, 2250, 3250 }, seen);
        }

        [Fact]
        public void Cancelled_timers_do_not_fire_and_cancel_reports_whether_it_was_scheduled()
        {
            var loop = new EventLoop(new VirtualClock());
            int fired = 0;
            var t = new LoopTimer(_ => fired++);
            var other = new LoopTimer(_ => fired += 100);
            loop.Schedule(t, 100);
            loop.Schedule(other, 200);
            Assert.True(loop.Cancel(t));
            Assert.False(loop.Cancel(t));
            Assert.False(t.IsScheduled);
            loop.Run(1000);
            Assert.Equal(100, fired);
        }

        [Fact]
        public void A_periodic_timer_can_cancel_itself_and_others_from_inside_a_callback()
        {
            var loop = new EventLoop(new VirtualClock());
            int ticks = 0, victim = 0;
            var v = new LoopTimer(_ => victim++);
            LoopTimer p = null;
            p = new LoopTimer(_ =>
            {
                ticks++;
                if (ticks == 3)
                {
                    loop.Cancel(p);
                    loop.Cancel(v);
                }
            });
            loop.SchedulePeriodic(p, 10, 10);
            loop.Schedule(v, 35);
            loop.Run(1000);
            Assert.Equal(3, ticks);
            Assert.Equal(0, victim);
            Assert.Equal(0, loop.ScheduledTimers);
        }

        [Fact]
        public void Rescheduling_from_inside_a_callback_moves_the_timer()
        {
            var loop = new EventLoop(new VirtualClock());
            var times = new List<long>();
            LoopTimer t = null;
            t = new LoopTimer(_ =>
            {
                times.Add(loop.NowMicros);
                if (times.Count < 4)
                {
                    // A back-off: each run schedules the next one further away.
                    loop.ScheduleAfter(t, 100L * times.Count);
                }
            });
            loop.Schedule(t, 50);
            loop.Run(10000);
            Assert.Equal(new long[] { 50, 150, 350, 650 }, times);
        }

        [Fact]
        public void A_periodic_timer_rescheduled_as_one_shot_from_its_callback_stops_repeating()
        {
            var loop = new EventLoop(new VirtualClock());
            var times = new List<long>();
            LoopTimer t = null;
            t = new LoopTimer(_ =>
            {
                times.Add(loop.NowMicros);
                if (times.Count == 2)
                {
                    loop.Schedule(t, 5000);
                }
            });
            loop.SchedulePeriodic(t, 100, 100);
            loop.Run(20000);
            Assert.Equal(new long[] { 100, 200, 5000 }, times);
        }

        [Fact]
        public void A_timer_scheduled_in_the_past_fires_at_once()
        {
            var clock = new VirtualClock(10000);
            var loop = new EventLoop(clock);
            long at = -1;
            loop.Schedule(new LoopTimer(_ => at = loop.NowMicros), 5);
            loop.RunUntilIdle();
            Assert.Equal(10000, at);
        }

        [Fact]
        public void Posted_events_are_dispatched_in_order_before_due_timers()
        {
            var loop = new EventLoop(new VirtualClock());
            var log = new List<string>();
            var sink = new Recorder { OnEach = code => log.Add("e" + code) };
            loop.Schedule(new LoopTimer(_ => log.Add("t")), 0);
            loop.Post(sink, 1, 0, 0);
            loop.Post(sink, 2, 0, 0);
            loop.RunUntilIdle();
            Assert.Equal(new[] { "e1", "e2", "t" }, log);
        }

        [Fact]
        public void Events_posted_from_another_thread_all_arrive_in_order()
        {
            var loop = new EventLoop(new VirtualClock(), eventCapacity: 4096);
            var sink = new Recorder();
            var poster = new Thread(() =>
            {
                for (int i = 0; i < 2000; i++)
                {
                    Assert.True(loop.Post(sink, 7, i, i * 10L, i % 100 == 0 ? "line " + i : null));
                }
            });
            poster.Start();
            poster.Join();
            loop.RunUntilIdle();
            Assert.Equal(2000, sink.Events.Count);
            for (int i = 0; i < 2000; i++)
            {
                Assert.Equal(i, sink.Events[i].Arg);
                Assert.Equal(i * 10L, sink.Events[i].Time);
            }

            Assert.Equal("line 1900", sink.Events[1900].Payload);
        }

        [Fact]
        public void A_post_from_another_thread_wakes_a_sleeping_real_time_loop()
        {
            var loop = new EventLoop(new RealTimeClock(new StopwatchClock()));
            var sink = new Recorder();
            int received = 0;
            sink.OnEach = _ =>
            {
                if (++received == 50)
                {
                    loop.Stop();
                }
            };
            var poster = new Thread(() =>
            {
                for (int i = 0; i < 50; i++)
                {
                    Thread.Sleep(1);
                    loop.Post(sink, 1, i, 0);
                }
            });
            poster.Start();

            // No timer at all: only the posts can wake the loop. The deadline is a safety net, far beyond what it needs.
            loop.Run(loop.NowMicros + 30_000_000);
            poster.Join();
            Assert.Equal(50, received);
            Assert.True(loop.NowMicros < 25_000_000, "the loop slept until its deadline instead of waking on a post");
        }

        [Fact]
        public void A_full_queue_drops_and_counts_instead_of_blocking()
        {
            var loop = new EventLoop(new VirtualClock(), eventCapacity: 3);
            var sink = new Recorder();
            Assert.True(loop.Post(sink, 1, 0, 0));
            Assert.True(loop.Post(sink, 2, 0, 0));
            Assert.True(loop.Post(sink, 3, 0, 0));
            Assert.False(loop.Post(sink, 4, 0, 0));
            Assert.Equal(1, loop.EventsDropped);
            loop.RunUntilIdle();
            Assert.Equal(new[] { 1, 2, 3 }, sink.Events.ConvertAll(e => e.Code));
        }

        [Fact]
        public void A_virtual_loop_with_nothing_to_do_returns_instead_of_hanging()
        {
            var loop = new EventLoop(new VirtualClock());
            loop.Run();
            Assert.Equal(0, loop.NowMicros);
        }

        [Fact]
        public void Handler_faults_go_to_the_fault_handler_and_the_loop_goes_on()
        {
            var loop = new EventLoop(new VirtualClock());
            var faults = new List<string>();
            loop.FaultHandler = e => faults.Add(e.Message);
            int after = 0;
            loop.Schedule(new LoopTimer(_ => throw new InvalidOperationException("boom")), 10);
            loop.Schedule(new LoopTimer(_ => after++), 20);
            loop.Run(100);
            Assert.Equal(new[] { "boom" }, faults);
            Assert.Equal(1, after);
            Assert.Equal(1, loop.Faults);
        }

        [Fact]
        public void Without_a_fault_handler_a_fault_propagates()
        {
            var loop = new EventLoop(new VirtualClock());
            loop.Schedule(new LoopTimer(_ => throw new InvalidOperationException("boom")), 10);
            Assert.Throws<InvalidOperationException>(() => loop.Run(100));
        }

        [Fact]
        public void Periodic_timers_keep_their_phase_after_a_late_run()
        {
            var clock = new VirtualClock();
            var loop = new EventLoop(clock);
            var seen = new List<long>();
            var t = new LoopTimer(_ => seen.Add(loop.NowMicros));
            loop.SchedulePeriodic(t, 100, 100);
            clock.Advance(350); // the loop was busy elsewhere for 3.5 periods
            loop.Run(600);
            Assert.Equal(new long[] { 350, 400, 500, 600 }, seen);
            Assert.Equal(250, loop.MaxLatenessMicros);
        }

        [Fact]
        public void Rejects_a_non_positive_period()
        {
            var loop = new EventLoop(new VirtualClock());
            Assert.Throws<ArgumentOutOfRangeException>(() => loop.SchedulePeriodic(new LoopTimer(_ => { }), 0, 0));
        }
    }
}
