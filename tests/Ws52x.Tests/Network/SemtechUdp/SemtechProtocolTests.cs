using System;
using System.Collections.Generic;
using System.Text.Json;
using Ws52x.Host.Board.Radio;
using Ws52x.Host.Network.SemtechUdp;
using Ws52x.Tests.Radio;

namespace Ws52x.Tests.Network.SemtechUdp
{
    /// <summary>
    /// The bridge's side of the Semtech UDP protocol (version 2), datagram by datagram, on a virtual clock: what goes up
    /// (PUSH_DATA rxpk and stat, PULL_DATA, TX_ACK), how it takes what comes down (PUSH_ACK, PULL_ACK, PULL_RESP).
    /// </summary>
    public class SemtechProtocolTests
    {
        private static readonly byte[] Payload = { 0x40, 0x34, 0x12, 0x0B, 0x26, 0x80, 0x01, 0x00, 0x55, 0x01, 0x02, 0x03 };

        [Fact]
        public void An_uplink_goes_up_as_PUSH_DATA_with_an_rxpk_of_the_concentrators_metadata()
        {
            var rig = new BridgeRig(counterAtStart: 1_000);
            rig.Air.SetPathLoss(rig.Device.Model, rig.Gateway, 130); // 14 dBm − 130 dB = −116 dBm, 1 dB over −117 dBm
            GatewayFrame frame = rig.Uplink(Payload);

            byte[] push = Assert.Single(rig.SentOf(SemtechPacketType.PushData));
            Assert.Equal(2, push[0]);
            Assert.Equal(BridgeRig.Eui, push.AsSpan(4, 8).ToArray());
            JsonElement rxpk = Assert.Single(BridgeRig.Json(push).GetProperty("rxpk").EnumerateArray());
            Assert.Equal((uint)(1_000 + frame.EndMicros), rxpk.GetProperty("tmst").GetUInt32());
            Assert.Equal(868.1, rxpk.GetProperty("freq").GetDouble()); // the gateway's channel, not the chip's 868.099987
            Assert.Equal(868_099_975, frame.FrequencyHz);
            Assert.Equal((0, 0, 1), (rxpk.GetProperty("chan").GetInt32(), rxpk.GetProperty("rfch").GetInt32(), rxpk.GetProperty("stat").GetInt32()));
            Assert.Equal(("LORA", "SF7BW125", "4/5"), (rxpk.GetProperty("modu").GetString(), rxpk.GetProperty("datr").GetString(), rxpk.GetProperty("codr").GetString()));
            Assert.Equal((-116, 1.0), (rxpk.GetProperty("rssi").GetInt32(), rxpk.GetProperty("lsnr").GetDouble()));
            Assert.Equal(Payload.Length, rxpk.GetProperty("size").GetInt32());
            Assert.Equal(Payload, Convert.FromBase64String(rxpk.GetProperty("data").GetString()));
            DateTime utc = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(frame.EndMicros * 10);
            Assert.Equal(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"), rxpk.GetProperty("time").GetString());
            // GPS: 2026-03-01 is 16 856 days after 1980-01-06, plus 18 leap seconds.
            Assert.Equal(16_856L * 86_400_000 + 12 * 3_600_000 + 18_000 + frame.EndMicros / 1000, rxpk.GetProperty("tmms").GetInt64());
            Assert.Equal((1, 1, 1), (rig.Bridge.RxReceived, rig.Bridge.RxOk, rig.Bridge.RxForwarded));
        }

        [Fact]
        public void Without_a_GPS_fix_an_rxpk_has_no_tmms()
        {
            var rig = new BridgeRig(gps: false);
            rig.Uplink(Payload);
            JsonElement rxpk = BridgeRig.Json(rig.SentOf(SemtechPacketType.PushData)[0]).GetProperty("rxpk")[0];
            Assert.False(rxpk.TryGetProperty("tmms", out _));
        }

        [Fact]
        public void PUSH_ACK_acknowledges_its_PUSH_DATA_and_a_stray_one_is_ignored()
        {
            var rig = new BridgeRig();
            rig.Uplink(Payload);
            ushort token = BridgeRig.Token(rig.SentOf(SemtechPacketType.PushData)[0]);
            rig.FromServer(BridgeRig.ServerDatagram(SemtechPacketType.PushAck, token));
            rig.FromServer(BridgeRig.ServerDatagram(SemtechPacketType.PushAck, token)); // a duplicate
            Assert.Equal(1, rig.Bridge.PushAcks);
            Assert.Contains("PUSH_ACK " + SemtechPacket.TokenText(token) + " for no PUSH_DATA waiting: ignored", rig.Log);
        }

        [Fact]
        public void A_stat_goes_up_every_30_s_with_the_counters_and_the_share_of_acknowledged_datagrams()
        {
            var rig = new BridgeRig();
            rig.Uplink(Payload);
            rig.FromServer(BridgeRig.ServerDatagram(SemtechPacketType.PushAck, BridgeRig.Token(rig.SentOf(SemtechPacketType.PushData)[0])));
            rig.Loop.RunFor(61_000_000 - rig.Clock.NowMicros);

            List<byte[]> pushes = rig.SentOf(SemtechPacketType.PushData);
            Assert.Equal(3, pushes.Count); // the rxpk, the stat at 30 s and the one at 60 s
            JsonElement first = BridgeRig.Json(pushes[1]).GetProperty("stat");
            Assert.Equal("2026-03-01 12:00:30 GMT", first.GetProperty("time").GetString());
            Assert.Equal((1, 1, 1), (first.GetProperty("rxnb").GetInt32(), first.GetProperty("rxok").GetInt32(), first.GetProperty("rxfw").GetInt32()));
            Assert.Equal((100.0, 0, 0), (first.GetProperty("ackr").GetDouble(), first.GetProperty("dwnb").GetInt32(), first.GetProperty("txnb").GetInt32()));
            // The first stat was not acknowledged: the next interval's share is 0 %.
            Assert.Equal(0.0, BridgeRig.Json(pushes[2]).GetProperty("stat").GetProperty("ackr").GetDouble());
        }

        [Fact]
        public void PULL_DATA_goes_every_10_s_and_lost_PULL_ACKs_are_counted_and_told()
        {
            var rig = new BridgeRig();
            List<byte[]> pulls = rig.SentOf(SemtechPacketType.PullData);
            byte[] first = Assert.Single(pulls);
            Assert.Equal(12, first.Length); // header and EUI, no JSON
            Assert.Equal(BridgeRig.Eui, first.AsSpan(4, 8).ToArray());
            rig.FromServer(BridgeRig.ServerDatagram(SemtechPacketType.PullAck, BridgeRig.Token(first)));
            Assert.Contains("ms: the server can send downlinks", rig.Log);

            rig.Loop.RunFor(35_000_000);
            pulls = rig.SentOf(SemtechPacketType.PullData);
            Assert.Equal(4, pulls.Count); // at 0, 10, 20 and 30 s
            Assert.Equal(2, rig.Bridge.PullAcksLost); // the PULL_DATA of 10 s and 20 s
            Assert.Contains("no PULL_ACK for PULL_DATA " + SemtechPacket.TokenText(BridgeRig.Token(pulls[1])) + " (1 in a row)", rig.Log);

            rig.FromServer(BridgeRig.ServerDatagram(SemtechPacketType.PullAck, BridgeRig.Token(pulls[1]))); // too late: out of sync
            Assert.Contains("out of sync", rig.Log);
            rig.FromServer(BridgeRig.ServerDatagram(SemtechPacketType.PullAck, BridgeRig.Token(pulls[3])));
            Assert.Equal(2, rig.Bridge.PullAcks);
            Assert.Contains("after 2 lost", rig.Log);
        }

        [Fact]
        public void A_PULL_RESP_on_tmst_is_acknowledged_and_sent_when_the_counter_reads_it()
        {
            var rig = new BridgeRig();
            GatewayFrame up = rig.Uplink(Payload);
            uint tmst = rig.Bridge.Clock.Tmst(up.EndMicros) + 1_000_000;
            byte[] ack = rig.PullResp(0x4242, BridgeRig.Txpk("\"tmst\":" + tmst));

            Assert.Equal(12, ack.Length); // accepted: no JSON
            Assert.Equal(0x4242, BridgeRig.Token(ack));
            Assert.Equal(BridgeRig.Eui, ack.AsSpan(4, 8).ToArray());
            Assert.Equal(TxAckError.None, rig.Bridge.LastVerdict);
            rig.Listen(up.EndMicros + 1_000_000);
            // SF7 12 bytes with CRC: 8 + 4.25 + 28 symbols of 1.024 ms = 41 216 µs after the start at the uplink's end + 1 s.
            Assert.Equal(up.EndMicros + 1_000_000 + 41_216, rig.Device.Events.Infos[0].Time);
            Assert.Equal(Convert.FromBase64String("YAQDAgEAAQBVqhAg"), rig.Device.Events.Packets[0]);
            Assert.Equal(1, rig.Gateway.DownlinksSent);
        }

        [Theory]
        [InlineData("late", "TOO_LATE")]
        [InlineData("past", "TOO_LATE")]
        [InlineData("early", "TOO_EARLY")]
        [InlineData("freq", "TX_FREQ")]
        [InlineData("power", "TX_POWER")]
        [InlineData("gps", "GPS_UNLOCKED")]
        public void A_downlink_the_gateway_cannot_send_is_answered_with_its_TX_ACK_error_and_not_sent(string what, string error)
        {
            var rig = new BridgeRig(gps: what != "gps");
            uint now = rig.Bridge.Clock.Tmst(rig.Clock.NowMicros);
            string txpk = what switch
            {
                "late" => BridgeRig.Txpk("\"tmst\":" + (now + 10_000)),
                "past" => BridgeRig.Txpk("\"tmst\":" + (now - 1_000_000)),
                "early" => BridgeRig.Txpk("\"tmst\":" + (now + 600_000_000)),
                "freq" => BridgeRig.Txpk("\"tmst\":" + (now + 1_000_000), mhz: 915.2),
                "power" => BridgeRig.Txpk("\"tmst\":" + (now + 1_000_000), power: 40),
                _ => BridgeRig.Txpk("\"tmms\":" + rig.Bridge.Clock.GpsMillis(rig.Clock.NowMicros + 1_000_000)),
            };
            byte[] ack = rig.PullResp(7, txpk);
            Assert.Equal(error, BridgeRig.AckError(ack));
            rig.Loop.RunFor(2_000_000);
            Assert.Equal(0, rig.Gateway.DownlinksSent);
            Assert.Equal(1, rig.Bridge.DownlinksRefused);
            Assert.Contains("refused, TX_ACK " + error, rig.Log);
        }

        [Fact]
        public void A_late_downlink_says_how_late_in_the_log()
        {
            var rig = new BridgeRig();
            uint now = rig.Bridge.Clock.Tmst(rig.Clock.NowMicros);
            rig.PullResp(9, BridgeRig.Txpk("\"tmst\":" + (now + 12_000)));
            Assert.Contains("tmst " + (now + 12_000) + ", 12 ms ahead, the gateway needs 30 ms: the receive window is missed", rig.Log);
        }

        [Fact]
        public void Two_downlinks_at_once_the_second_is_COLLISION_PACKET()
        {
            var rig = new BridgeRig();
            uint at = rig.Bridge.Clock.Tmst(rig.Clock.NowMicros) + 500_000;
            Assert.Equal("NONE", BridgeRig.AckError(rig.PullResp(1, BridgeRig.Txpk("\"tmst\":" + at))));
            Assert.Equal("COLLISION_PACKET", BridgeRig.AckError(rig.PullResp(2, BridgeRig.Txpk("\"tmst\":" + (at + 20_000)))));
            // Once the first is over (41 ms on air), another fits.
            Assert.Equal("NONE", BridgeRig.AckError(rig.PullResp(3, BridgeRig.Txpk("\"tmst\":" + (at + 50_000)))));
            rig.Loop.RunFor(1_000_000);
            Assert.Equal(2, rig.Gateway.DownlinksSent);
        }

        [Fact]
        public void Imme_goes_at_once_and_tmms_at_its_GPS_time()
        {
            var rig = new BridgeRig();
            Assert.Equal("NONE", BridgeRig.AckError(rig.PullResp(1, BridgeRig.Txpk("\"imme\":true", mhz: 869.525, datr: "SF9BW125"))));
            long gpsAt = rig.Clock.NowMicros + 3_000_000;
            Assert.Equal("NONE", BridgeRig.AckError(rig.PullResp(2, BridgeRig.Txpk("\"tmms\":" + rig.Bridge.Clock.GpsMillis(gpsAt)))));
            rig.Loop.RunFor(100_000);
            Assert.Equal(1, rig.Gateway.DownlinksSent);
            rig.Listen(gpsAt);
            Assert.Equal(2, rig.Gateway.DownlinksSent);
            Assert.Equal(gpsAt + 41_216, rig.Device.Events.Infos[0].Time);
        }
    }
}
