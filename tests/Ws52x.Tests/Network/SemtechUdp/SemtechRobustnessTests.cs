using System.Text;
using Ws52x.Host.Board.Radio;
using Ws52x.Host.Commands;
using Ws52x.Host.Network.SemtechUdp;
using Ws52x.Tests.Host;
using Ws52x.Tests.Radio;

namespace Ws52x.Tests.Network.SemtechUdp
{
    /// <summary>
    /// What a server may send that is not the protocol (the bridge logs and drops it, never stops), the concentrator
    /// counter's wrap-around, and the command line's checks of --gateway-udp.
    /// </summary>
    public class SemtechRobustnessTests
    {
        private const string Good = "{\"imme\":true,\"freq\":869.525,\"powe\":14,\"datr\":\"SF9BW125\",\"codr\":\"4/5\",\"ipol\":true,\"size\":2,\"data\":\"AQI=\"}";

        public static TheoryData<byte[], string> Garbage => new TheoryData<byte[], string>
        {
            { Server(3, "{\"txpk\":{\"imme\":true,", 2), "malformed JSON" },
            { Server(3, "[1,2,3]", 2), "no \"txpk\" object" },
            { Server(3, "{\"rxpk\":{}}", 2), "no \"txpk\" object" },
            { Server(3, "{\"txpk\":{\"imme\":true,\"datr\":\"SF9BW125\",\"data\":\"AQI=\"}}", 2), "no \"freq\"" },
            { Server(3, "{\"txpk\":{\"freq\":869.525,\"datr\":\"SF9BW125\",\"data\":\"AQI=\"}}", 2), "no time to send" },
            { Server(3, "{\"txpk\":{\"imme\":true,\"freq\":869.525,\"datr\":\"SF9BW125\",\"data\":\"**\"}}", 2), "not base64" },
            { Server(3, "{\"txpk\":{\"imme\":true,\"freq\":869.525,\"datr\":\"SF9BW125\",\"size\":\"x\",\"data\":\"AQI=\"}}", 2), "\"size\"" },
            { Server(3, "{\"txpk\":{\"imme\":true,\"freq\":869.525,\"datr\":\"SF9BW125\",\"size\":5,\"data\":\"AQI=\"}}", 2), "holds 2 bytes" },
            { Server(3, "{\"txpk\":{\"imme\":true,\"freq\":869.525,\"datr\":\"SF13BW125\",\"data\":\"AQI=\"}}", 2), "datr" },
            { Server(3, "{\"txpk\":{\"imme\":true,\"freq\":869.525,\"modu\":\"FSK\",\"datr\":50000,\"data\":\"AQI=\"}}", 2), "LoRa only" },
            { Server(3, "{\"txpk\":{\"tmst\":-5,\"freq\":869.525,\"datr\":\"SF9BW125\",\"data\":\"AQI=\"}}", 2), "32-bit counter" },
            { new byte[] { 2, 0, 0, 3, 0xC3, 0x28 }, "malformed JSON" }, // not UTF-8
            { Server(3, Good, 1), "protocol version 1" },
            { Server(3, Good, 3), "protocol version 3" },
            { new byte[] { 2, 1, 2 }, "shorter than a header" },
            { new byte[0], "shorter than a header" },
            { Server(0, "{}", 2), "PUSH_DATA is not sent by a server" },
            { Server(9, null, 2), "type 0x09 is not sent by a server" },
        };

        private static byte[] Server(byte type, string json, byte version) =>
            SemtechPacket.FromServer((SemtechPacketType)type, 0x1234, json == null ? null : Encoding.UTF8.GetBytes(json), version);

        [Theory]
        [MemberData(nameof(Garbage))]
        public void What_is_not_the_protocol_is_logged_and_dropped_without_a_TX_ACK_and_the_bridge_goes_on(byte[] datagram, string why)
        {
            var rig = new BridgeRig();
            rig.FromServer(datagram);
            Assert.Equal(1, rig.Bridge.Dropped);
            Assert.Empty(rig.SentOf(SemtechPacketType.TxAck));
            Assert.Contains("datagram from the server dropped: ", rig.Log);
            Assert.Contains(why, rig.Log);

            // The next good one is served as if nothing happened.
            Assert.Equal("NONE", BridgeRig.AckError(rig.PullResp(5, Good)));
            rig.Loop.RunFor(100_000);
            Assert.Equal(1, rig.Gateway.DownlinksSent);
        }

        [Fact]
        public void Tmst_wraps_past_2_to_the_32_and_a_downlink_across_the_wrap_goes_at_the_right_time()
        {
            // The counter reads 2^32 − 0.5 s at board time 0: the uplink ends before the wrap, its RX1 comes after it.
            var rig = new BridgeRig(counterAtStart: uint.MaxValue - 499_999);
            GatewayFrame up = rig.Uplink(new byte[] { 0x40, 1, 2, 3, 4, 0, 0, 0, 1, 2, 3, 4 });
            uint upTmst = rig.Bridge.Clock.Tmst(up.EndMicros);
            Assert.True(upTmst > uint.MaxValue - 500_000, upTmst.ToString());
            uint rx1 = unchecked(upTmst + 1_000_000);
            Assert.True(rx1 < 600_000, rx1.ToString()); // wrapped
            Assert.Equal("NONE", BridgeRig.AckError(rig.PullResp(1, BridgeRig.Txpk("\"tmst\":" + rx1))));
            rig.Listen(up.EndMicros + 1_000_000);
            Assert.Equal(up.EndMicros + 1_000_000 + 41_216, rig.Device.Events.Infos[0].Time);

            // After the wrap, uplinks carry small counter values, and a tmst just before them is in the past.
            GatewayFrame after = rig.Uplink(new byte[] { 0x40, 1, 2, 3, 4, 0, 1, 0, 1, 2, 3, 4 });
            uint afterTmst = rig.Bridge.Clock.Tmst(after.EndMicros);
            Assert.Equal(unchecked((uint)(uint.MaxValue - 499_999 + after.EndMicros)), afterTmst);
            Assert.Equal("TOO_LATE", BridgeRig.AckError(rig.PullResp(2, BridgeRig.Txpk("\"tmst\":" + (uint.MaxValue - 10)))));
        }

        [Fact]
        public void The_counter_names_the_board_time_nearest_now_either_side_of_the_wrap()
        {
            var clock = new ConcentratorClock(uint.MaxValue - 99, System.DateTime.UnixEpoch);
            Assert.Equal(uint.MaxValue - 99, clock.Tmst(0));
            Assert.Equal(0u, clock.Tmst(100));
            Assert.Equal(5_000_100, clock.BoardMicros(5_000_000, 0)); // 5 s after the wrap
            Assert.Equal(50, clock.BoardMicros(uint.MaxValue - 49, 1_000)); // just before the wrap, seen after it
            Assert.Equal(0, clock.BoardMicrosOfGps(clock.GpsMillis(0)));
        }

        [Theory]
        [InlineData("localhost", "localhost", 1700)]
        [InlineData("127.0.0.1:1701", "127.0.0.1", 1701)]
        [InlineData("eu1.cloud.thethings.network:1700", "eu1.cloud.thethings.network", 1700)]
        [InlineData("[::1]:1702", "::1", 1702)]
        [InlineData("::1", "::1", 1700)]
        public void Server_addresses_take_an_optional_port(string text, string host, int port)
        {
            Assert.True(GatewayRunOptions.TryParseServer(text, out string h, out int p));
            Assert.Equal((host, port), (h, p));
        }

        [Theory]
        [InlineData("--gateway-udp", "localhost:0")]
        [InlineData("--gateway-udp", "localhost:70000")]
        [InlineData("--gateway-udp", ":1700")]
        [InlineData("--gateway-udp", "localhost:17x")]
        [InlineData("--gateway-udp", "localhost", "--speed", "max")]
        [InlineData("--gateway-udp", "localhost", "--speed", "10")]
        [InlineData("--gateway-eui", "0102030405060708")]
        [InlineData("--gateway-udp", "localhost", "--gateway-eui", "01020304")]
        public void Bad_gateway_options_are_one_line_and_exit_2(params string[] args)
        {
            HostProcess.AssertUsageErrorInProcess(args);
        }

        [Fact]
        public void At_any_speed_but_1_the_error_says_why()
        {
            HostProcess.Result r = HostProcess.InProcess("--gateway-udp", "localhost", "--speed", "max");
            Assert.Equal("ws52x: --gateway-udp runs at real time, so that the server's receive windows hold: leave out --speed or give --speed 1 (got max)",
                r.Stderr.Trim());
        }
    }
}
