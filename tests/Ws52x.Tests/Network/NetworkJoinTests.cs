using System.Linq;
using System.Text.Json.Nodes;
using Ws52x.Host.Network;
using Ws52x.LoRaWan.Crypto;
using Ws52x.LoRaWan.Frames;
using Ws52x.Radio;
using Ws52x.Tests.LoRaWan;
using static Ws52x.Tests.LoRaWan.TestKeys;

namespace Ws52x.Tests.Network
{
    /// <summary>OTAA joins over the air: the JoinAccept's timing, carrier, data rate and content per region, and refusals.</summary>
    public class NetworkJoinTests
    {
        private static long Airtime(int sf, int bw, int bytes) =>
            LoRaAirtime.TimeOnAirMicros(sf, bw, LoRaCodingRate.Cr4_5, 8, bytes, true, false, LdroMode.Auto);

        [Fact]
        public void EU868_JoinAccept_comes_in_RX1_five_seconds_after_the_request_on_its_channel_and_DR_with_the_867_MHz_CFList()
        {
            var rig = new NetworkRig();
            NetworkDevice device = rig.RegisterOtaa();
            long end = rig.Send(rig.JoinRequest(0x0001), 868_300_000, 5);
            Heard heard = rig.Listen(end + NetworkServer.JoinAcceptDelay1Micros, 868_300_000, 5);

            Assert.NotNull(heard);
            Assert.Equal(JoinAccept.LengthWithCFList, heard.Frame.Length);
            // The gateway starts at exactly end + 5 s; the frame ends one SF7 airtime later.
            Assert.Equal(end + 5_000_000 + Airtime(7, 125_000, 33), heard.EndMicros);
            var accept = new JoinAccept();
            Assert.Equal(FrameError.None, accept.Accept(new LoRaWanCrypto(), NetworkRig.AppKey, heard.Frame, 0, heard.Frame.Length));
            Assert.Equal(device.DevAddr, accept.DevAddr);
            Assert.Equal(1u, accept.AppNonce);
            Assert.Equal(0u, accept.NetId);
            Assert.Equal(0, accept.Rx1DrOffset); // ChirpStack's EU868 defaults: RX1DROffset 0, RX2 DR0, RxDelay 1
            Assert.Equal(0, accept.Rx2DataRate);
            Assert.Equal(1, accept.RxDelaySeconds);
            Assert.Equal(JoinAccept.CFListTypeFrequencies, accept.CFListType);
            Assert.Equal(new uint[] { 867_100_000, 867_300_000, 867_500_000, 867_700_000, 867_900_000 }, Enumerable.Range(0, 5).Select(accept.CFListFrequency));
            Assert.True(device.Joined);
            Assert.Equal(8, device.ChannelPlan.EnabledCount());
            Assert.Equal(1, rig.Server.Counters.Joins);
            Assert.Equal(1, rig.Server.Counters.DownlinksRx1);
            Assert.Contains(rig.LogLines, l => l.Contains("ns: join accepted: 0211223344556677 DevAddr " + device.DevAddr.ToString("x8")));

            // A second join gets the next JoinNonce and a new DevAddr; the old one is no longer a session.
            uint first = device.DevAddr;
            JoinAccept again = rig.Join(0x0002, 868_100_000, 5, 868_100_000, 5);
            Assert.Equal(2u, again.AppNonce);
            Assert.NotEqual(first, again.DevAddr);
            Assert.Equal(again.DevAddr, device.DevAddr);
        }

        [Fact]
        public void US915_JoinAccept_uses_the_500_kHz_downlink_channel_of_the_uplink_channel_and_enables_sub_band_2()
        {
            var rig = new NetworkRig("US915");
            rig.RegisterOtaa();

            // Channel 10 (904.3 MHz, DR0 = SF10/125): RX1 on 923.3 + 0.6 x (10 mod 8) = 924.5 MHz at DR10 (SF10/500).
            long end = rig.Send(rig.JoinRequest(1), 904_300_000, 0);
            Assert.Null(rig.Listen(end + 5_000_000, 923_300_000, 10)); // not on the first downlink channel
            rig.Loop.RunFor(2_000_000); // the gateway, half duplex, is still sending that JoinAccept
            var crypto = new LoRaWanCrypto();
            end = rig.Send(rig.JoinRequest(2), 904_300_000, 0);
            Heard heard = rig.Listen(end + 5_000_000, 924_500_000, 10);
            Assert.NotNull(heard);
            Assert.Equal(end + 5_000_000 + Airtime(10, 500_000, 33), heard.EndMicros);
            var accept = new JoinAccept();
            Assert.Equal(FrameError.None, accept.Accept(crypto, NetworkRig.AppKey, heard.Frame, 0, heard.Frame.Length));
            Assert.Equal(JoinAccept.CFListTypeChannelMask, accept.CFListType);
            Assert.Equal(Enumerable.Range(0, 72).Select(ch => ch >= 8 && ch <= 15 || ch == 65), Enumerable.Range(0, 72).Select(accept.CFListChannelEnabled));
            Assert.Equal(8, accept.Rx2DataRate); // RX2 DR8 (SF12/500) on 923.3 MHz

            // The 500 kHz channel 65 (904.6 MHz, DR4 = SF8/500): RX1 DR13 (SF7/500) on 923.3 + 0.6 x 1 = 923.9 MHz.
            end = rig.Send(rig.JoinRequest(3), 904_600_000, 4);
            Assert.NotNull(rig.Listen(end + 5_000_000, 923_900_000, 13));

            // An 8-channel gateway on sub-band 2 does not hear channel 0 (902.3 MHz) at all.
            int heardBefore = rig.Server.Counters.FramesHeard;
            rig.Send(rig.JoinRequest(4), 902_300_000, 0);
            rig.Loop.RunFor(7_000_000);
            Assert.Equal(heardBefore, rig.Server.Counters.FramesHeard);
            Assert.Equal(3, rig.Server.Counters.Joins);
        }

        [Fact]
        public void AS923_JoinAccept_in_RX1_at_DR2_with_dwell_time_and_the_922_MHz_channels()
        {
            var rig = new NetworkRig("AS923-1");
            rig.RegisterOtaa();
            long end = rig.Send(rig.JoinRequest(9), 923_400_000, 2);
            Heard heard = rig.Listen(end + 5_000_000, 923_400_000, 2);
            Assert.NotNull(heard);
            Assert.Equal(end + 5_000_000 + Airtime(10, 125_000, 33), heard.EndMicros);
            var accept = new JoinAccept();
            Assert.Equal(FrameError.None, accept.Accept(new LoRaWanCrypto(), NetworkRig.AppKey, heard.Frame, 0, heard.Frame.Length));
            Assert.Equal(2, accept.Rx2DataRate); // AS923 RX2: DR2 on 923.2 MHz
            Assert.Equal(new uint[] { 922_200_000, 922_400_000, 922_600_000, 922_800_000, 923_000_000 }, Enumerable.Range(0, 5).Select(accept.CFListFrequency));
        }

        [Fact]
        public void When_RX1_is_too_late_the_JoinAccept_goes_in_RX2_on_the_regions_RX2()
        {
            // The server decides 4.95 s after the request's end: 50 ms before RX1, less than the gateway's 100 ms lead.
            var rig = new NetworkRig(options: new NetworkServerOptions { DeduplicationMicros = 4_950_000 });
            rig.RegisterOtaa();
            long end = rig.Send(rig.JoinRequest(1), 868_100_000, 5);
            Assert.Null(rig.Listen(end + 5_000_000, 868_100_000, 5));
            Heard heard = rig.Listen(end + 6_000_000, 869_525_000, 0);
            Assert.NotNull(heard);
            Assert.Equal(end + 6_000_000 + Airtime(12, 125_000, 33), heard.EndMicros);
            Assert.Equal(1, rig.Server.Counters.DownlinksRx2);
            Assert.Equal(0, rig.Server.Counters.DownlinksRx1);
        }

        [Fact]
        public void A_reused_DevNonce_an_unknown_DevEUI_and_a_wrong_AppKey_get_no_JoinAccept()
        {
            var rig = new NetworkRig();
            rig.RegisterOtaa();
            rig.Join(0x0042, 868_100_000, 5, 868_100_000, 5);
            uint devAddr = rig.Server.Devices[0].DevAddr;

            long end = rig.Send(rig.JoinRequest(0x0042), 868_100_000, 5);
            Assert.Null(rig.Listen(end + 5_000_000, 868_100_000, 5));
            Assert.Null(rig.Listen(end + 6_000_000, 869_525_000, 0));
            Assert.Equal(1, rig.Server.Counters.Rejected(RejectReason.DevNonceReused));
            Assert.Equal(devAddr, rig.Server.Devices[0].DevAddr); // the session stays

            var wrongKey = (byte[])NetworkRig.AppKey.Clone();
            wrongKey[0] ^= 1;
            rig.Send(rig.JoinRequest(0x0043, wrongKey), 868_100_000, 5);
            rig.Loop.RunFor(7_000_000);
            Assert.Equal(1, rig.Server.Counters.Rejected(RejectReason.JoinMic));

            var other = new NetworkRig();
            other.Send(other.JoinRequest(1), 868_100_000, 5);
            other.Loop.RunFor(7_000_000);
            Assert.Equal(1, other.Server.Counters.Rejected(RejectReason.UnknownDevEui));
            Assert.Equal(0, other.Gateway.DownlinksSent);
            Assert.Equal(1, rig.Gateway.DownlinksSent);
            Assert.Contains(rig.LogLines, l => l.Contains("ns: rejected: DevNonce already used (0211223344556677 DevNonce 0042)"));
        }

        [Fact]
        public void JoinAccepts_are_byte_for_byte_those_lora_packet_builds()
        {
            var writer = new JoinAcceptWriter(new LoRaWanCrypto());
            var items = new JsonArray();
            var built = new System.Collections.Generic.List<string>();
            var random = new System.Random(5);
            for (int i = 0; i < 6; i++)
            {
                byte[] appKey = Bytes(random, 16);
                uint appNonce = (uint)random.Next(1 << 24);
                uint netId = (uint)random.Next(1 << 24);
                uint devAddr = (uint)random.Next();
                int dl = random.Next(128);
                int rxDelay = random.Next(16);
                byte[] cfList = i % 2 == 0 ? Bytes(random, 16) : null;
                var output = new byte[33];
                int n = writer.Write(appKey, appNonce, netId, devAddr, dl, rxDelay, cfList, output);
                built.Add(X(output, 0, n));
                items.Add(new JsonObject
                {
                    ["appKey"] = X(appKey),
                    ["appNonce"] = appNonce.ToString("x6"),
                    ["netId"] = netId.ToString("x6"),
                    ["devAddr"] = devAddr.ToString("x8"),
                    ["dlSettings"] = dl,
                    ["rxDelay"] = rxDelay,
                    ["cfList"] = cfList == null ? "" : X(cfList),
                    ["devNonce"] = "0001",
                });
            }

            JsonArray answers = LoraPacketPeer.Run("buildJoinAccept", items);
            Assert.Equal(answers.Select(a => (string)a["phy"]), built);
        }
    }
}
