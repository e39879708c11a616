using Ws52x.LoRaWan.Regions;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// Transmit-time limits, each as "not before" times: the region's duty-cycle bands (ETSI: after a frame of T on a
    /// 1 % band, that band rests 99·T) and the network's aggregated limit (DutyCycleReq: rest T·(2^MaxDutyCycle - 1)
    /// on every channel). A frame that may not go yet waits; nothing is dropped.
    /// </summary>
    internal sealed class DutyCycle
    {
        private const int MaxBands = 8;

        private readonly long[] _bandFree = new long[MaxBands];
        private long _aggregatedFree;

        public void Reset()
        {
            System.Array.Clear(_bandFree, 0, MaxBands);
            _aggregatedFree = 0;
        }

        /// <summary>The earliest start (device µs) on a channel of <paramref name="band"/> (0 in regions without bands).</summary>
        public long EarliestStart(int band)
        {
            long free = band >= 0 && band < MaxBands ? _bandFree[band] : 0;
            return free > _aggregatedFree ? free : _aggregatedFree;
        }

        /// <summary>Books a transmission that starts at <paramref name="startMicros"/> and lasts <paramref name="airtimeMicros"/>.</summary>
        public void OnTransmit(Region region, int band, long startMicros, long airtimeMicros, int maxDutyCycle)
        {
            if (region.DutyCycleBandCount > 0 && band >= 0 && band < MaxBands)
            {
                long free = startMicros + airtimeMicros * region.DutyCycleBandAt(band).Divisor;
                if (free > _bandFree[band])
                {
                    _bandFree[band] = free;
                }
            }

            if (maxDutyCycle > 0)
            {
                long free = startMicros + airtimeMicros * (1L << maxDutyCycle);
                if (free > _aggregatedFree)
                {
                    _aggregatedFree = free;
                }
            }
        }
    }

    /// <summary>
    /// The join back-off of TS001-1.0.4 / TR007: aggregated join airtime since power-up at most 36 s in the first
    /// hour (1 %), 36 s over the next 10 hours (0.1 %), then 8.7 s per 24 h (0.01 %); and each request spaced by its
    /// own airtime times the current divisor, plus a random part so that sockets powered up together drift apart.
    /// </summary>
    internal sealed class JoinBackoff
    {
        public const long HourMicros = 3600L * 1000000;
        public const long FirstBudgetMicros = 36L * 1000000;
        public const long SecondBudgetMicros = 36L * 1000000;
        public const long DailyBudgetMicros = 8700L * 1000;

        private long _powerUp;
        private int _period;
        private long _used;
        private long _next;

        public void Reset(long powerUpMicros)
        {
            _powerUp = powerUpMicros;
            _period = 0;
            _used = 0;
            _next = powerUpMicros;
        }

        /// <summary>The divisor of the duty cycle in force at <paramref name="micros"/>: 100, 1000, then 10000.</summary>
        public int DivisorAt(long micros)
        {
            long elapsed = micros - _powerUp;
            return elapsed < HourMicros ? 100 : elapsed < 11 * HourMicros ? 1000 : 10000;
        }

        /// <summary>The earliest start at or after <paramref name="now"/> for a request of <paramref name="airtimeMicros"/>.</summary>
        public long EarliestStart(long now, long airtimeMicros)
        {
            long t = now > _next ? now : _next;
            for (int guard = 0; guard < 4; guard++)
            {
                int p = PeriodOf(t);
                long used = p == _period ? _used : 0;
                if (used + airtimeMicros <= BudgetOf(p))
                {
                    return t;
                }

                t = StartOf(p + 1);
            }

            return t;
        }

        /// <summary>Books a request and sets the spacing to the next one (<paramref name="jitterMicros"/> added).</summary>
        public void OnJoinSent(long startMicros, long airtimeMicros, long jitterMicros)
        {
            int p = PeriodOf(startMicros);
            if (p != _period)
            {
                _period = p;
                _used = 0;
            }

            _used += airtimeMicros;
            _next = startMicros + airtimeMicros * DivisorAt(startMicros) + jitterMicros;
        }

        private int PeriodOf(long t)
        {
            long elapsed = t - _powerUp;
            if (elapsed < HourMicros)
            {
                return 0;
            }

            if (elapsed < 11 * HourMicros)
            {
                return 1;
            }

            return 2 + (int)((elapsed - 11 * HourMicros) / (24 * HourMicros));
        }

        private long StartOf(int period)
        {
            if (period <= 0)
            {
                return _powerUp;
            }

            if (period == 1)
            {
                return _powerUp + HourMicros;
            }

            return _powerUp + 11 * HourMicros + (period - 2) * 24 * HourMicros;
        }

        private static long BudgetOf(int period) => period == 0 ? FirstBudgetMicros : period == 1 ? SecondBudgetMicros : DailyBudgetMicros;
    }
}
