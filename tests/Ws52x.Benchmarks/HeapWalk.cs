using System;
using System.Collections.Generic;
using System.Reflection;
using Ws52x.App;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// What the firmware holds, by area: every object reachable from an area's root (and from the core's static fields),
    /// counted once under the first area that reaches it, in .NET's 64-bit object sizes. Objects of the host's stand-ins
    /// (namespace Ws52x.Host) and of the runtime are not followed: they are not on the device.
    /// </summary>
    public static class HeapWalk
    {
        /// <summary>When set, the walk adds each object's size under its type (arrays with their length) here.</summary>
        public static Dictionary<string, long> ByType { get; set; }

        public static IEnumerable<(string Area, long Bytes, int Objects, long NanoBytes)> Reachable(Firmware firmware)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var roots = new (string, object)[]
            {
                ("log", firmware.Log),
                ("config: store (settings, journal)", firmware.Config.Store),
                ("config: console", firmware.Config.Console),
                ("config: reset, status", firmware.Config),
                ("radio driver", firmware.Radio),
                ("lorawan mac", firmware.Mac),
                ("metering", firmware.Metering),
                ("socket application", firmware.Socket),
                ("loop (queues)", firmware.Loop),
                ("firmware and the rest", firmware),
                ("static fields of the core", StaticValues()),
            };

            // An area's walk stops at the other areas' roots (an observer, a back reference): each is walked as its own.
            var rootSet = new HashSet<object>(ReferenceEqualityComparer.Instance);
            foreach (var (_, root) in roots)
            {
                if (root != null)
                {
                    rootSet.Add(root);
                }
            }

            foreach (var (area, root) in roots)
            {
                long bytes = 0;
                long nano = 0;
                int objects = 0;
                rootSet.Remove(root);
                Walk(root, seen, rootSet, ref bytes, ref nano, ref objects);
                yield return (area, bytes, objects, nano);
            }
        }

        /// <summary>.NET's 64-bit layout, roughly: 16 bytes of header, 8 per reference, the value fields' sizes.</summary>
        public static long SizeOf(object o)
        {
            if (o is string s)
            {
                return 22 + 2L * s.Length;
            }

            if (o is Delegate)
            {
                return 64;
            }

            if (o is Array a)
            {
                Type e = a.GetType().GetElementType();
                return 24 + (long)a.Length * (e.IsValueType ? ValueSize(e) : 8);
            }

            long size = 16;
            foreach (FieldInfo f in Fields(o.GetType()))
            {
                size += f.FieldType.IsValueType ? ValueSize(f.FieldType) : 8;
            }

            return size;
        }

        /// <summary>Each static field of the core that holds something, with what it reaches (nothing counted twice).</summary>
        public static IEnumerable<(string Field, long Bytes, long NanoBytes)> Statics()
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var none = new HashSet<object>(ReferenceEqualityComparer.Instance);
            foreach (Type t in typeof(Firmware).Assembly.GetTypes())
            {
                if (t.IsGenericTypeDefinition)
                {
                    continue;
                }

                foreach (FieldInfo f in t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!f.FieldType.IsValueType && !f.IsLiteral && f.GetValue(null) is object v)
                    {
                        long bytes = 0;
                        long nano = 0;
                        int objects = 0;
                        Walk(v, seen, none, ref bytes, ref nano, ref objects);
                        yield return (t.Name + "." + f.Name, bytes, nano);
                    }
                }
            }
        }

        /// <summary>
        /// The same object on nanoFramework, estimated from nf-interpreter's heap layout (src/CLR/Include/
        /// nanoCLR_Runtime__HeapBlock.h, src/CLR/Core/Execution.cpp): everything is made of 12-byte heap blocks; an object
        /// is one block plus one per field, whatever the field's type; an array is a 20-byte header and its elements
        /// (references 12 bytes each), rounded up to whole blocks; a string is UTF-8 after a one-block header, and a
        /// string written literally in the code is the header alone (its text stays in the assembly, in flash).
        /// </summary>
        public static long NanoSizeOf(object o)
        {
            const int Block = 12;
            if (o is string s)
            {
                if (ReferenceEquals(string.IsInterned(s), s))
                {
                    return Block;
                }

                return Blocks(Block + System.Text.Encoding.UTF8.GetByteCount(s) + 1);
            }

            if (o is Delegate)
            {
                return 4 * Block;
            }

            if (o is Array a)
            {
                Type e = a.GetType().GetElementType();
                return Blocks(20 + (long)a.Length * (e.IsValueType ? ValueSize(e) : Block));
            }

            long fields = 0;
            foreach (FieldInfo f in Fields(o.GetType()))
            {
                fields++;
            }

            return Block * (1 + fields);
        }

        private static long Blocks(long bytes) => (bytes + 11) / 12 * 12;

        private static object[] StaticValues()
        {
            var values = new List<object>();
            foreach (Type t in typeof(Firmware).Assembly.GetTypes())
            {
                if (t.IsGenericTypeDefinition)
                {
                    continue;
                }

                foreach (FieldInfo f in t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!f.FieldType.IsValueType && !f.IsLiteral && f.GetValue(null) is object v)
                    {
                        values.Add(v);
                    }
                }
            }

            return values.ToArray();
        }

        private static void Walk(object root, HashSet<object> seen, HashSet<object> otherRoots, ref long bytes, ref long nano, ref int objects)
        {
            var stack = new Stack<object>();
            if (root is object[] statics && root.GetType() == typeof(object[]))
            {
                foreach (object s in statics)
                {
                    stack.Push(s);
                }
            }
            else if (root != null)
            {
                stack.Push(root);
            }

            while (stack.Count > 0)
            {
                object o = stack.Pop();
                if (otherRoots.Contains(o) || !seen.Add(o) || !IsFirmwares(o))
                {
                    continue;
                }

                objects++;
                long size = SizeOf(o);
                bytes += size;
                nano += NanoSizeOf(o);
                if (ByType != null)
                {
                    string key = o.GetType().Name + (o is Array arr ? "[" + arr.Length + "]" : "");
                    ByType.TryGetValue(key, out long sum);
                    ByType[key] = sum + size;
                }
                if (o is Delegate d)
                {
                    if (d.Target != null)
                    {
                        stack.Push(d.Target);
                    }

                    continue;
                }

                if (o is string)
                {
                    continue;
                }

                if (o is Array array)
                {
                    if (!array.GetType().GetElementType().IsValueType)
                    {
                        foreach (object e in array)
                        {
                            if (e != null)
                            {
                                stack.Push(e);
                            }
                        }
                    }

                    continue;
                }

                foreach (FieldInfo f in Fields(o.GetType()))
                {
                    if (!f.FieldType.IsValueType && f.GetValue(o) is object v)
                    {
                        stack.Push(v);
                    }
                }
            }
        }

        // Strings, arrays and delegates are the firmware's when a firmware object holds them; other objects by namespace.
        public static bool IsFirmwares(object o)
        {
            if (o is string || o is Array || o is Delegate)
            {
                return true;
            }

            string ns = o.GetType().Namespace;
            return ns != null && ns.StartsWith("Ws52x") && !ns.StartsWith("Ws52x.Host") && !ns.StartsWith("Ws52x.Benchmarks");
        }

        private static IEnumerable<FieldInfo> Fields(Type type)
        {
            for (Type k = type; k != null && k != typeof(object); k = k.BaseType)
            {
                foreach (FieldInfo f in k.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    yield return f;
                }
            }
        }

        private static int ValueSize(Type t)
        {
            if (t.IsEnum)
            {
                t = Enum.GetUnderlyingType(t);
            }

            if (t == typeof(bool) || t == typeof(byte) || t == typeof(sbyte))
            {
                return 1;
            }

            if (t == typeof(short) || t == typeof(ushort) || t == typeof(char))
            {
                return 2;
            }

            if (t == typeof(long) || t == typeof(ulong) || t == typeof(double))
            {
                return 8;
            }

            return t.IsPrimitive ? 4 : 8;
        }
    }
}
