using System;
using System.Text;
using Ws52x.Util;

namespace Ws52x.Tests.Storage
{
    public class Crc32Tests
    {
        [Theory]
        [InlineData("123456789", 0xCBF43926u)] // the check value of CRC-32/ISO-HDLC (zlib, PNG, Ethernet)
        [InlineData("", 0x00000000u)]
        [InlineData("a", 0xE8B7BE43u)]
        [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
        public void Matches_the_published_check_values(string text, uint expected)
        {
            byte[] data = Encoding.ASCII.GetBytes(text);
            Assert.Equal(expected, Crc32.Compute(data, 0, data.Length));
        }

        [Fact]
        public void Agrees_with_the_bitwise_definition_on_random_data_at_any_offset()
        {
            var r = new Random(32);
            for (int n = 0; n < 200; n++)
            {
                var data = new byte[r.Next(1, 700)];
                r.NextBytes(data);
                int offset = r.Next(data.Length);
                int count = r.Next(data.Length - offset + 1);
                Assert.Equal(Bitwise(data, offset, count), Crc32.Compute(data, offset, count));
            }
        }

        private static uint Bitwise(byte[] data, int offset, int count)
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
