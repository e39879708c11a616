using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Ws52x.App;
using Ws52x.LoRaWan.Mac;
using Ws52x.Loop;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// Where the boot heap goes (docs/budget.md): what each area of the firmware holds after an hour (reachable from it,
    /// host object sizes), and what each timer handler allocated over the hour, with the log lines it wrote. Run as
    /// <c>-- budget-breakdown</c>; the figures are for reading, not limits.
    /// </summary>
    public sealed class BudgetBreakdown : IBenchmark
    {
        public string Name => "budget-breakdown";

        public void Run(bool quick)
        {
            foreach (bool network in new[] { false, true })
            {
                Console.WriteLine(network ? "--- with a gateway and network server in range (joins once, reports)" : "--- no network in range (the MAC keeps joining)");
                foreach (string line in Lines(network))
                {
                    Console.WriteLine(line);
                }
            }
        }

        /// <summary>The breakdown of one budget run, as printable lines.</summary>
        public static IReadOnlyList<string> Lines(bool withNetwork)
        {
            var lines = new List<string>();
            var handlers = new HandlerTally();
            BudgetRun.WarmUp();
            var run = new BudgetRun(withNetwork, handlers.Wrap);
            lines.Add("static tables of the core (all static constructors run, as nanoCLR does at boot): " + run.StaticBytes + " bytes");
            lines.Add("construction (Firmware constructor + Start): " + run.ConstructionBytes + " bytes allocated, " + run.ConstructionLogLines + " log lines");
            lines.Add("hour: " + run.BootAllocatedBytes + " bytes allocated in all, " + run.HourLogLines + " log lines (" + run.HourLogChars + " characters)");
            lines.Add("reachable after the hour, by area (host object sizes, each object counted once, under the first area that reaches it):");
            HeapWalk.ByType = new Dictionary<string, long>();
            foreach (var (area, bytes, objects, nano) in HeapWalk.Reachable(run.Firmware))
            {
                lines.Add("  " + area.PadRight(34) + bytes.ToString().PadLeft(8) + " bytes in " + objects.ToString().PadLeft(4) + " objects; on nanoFramework about " + nano.ToString().PadLeft(6) + " bytes");
            }

            lines.Add("largest kinds of object reachable (type, arrays with their length):");
            foreach (var kv in HeapWalk.ByType.OrderByDescending(k => k.Value).Take(25))
            {
                lines.Add("  " + kv.Key.PadRight(46) + kv.Value.ToString().PadLeft(8) + " bytes");
            }

            HeapWalk.ByType = null;

            lines.Add("static fields of the core, largest first:");
            foreach (var (field, bytes, nano) in HeapWalk.Statics().OrderByDescending(f => f.Bytes).Take(12))
            {
                lines.Add("  " + field.PadRight(46) + bytes.ToString().PadLeft(8) + " bytes; on nanoFramework about " + nano.ToString().PadLeft(6));
            }

            lines.Add("allocated over the hour by timer handler (after Start; events = the rest of the loop's turns):");
            long inHandlers = 0;
            long quietCalls = 0;
            int quiet = 0;
            foreach (var h in handlers.Rows.Where(r => !r.Name.StartsWith("  ")).OrderByDescending(r => r.Bytes))
            {
                inHandlers += h.Bytes;
                if (h.Bytes == 0)
                {
                    quiet++;
                    quietCalls += h.Calls;
                    continue;
                }

                lines.Add("  " + h.Name.PadRight(46) + h.Bytes.ToString().PadLeft(8) + " bytes in " + h.Calls.ToString().PadLeft(6) + " calls, " + h.LogLines + " log lines");
            }

            lines.Add("  " + (quiet + " other handlers").PadRight(46) + "0 bytes".PadLeft(14) + " in " + quietCalls + " calls");
            lines.Add("  " + "events and the rest (radio DIO, console)".PadRight(46) + (run.HourAfterStartBytes - inHandlers).ToString().PadLeft(8) + " bytes");
            foreach (var h in handlers.Rows.Where(r => r.Calls > 0 && r.Name.StartsWith("  ")).OrderByDescending(r => r.Nested))
            {
                lines.Add("  " + h.Name.PadRight(46) + h.Nested.ToString().PadLeft(8) + " bytes in " + h.Calls.ToString().PadLeft(6) + " calls, " + h.LogLines + " log lines");
            }

            return lines;
        }

        /// <summary>Wraps every timer of the firmware so that each handler's allocations are counted under its name.</summary>
        private sealed class HandlerTally
        {
            private static readonly FieldInfo ElapsedField = typeof(LoopTimer).GetField("<Elapsed>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);
            private readonly Dictionary<string, Row> _rows = new Dictionary<string, Row>();

            public IEnumerable<Row> Rows => _rows.Values;

            public Func<int> LogLines { get; set; }

            public Func<long> HostBytes { get; set; }

            public void Wrap(Firmware firmware, Func<int> logLines, Func<long> hostBytes)
            {
                LogLines = logLines;
                HostBytes = hostBytes;
                var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
                var stack = new Stack<object>();
                stack.Push(firmware);
                while (stack.Count > 0)
                {
                    object o = stack.Pop();
                    if (o == null || !seen.Add(o))
                    {
                        continue;
                    }

                    Type t = o.GetType();
                    if (o is LoopTimer timer)
                    {
                        WrapTimer(timer);
                    }

                    if (o is LinkEvents events && !(events.Target is MeasuredEvents))
                    {
                        events.Target = new MeasuredEvents(events.Target, this);
                    }

                    if (o is string || o is Delegate || !HeapWalk.IsFirmwares(o))
                    {
                        continue;
                    }

                    if (o is Array array)
                    {
                        if (!t.GetElementType().IsValueType)
                        {
                            foreach (object e in array)
                            {
                                stack.Push(e);
                            }
                        }

                        continue;
                    }

                    for (Type k = t; k != null && k != typeof(object); k = k.BaseType)
                    {
                        foreach (FieldInfo f in k.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                        {
                            if (!f.FieldType.IsValueType && f.GetValue(o) is object v && !(v is Delegate))
                            {
                                stack.Push(v);
                            }
                        }
                    }
                }
            }

            private void WrapTimer(LoopTimer timer)
            {
                TimerElapsed inner = timer.Elapsed;
                if (inner == null || inner.Target == this)
                {
                    return;
                }

                Row row = RowOf(inner.Method.DeclaringType.Name + "." + inner.Method.Name);

                Func<int> lines = LogLines;
                Func<long> host = HostBytes;
                TimerElapsed outer = t =>
                {
                    int linesBefore = lines();
                    long hostBefore = host();
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    inner(t);
                    row.Bytes += GC.GetAllocatedBytesForCurrentThread() - before - (host() - hostBefore);
                    row.Calls++;
                    row.LogLines += lines() - linesBefore;
                };
                ElapsedField.SetValue(timer, outer);
            }

            /// <summary>Starts counting what the application allocates when the MAC tells it something (see <see cref="EndEvent"/>).</summary>
            public long BeginEvent(out int lines, out long host)
            {
                lines = LogLines();
                host = HostBytes();
                return GC.GetAllocatedBytesForCurrentThread();
            }

            /// <summary>Adds the application's bytes since <see cref="BeginEvent"/> to its row (inside the rows that called it).</summary>
            public void EndEvent(Row row, long before, int lines, long host)
            {
                row.Nested += GC.GetAllocatedBytesForCurrentThread() - before - (HostBytes() - host);
                row.Calls++;
                row.LogLines += LogLines() - lines;
            }

            public Row RowOf(string name)
            {
                if (!_rows.TryGetValue(name, out Row row))
                {
                    row = new Row { Name = name };
                    _rows[name] = row;
                }

                return row;
            }

            public sealed class Row
            {
                public string Name;
                public long Bytes;
                public long Calls;
                public long LogLines;

                /// <summary>Bytes already counted in another row (the application's part of a MAC event).</summary>
                public long Nested;
            }
        }

        /// <summary>Forwards the MAC's events to the application, counting what the application allocates on each.</summary>
        private sealed class MeasuredEvents : ILoRaWanEvents
        {
            private readonly ILoRaWanEvents _target;
            private readonly HandlerTally _tally;
            private readonly HandlerTally.Row _joinRequestSent;
            private readonly HandlerTally.Row _joined;
            private readonly HandlerTally.Row _uplinkDone;
            private readonly HandlerTally.Row _downlink;
            private readonly HandlerTally.Row _linkLost;

            public MeasuredEvents(ILoRaWanEvents target, HandlerTally tally)
            {
                _target = target;
                _tally = tally;
                _joinRequestSent = tally.RowOf("  (within the above) application on OnJoinRequestSent");
                _joined = tally.RowOf("  (within the above) application on OnJoined");
                _uplinkDone = tally.RowOf("  (within the above) application on OnUplinkDone");
                _downlink = tally.RowOf("  (within the above) application on OnDownlink");
                _linkLost = tally.RowOf("  (within the above) application on OnLinkLost");
            }

            public void OnJoinRequestSent(int attempt)
            {
                long before = _tally.BeginEvent(out int lines, out long host);
                _target.OnJoinRequestSent(attempt);
                _tally.EndEvent(_joinRequestSent, before, lines, host);
            }

            public void OnJoined()
            {
                long before = _tally.BeginEvent(out int lines, out long host);
                _target.OnJoined();
                _tally.EndEvent(_joined, before, lines, host);
            }

            public void OnUplinkDone(int port, UplinkOutcome outcome)
            {
                long before = _tally.BeginEvent(out int lines, out long host);
                _target.OnUplinkDone(port, outcome);
                _tally.EndEvent(_uplinkDone, before, lines, host);
            }

            public void OnDownlink(int port, byte[] payload, int offset, int length, bool multicast)
            {
                long before = _tally.BeginEvent(out int lines, out long host);
                _target.OnDownlink(port, payload, offset, length, multicast);
                _tally.EndEvent(_downlink, before, lines, host);
            }

            public void OnLinkLost()
            {
                long before = _tally.BeginEvent(out int lines, out long host);
                _target.OnLinkLost();
                _tally.EndEvent(_linkLost, before, lines, host);
            }
        }
    }
}
