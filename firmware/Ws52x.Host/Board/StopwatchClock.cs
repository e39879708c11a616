using System.Diagnostics;
using Ws52x.Platform;

namespace Ws52x.Host.Board
{
    /// <summary>
    /// The host's monotonic microsecond counter, the stand-in for the ESP32's high-resolution timer: like that timer it
    /// counts from the board's boot (this object's creation), so board times in the log start at zero.
    /// </summary>
    public sealed class StopwatchClock : IMonotonicClock
    {
        private readonly long _boot = Stopwatch.GetTimestamp();

        public long NowMicros => (Stopwatch.GetTimestamp() - _boot) * 1000000 / Stopwatch.Frequency;
    }
}
