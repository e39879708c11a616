using System;
using System.Collections.Generic;
using Ws52x.Platform;

namespace Ws52x.Benchmarks
{
    /// <summary>Key/value storage in preallocated slots: a write copies, nothing is allocated.</summary>
    public sealed class SlotStorage : IKeyValueStorage
    {
        private readonly Dictionary<string, (byte[] Data, int[] Length)> _slots = new Dictionary<string, (byte[], int[])>();

        public SlotStorage(params string[] keys)
        {
            foreach (string k in keys)
            {
                _slots[k] = (new byte[512], new[] { -1 });
            }
        }

        public int Writes;

        public int Read(string key, byte[] buffer)
        {
            if (!_slots.TryGetValue(key, out var s) || s.Length[0] < 0)
            {
                return -1;
            }

            Array.Copy(s.Data, buffer, Math.Min(s.Length[0], buffer.Length));
            return s.Length[0];
        }

        public void Replace(string key, byte[] data, int length)
        {
            var s = _slots[key];
            Array.Copy(data, s.Data, length);
            s.Length[0] = length;
            Writes++;
        }

        public bool Delete(string key)
        {
            if (!_slots.TryGetValue(key, out var s))
            {
                return false;
            }

            s.Length[0] = -1;
            return true;
        }
    }

}
