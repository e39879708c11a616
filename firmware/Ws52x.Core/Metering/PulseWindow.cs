namespace Ws52x.Metering
{
    /// <summary>
    /// Measures one pulse train's frequency over a window that grows until it is precise enough: it opens at an edge,
    /// closes at a later edge once it holds <see cref="TargetPulses"/> pulses or spans <see cref="TargetSpanMicros"/>
    /// (never before <see cref="MinSpanMicros"/>), and the next window opens where it closed.
    ///
    /// Windows run from edge to edge, so the count is exact; only the edge times are uncertain. With edge timestamps
    /// they are exact; from a hardware counter read every tick, an edge is dated by the read that first saw it, late by
    /// at most one tick — and since both ends are dated the same way, the error of a window is at most one tick (or one
    /// pulse period, whichever is shorter) over its span. 400 pulses or 10 s at a 10 ms tick bounds it at 0.25 %.
    ///
    /// Between closes, <see cref="Value"/> also falls as time passes without an edge: with no pulse for t, the rate is
    /// below 1/t, so a load that is switched off reads near zero within a second instead of holding its last value,
    /// and reads exactly zero after <see cref="TimeoutMicros"/>.
    /// </summary>
    public sealed class PulseWindow
    {
        public const long TargetSpanMicros = 10000000;

        /// <summary>With no edge for this long the value is 0: the smallest rate seen is one pulse per timeout.</summary>
        public const long TimeoutMicros = 60000000;

        /// <summary>A window closes after this many pulses once it spans <see cref="MinSpanMicros"/> (or after <see cref="TargetSpanMicros"/>).</summary>
        public readonly long TargetPulses;
        public readonly long MinSpanMicros;

        private bool _anchored;
        private bool _quick;
        private long _anchorCount;
        private long _anchorMicros;
        private long _lastCount;
        private bool _seenCount;
        private bool _paused;

        // Time without an edge, counted only while the window is active: CF1 spends part of its time on the other
        // quantity, and a pause must neither age the value nor hide that no pulse came while it was listening.
        private long _quietBefore;
        private long _quietSince;

        public PulseWindow(long targetPulses = 400, long minSpanMicros = 1000000)
        {
            TargetPulses = targetPulses;
            MinSpanMicros = minSpanMicros;
        }

        /// <summary>Pulses in the newest closed window (0 until one has closed).</summary>
        public long Pulses { get; private set; }

        /// <summary>Span of the newest closed window, edge to edge, in µs.</summary>
        public long SpanMicros { get; private set; }

        /// <summary>Windows closed since the window was created or <see cref="Reset"/>.</summary>
        public int Closed { get; private set; }

        /// <summary>Pulses of all closed windows since <see cref="Reset"/>: calibration averages over these.</summary>
        public long TotalPulses { get; private set; }

        /// <summary>Span of all closed windows since <see cref="Reset"/>, in µs.</summary>
        public long TotalSpanMicros { get; private set; }

        /// <summary>
        /// Forgets everything: the next reading is a new baseline and there is no value until a window closes; that first
        /// window closes as soon as it spans <see cref="MinSpanMicros"/> (see <see cref="StartOver"/>).
        /// </summary>
        public void Reset(long nowMicros)
        {
            _anchored = false;
            _quick = true;
            _seenCount = false;
            _paused = false;
            _quietBefore = 0;
            _quietSince = nowMicros;
            Closed = 0;
            Pulses = 0;
            SpanMicros = 0;
            TotalPulses = 0;
            TotalSpanMicros = 0;
        }

        /// <summary>Stops listening (SEL switched CF1 away); the value holds as it was at <paramref name="nowMicros"/>.</summary>
        public void Pause(long nowMicros)
        {
            if (!_paused)
            {
                _paused = true;
                _quietBefore += nowMicros - _quietSince;
            }
        }

        /// <summary>
        /// Listens again from <paramref name="nowMicros"/> (SEL switched back and CF1 has settled): the window in
        /// progress is dropped, since pulses of the other quantity were counted meanwhile; the last result is kept.
        /// </summary>
        public void Resume(long nowMicros)
        {
            _paused = false;
            _anchored = false;
            _seenCount = false;
            _quietSince = nowMicros;
        }

        /// <summary>
        /// The pulses now describe something new (the relay closed on a load): the window in progress is dropped, the next
        /// one opens at the next edge and closes as soon as it spans <see cref="MinSpanMicros"/>, however few pulses it
        /// holds: a reading of the new state within a second or two, as exact as any window (one tick over its span,
        /// 1 % at 1 s). The windows after it grow as usual. The last result and the listening state are kept.
        /// </summary>
        public void StartOver()
        {
            _anchored = false;
            _quick = true;
        }

        /// <summary>Active time since the newest edge (or since listening began), in µs.</summary>
        public long QuietMicros(long nowMicros) => _quietBefore + (_paused ? 0 : nowMicros - _quietSince);

        /// <summary>
        /// Whether the pulses look stopped: no window yet, the timeout passed, or no edge for more than twice the newest
        /// window's mean period (a steady train is never that late). <see cref="Value"/> is then only an upper bound.
        /// </summary>
        public bool Stopped(long nowMicros)
        {
            long quiet = QuietMicros(nowMicros);
            return Pulses == 0 || quiet >= TimeoutMicros || quiet * Pulses > 2 * SpanMicros;
        }

        /// <summary>
        /// Feeds one reading of the running counter. <paramref name="lastEdgeMicros"/> is the board's time of the newest
        /// edge, or -1 when it only has the count. Returns true when a window closed with this reading.
        /// </summary>
        public bool Sample(long count, long readMicros, long lastEdgeMicros)
        {
            if (_paused)
            {
                return false;
            }

            if (!_seenCount)
            {
                // The first reading after a restart only sets the baseline: pulses counted before it belong to the old
                // state, so the time before it is no evidence of silence either. (A loop that runs late reads first tens
                // of ms after the resume; counting that as quiet made a 230 V reading fall to 20 V for one sample.)
                _seenCount = true;
                _lastCount = count;
                if (readMicros > _quietSince)
                {
                    _quietSince = readMicros;
                }

                return false;
            }

            if (count == _lastCount)
            {
                return false;
            }

            long edge = lastEdgeMicros >= 0 ? lastEdgeMicros : readMicros;
            _lastCount = count;
            _quietBefore = 0;
            _quietSince = edge;
            if (!_anchored)
            {
                _anchored = true;
                _anchorCount = count;
                _anchorMicros = edge;
                return false;
            }

            long pulses = count - _anchorCount;
            long span = edge - _anchorMicros;
            if (span < MinSpanMicros || (!_quick && pulses < TargetPulses && span < TargetSpanMicros))
            {
                return false;
            }

            _quick = false;
            Pulses = pulses;
            SpanMicros = span;
            Closed++;
            TotalPulses += pulses;
            TotalSpanMicros += span;
            _anchorCount = count;
            _anchorMicros = edge;
            return true;
        }

        /// <summary>
        /// The frequency of the newest window times <paramref name="multiplier"/> (nano-units per Hz), in micro-units
        /// (µW, µA, µV): pulses · multiplier · 1000 / span[µs]. Bounded by one pulse since the last edge, 0 after the
        /// timeout or before any window. No overflow below ~10^5 pulses per window at 10^10 nano-units per Hz.
        /// </summary>
        public long Value(long multiplier, long nowMicros)
        {
            if (Pulses == 0)
            {
                return 0;
            }

            long quiet = QuietMicros(nowMicros);
            if (quiet >= TimeoutMicros)
            {
                return 0;
            }

            long value = Pulses * multiplier * 1000 / SpanMicros;
            if (quiet > 0 && quiet * Pulses > SpanMicros)
            {
                // Longer without an edge than the window's mean period: at most one pulse in `quiet`.
                long bound = multiplier * 1000 / quiet;
                if (bound < value)
                {
                    value = bound;
                }
            }

            return value;
        }
    }
}
