namespace Ws52x.Util
{
    /// <summary>
    /// CRC-32 of IEEE 802.3 (zlib, PNG; reflected, polynomial 0xEDB88320), the check value of every stored record.
    /// A 16-entry table, four bits at a time: a quarter of the work of the bitwise form for 64 bytes of table.
    /// </summary>
    internal static class Crc32
    {
        private static readonly uint[] Nibbles =
        {
            0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu, 0x76DC4190u, 0x6B6B51F4u, 0x4DB26158u, 0x5005713Cu,
            0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu, 0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu,
        };

        /// <summary>The CRC-32 of data[offset..offset+count).</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFFu;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc ^= data[i];
                crc = (crc >> 4) ^ Nibbles[crc & 0x0F];
                crc = (crc >> 4) ^ Nibbles[crc & 0x0F];
            }

            return ~crc;
        }
    }
}
