namespace Ws52x.Metering
{
    /// <summary>
    /// The pulse rate over the last few counter readings: the fast estimate overcurrent protection needs. A fixed ring
    /// of readings; nothing is allocated per tick.
    ///
    /// Two views of the same readings, and the estimate is the larger:
    /// - the plain rate over the newest readings that hold a given number of pulses (over the whole ring when fewer
    ///   came, and then one pulse less, so it never reads high): at high rates it follows a step within a few readings;
    /// - honest bounds. Between two readings p and q the count grew by n, so the mean rate over that span lies strictly
    ///   between (n - 1) / span and (n + 1) / span, whatever the pulses did in between (each end of a count is uncertain
    ///   by less than one pulse; no edge times are needed). For every window from an older reading to the newest,
    ///   the largest lower and the smallest upper bound over all pairs of readings inside it are kept, updated in one
    ///   pass per reading. A window's lower bound is a rate certainly reached in it; when its bounds are within ±5 % of
    ///   their middle, the middle is as good as a 20-pulse count, and with readings at varied phases of the pulse
    ///   train the bounds close in well before 20 pulses have come.
    /// Neither view reads more than ±5 % high at the rates protection acts on: a steady load 5 % under a threshold
    /// never reads at it.
    /// </summary>
    internal sealed class RecentRate
    {
        // Rates inside are kept in mHz: readings are µs apart, so n pulses over s µs are n * 10^9 / s mHz.
        private const long MilliHertzMicros = 1000000000;

        /// <summary>The bounds count as a measurement when their width is at most this share (in %) of their middle.</summary>
        private const long BandPercent = 10;

        private readonly long[] _counts;
        private readonly long[] _times;
        private readonly long[] _low;
        private readonly long[] _high;
        private int _newest = -1;
        private int _filled;

        /// <param name="intervals">How many reading intervals the rate spans (the ring holds one more reading).</param>
        public RecentRate(int intervals)
        {
            _counts = new long[intervals + 1];
            _times = new long[intervals + 1];
            _low = new long[intervals + 1];
            _high = new long[intervals + 1];
        }

        /// <summary>Readings since the last <see cref="Clear"/>, up to the ring's size.</summary>
        public int Filled => _filled;

        /// <summary>
        /// Whether the bounds are kept and used (the plain rate alone otherwise). Switching them on or off is safe at any
        /// time: bounds from fewer pairs are looser, never wrong.
        /// </summary>
        public bool KeepBounds { get; set; } = true;

        public void Clear()
        {
            _filled = 0;
            _newest = -1;
        }

        public void Add(long count, long readMicros)
        {
            // The new pairs (p, newest) tighten every window that starts at or before p.
            long runLow = long.MinValue;
            long runHigh = long.MaxValue;
            int p = _newest;
            int pairs = KeepBounds ? _filled : 0;
            for (int seen = 0; seen < pairs && seen < _counts.Length - 1; seen++)
            {
                long span = readMicros - _times[p];
                if (span > 0)
                {
                    long n = count - _counts[p];
                    long low = (n - 1) * MilliHertzMicros / span;
                    long high = (n + 1) * MilliHertzMicros / span;
                    if (low > runLow)
                    {
                        runLow = low;
                    }

                    if (high < runHigh)
                    {
                        runHigh = high;
                    }
                }

                if (runLow > _low[p])
                {
                    _low[p] = runLow;
                }

                if (runHigh < _high[p])
                {
                    _high[p] = runHigh;
                }

                p = p == 0 ? _counts.Length - 1 : p - 1;
            }

            _newest = _newest + 1 == _counts.Length ? 0 : _newest + 1;
            _counts[_newest] = count;
            _times[_newest] = readMicros;
            _low[_newest] = long.MinValue;
            _high[_newest] = long.MaxValue;
            if (_filled < _counts.Length)
            {
                _filled++;
            }
        }

        /// <summary>
        /// Rate times <paramref name="multiplier"/> (nano-units per Hz) in micro-units: the larger of the plain rate over
        /// the newest readings that hold at least <paramref name="minPulses"/> pulses (or the whole ring when fewer came)
        /// and the bounded rate (see the class); 0 until two readings exist.
        /// </summary>
        public long Value(long multiplier, long minPulses)
        {
            if (_filled < 2)
            {
                return 0;
            }

            long milliHertz = Plain(minPulses);
            long bounded = KeepBounds ? Bounded() : 0;
            if (bounded > milliHertz)
            {
                milliHertz = bounded;
            }

            // mHz * nano-units/Hz = 10^-12 units, so / 10^6 gives micro-units.
            return milliHertz * multiplier / 1000000;
        }

        private long Plain(long minPulses)
        {
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
            long pulses = newestCount - _counts[back];
            if (pulses < minPulses)
            {
                // Too few for ±5 %: a count is up to one pulse high, which at 7 pulses read a steady 0.95 A as 1.1 A and
                // tripped a 1 A protection (CF in a voltage visit: 218 W is 2 pulses in 100 ms, read 50 % high). Below
                // the target the rate is the lower bound (n - 1) / span: never high, and a real overload soon fills it.
                pulses--;
            }

            return span <= 0 || pulses <= 0 ? 0 : pulses * MilliHertzMicros / span;
        }

        // The best rate the bounds vouch for: a window's middle when its bounds are within the band, else its lower bound.
        private long Bounded()
        {
            long best = 0;
            int p = _newest;
            for (int seen = 1; seen < _filled; seen++)
            {
                p = p == 0 ? _counts.Length - 1 : p - 1;
                long low = _low[p];
                long high = _high[p];
                if (low > best)
                {
                    best = low;
                }

                if (low > 0 && high >= low && high != long.MaxValue && (high - low) * 100 <= BandPercent * ((low + high) / 2))
                {
                    long middle = (low + high) / 2;
                    if (middle > best)
                    {
                        best = middle;
                    }
                }
            }

            return best;
        }
    }
}
