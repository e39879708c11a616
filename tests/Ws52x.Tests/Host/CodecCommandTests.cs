using System;
using Ws52x.Tests.Codec;

namespace Ws52x.Tests.Host
{
    public class CodecCommandTests
    {
        [Fact]
        public void Decode_prints_the_vendor_json()
        {
            var r = HostProcess.Run("decode", "08700105812907c912000374f508068305000000048001000000");
            Assert.Equal(0, r.ExitCode);
            var expected = CodecJson.Parse("{\"socket_status\":\"on\",\"power_factor\":41,\"current\":18,\"voltage\":229.3,\"power_consumption\":5,\"active_power\":1}");
            Assert.True(CodecJson.SameValue(expected, CodecJson.Parse(r.Stdout)), r.Stdout);
        }

        [Fact]
        public void Decode_knows_the_power_outage_alert_and_downlinks()
        {
            Assert.Equal("{\"power_outage\": \"yes\"}", HostProcess.Run("decode", "ff3fff").Stdout.Trim());
            var r = HostProcess.Run("decode", "--downlink", "ff22003c0011");
            Assert.True(CodecJson.SameValue(CodecJson.Parse("{\"socket_status\":\"on\",\"delay_time\":60}"), CodecJson.Parse(r.Stdout)), r.Stdout);
        }

        [Fact]
        public void Encode_turns_a_vendor_object_into_hex()
        {
            var r = HostProcess.Run("encode", "{\"current_alarm_config\":{\"enable\":\"enable\",\"threshold\":10},\"over_current_protection\":{\"enable\":\"enable\",\"trip_current\":10}}");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("ff30010aff24010a", r.Stdout.Trim());
            Assert.Equal("080100ff", HostProcess.Run("encode", "--guide-form", "{\"socket_status\":\"on\"}").Stdout.Trim());
        }

        [Fact]
        public void A_truncated_uplink_says_one_byte_not_one_bytes()
        {
            var r = HostProcess.Run("decode", "0870");
            HostProcess.AssertUsageError("decode", "0870");
            Assert.Contains("0870 needs 1 byte", r.Stderr);
            Assert.DoesNotContain("1 bytes", r.Stderr);
            Assert.Contains("needs 4 bytes", HostProcess.InProcess("decode", "0683").Stderr);
        }

        [Fact]
        public void A_huge_argument_is_echoed_cut_short_with_its_length()
        {
            string huge = new string('z', 120_000);
            var r = HostProcess.InProcess("decode", huge);
            HostProcess.AssertUsageErrorInProcess("decode", huge);
            Assert.Contains("'" + new string('z', 32) + "…' (120000 characters)", r.Stderr);
            Assert.True(r.Stderr.Length < 200, r.Stderr.Length + " characters");
            // The same for a token the parser itself refuses.
            r = HostProcess.InProcess("decode", "0870", huge);
            Assert.Equal(2, r.ExitCode);
            Assert.True(r.Stderr.Length < 200, r.Stderr.Length + " characters");
        }

        [Theory]
        [InlineData("not json", 2)]
        [InlineData("{\"socket_status\":\"on\",}", 23)]
        public void Broken_json_is_named_by_where_it_breaks_not_by_the_parsers_message(string json, int at)
        {
            var r = HostProcess.InProcess("encode", json);
            HostProcess.AssertUsageErrorInProcess("encode", json);
            Assert.Equal("ws52x: encode: not JSON: it breaks at character " + at + "\n", r.Stderr.Replace("\r", ""));
        }

        [Theory]
        [InlineData("decode", "zz")]
        [InlineData("decode", "0870")]
        [InlineData("decode", "--downlink", "ff24011a")]
        [InlineData("encode", "{\"socket_status\":\"maybe\"}")]
        [InlineData("encode", "{\"report_interval\":30}")]
        [InlineData("encode", "not json")]
        [InlineData("encode", "{\"frobnicate\":1}")]
        [InlineData("decode", "--downlink", "--rated-current", "0", "ff24011a")]
        [InlineData("encode", "--rated-current", "abc", "{\"socket_status\":\"on\"}")]
        public void Bad_input_gives_one_error_line_and_exit_code_2(params string[] args)
        {
            HostProcess.AssertUsageError(args);
        }
    }
}
