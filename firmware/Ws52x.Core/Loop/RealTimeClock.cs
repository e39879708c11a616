using System.Threading;
using Ws52x.Platform;

namespace Ws52x.Loop
{
    /// <summary>
    /// Wall-paced time for the device (and the host board at --speed N): reads the board's monotonic microsecond
    /// counter and sleeps on a wait handle that a posting thread can set. With a speed factor above 1, loop time
    /// runs that many times faster than the counter.
    /// </summary>
    public sealed class RealTimeClock : ILoopClock
    {
        // A long sleep is cut into slices so a counter that drifts against the wait primitive cannot oversleep much.
        private const int MaxSliceMillis = 60000;

        private readonly IMonotonicClock _source;
        private readonly int _speed;
        private readonly long _origin;
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);

        public RealTimeClock(IMonotonicClock source, int speed = 1)
        {
            _source = source;
            _speed = speed < 1 ? 1 : speed;
            _origin = source.NowMicros;
        }

        // At speed 1 this is the board's monotonic clock itself, so the times a board stamps on pin edges and counter
        // reads compare directly with loop time; a faster clock starts from the same reading and runs ahead of it.
        public long NowMicros => _origin + (_source.NowMicros - _origin) * _speed;

        public bool WaitUntil(long deadlineMicros)
        {
            long now = NowMicros;
            if (deadlineMicros <= now)
            {
                return true;
            }

            int millis;
            if (deadlineMicros == long.MaxValue)
            {
                millis = MaxSliceMillis;
            }
            else
            {
                // Round up so that we never wake before the deadline and spin.
                long sourceMicros = (deadlineMicros - now + _speed - 1) / _speed;
                long ms = (sourceMicros + 999) / 1000;
                millis = ms > MaxSliceMillis ? MaxSliceMillis : (int)ms;
            }

            _wake.WaitOne(millis, false);
            return true;
        }

        public void Wake()
        {
            _wake.Set();
        }
    }
}
