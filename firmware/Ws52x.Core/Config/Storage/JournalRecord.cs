using System;
using Ws52x.Util;

namespace Ws52x.Config.Storage
{
    /// <summary>
    /// One stored copy of a record, as the file holds it: a 16-byte header, then the payload.
    /// <code>
    /// 0  "W52S"      magic: a Ws52x storage slot
    /// 4  CRC-32      of bytes 8..end (generation, length and payload), little-endian
    /// 8  generation  counts the key's replaces; the copy with the higher one is the newer
    /// 12 length      payload bytes; the file is exactly 16 + length long
    /// 16 payload
    /// </code>
    /// A file that is short, long, of another magic or whose CRC does not match is no record: a write a power cut tore,
    /// or damaged flash. The CRC covers the generation too, so a damaged copy can never pass for the newer one.
    /// </summary>
    internal static class JournalRecord
    {
        public const int HeaderLength = 16;

        /// <summary>Writes the record of data[0..length) into <paramref name="file"/>; returns the file's length.</summary>
        public static int Encode(byte[] file, uint generation, byte[] data, int length)
        {
            file[0] = (byte)'W';
            file[1] = (byte)'5';
            file[2] = (byte)'2';
            file[3] = (byte)'S';
            Bytes.WriteUInt32LE(file, 8, generation);
            Bytes.WriteUInt32LE(file, 12, (uint)length);
            Array.Copy(data, 0, file, HeaderLength, length);
            Bytes.WriteUInt32LE(file, 4, Crc32.Compute(file, 8, 8 + length));
            return HeaderLength + length;
        }

        /// <summary>The payload length of file[0..fileLength) if it is one complete record, else -1.</summary>
        public static int Check(byte[] file, int fileLength, out uint generation)
        {
            generation = 0;
            if (fileLength < HeaderLength || file[0] != (byte)'W' || file[1] != (byte)'5' || file[2] != (byte)'2' || file[3] != (byte)'S')
            {
                return -1;
            }

            uint length = Bytes.ReadUInt32LE(file, 12);
            if (length != (uint)(fileLength - HeaderLength) || Crc32.Compute(file, 8, fileLength - 8) != Bytes.ReadUInt32LE(file, 4))
            {
                return -1;
            }

            generation = Bytes.ReadUInt32LE(file, 8);
            return (int)length;
        }

        /// <summary>Whether generation <paramref name="a"/> was written after <paramref name="b"/> (serial-number order, so
        /// the 32-bit counter may wrap).</summary>
        public static bool IsNewer(uint a, uint b)
        {
            return (int)(a - b) > 0;
        }
    }
}
