using Ws52x.Tests.Host;

namespace Ws52x.Tests.Radio
{
    public class AirtimeCommandTests
    {
        [Fact]
        public void Prints_time_on_air_and_symbol_time()
        {
            // SF7 BW125, 26 bytes, CR 4/5, CRC, explicit: n = 8 + ceil(232/28)·5 = 48; 60.25 · 1.024 ms = 61.696 ms.
            var r = HostProcess.Run("airtime", "--sf", "7", "--bw", "125", "--bytes", "26");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("time on air:  61.696 ms", r.Stdout);
            Assert.Contains("symbol time:  1.024 ms", r.Stdout);
            Assert.Contains("LDRO off", r.Stdout);
        }

        [Fact]
        public void Options_change_the_result()
        {
            // SF12 BW125 13 bytes, CR 4/8, no CRC, LDRO auto (on): 104 − 48 + 28 = 84; /40 → 3 blocks · 8 = 24 → n = 32;
            // 44.25 · 32.768 ms = 1449.984 ms.
            var r = HostProcess.Run("airtime", "--sf", "12", "--bytes", "13", "--cr", "4/8", "--no-crc");
            Assert.Contains("time on air:  1449.984 ms", r.Stdout);
            Assert.Contains("LDRO on", r.Stdout);
            // Same with LDRO forced off: 84/48 → 2 blocks · 8 = 16 → n = 24; 36.25 · 32.768 = 1187.840 ms.
            r = HostProcess.Run("airtime", "--sf", "12", "--bytes", "13", "--cr", "4/8", "--no-crc", "--ldro", "off");
            Assert.Contains("time on air:  1187.840 ms", r.Stdout);
            // SF9 BW500, implicit header, preamble 12, 10 bytes: 80 − 36 + 28 + 16 − 20 = 68; /36 → 2 · 5 = 10 → n = 18;
            // Tsym = 512/500 kHz = 1.024 ms; (12 + 4.25 + 18) · 1.024 = 35.072 ms.
            r = HostProcess.Run("airtime", "--sf", "9", "--bw", "500", "--bytes", "10", "--implicit", "--preamble", "12");
            Assert.Contains("time on air:  35.072 ms", r.Stdout);
        }

        [Fact]
        public void Narrow_bandwidths_are_exact_and_SF6_takes_an_implicit_header()
        {
            // 7.8 kHz is 500 kHz / 64 = 7812.5 Hz: Tsym = 128 · 64 · 2 µs = 16.384 ms, so LDRO is on; 13 bytes at SF7:
            // 120 / 20 → 6 blocks · 5 = 30 → n = 38; (8 + 4.25 + 38) · 16.384 ms = 823.296 ms.
            var r = HostProcess.Run("airtime", "--sf", "7", "--bw", "7.8", "--bytes", "13");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("time on air:  823.296 ms", r.Stdout);
            Assert.Contains("LDRO on", r.Stdout);
            Assert.Contains("symbol time:  16.384 ms", r.Stdout);
            Assert.Contains("SF7 BW7.8125 ", r.Stdout);
            Assert.Contains("symbol time:  3.072 ms", HostProcess.Run("airtime", "--sf", "7", "--bw", "41.667", "--bytes", "13").Stdout);

            // SF6 BW125 implicit, 10 bytes: n = 28; (8 + 4.25 + 28) · 0.512 ms = 20.608 ms.
            r = HostProcess.Run("airtime", "--sf", "6", "--bytes", "10", "--implicit");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("time on air:  20.608 ms", r.Stdout);

            HostProcess.AssertUsageError("airtime", "--sf", "6", "--bytes", "10");
            Assert.Contains("implicit", HostProcess.Run("airtime", "--sf", "6", "--bytes", "10").Stderr);
        }

        [Theory]
        [InlineData("ws52x: --preamble takes a whole number from 6 to 65535 (got '99999999999999999999')", "airtime", "--sf", "7", "--bytes", "13", "--preamble", "99999999999999999999")]
        [InlineData("ws52x: --sf takes a whole number from 6 to 12 (got '7.0')", "airtime", "--sf", "7.0", "--bytes", "13")]
        [InlineData("ws52x: --bytes takes a whole number from 0 to 255 (got '1e3')", "airtime", "--sf", "7", "--bytes", "1e3")]
        public void A_number_too_big_or_not_whole_is_named_with_its_range(string message, params string[] args)
        {
            HostProcess.AssertUsageError(args);
            Assert.Equal(message, HostProcess.Run(args).Stderr.Trim());
        }

        [Theory]
        [InlineData("airtime", "--bytes", "13")]
        [InlineData("airtime", "--sf", "13", "--bytes", "13")]
        [InlineData("airtime", "--sf", "7", "--bytes", "256")]
        [InlineData("airtime", "--sf", "7", "--bytes", "13", "--bw", "200")]
        [InlineData("airtime", "--sf", "6", "--bytes", "13")]
        [InlineData("airtime", "--sf", "7", "--bytes", "13", "--cr", "4/9")]
        [InlineData("airtime", "--sf", "7", "--bytes", "13", "--ldro", "maybe")]
        [InlineData("airtime", "--sf", "7", "--bytes", "13", "--preamble", "5")]
        public void Bad_input_gives_one_error_line_and_exit_code_2(params string[] args)
        {
            HostProcess.AssertUsageError(args);
        }
    }
}
