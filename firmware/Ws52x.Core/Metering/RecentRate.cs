namespace Ws52x.Metering
{
    /// <summary>
    /// The pulse rate over the last few counter readings: the fast estimate overcurrent protection needs. It looks back
    /// only as far as it must to hold a given number of pulses, so at high rates it follows a step within two or three
    /// readings, and at low rates it averages the whole ring instead of flickering by ±1 pulse in a few.
    /// A fixed ring of readings: nothing is allocated per tick.
    /// </summary>
    internal sealed class RecentRate
    {
        private readonly long[] _counts;
        private readonly long[] _times;
        private int _newest = -1;
        private int _filled;

        /// <param name="intervals">How many reading intervals the rate spans (the ring holds one more reading).</param>
        public RecentRate(int intervals)
        {
            _counts = new long[intervals + 1];
            _times = new long[intervals + 1];
        }

        /// <summary>Readings since the last <see cref="Clear"/>, up to the ring's size.</summary>
        public int Filled => _filled;

        public void Clear()
        {
            _filled = 0;
            _newest = -1;
        }

        public void Add(long count, long readMicros)
        {
            _newest = _newest + 1 == _counts.Length ? 0 : _newest + 1;
            _counts[_newest] = count;
            _times[_newest] = readMicros;
            if (_filled < _counts.Length)
            {
                _filled++;
            }
        }

        /// <summary>
        /// Rate times <paramref name="multiplier"/> (nano-units per Hz) in micro-units, over the newest readings that hold
        /// at least <paramref name="minPulses"/> pulses (or the whole ring when fewer came); 0 until two readings exist.
        /// </summary>
        public long Value(long multiplier, long minPulses)
        {
            if (_filled < 2)
            {
                return 0;
            }

            long newestCount = _counts[_newest];
            int back = _newest;
            for (int seen = 1; seen < _filled; seen++)
            {
                back = back == 0 ? _counts.Length - 1 : back - 1;
                if (newestCount - _counts[back] >= minPulses)
                {
                    break;
                }
            }

            long span = _times[_newest] - _times[back];
            return span <= 0 ? 0 : (newestCount - _counts[back]) * multiplier * 1000 / span;
        }
    }
}
