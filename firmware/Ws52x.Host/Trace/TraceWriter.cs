using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace Ws52x.Host.Trace
{
    /// <summary>
    /// The host board's trace (--trace FILE): one JSON object per line, {"t": board µs, "kind": ..., fields...}, in
    /// time order. Each area adds its own kinds with <see cref="Begin"/>; the socket writes relay, led, uplink and
    /// current records. A record dated before the previous one is a bug of the writer's caller, and throws.
    /// </summary>
    public sealed class TraceWriter : IDisposable
    {
        private readonly TextWriter _writer;
        private readonly TraceRecord _record;
        private long _lastMicros = long.MinValue;

        public TraceWriter(TextWriter writer)
        {
            _writer = writer;
            _record = new TraceRecord(this);
        }

        public int Records { get; private set; }

        /// <summary>Starts a record of <paramref name="kind"/> at board time <paramref name="micros"/>; add fields, then End().</summary>
        public TraceRecord Begin(long micros, string kind)
        {
            if (micros < _lastMicros)
            {
                throw new InvalidOperationException("trace record '" + kind + "' at " + micros + " µs is before the previous one at " + _lastMicros + " µs");
            }

            _lastMicros = micros;
            return _record.Start(micros, kind);
        }

        internal void Write(string line)
        {
            _writer.WriteLine(line);
            Records++;
        }

        public void Dispose()
        {
            _writer.Flush();
            _writer.Dispose();
        }
    }

    /// <summary>One trace line being built (reused; not thread-safe, like the board itself).</summary>
    public sealed class TraceRecord
    {
        private readonly TraceWriter _owner;
        private readonly StringBuilder _line = new StringBuilder(128);

        internal TraceRecord(TraceWriter owner)
        {
            _owner = owner;
        }

        internal TraceRecord Start(long micros, string kind)
        {
            _line.Clear();
            _line.Append("{\"t\": ").Append(micros.ToString(CultureInfo.InvariantCulture));
            return Field("kind", kind);
        }

        public TraceRecord Field(string name, string value)
        {
            Name(name).Append('"');
            foreach (char c in value)
            {
                if (c == '"' || c == '\\')
                {
                    _line.Append('\\');
                }

                _line.Append(c);
            }

            _line.Append('"');
            return this;
        }

        public TraceRecord Field(string name, long value)
        {
            Name(name).Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        public TraceRecord Field(string name, bool value)
        {
            Name(name).Append(value ? "true" : "false");
            return this;
        }

        public void End()
        {
            _line.Append('}');
            _owner.Write(_line.ToString());
        }

        private StringBuilder Name(string name) => _line.Append(", \"").Append(name).Append("\": ");
    }
}
