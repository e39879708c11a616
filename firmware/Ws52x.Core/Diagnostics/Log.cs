using Ws52x.Platform;
using Ws52x.Util;

namespace Ws52x.Diagnostics
{
    /// <summary>
    /// The firmware's log: one line per record, "d.hh:mm:ss.mmm area: message", in loop time. A line is put together in
    /// one reused buffer and handed to the console as characters, so a record allocates nothing: start it with
    /// <see cref="Line"/> or <see cref="Warning"/>, append its parts (numbers, hex and frequencies are written digit by
    /// digit), end it with <see cref="End"/>. <see cref="Info"/> and <see cref="Warn"/> take a finished message, for
    /// records whose text is made anyway. Lines are loop-thread only, and a part must not itself log.
    /// </summary>
    public sealed class Log
    {
        /// <summary>
        /// Longest line; the rest of a longer one is cut. The longest line the socket writes in normal use, the basic
        /// information uplink with its hex and the vendor JSON (about 515 characters), fits whole.
        /// </summary>
        public const int MaxLineLength = 600;

        private readonly ITextConsole _console;
        private readonly IMonotonicClock _clock;
        private readonly TextBuffer _line = new TextBuffer(MaxLineLength);

        public Log(ITextConsole console, IMonotonicClock clock)
        {
            _console = console;
            _clock = clock;
        }

        public void Info(string area, string message)
        {
            Line(area).Append(message);
            End();
        }

        public void Warn(string area, string message)
        {
            Warning(area).Append(message);
            End();
        }

        /// <summary>Starts a record of <paramref name="area"/>: its time and area are written; append the message, then <see cref="End"/>.</summary>
        public TextBuffer Line(string area)
        {
            return _line.Clear().Time(_clock.NowMicros).Append(' ').Append(area).Append(": ");
        }

        /// <summary>Starts a warning of <paramref name="area"/> ("warning: " before the message).</summary>
        public TextBuffer Warning(string area)
        {
            return Line(area).Append("warning: ");
        }

        /// <summary>Writes the record started by <see cref="Line"/> or <see cref="Warning"/>.</summary>
        public void End()
        {
            _console.WriteLine(_line.Chars, _line.Length);
        }

        /// <summary>Formats clock microseconds as d.hh:mm:ss.mmm (days only when non-zero), for tools.</summary>
        public static string FormatTime(long micros)
        {
            return new TextBuffer(24).Time(micros).ToString();
        }
    }
}
