using System;
using Ws52x.Loop;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// A virtual clock whose loop wakes late: every wait ends a random 'min..max' µs after its deadline, as the ESP32's
    /// loop does under FreeRTOS (a 100 Hz tick and other tasks: 20-30 ms). Deterministic from the seed.
    /// </summary>
    public sealed class LatencyClock : ILoopClock
    {
        private readonly long _min;
        private readonly long _max;
        private readonly Random _random;
        private long _now;

        public LatencyClock(long minMicros, long maxMicros, int seed)
        {
            _min = minMicros;
            _max = maxMicros;
            _random = new Random(seed);
        }

        public long NowMicros => _now;

        public bool WaitUntil(long deadlineMicros)
        {
            if (deadlineMicros == long.MaxValue)
            {
                return false;
            }

            long late = _min + (long)(_random.NextDouble() * (_max - _min));
            if (deadlineMicros + late > _now)
            {
                _now = deadlineMicros + late;
            }

            return true;
        }

        public void Wake()
        {
        }
    }
}
