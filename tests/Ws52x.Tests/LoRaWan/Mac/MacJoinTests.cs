using System.Linq;
using Ws52x.Config;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.Mac;
using Ws52x.Util;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>Activation on the virtual air: OTAA joins, lost JoinAccepts and back-off, ABP.</summary>
    public class MacJoinTests
    {
        [Fact]
        public void Otaa_joins_with_the_guide_defaults_and_sends_a_report_the_network_can_read()
        {
            var rig = new MacRig().Start();
            Assert.True(rig.RunUntilJoined(60), rig.Output.ToString());
            Assert.Equal(1, rig.Events.Joined);
            Assert.Equal(1, rig.Events.JoinRequests);
            Assert.Equal(rig.Network.DevAddr, rig.Mac.DevAddr);

            // The request carried the guide's AppEUI, this DevEUI, and a MIC under the default AppKey.
            GatewayFrame join = rig.Gateway.JoinRequests.Single();
            var appEui = new byte[8];
            var devEui = new byte[8];
            Assert.Equal(FrameError.None, JoinRequest.Read(new Ws52x.LoRaWan.Crypto.LoRaWanCrypto(), join.Payload, 0, join.Payload.Length,
                rig.Settings.LoRaWan.AppKey, appEui, devEui, out ushort nonce, out bool micOk));
            Assert.True(micOk);
            Assert.Equal("24e124c0002a0001", Hex.ToHex(appEui));
            Assert.Equal(Hex.ToHex(MacRig.DevEui), Hex.ToHex(devEui));

            byte[] report = Hex.Parse("087001058129 07c91200 0374f508 068305000000 048001000000".Replace(" ", ""));
            Assert.Equal(SendStatus.Queued, rig.Send(report));
            rig.RunUntilDone(1, 30);
            Assert.Equal((85, UplinkOutcome.Sent), rig.Events.Done.Single());
            var up = rig.Gateway.Uplinks.Single();
            Assert.Equal(85, up.Data.FPort);
            Assert.Equal(Hex.ToHex(report), Hex.ToHex(up.Payload));
            Assert.Equal(0u, up.Data.FCnt32);
            Assert.True(up.Data.Adr);
        }

        [Fact]
        public void Send_before_a_session_says_not_joined_and_bad_ports_are_refused()
        {
            var rig = new MacRig().Start();
            Assert.Equal(SendStatus.NotJoined, rig.Send(new byte[] { 1 }));
            Assert.True(rig.RunUntilJoined(60));
            Assert.Equal(SendStatus.BadPort, rig.Send(new byte[] { 1 }, port: 0));
            Assert.Equal(SendStatus.BadPort, rig.Send(new byte[] { 1 }, port: 224));
            Assert.Equal(SendStatus.TooLong, rig.Send(new byte[52])); // DR2 (SF10) carries 51
            Assert.Equal(51, rig.Mac.MaxPayloadLength);
        }

        [Fact]
        public void Abp_starts_at_once_with_the_configured_keys()
        {
            var rig = new MacRig(configure: s => s.LoRaWan.JoinType = JoinType.Abp).Start();
            rig.Run(1);
            Assert.True(rig.Mac.IsJoined);
            Assert.Equal(1, rig.Events.Joined);
            Assert.Empty(rig.Gateway.JoinRequests);
            rig.Send(new byte[] { 0xff, 0x3f, 0xff });
            rig.RunUntilDone(1, 30);
            var up = rig.Gateway.Uplinks.Single();
            Assert.Equal(0x127A2702u, up.Data.DevAddr);
            Assert.Equal("ff3fff", Hex.ToHex(up.Payload));
        }
    
        [Fact]
        public void Lost_join_accepts_are_retried_with_new_nonces_rotating_channels_and_data_rates()
        {
            var rig = new MacRig().Start();
            rig.Gateway.DropJoins = 4;
            Assert.True(rig.RunUntilJoined(600), rig.Output.ToString());
            Assert.Equal(5, rig.Gateway.JoinRequests.Count);
            Assert.Equal(new[] { 0, 1, 2, 3, 4 }, rig.Network.DevNonces);
            Assert.Equal(new[] { 7, 8, 9, 10, 11 }, rig.Gateway.JoinRequests.Select(j => j.SpreadingFactor)); // DR5 down to DR1
            Assert.True(rig.Gateway.JoinRequests.Select(j => ScriptedGateway.Nominal(j.FrequencyHz)).Distinct().Count() >= 2);
            Assert.Equal("join-request 1,join-request 2,join-request 3,join-request 4,join-request 5,joined", string.Join(",", rig.Events.Log));
        }

        [Fact]
        public void Join_back_off_keeps_to_36_s_the_first_hour_36_s_the_next_ten_and_8_7_s_a_day()
        {
            var rig = new MacRig().Start();
            rig.Gateway.AnswerJoins = false;
            const long hour = 3_600_000_000;
            rig.Loop.RunFor(60 * hour);

            var joins = rig.Gateway.JoinRequests;
            long Airtime(long from, long to) => joins.Where(j => j.StartMicros >= from && j.StartMicros < to).Sum(j => j.EndMicros - j.StartMicros);
            Assert.InRange(Airtime(0, hour), 20_000_000, 36_000_000);
            Assert.InRange(Airtime(hour, 11 * hour), 10_000_000, 36_000_000);
            Assert.InRange(Airtime(11 * hour, 35 * hour), 1_000_000, 8_700_000);
            Assert.InRange(Airtime(35 * hour, 59 * hour), 1_000_000, 8_700_000);

            // It keeps trying, more slowly (guide 2.4: the LED stops after 32, the socket does not).
            Assert.True(joins.Count > 32);
            Assert.Equal(joins.Count, rig.Events.JoinRequests);
            Assert.True(joins.Count(j => j.StartMicros >= 35 * hour) >= 3);
            // Never two requests within the same transaction's windows.
            for (int i = 1; i < joins.Count; i++)
            {
                Assert.True(joins[i].StartMicros - joins[i - 1].EndMicros > 6_000_000);
            }
        }

        [Fact]
        public void A_join_accept_in_rx2_with_a_cflist_sets_channels_and_rx_parameters()
        {
            var rig = new MacRig().Start();
            rig.Gateway.JoinWindow = 2;
            rig.Gateway.DlSettings = 0x23; // RX1DROffset 2, RX2 DR3
            rig.Gateway.RxDelay = 2;
            var cf = new byte[16];
            int[] mhz = { 8671000, 8673000, 8675000, 8677000, 8679000 };
            for (int i = 0; i < 5; i++)
            {
                Bytes.WriteUInt24LE(cf, 3 * i, (uint)mhz[i]);
            }

            rig.Gateway.CFList = cf;
            Assert.True(rig.RunUntilJoined(60));
            Assert.Equal(8, rig.Mac.Channels.EnabledCount());
            Assert.Equal(2, rig.Mac.Rx1DrOffset);
            Assert.Equal(3, rig.Mac.Rx2DataRate);
            Assert.Equal(2, rig.Mac.RxDelaySeconds);

            // The network answers in RX2 at DR3 two seconds + one after the uplink: heard.
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 2, Port = 85, Payload = new byte[] { 9 } });
            rig.Send(new byte[] { 1 });
            rig.RunUntilDone(1, 60);
            Assert.Equal(new byte[] { 9 }, rig.Events.Downlinks.Single().Payload);
        }

        [Theory]
        [InlineData("US915", 0)]
        [InlineData("US915", 1)]
        [InlineData("US915", 3)]
        [InlineData("US915", 7)]
        [InlineData("AU915", 0)]
        [InlineData("AU915", 5)]
        public void An_eight_channel_gateway_on_any_sub_band_is_found_within_eight_join_requests(string region, int subBand)
        {
            var r = Ws52x.LoRaWan.Regions.KnownRegions.Find(region);
            int[] channels = Enumerable.Range(subBand * 8, 8).Select(r.FixedUplinkFrequency).ToArray();
            for (int seed = 1; seed <= 4; seed++)
            {
                var rig = new MacRig(region, seed: seed, gatewayChannels: channels).Start();
                Assert.True(rig.RunUntilJoined(3600), rig.Output.ToString());
                Assert.InRange(rig.Events.Joined == 1 ? rig.Network.DevNonces.Count : -1, 1, 8);
                Assert.Equal(region == "US915" ? 10 : 10, rig.Gateway.JoinRequests.Last().SpreadingFactor); // DR0 / DR2: SF10
            }
        }

        [Fact]
        public void Us915_joins_walk_the_eight_sub_bands_then_try_a_500_kHz_channel()
        {
            var rig = new MacRig("US915").Start();
            rig.Gateway.AnswerJoins = false;
            for (int i = 0; i < 3000 && rig.Network.DevNonces.Count < 18; i++)
            {
                rig.Run(1);
            }

            var channels = rig.Gateway.JoinRequests.Take(18).Select(j => rig.Gateway.UplinkChannel(j.FrequencyHz)).ToArray();
            Assert.Equal(8, channels.Take(8).Select(ch => ch / 8).Distinct().Count());
            Assert.InRange(channels[8], 64, 71);
            Assert.Equal(8, channels.Skip(9).Take(8).Select(ch => ch / 8).Distinct().Count());
            Assert.InRange(channels[17], 64, 71);
            Assert.Equal(500000, rig.Gateway.JoinRequests[8].BandwidthHz);
            Assert.Equal(8, rig.Gateway.JoinRequests[8].SpreadingFactor); // DR4
        }
    }
}
