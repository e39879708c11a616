using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Ws52x.App;
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
            var run = new BudgetRun(withNetwork, handlers.Wrap);
            lines.Add("static tables of the core (all static constructors run, as nanoCLR does at boot): " + run.StaticBytes + " bytes");
            lines.Add("construction (Firmware constructor + Start): " + run.ConstructionBytes + " bytes allocated, " + run.ConstructionLogLines + " log lines");
            lines.Add("hour: " + run.BootAllocatedBytes + " bytes allocated in all, " + run.HourLogLines + " log lines (" + run.HourLogChars + " characters)");
            lines.Add("reachable after the hour, by area (host object sizes, each object counted once, under the first area that reaches it):");
            HeapWalk.ByType = new Dictionary<string, long>();
            foreach (var (area, bytes, objects) in HeapWalk.Reachable(run.Firmware))
            {
                lines.Add("  " + area.PadRight(34) + bytes.ToString().PadLeft(8) + " bytes in " + objects + " objects");
            }

            lines.Add("largest kinds of object reachable (type, arrays with their length):");
            foreach (var kv in HeapWalk.ByType.OrderByDescending(k => k.Value).Take(25))
            {
                lines.Add("  " + kv.Key.PadRight(46) + kv.Value.ToString().PadLeft(8) + " bytes");
            }

            HeapWalk.ByType = null;

            lines.Add("static fields of the core, largest first:");
            foreach (var (field, bytes) in HeapWalk.Statics().OrderByDescending(f => f.Bytes).Take(12))
            {
                lines.Add("  " + field.PadRight(46) + bytes.ToString().PadLeft(8) + " bytes");
            }

            lines.Add("allocated over the hour by timer handler (after Start; events = the rest of the loop's turns):");
            long inHandlers = 0;
            long quietCalls = 0;
            int quiet = 0;
            foreach (var h in handlers.Rows.OrderByDescending(r => r.Bytes))
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

                string name = inner.Method.DeclaringType.Name + "." + inner.Method.Name;
                if (!_rows.TryGetValue(name, out Row row))
                {
                    row = new Row { Name = name };
                    _rows[name] = row;
                }

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

            public sealed class Row
            {
                public string Name;
                public long Bytes;
                public long Calls;
                public long LogLines;
            }
        }
    }
}
