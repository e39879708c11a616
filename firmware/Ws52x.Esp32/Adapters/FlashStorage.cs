// APIs used here, checked against nanoframework/System.IO.FileSystem v1.1.93 (System.IO.FileSystem/*.cs):
//   File.Exists(string), File.Delete(string) (no-op when absent), File.Move(string, string) (throws if the target
//   exists; falls back to copy + delete when the native rename fails), Path.Combine(string, string),
//   Directory.Exists / CreateDirectory(string), FileStream(string, FileMode, FileAccess),
//   FileStream.Write(byte[], int, int) / Read(byte[], int, int) / Flush() / Length / Dispose(),
//   FileMode.Create / Open, FileAccess.Read / Write.
// The ESP32 internal flash drive is "I:" (nanoframework/nf-interpreter targets/ESP32/ESP32/target_FileSystem.cpp),
// a LittleFS volume: rename and remove are atomic there, which the replace protocol below relies on.
// The same calls exist in desktop .NET, so tests/Ws52x.Tests/Portability/DeviceProjectTests.cs compiles this file for the
// host and replays power cuts against it.
using System;
using System.IO;
using Ws52x.Platform;

namespace Ws52x.Esp32.Adapters
{
    /// <summary>
    /// Key/value records as files on the internal flash, replaced atomically. Each file holds a 12-byte header
    /// ("W52K", CRC-32 of what follows it, payload length) and the payload, so a torn file is recognised: a short file
    /// fails the length check, damaged bytes fail the CRC.
    /// <para>Replace writes "key.new", flushes it, deletes "key", renames "key.new" to "key". A power cut at any point
    /// leaves one of: a torn .new beside the old file (the old value wins, the .new is discarded), a complete .new beside
    /// the old file or alone (the new value wins and the rename is finished), or the new file alone. Read performs
    /// that recovery before answering, so it returns the old or the new value, never a mix.</para>
    /// </summary>
    public sealed class FlashStorage : IKeyValueStorage
    {
        /// <summary>Our folder on the ESP32's internal flash drive.</summary>
        public const string InternalFlashRoot = "I:\\ws52x";

        private const int HeaderLength = 12;
        private const int MaxKeyLength = 32;
        private const string PendingSuffix = ".new";

        private readonly string _root;
        private readonly object _lock = new object();
        private byte[] _scratch = new byte[256];

        public FlashStorage(string root)
        {
            _root = root;
            if (!Directory.Exists(root))
            {
                Directory.CreateDirectory(root);
            }
        }

        public int Read(string key, byte[] buffer)
        {
            string path = PathOf(key);
            lock (_lock)
            {
                Recover(path);
                int length = Load(path);
                if (length < 0)
                {
                    return -1;
                }

                if (length <= buffer.Length)
                {
                    Array.Copy(_scratch, HeaderLength, buffer, 0, length);
                }

                return length;
            }
        }

        public void Replace(string key, byte[] data, int length)
        {
            if (length < 0 || length > data.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            string path = PathOf(key);
            string pending = path + PendingSuffix;
            lock (_lock)
            {
                // Settle an interrupted earlier replace first: its complete .new may be the only durable copy (the cut
                // came after the old file was deleted), and it must not be lost if this write is cut in turn.
                Recover(path);
                File.Delete(pending);

                EnsureScratch(HeaderLength + length);
                WriteHeader(_scratch, length);
                Array.Copy(data, 0, _scratch, HeaderLength, length);
                WriteInt(_scratch, 4, (int)Crc32(_scratch, 8, 4 + length));
                using (var stream = new FileStream(pending, FileMode.Create, FileAccess.Write))
                {
                    stream.Write(_scratch, 0, HeaderLength + length);
                    stream.Flush();
                }

                // From here on the new value is durable: every later cut resolves to it.
                File.Delete(path);
                File.Move(pending, path);
            }
        }

        public bool Delete(string key)
        {
            string path = PathOf(key);
            lock (_lock)
            {
                Recover(path);
                bool existed = File.Exists(path);
                File.Delete(path);
                return existed;
            }
        }

        /// <summary>Finishes or discards an interrupted Replace of the file at <paramref name="path"/>.</summary>
        private void Recover(string path)
        {
            string pending = path + PendingSuffix;
            if (!File.Exists(pending))
            {
                return;
            }

            if (Load(pending) >= 0)
            {
                // Complete: it was flushed before the old file was touched, so it is the newest value.
                File.Delete(path);
                File.Move(pending, path);
            }
            else
            {
                File.Delete(pending);
            }
        }

        /// <summary>Reads the file into the scratch buffer; returns the payload length, or -1 if absent or torn.</summary>
        private int Load(string path)
        {
            if (!File.Exists(path))
            {
                return -1;
            }

            int fileLength;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                long size = stream.Length;
                if (size < HeaderLength || size > int.MaxValue)
                {
                    return -1;
                }

                fileLength = (int)size;
                EnsureScratch(fileLength);
                int done = 0;
                while (done < fileLength)
                {
                    int n = stream.Read(_scratch, done, fileLength - done);
                    if (n <= 0)
                    {
                        return -1;
                    }

                    done += n;
                }
            }

            if (_scratch[0] != (byte)'W' || _scratch[1] != (byte)'5' || _scratch[2] != (byte)'2' || _scratch[3] != (byte)'K')
            {
                return -1;
            }

            int length = ReadInt(_scratch, 8);
            if (length < 0 || length != fileLength - HeaderLength)
            {
                return -1;
            }

            uint expected = (uint)ReadInt(_scratch, 4);
            return Crc32(_scratch, 8, 4 + length) == expected ? length : -1;
        }

        private string PathOf(string key)
        {
            // Keys become file names: a restricted alphabet keeps them valid on LittleFS and keeps a key from ever
            // ending in ".new" and colliding with another key's pending file.
            if (key == null || key.Length == 0 || key.Length > MaxKeyLength)
            {
                throw new ArgumentException("storage key must be 1.." + MaxKeyLength.ToString() + " characters");
            }

            for (int i = 0; i < key.Length; i++)
            {
                char c = key[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                if (!ok)
                {
                    throw new ArgumentException("storage key may use letters, digits, '_' and '-' only: " + key);
                }
            }

            return Path.Combine(_root, key);
        }

        private void EnsureScratch(int size)
        {
            if (_scratch.Length < size)
            {
                _scratch = new byte[size];
            }
        }

        /// <summary>Magic and length; the CRC at offset 4 is filled in once the payload is in place.</summary>
        private static void WriteHeader(byte[] buffer, int length)
        {
            buffer[0] = (byte)'W';
            buffer[1] = (byte)'5';
            buffer[2] = (byte)'2';
            buffer[3] = (byte)'K';
            WriteInt(buffer, 8, length);
        }

        private static void WriteInt(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        private static int ReadInt(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24);
        }

        /// <summary>CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) of data[offset..offset+count).</summary>
        private static uint Crc32(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFFu;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= data[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
