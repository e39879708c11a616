using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Ws52x.Host.Trace
{
    /// <summary>
    /// The host board's trace (--trace FILE): one JSON object per line, {"t": board µs, "kind": ..., fields...}, in
    /// time order. Each area adds its own kinds with <see cref="Begin"/>; the socket writes relay, led, uplink and
    /// current records, the radio air and rx records. A record dated before the previous one is a bug of the writer's
    /// caller, and throws. A record whose fields are only known later (a receive window: when did the radio stop
    /// listening?) takes its place in time with <see cref="Reserve"/>; the records after it wait until it is
    /// <see cref="Complete"/>d, so the file stays in time order.
    /// </summary>
    public sealed class TraceWriter : IDisposable
    {
        private readonly TextWriter _writer;
        private readonly TraceRecord _record;
        private readonly Queue<Place> _waiting = new Queue<Place>();
        private readonly Dictionary<long, Place> _reserved = new Dictionary<long, Place>();
        private long _lastMicros = long.MinValue;
        private long _nextTicket;

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

        /// <summary>
        /// Takes the place in time of a record of <paramref name="kind"/> at <paramref name="micros"/> whose fields come
        /// later; returns the ticket <see cref="Complete"/> fills it with. Records after it wait for it.
        /// </summary>
        public long Reserve(long micros, string kind)
        {
            if (micros < _lastMicros)
            {
                throw new InvalidOperationException("trace record '" + kind + "' at " + micros + " µs is before the previous one at " + _lastMicros + " µs");
            }

            _lastMicros = micros;
            var place = new Place { Ticket = _nextTicket++, Micros = micros, Kind = kind };
            _waiting.Enqueue(place);
            _reserved.Add(place.Ticket, place);
            return place.Ticket;
        }

        /// <summary>Starts the reserved record (its time and kind already in); add fields, then End() puts it in its place.</summary>
        public TraceRecord Complete(long ticket)
        {
            if (!_reserved.Remove(ticket, out Place place))
            {
                throw new InvalidOperationException("trace ticket " + ticket + " is not reserved");
            }

            return _record.Start(place.Micros, place.Kind, place);
        }

        internal void Write(string line, Place place)
        {
            if (place != null)
            {
                place.Line = line;
            }
            else if (_waiting.Count > 0)
            {
                _waiting.Enqueue(new Place { Line = line });
            }
            else
            {
                WriteOut(line);
                return;
            }

            while (_waiting.Count > 0 && _waiting.Peek().Line != null)
            {
                WriteOut(_waiting.Dequeue().Line);
            }
        }

        /// <summary>Writes what waits; a place never completed is left out (its caller owed it an end).</summary>
        public void Dispose()
        {
            while (_waiting.Count > 0)
            {
                string line = _waiting.Dequeue().Line;
                if (line != null)
                {
                    WriteOut(line);
                }
            }

            _writer.Flush();
            _writer.Dispose();
        }

        private void WriteOut(string line)
        {
            _writer.WriteLine(line);
            Records++;
        }

        /// <summary>A record's place in the file: a line, or a reserved record still waiting for its fields.</summary>
        internal sealed class Place
        {
            public long Ticket;
            public long Micros;
            public string Kind;
            public string Line;
        }
    }

    /// <summary>One trace line being built (reused; not thread-safe, like the board itself).</summary>
    public sealed class TraceRecord
    {
        private readonly TraceWriter _owner;
        private readonly StringBuilder _line = new StringBuilder(128);
        private TraceWriter.Place _place;

        internal TraceRecord(TraceWriter owner)
        {
            _owner = owner;
        }

        internal TraceRecord Start(long micros, string kind, TraceWriter.Place place = null)
        {
            _place = place;
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
            _owner.Write(_line.ToString(), _place);
        }

        private StringBuilder Name(string name) => _line.Append(", \"").Append(name).Append("\": ");
    }
}
