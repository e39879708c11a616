using System;

namespace Ws52x.Host.Network.SemtechUdp
{
    /// <summary>
    /// The time bases of a packet-forwarding gateway, in board time: the concentrator's free-running 32-bit microsecond
    /// counter (rxpk and txpk "tmst", wrapping every 71.6 minutes), UTC ("time") and GPS time in milliseconds since
    /// 1980-01-06 ("tmms", no leap seconds: UTC + 18 s since 2017). A tmst names the board time nearest to now with that
    /// counter value, so one that has just wrapped still names the next minutes, and one just past is in the past.
    /// </summary>
    public sealed class ConcentratorClock
    {
        /// <summary>GPS time is ahead of UTC by the leap seconds since 1980: 18 s since 2017-01-01.</summary>
        public const int GpsLeapSeconds = 18;

        private static readonly DateTime GpsEpoch = new DateTime(1980, 1, 6, 0, 0, 0, DateTimeKind.Utc);
        private readonly long _counterOffset;
        private readonly DateTime _utcAtBoardZero;

        /// <param name="counterAtBoardZero">What the counter read at board time 0 (a test starts it just before a wrap).</param>
        /// <param name="utcAtBoardZero">The UTC time of board time 0.</param>
        public ConcentratorClock(uint counterAtBoardZero, DateTime utcAtBoardZero)
        {
            _counterOffset = counterAtBoardZero;
            _utcAtBoardZero = DateTime.SpecifyKind(utcAtBoardZero, DateTimeKind.Utc);
        }

        /// <summary>Whether the gateway has a GPS fix: without one, rxpk carries no tmms and a txpk with only tmms is refused.</summary>
        public bool GpsLocked { get; set; } = true;

        /// <summary>The counter at a board time.</summary>
        public uint Tmst(long boardMicros) => unchecked((uint)(boardMicros + _counterOffset));

        /// <summary>The board time nearest to <paramref name="nowMicros"/> when the counter reads <paramref name="tmst"/>.</summary>
        public long BoardMicros(uint tmst, long nowMicros) => nowMicros + unchecked((int)(tmst - Tmst(nowMicros)));

        public DateTime Utc(long boardMicros) => _utcAtBoardZero.AddTicks(boardMicros * 10);

        public long GpsMillis(long boardMicros) => (long)(Utc(boardMicros) - GpsEpoch).TotalMilliseconds + GpsLeapSeconds * 1000L;

        public long BoardMicrosOfGps(long gpsMillis)
        {
            DateTime utc = GpsEpoch.AddMilliseconds(gpsMillis - GpsLeapSeconds * 1000L);
            return (utc - _utcAtBoardZero).Ticks / 10;
        }
    }
}
