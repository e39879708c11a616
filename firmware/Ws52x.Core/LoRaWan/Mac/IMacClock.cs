using Ws52x.Loop;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// The MAC's notion of time: every delay it measures (receive windows, duty cycle, back-off) goes through here.
    /// On the board this is the event loop's clock itself. Tests substitute a clock that runs fast or slow against the
    /// loop and fires timers late, so that the device's windows really move relative to the frames on the air.
    /// </summary>
    internal interface IMacClock
    {
        /// <summary>Now, in the device's microseconds.</summary>
        long NowMicros { get; }

        /// <summary>A radio event's timestamp (loop clock, taken at the interrupt) in the device's microseconds.</summary>
        long FromRadioTime(long loopMicros);

        /// <summary>Arms <paramref name="timer"/> for a deadline in the device's microseconds.</summary>
        void Schedule(LoopTimer timer, long deadlineMicros);

        bool Cancel(LoopTimer timer);
    }

    /// <summary>The board's clock: the MAC's time is the loop's.</summary>
    internal sealed class LoopMacClock : IMacClock
    {
        private readonly EventLoop _loop;

        public LoopMacClock(EventLoop loop)
        {
            _loop = loop;
        }

        public long NowMicros => _loop.NowMicros;

        public long FromRadioTime(long loopMicros) => loopMicros;

        public void Schedule(LoopTimer timer, long deadlineMicros) => _loop.Schedule(timer, deadlineMicros);

        public bool Cancel(LoopTimer timer) => _loop.Cancel(timer);
    }
}
