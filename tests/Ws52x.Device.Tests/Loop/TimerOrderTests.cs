using nanoFramework.TestFramework;
using Ws52x.Loop;

namespace Ws52x.Device.Tests.Loop
{
    /// <summary>
    /// The event loop's order on a virtual clock: earliest deadline first, equal deadlines in the order scheduled, events
    /// before timers due at the same moment, periodic timers on their own grid. The heap and the 64-bit deadlines are
    /// plain integer code, but they run on a 32-bit MCU here.
    /// </summary>
    [TestClass]
    public class TimerOrderTests
    {
        private static string _fired;
        private static VirtualClock _clock;

        [TestMethod]
        public void Timers_fire_by_deadline_then_in_the_order_they_were_scheduled()
        {
            EventLoop loop = NewLoop();
            loop.Schedule(Named("c"), 3000);
            loop.Schedule(Named("a"), 1000);
            loop.Schedule(Named("b1"), 2000);
            loop.Schedule(Named("b2"), 2000);
            loop.Schedule(Named("b3"), 2000);
            loop.Run(10000);
            Assert.AreEqual("a@1000 b1@2000 b2@2000 b3@2000 c@3000 ", _fired);
        }

        [TestMethod]
        public void Rescheduling_moves_a_timer_and_cancelling_drops_it()
        {
            EventLoop loop = NewLoop();
            LoopTimer moved = Named("moved");
            LoopTimer dropped = Named("dropped");
            loop.Schedule(moved, 1000);
            loop.Schedule(dropped, 1500);
            loop.Schedule(Named("x"), 2000);
            loop.Schedule(moved, 2500);
            Assert.IsTrue(loop.Cancel(dropped));
            Assert.IsFalse(loop.Cancel(dropped));
            loop.Run(10000);
            Assert.AreEqual("x@2000 moved@2500 ", _fired);
        }

        [TestMethod]
        public void A_periodic_timer_keeps_its_grid_and_skips_missed_periods()
        {
            EventLoop loop = NewLoop();
            loop.SchedulePeriodic(Named("p"), 1000, 1000);
            loop.Run(3500);
            Assert.AreEqual("p@1000 p@2000 p@3000 ", _fired);

            // The clock jumps 2.7 periods past a deadline (a long handler on the device): the next fire is back on the grid.
            _fired = string.Empty;
            _clock.Advance(3200);
            loop.Run(9000);
            Assert.AreEqual("p@6700 p@7000 p@8000 p@9000 ", _fired);
            Assert.AreEqual(2700L, loop.MaxLatenessMicros);
        }

        [TestMethod]
        public void Posted_events_run_before_a_timer_due_at_the_same_moment()
        {
            EventLoop loop = NewLoop();
            loop.Schedule(Named("timer"), 0);
            loop.Post(new Recorder(), 7, 0, 0);
            loop.RunUntilIdle();
            Assert.AreEqual("event7@0 timer@0 ", _fired);
        }

        [TestMethod]
        public void Deadlines_past_32_bits_of_microseconds_keep_their_order()
        {
            // 2^32 µs is 71.6 minutes: a socket runs for months, so deadlines must be 64-bit all the way.
            EventLoop loop = NewLoop();
            long hours100 = 100L * 3600 * 1000000;
            loop.Schedule(Named("late"), hours100 + 1);
            loop.Schedule(Named("early"), 4294967295L);
            loop.Schedule(Named("middle"), 4294967296L);
            loop.Run(long.MaxValue - 1);
            Assert.AreEqual("early@4294967295 middle@4294967296 late@360000000001 ", _fired);
        }

        private static EventLoop NewLoop()
        {
            _fired = string.Empty;
            _clock = new VirtualClock();
            return new EventLoop(_clock, 8, 8);
        }

        private static LoopTimer Named(string name)
        {
            return new LoopTimer(OnTimer, name);
        }

        private static void OnTimer(LoopTimer timer)
        {
            _fired += (string)timer.State + "@" + _clock.NowMicros.ToString() + " ";
        }

        private sealed class Recorder : IEventSink
        {
            public void OnEvent(int code, int arg, long timestampMicros, object payload)
            {
                _fired += "event" + code.ToString() + "@" + _clock.NowMicros.ToString() + " ";
            }
        }
    }
}
