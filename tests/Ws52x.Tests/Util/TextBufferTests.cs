using Ws52x.Util;

namespace Ws52x.Tests.Util
{
    public class TextBufferTests
    {
        [Theory]
        [InlineData(0L, 1, "0")]
        [InlineData(7L, 3, "007")]
        [InlineData(123456L, 2, "123456")]
        [InlineData(-42L, 1, "-42")]
        [InlineData(long.MaxValue, 1, "9223372036854775807")]
        [InlineData(long.MinValue, 1, "-9223372036854775808")]
        [InlineData(4294967295L, 1, "4294967295")]
        public void Numbers_are_written_as_ToString_writes_them(long value, int digits, string expected)
        {
            Assert.Equal(expected, new TextBuffer(32).Number(value, digits).ToString());
            if (digits == 1)
            {
                Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), new TextBuffer(32).Append(value).ToString());
            }
        }

        [Theory]
        [InlineData(0L, "00:00:00.000")]
        [InlineData(1000L, "00:00:00.001")]
        [InlineData(3723004000L, "01:02:03.004")]
        [InlineData(90061001000L, "1.01:01:01.001")]
        public void Board_time_reads_days_hours_minutes_seconds_milliseconds(long micros, string expected)
        {
            Assert.Equal(expected, new TextBuffer(32).Time(micros).ToString());
        }

        [Theory]
        [InlineData(868100000, "868.100 MHz")]
        [InlineData(923300000, "923.300 MHz")]
        [InlineData(865062500, "865.062 MHz")]
        [InlineData(470300000, "470.300 MHz")]
        public void Frequencies_read_in_MHz_with_three_decimals(int hz, string expected)
        {
            Assert.Equal(expected, new TextBuffer(32).Mhz(hz).ToString());
        }

        [Fact]
        public void Hex_matches_the_hex_helper()
        {
            byte[] data = { 0x00, 0x26, 0x0b, 0xff };
            Assert.Equal(Hex.ToHex(data), new TextBuffer(16).Hex(data, 0, 4).ToString());
            Assert.Equal("260b00ff", new TextBuffer(16).Hex32(0x260b00ff).ToString());
        }

        [Fact]
        public void What_does_not_fit_is_cut_and_said()
        {
            var b = new TextBuffer(5);
            b.Append("abc").Append(12345);
            Assert.Equal("abc12", b.ToString());
            Assert.True(b.Overflowed);
            Assert.False(b.Clear().Append("x").Overflowed);
        }

        [Fact]
        public void Appending_allocates_nothing()
        {
            var b = new TextBuffer(200);
            byte[] data = { 1, 2, 3, 4 };
            SteadyStateAllocation.AssertNothingAllocated(() =>
            {
                b.Clear().Time(123456789).Append(" lorawan: ").Append("JoinRequest ").Append(65).Append(" on ").Mhz(868300000).Hex(data, 0, 4).Hex32(0x26011234);
            });
        }
    }
}
