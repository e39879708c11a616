using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Ws52x.Tests.Host;

namespace Ws52x.Tests.LoRaWan
{
    /// <summary>`ws52x frame` run as a user would, on the shared vectors.</summary>
    public class FrameCommandTests
    {
        private static JsonNode Vectors => JsonNode.Parse(File.ReadAllText(Paths.Vector("lorawan-frames.json")));

        [Fact]
        public void Decodes_a_downlink_with_keys_as_json()
        {
            JsonNode d = Vectors["data"].AsArray().First(v => (string)v["mtype"] == "Confirmed Data Down" && (string)v["fopts"] != "");
            uint fcnt = (uint)d["fcnt32"];
            var r = HostProcess.Run("frame", (string)d["phyPayload_wire"], "--nwkskey", (string)d["nwkSKey"], "--appskey", (string)d["appSKey"],
                "--fcnt32", fcnt.ToString(), "--json");
            Assert.Equal("", r.Stderr);
            Assert.Equal(0, r.ExitCode);
            JsonNode o = JsonNode.Parse(r.Stdout);
            Assert.Equal("Confirmed Data Down", (string)o["mtype"]);
            Assert.Equal((string)d["devAddr"], (string)o["devAddr"]);
            Assert.Equal((string)d["payload"], (string)o["payload"]);
            Assert.Equal((string)d["fopts"], (string)o["fopts"]);
            Assert.Equal((int)d["fport"], (int)o["fport"]);
            Assert.Equal((bool)d["fctrl"]["ACK"], (bool)o["fctrl"]["ACK"]);
            Assert.True((bool)o["micValid"]);
            Assert.Equal("FOpts", (string)o["macCommandsIn"]);
            // The vector's FOpts "02" is a LinkCheckAns without its two bytes: reported, not hidden.
            Assert.Empty(o["macCommands"].AsArray());
            Assert.Contains("length", (string)o["macCommandsError"]);

            // A wrong counter is a verdict, not an error.
            var wrong = HostProcess.Run("frame", (string)d["phyPayload_wire"], "--nwkskey", (string)d["nwkSKey"], "--json");
            Assert.Equal(0, wrong.ExitCode);
            Assert.False((bool)JsonNode.Parse(wrong.Stdout)["micValid"]);
        }

        [Fact]
        public void Decodes_a_JoinAccept_and_derives_the_session_keys_in_text()
        {
            JsonNode j = Vectors["join"][0];
            var r = HostProcess.Run("frame", (string)j["joinAcceptEncrypted_wire"], "--appkey", (string)j["appKey"], "--devnonce", (string)j["devNonce"]);
            Assert.Equal(0, r.ExitCode);
            string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("mtype           Join Accept", lines);
            Assert.Contains("devAddr         " + (string)j["devAddr"], lines);
            Assert.Contains("nwkSKey         " + (string)j["nwkSKey"], lines);
            Assert.Contains("appSKey         " + (string)j["appSKey"], lines);
            Assert.Contains("micValid        valid", lines);
        }

        [Fact]
        public void Decodes_a_JoinRequest_and_checks_its_MIC()
        {
            JsonNode j = Vectors["join"][0];
            var r = HostProcess.Run("frame", (string)j["joinRequest_wire"], "--appkey", (string)j["appKey"], "--json");
            Assert.Equal(0, r.ExitCode);
            JsonNode o = JsonNode.Parse(r.Stdout);
            Assert.Equal((string)j["devEui"], (string)o["devEui"]);
            Assert.Equal((string)j["appEui"], (string)o["appEui"]);
            Assert.Equal((string)j["devNonce"], (string)o["devNonce"]);
            Assert.True((bool)o["micValid"]);
        }

        [Fact]
        public void A_frame_of_120000_hex_digits_is_refused_without_echoing_it_all()
        {
            string huge = new string('a', 120_000);
            var r = HostProcess.Run("frame", huge);
            HostProcess.AssertUsageError("frame", huge);
            Assert.Contains("(got '" + new string('a', 32) + "…' (120000 characters))", r.Stderr);
            Assert.True(r.Stderr.Length < 200, r.Stderr.Length + " characters");
        }

        [Theory]
        [InlineData("6001")]
        [InlineData("e0010203040506070809")]
        [InlineData("20d6f9")]
        public void A_frame_that_is_not_lorawan_is_named_in_words_not_by_an_enum_identifier(string hex)
        {
            var r = HostProcess.Run("frame", hex);
            HostProcess.AssertUsageError("frame", hex);
            Assert.DoesNotMatch(@"\(([A-Z][a-z0-9]+){2,}\)", r.Stderr);
        }

        [Theory]
        [InlineData("frame", "zz")]
        [InlineData("frame", "6001")]
        [InlineData("frame", "e0010203040506070809")]
        [InlineData("frame", "40f17dbe4900020001954378762b11ff0d", "--nwkskey", "1234")]
        [InlineData("frame", "20d6f9", "--appkey", "5572404c696e6b4c6f52613230313823")]
        [InlineData("frame", "40f17dbe4900020001954378762b11ff0d", "--fcnt32", "-1")]
        [InlineData("frame", "40f17dbe4900020001954378762b11ff0d", "--devnonce", "c5")]
        [InlineData("frame", "40f17dbe4900020001954378762b11ff0d", "--fcnt32", "4294967296")]
        [InlineData("frame", "40f17dbe4900020001954378762b11ff0d", "--json", "yes")]
        [InlineData("frame")]
        public void Bad_input_gives_one_error_line_and_exit_code_2(params string[] args)
        {
            HostProcess.AssertUsageError(args);
        }
    }
}
