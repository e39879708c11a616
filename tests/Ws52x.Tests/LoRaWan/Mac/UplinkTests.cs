using System.Linq;
using Ws52x.Config;
using Ws52x.LoRaWan.Mac;
using Ws52x.Radio;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>Confirmed uplinks and their resends, NbTrans, duty-cycle waits, the queue.</summary>
    public class UplinkTests
    {
        private static MacRig Abp(string region = "EU868", int dr = 5, bool adr = false) => MacRig.Abp(region, dr, adr);

        [Fact]
        public void A_confirmed_uplink_without_ack_goes_four_times_with_the_same_counter_then_fails()
        {
            var rig = Abp("US915", 3);
            rig.Send(new byte[] { 1, 2, 3 }, confirmed: true);
            rig.RunUntilDone(1, 120);

            Assert.Equal((85, UplinkOutcome.Failed), rig.Events.Done.Single());
            Assert.Equal(LoRaWanMac.ConfirmedTransmissions, rig.Gateway.Uplinks.Count);
            Assert.All(rig.Gateway.Uplinks, u => Assert.Equal(0u, u.Data.FCnt32));
            Assert.All(rig.Gateway.Uplinks, u => Assert.True(u.Data.IsConfirmed));
            Assert.Equal(1u, rig.Mac.FCntUp);

            // ACK_TIMEOUT: each resend starts 1-3 s after RX2 (RX2 nominally 2 s after the end of the previous one).
            for (int i = 1; i < rig.Gateway.Uplinks.Count; i++)
            {
                long gap = rig.Gateway.Uplinks[i].Frame.StartMicros - rig.Gateway.Uplinks[i - 1].Frame.EndMicros;
                Assert.InRange(gap, 3_000_000 - 40_000, 5_200_000);
            }
        }

        [Fact]
        public void Lost_acks_are_retried_and_the_third_transmission_is_acknowledged()
        {
            var rig = Abp("US915", 3);
            rig.Send(new byte[] { 1 }, confirmed: true);
            // Two transmissions go unanswered, the third gets the ACK.
            while (rig.Gateway.Uplinks.Count < 2)
            {
                rig.Run(0.5);
            }

            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, Ack = true });
            rig.RunUntilDone(1, 60);

            Assert.Equal((85, UplinkOutcome.Acknowledged), rig.Events.Done.Single());
            Assert.Equal(3, rig.Gateway.Uplinks.Count);
            Assert.All(rig.Gateway.Uplinks, u => Assert.Equal(0u, u.Data.FCnt32));
        }

        [Fact]
        public void An_ack_in_rx2_completes_a_confirmed_uplink()
        {
            var rig = Abp("EU868", 5);
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 2, Ack = true });
            rig.Send(new byte[] { 1 }, confirmed: true);
            rig.RunUntilDone(1, 30);
            Assert.Equal((85, UplinkOutcome.Acknowledged), rig.Events.Done.Single());
            Assert.Single(rig.Gateway.Uplinks);
        }

        [Fact]
        public void A_confirmed_downlink_is_acknowledged_by_the_next_uplink_sent_soon()
        {
            var rig = Abp("US915", 3);
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, Confirmed = true, Port = 85, Payload = new byte[] { 0x08, 0xff, 0x00 } });
            rig.Send(new byte[] { 1 });
            rig.RunUntilDone(1, 30);
            Assert.Single(rig.Events.Downlinks);
            Assert.False(rig.Gateway.Uplinks[0].Data.Ack);
            rig.Run(10);
            var ack = rig.Gateway.Uplinks[1];
            Assert.True(ack.Data.Ack);
            Assert.Equal(-1, ack.Data.FPort);
            Assert.InRange(ack.Frame.StartMicros - rig.Gateway.Uplinks[0].Frame.EndMicros, 0, 5_000_000);
            rig.Send(new byte[] { 2 });
            rig.RunUntilDone(2, 30);
            Assert.False(rig.Gateway.Uplinks[^1].Data.Ack); // owed once only
        }

        [Fact]
        public void NbTrans_from_link_adr_repeats_unconfirmed_uplinks_until_a_downlink()
        {
            var rig = Abp("US915", 3, adr: true);
            // LinkADRReq: DR3, power 1, sub-band 2 (ChMaskCntl 7 all off + 500 kHz 65, then 0 for channels 8-15), NbTrans 3.
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, FOpts = new byte[] { 0x03, 0x31, 0x02, 0x00, 0x73, 0x03, 0x31, 0x00, 0xFF, 0x03 } });
            rig.Send(new byte[] { 1 });
            rig.RunUntilDone(1, 30);
            Assert.Equal(3, rig.Mac.NbTrans);
            Assert.Equal(1, rig.Mac.TxPowerIndex);

            // The two LinkADRAns (one per request of the block) go at once in an empty frame, itself sent NbTrans times.
            rig.Run(30);
            var answers = rig.Gateway.Uplinks.Skip(1).ToList();
            Assert.Equal(3, answers.Count);
            Assert.All(answers, u => Assert.Equal(1u, u.Data.FCnt32));
            Assert.All(answers, u => Assert.Equal(new byte[] { 0x03, 0x07, 0x03, 0x07 }, u.FOpts));
            Assert.All(answers, u => Assert.Equal(-1, u.Data.FPort));

            rig.Send(new byte[] { 2 });
            rig.RunUntilDone(2, 60);
            var second = rig.Gateway.Uplinks.Skip(4).ToList();
            Assert.Equal(3, second.Count);
            Assert.All(second, u => Assert.Equal(2u, u.Data.FCnt32));
            Assert.All(second, u => Assert.Empty(u.FOpts));

            // A downlink in RX1 of the first transmission ends the repetitions.
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1 });
            rig.Send(new byte[] { 3 });
            rig.RunUntilDone(3, 60);
            Assert.Equal(8, rig.Gateway.Uplinks.Count);
            Assert.Equal(3u, rig.Gateway.Uplinks[^1].Data.FCnt32);
            Assert.Equal(4, rig.Mac.Statistics.Repetitions);
        }

        [Fact]
        public void Uplinks_wait_for_their_duty_cycle_band_and_none_is_dropped()
        {
            var rig = Abp("EU868", 5);
            int n = UplinkQueue.Capacity;
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(SendStatus.Queued, rig.Send(new byte[] { (byte)i, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }));
            }

            Assert.Equal(SendStatus.QueueFull, rig.Send(new byte[] { 99 }));
            rig.RunUntilDone(n, 60 * n);

            Assert.Equal(n, rig.Events.Done.Count);
            Assert.Equal(Enumerable.Range(0, n).Select(i => (byte)i).ToArray(), rig.Gateway.Uplinks.Select(u => u.Payload[0]).ToArray());
            Assert.True(rig.Mac.Statistics.DutyCycleWaits >= n - 1);
            // 868.1/868.3/868.5 share the 1 % band: each frame waits 100 airtimes after the previous one started.
            for (int i = 1; i < n; i++)
            {
                var prev = rig.Gateway.Uplinks[i - 1].Frame;
                long airtime = prev.EndMicros - prev.StartMicros;
                Assert.True(rig.Gateway.Uplinks[i].Frame.StartMicros >= prev.StartMicros + 100 * airtime,
                    "uplink " + i + " only " + (rig.Gateway.Uplinks[i].Frame.StartMicros - prev.StartMicros) + " µs after the previous");
            }
        }

        [Fact]
        public void A_channel_in_another_band_lets_the_next_uplink_go_sooner()
        {
            var rig = Abp("EU868", 5);
            // NewChannelReq: channel 3 on 867.1 MHz (the 865-868 MHz band), DR0-5.
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, FOpts = new byte[] { 0x07, 0x03, 0x18, 0x4F, 0x84, 0x50 } });
            rig.Send(new byte[] { 1 });
            rig.RunUntilDone(1, 30);
            Assert.Equal(867100000, rig.Mac.Channels.Frequency(3));
            rig.Send(new byte[] { 2 });
            rig.Send(new byte[] { 3 });
            rig.RunUntilDone(3, 60);
            var freqs = rig.Gateway.Uplinks.Select(u => ScriptedGateway.Nominal(u.Frame.FrequencyHz)).ToList();
            Assert.Contains(867100000, freqs.Skip(1));
        }

        [Fact]
        public void Duty_cycle_req_spaces_every_uplink_by_its_aggregated_limit()
        {
            var rig = Abp("US915", 3);
            // DutyCycleReq MaxDutyCycle 7: 1/128.
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, FOpts = new byte[] { 0x04, 0x07 } });
            rig.Send(new byte[] { 1 });
            rig.RunUntilDone(1, 30);
            Assert.Equal(7, rig.Mac.MaxDutyCycle);
            rig.Send(new byte[] { 2 });
            rig.Send(new byte[] { 3 });
            rig.RunUntilDone(3, 120);
            Assert.Equal(new byte[] { 0x04 }, rig.Gateway.Uplinks[1].FOpts); // DutyCycleAns
            var a = rig.Gateway.Uplinks[1].Frame;
            var b = rig.Gateway.Uplinks[2].Frame;
            Assert.True(b.StartMicros >= a.StartMicros + 128 * (a.EndMicros - a.StartMicros));
        }

        [Fact]
        public void Urgent_uplinks_go_before_those_waiting()
        {
            var rig = Abp("US915", 3);
            rig.Send(new byte[] { 1 });
            rig.Send(new byte[] { 2 });
            rig.Send(new byte[] { 3 });
            rig.Run(0.01); // the first one is on the air: the urgent one goes right after it
            rig.Send(new byte[] { 0xff, 0x3f, 0xff }, urgent: true);
            rig.RunUntilDone(4, 60);
            Assert.Equal(new byte[] { 1, 0xff, 2, 3 }, rig.Gateway.Uplinks.Select(u => u.Payload[0]).ToArray());
        }

        [Fact]
        public void Power_and_data_rate_reach_the_radio()
        {
            var rig = Abp("EU868", 5);
            rig.Send(new byte[] { 1 });
            rig.RunUntilDone(1, 30);
            var up = rig.Gateway.Uplinks.Single().Frame;
            Assert.Equal(7, up.SpreadingFactor);
            Assert.Equal(125000, up.BandwidthHz);
            // 16 dBm EIRP - 2.15 dBi = 13 dBm conducted: RegPaConfig with PA_BOOST, OutputPower 11 (2 + 11 = 13 dBm).
            Assert.Equal(0x80 | 11, rig.Model.Peek(Ws52x.Radio.Sx127x.Sx127xRegister.RegPaConfig) & 0x8F);
        }
    }
}
