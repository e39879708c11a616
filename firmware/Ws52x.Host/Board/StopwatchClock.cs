using System.Diagnostics;
using Ws52x.Platform;

namespace Ws52x.Host.Board
{
    /// <summary>The host's monotonic microsecond counter, the stand-in for the ESP32's high-resolution timer.</summary>
    public sealed class StopwatchClock : IMonotonicClock
    {
        public long NowMicros => Stopwatch.GetTimestamp() / (Stopwatch.Frequency / 1000000);
    }
}
