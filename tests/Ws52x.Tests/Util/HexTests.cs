using Ws52x.Util;

namespace Ws52x.Tests.Util
{
    public class HexTests
    {
        [Theory]
        [InlineData("ff0101", "ff0101")]
        [InlineData("0xFF0A", "ff0a")]
        [InlineData("ff 01:02-03", "ff010203")]
        [InlineData("", "")]
        public void Parses_hex_in_common_spellings(string text, string expected)
        {
            Assert.Equal(expected, Hex.ToHex(Hex.Parse(text)));
        }

        [Theory]
        [InlineData("f")]
        [InlineData("fg")]
        [InlineData("f f")]
        [InlineData(null)]
        public void Rejects_what_is_not_hex(string text)
        {
            Assert.Null(Hex.Parse(text));
        }

        [Fact]
        public void Refuses_more_bytes_than_the_buffer_holds()
        {
            Assert.Equal(-1, Hex.TryParse("010203", new byte[2]));
            Assert.Equal(2, Hex.TryParse("0102", new byte[2]));
        }

        [Fact]
        public void Reads_and_writes_both_byte_orders()
        {
            var b = new byte[4];
            Bytes.WriteUInt32LE(b, 0, 0x12345678);
            Assert.Equal("78563412", Hex.ToHex(b));
            Assert.Equal(0x12345678u, Bytes.ReadUInt32LE(b, 0));
            Assert.Equal(0x78563412u, Bytes.ReadUInt32BE(b, 0));
            Bytes.WriteUInt32BE(b, 0, 0x1234cdab);
            Assert.Equal(0xab_cdu, Bytes.ReadUInt16LE(b, 2));
            Assert.Equal("12 34 cd ab".Replace(" ", ""), Hex.ToHex(b));
            Assert.True(Bytes.ConstantTimeEquals(b, 0, new byte[] { 0x12, 0x34, 0xcd, 0xab }, 0, 4));
            Assert.False(Bytes.ConstantTimeEquals(b, 0, new byte[] { 0x12, 0x34, 0xcd, 0xac }, 0, 4));
        }

        [Theory]
        [InlineData(0x12, "0x12")]
        [InlineData(0xFF, "0xFF")]
        [InlineData(0x0A, "0x0A")]
        [InlineData(0x00, "0x00")]
        public void Byte_literals_are_written_as_datasheets_write_them(int value, string literal)
        {
            Assert.Equal(literal, Ws52x.Util.Hex.ByteLiteral(value));
        }
    }
}
