using Ws52x.Platform;

namespace Ws52x.Diagnostics
{
    /// <summary>
    /// The firmware's log: one line per record, prefixed with the loop time as d.hh:mm:ss.mmm and the area it comes
    /// from. Logging formats strings, so it belongs on event paths (a join, a command, a report), never in a per-sample path.
    /// </summary>
    public sealed class Log
    {
        private readonly ITextConsole _console;
        private readonly IMonotonicClock _clock;

        public Log(ITextConsole console, IMonotonicClock clock)
        {
            _console = console;
            _clock = clock;
        }

        /// <summary>When false, <see cref="Debug"/> records are dropped before they are formatted.</summary>
        public bool DebugEnabled { get; set; }

        public void Info(string area, string message)
        {
            Write(area, message);
        }

        public void Warn(string area, string message)
        {
            Write(area, "warning: " + message);
        }

        public void Debug(string area, string message)
        {
            if (DebugEnabled)
            {
                Write(area, message);
            }
        }

        private void Write(string area, string message)
        {
            _console.WriteLine(FormatTime(_clock.NowMicros) + " " + area + ": " + message);
        }

        /// <summary>Formats clock microseconds as d.hh:mm:ss.mmm (days only when non-zero).</summary>
        public static string FormatTime(long micros)
        {
            long ms = micros / 1000;
            long days = ms / 86400000;
            ms -= days * 86400000;
            long h = ms / 3600000;
            ms -= h * 3600000;
            long m = ms / 60000;
            ms -= m * 60000;
            long s = ms / 1000;
            ms -= s * 1000;
            string hms = Two(h) + ":" + Two(m) + ":" + Two(s) + "." + Three(ms);
            return days > 0 ? days.ToString() + "." + hms : hms;
        }

        private static string Two(long v) => v < 10 ? "0" + v.ToString() : v.ToString();

        private static string Three(long v) => v < 10 ? "00" + v.ToString() : v < 100 ? "0" + v.ToString() : v.ToString();
    }
}
