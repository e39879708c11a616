using System;
using System.Collections.Generic;
using Ws52x.Platform;

namespace Ws52x.Host.Board
{
    /// <summary>Key/value storage in memory: replace is atomic by construction. Counts writes, for wear tests.</summary>
    public sealed class MemoryStorage : IKeyValueStorage
    {
        private readonly Dictionary<string, byte[]> _values = new Dictionary<string, byte[]>();

        public int Writes { get; private set; }

        public int Read(string key, byte[] buffer)
        {
            if (!_values.TryGetValue(key, out byte[] value))
            {
                return -1;
            }

            if (value.Length <= buffer.Length)
            {
                Array.Copy(value, buffer, value.Length);
            }

            return value.Length;
        }

        public void Replace(string key, byte[] data, int length)
        {
            var copy = new byte[length];
            Array.Copy(data, copy, length);
            _values[key] = copy;
            Writes++;
        }

        /// <summary>What a board would find after a power cut now: the same records, no write count.</summary>
        public MemoryStorage Clone()
        {
            var copy = new MemoryStorage();
            foreach (KeyValuePair<string, byte[]> pair in _values)
            {
                copy._values[pair.Key] = (byte[])pair.Value.Clone();
            }

            return copy;
        }

        public bool Delete(string key)
        {
            return _values.Remove(key);
        }
    }
}
