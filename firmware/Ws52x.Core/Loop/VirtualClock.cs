namespace Ws52x.Loop
{
    /// <summary>
    /// Simulated time for the host board and the tests: waiting jumps straight to the deadline, so a day of
    /// socket life takes as long as the work done in it. Deterministic: time moves only when the loop waits.
    /// </summary>
    public sealed class VirtualClock : ILoopClock
    {
        private long _now;

        public VirtualClock(long startMicros = 0)
        {
            _now = startMicros;
        }

        public long NowMicros => _now;

        public bool WaitUntil(long deadlineMicros)
        {
            if (deadlineMicros == long.MaxValue)
            {
                return false;
            }

            if (deadlineMicros > _now)
            {
                _now = deadlineMicros;
            }

            return true;
        }

        public void Wake()
        {
            // Nothing sleeps on a virtual clock; a posted event is seen at the loop's next turn.
        }

        /// <summary>Moves time forward by hand (tests that step outside the loop). Never backwards.</summary>
        public void Advance(long micros)
        {
            if (micros > 0)
            {
                _now += micros;
            }
        }
    }
}
