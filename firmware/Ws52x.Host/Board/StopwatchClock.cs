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

        // Whole seconds and the rest apart: ticks · 10^6 would overflow a long after 2.5 hours at a 1 GHz tick rate.
        public long NowMicros
        {
            get
            {
                long ticks = Stopwatch.GetTimestamp() - _boot;
                long frequency = Stopwatch.Frequency;
                return ticks / frequency * 1000000 + ticks % frequency * 1000000 / frequency;
            }
        }
    }
}
