using System;
using System.Collections.Generic;
using System.Linq;
using Ws52x.Platform;

namespace Ws52x.Host.Board.Storage
{
    /// <summary>
    /// The board's flash as files in memory. Writes reuse each file's buffer, so a steady-state journal allocates
    /// nothing on it. Counts what it is asked to write, so wear can be measured; <see cref="Clone"/> is what a board
    /// finds after a power cut now. Power cuts themselves are injected by <see cref="PowerCutFiles"/> on top.
    /// </summary>
    public sealed class MemoryFiles : IFileStore
    {
        private readonly Dictionary<string, Image> _files = new Dictionary<string, Image>(StringComparer.Ordinal);

        /// <summary>Bytes written to files since this store was made.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>File writes since this store was made.</summary>
        public int Writes { get; private set; }

        /// <summary>File deletes (of files that existed) since this store was made.</summary>
        public int Deletes { get; private set; }

        /// <summary>The files there are, in name order.</summary>
        public IReadOnlyList<string> Names => _files.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();

        public int Read(string name, byte[] buffer, int offset, int count)
        {
            if (!_files.TryGetValue(name, out Image file))
            {
                return -1;
            }

            Array.Copy(file.Bytes, 0, buffer, offset, Math.Min(count, file.Length));
            return file.Length;
        }

        public void Write(string name, byte[] data, int offset, int count)
        {
            if (!_files.TryGetValue(name, out Image file))
            {
                file = new Image();
                _files.Add(name, file);
            }

            file.Set(data, offset, count);
            BytesWritten += count;
            Writes++;
        }

        public void Delete(string name)
        {
            if (_files.Remove(name))
            {
                Deletes++;
            }
        }

        /// <summary>A copy of the file's content, or null if there is none.</summary>
        public byte[] Content(string name)
        {
            return _files.TryGetValue(name, out Image file) ? file.Bytes.AsSpan(0, file.Length).ToArray() : null;
        }

        /// <summary>Sets a file's content behind the journal's back (damaged flash, a file from elsewhere); not counted.</summary>
        public void Put(string name, byte[] content)
        {
            if (!_files.TryGetValue(name, out Image file))
            {
                file = new Image();
                _files.Add(name, file);
            }

            file.Set(content, 0, content.Length);
        }

        /// <summary>What a board finds after a power cut now: the same files, counts at zero.</summary>
        public MemoryFiles Clone()
        {
            var copy = new MemoryFiles();
            foreach (KeyValuePair<string, Image> pair in _files)
            {
                copy.Put(pair.Key, Content(pair.Key));
            }

            return copy;
        }

        private sealed class Image
        {
            public byte[] Bytes = Array.Empty<byte>();
            public int Length;

            public void Set(byte[] data, int offset, int count)
            {
                if (Bytes.Length < count)
                {
                    Bytes = new byte[count];
                }

                Array.Copy(data, offset, Bytes, 0, count);
                Length = count;
            }
        }
    }
}
