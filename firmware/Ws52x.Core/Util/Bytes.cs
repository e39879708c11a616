namespace Ws52x.Util
{
    /// <summary>
    /// Little- and big-endian integers in byte arrays. The device has no BinaryPrimitives in mscorlib, and both the
    /// WS52x payloads and LoRaWAN frames are little-endian on the wire.
    /// </summary>
    public static class Bytes
    {
        /// <summary>A byte count for a message: "1 byte", "2 bytes".</summary>
        public static string CountText(int count) => count.ToString() + (count == 1 ? " byte" : " bytes");

        public static ushort ReadUInt16LE(byte[] b, int i) => (ushort)(b[i] | (b[i + 1] << 8));

        public static uint ReadUInt24LE(byte[] b, int i) => (uint)(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16));

        public static uint ReadUInt32LE(byte[] b, int i) => (uint)(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));


        public static uint ReadUInt32BE(byte[] b, int i) => (uint)((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);

        public static void WriteUInt16LE(byte[] b, int i, uint v)
        {
            b[i] = (byte)v;
            b[i + 1] = (byte)(v >> 8);
        }

        public static void WriteUInt24LE(byte[] b, int i, uint v)
        {
            b[i] = (byte)v;
            b[i + 1] = (byte)(v >> 8);
            b[i + 2] = (byte)(v >> 16);
        }

        public static void WriteUInt32LE(byte[] b, int i, uint v)
        {
            b[i] = (byte)v;
            b[i + 1] = (byte)(v >> 8);
            b[i + 2] = (byte)(v >> 16);
            b[i + 3] = (byte)(v >> 24);
        }

        public static long ReadInt64LE(byte[] b, int i) => (long)ReadUInt32LE(b, i) | ((long)ReadUInt32LE(b, i + 4) << 32);

        public static void WriteInt64LE(byte[] b, int i, long v)
        {
            WriteUInt32LE(b, i, (uint)v);
            WriteUInt32LE(b, i + 4, (uint)(v >> 32));
        }

        public static void WriteUInt32BE(byte[] b, int i, uint v)
        {
            b[i] = (byte)(v >> 24);
            b[i + 1] = (byte)(v >> 16);
            b[i + 2] = (byte)(v >> 8);
            b[i + 3] = (byte)v;
        }

        /// <summary>True when a[ai..ai+count) equals b[bi..bi+count), in time independent of where they differ (for MICs).</summary>
        public static bool ConstantTimeEquals(byte[] a, int ai, byte[] b, int bi, int count)
        {
            int diff = 0;
            for (int k = 0; k < count; k++)
            {
                diff |= a[ai + k] ^ b[bi + k];
            }

            return diff == 0;
        }
    }
}
