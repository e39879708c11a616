using System.Linq;
using Ws52x.Config;
using Ws52x.LoRaWan.Mac;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>Each LoRaWAN 1.0.3 MAC command on the air: what the device does and what it answers.</summary>
    public class MacCommandAnswerTests
    {
        private static MacRig Rig(string region = "EU868", int dr = 5, bool adr = true) => MacRig.Abp(region, dr, adr);

        /// <summary>Sends an uplink answered by these commands (FOpts, or port 0), returns the uplink that answers them.</summary>
        private static (byte[] FOpts, int Port, byte[] Payload) Answer(MacRig rig, byte[] commands, bool port0 = false)
        {
            int before = rig.Gateway.Uplinks.Count;
            rig.Gateway.Downlinks.Enqueue(port0
                ? new ScriptedDownlink { Window = 1, Port = 0, Payload = commands }
                : new ScriptedDownlink { Window = 1, FOpts = commands });
            rig.Send(new byte[] { 0x01 });
            for (int i = 0; i < 240 && rig.Gateway.Uplinks.Count < before + 2; i++)
            {
                rig.Run(0.5);
            }

            Assert.True(rig.Gateway.Uplinks.Count >= before + 2, "no answer uplink:\n" + rig.Output);
            var u = rig.Gateway.Uplinks[before + 1];
            return (u.FOpts, u.Data.FPort, u.Payload);
        }

        [Fact]
        public void LinkAdrReq_sets_data_rate_power_and_channels_and_is_acked()
        {
            var rig = Rig();
            var a = Answer(rig, new byte[] { 0x03, 0x32, 0x05, 0x00, 0x01 }); // DR3, power 2, channels 0 and 2, NbTrans 1
            Assert.Equal(new byte[] { 0x03, 0x07 }, a.FOpts);
            Assert.Equal(3, rig.Mac.DataRate);
            Assert.Equal(2, rig.Mac.TxPowerIndex);
            Assert.False(rig.Mac.Channels.IsEnabled(1));
            Assert.Equal(9, rig.Gateway.Uplinks[^1].Frame.SpreadingFactor);
        }

        [Theory]
        // request, expected LinkADRAns status
        [InlineData(new byte[] { 0x03, 0x32, 0x0F, 0x00, 0x01 }, 0x06)] // channel 3 is not defined: channel mask NACK
        [InlineData(new byte[] { 0x03, 0x32, 0x00, 0x00, 0x01 }, 0x04)] // every channel off: no channel carries DR3 either
        [InlineData(new byte[] { 0x03, 0x32, 0x07, 0x00, 0x11 }, 0x06)] // ChMaskCntl 1 is RFU in EU868
        [InlineData(new byte[] { 0x03, 0x82, 0x07, 0x00, 0x01 }, 0x05)] // DR8 undefined
        [InlineData(new byte[] { 0x03, 0x72, 0x07, 0x00, 0x01 }, 0x05)] // DR7 is FSK, which this radio does not send
        [InlineData(new byte[] { 0x03, 0x39, 0x07, 0x00, 0x01 }, 0x03)] // power index 9 undefined
        public void LinkAdrReq_refusals_change_nothing(byte[] request, int status)
        {
            var rig = Rig();
            var a = Answer(rig, request);
            Assert.Equal(new byte[] { 0x03, (byte)status }, a.FOpts);
            Assert.Equal(5, rig.Mac.DataRate);
            Assert.Equal(0, rig.Mac.TxPowerIndex);
            Assert.Equal(3, rig.Mac.Channels.EnabledCount());
        }

        [Fact]
        public void A_linkadr_block_is_one_change_answered_once_per_request()
        {
            var rig = Rig("US915", 3);
            // All off + 500 kHz ch 65, then channels 8-15, DR2, power 3: accepted as a whole.
            var a = Answer(rig, new byte[] { 0x03, 0x23, 0x02, 0x00, 0x70, 0x03, 0x23, 0x00, 0xFF, 0x00 });
            Assert.Equal(new byte[] { 0x03, 0x07, 0x03, 0x07 }, a.FOpts);
            Assert.Equal(2, rig.Mac.DataRate);
            Assert.Equal(9, rig.Mac.Channels.EnabledCount());

            // A block whose second request leaves a single 125 kHz channel: refused as a whole, both answers say so.
            var b = Answer(rig, new byte[] { 0x03, 0x23, 0x02, 0x00, 0x70, 0x03, 0x23, 0x00, 0x01, 0x00 });
            Assert.Equal(new byte[] { 0x03, 0x06, 0x03, 0x06 }, b.FOpts);
            Assert.Equal(2, rig.Mac.DataRate);
            Assert.Equal(9, rig.Mac.Channels.EnabledCount());
        }

        [Fact]
        public void A_frame_with_more_commands_than_answers_fit_is_handled_up_to_the_limit()
        {
            var rig = Rig();
            int n = MacCommandHandler.MaxCommandsPerFrame;

            // 40 DutyCycleReq on port 0: the first MaxCommandsPerFrame are carried out and answered (one byte each).
            var flood = Enumerable.Repeat(new byte[] { 0x04, 0x03 }, 40).SelectMany(b => b).ToArray();
            var a = Answer(rig, flood, port0: true);
            Assert.Equal(n, a.Payload.Count(b => b == 0x04));
            Assert.Equal(3, rig.Mac.MaxDutyCycle);

            // A LinkADRReq block cut by the limit is not half applied: neither carried out nor answered.
            var cut = Enumerable.Repeat(new byte[] { 0x04, 0x00 }, n - 1)
                .Append(new byte[] { 0x03, 0x32, 0x05, 0x00, 0x01 }).Append(new byte[] { 0x03, 0x32, 0x07, 0x00, 0x01 }).SelectMany(b => b).ToArray();
            var b = Answer(rig, cut, port0: true);
            Assert.DoesNotContain((byte)0x03, b.Payload);
            Assert.Equal(5, rig.Mac.DataRate);
            Assert.Equal(3, rig.Mac.Channels.EnabledCount());
        }

        [Fact]
        public void With_adr_off_link_adr_keeps_the_users_data_rate()
        {
            var rig = Rig(adr: false);
            Answer(rig, new byte[] { 0x03, 0x32, 0x07, 0x00, 0x01 });
            Assert.Equal(5, rig.Mac.DataRate);
            Assert.False(rig.Gateway.Uplinks[0].Data.Adr);
        }

        [Fact]
        public void RxParamSetupReq_moves_rx2_and_its_answer_is_repeated_until_a_class_a_downlink()
        {
            var rig = Rig();
            // RX1DROffset 1, RX2 DR3, 869.525 MHz.
            var a = Answer(rig, new byte[] { 0x05, 0x13, 0xD2, 0xAD, 0x84 });
            Assert.Equal(new byte[] { 0x05, 0x07 }, a.FOpts);
            Assert.Equal(1, rig.Mac.Rx1DrOffset);
            Assert.Equal(3, rig.Mac.Rx2DataRate);

            rig.Send(new byte[] { 2 });
            rig.RunUntilDone(3, 60);
            Assert.Equal(new byte[] { 0x05, 0x07 }, rig.Gateway.Uplinks[^1].FOpts); // still there: no downlink since

            // The network now uses the new RX2 (DR3) and answers in RX2: that clears the sticky answer.
            rig.Network.Rx2Dr = 3;
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 2, Port = 85, Payload = new byte[] { 0x42 } });
            rig.Send(new byte[] { 3 });
            rig.RunUntilDone(4, 60);
            Assert.Equal(new byte[] { 0x42 }, rig.Events.Downlinks.Single().Payload);
            rig.Send(new byte[] { 4 });
            rig.RunUntilDone(5, 60);
            Assert.Empty(rig.Gateway.Uplinks[^1].FOpts);
        }

        [Fact]
        public void RxParamSetupReq_with_a_foreign_frequency_is_refused_whole()
        {
            var rig = Rig();
            var a = Answer(rig, new byte[] { 0x05, 0x13, 0x28, 0x76, 0x8C }); // 920.0 MHz: not EU868
            Assert.Equal(new byte[] { 0x05, 0x06 }, a.FOpts);
            Assert.Equal(0, rig.Mac.Rx1DrOffset);
            Assert.Equal(0, rig.Mac.Rx2DataRate);
        }

        [Theory]
        [InlineData("98ec89", false)] // 903.9 MHz: an uplink channel, not a downlink carrier
        [InlineData("20ee8c", false)] // 923.6 MHz: between two downlink channels
        [InlineData("e89d8d", false)] // 928.1 MHz: past the last downlink channel
        [InlineData("d8f98c", true)] // 923.9 MHz: downlink channel 1
        [InlineData("78868d", true)] // 927.5 MHz: downlink channel 7
        public void In_us915_rx2_moves_only_to_a_downlink_channel(string frequency, bool accepted)
        {
            var rig = Rig("US915", 3);
            var command = new byte[] { 0x05, 0x08 }.Concat(Ws52x.Util.Hex.Parse(frequency)).ToArray(); // RX2 DR8
            var a = Answer(rig, command);
            Assert.Equal(new byte[] { 0x05, (byte)(accepted ? 0x07 : 0x06) }, a.FOpts);
            Assert.Equal(accepted ? (int)(Ws52x.Util.Bytes.ReadUInt16LE(command, 2) | command[4] << 16) * 100 : 923_300_000, rig.Mac.Rx2FrequencyHz);
        }

        [Fact]
        public void DevStatusReq_answers_mains_power_and_the_downlink_snr()
        {
            var rig = Rig();
            var a = Answer(rig, new byte[] { 0x06 });
            // Battery 0 (external power), margin = SNR of the request's frame: the air's default +9.5 dB, rounded to 10 dB.
            Assert.Equal(new byte[] { 0x06, 0x00, 0x0A }, a.FOpts);
        }

        [Fact]
        public void DevStatusAns_carries_a_negative_margin_as_six_bit_twos_complement()
        {
            var rig = Rig();
            // Interference next to the socket: the gateway's 14 dBm frame arrives at −80 dBm over a floor of −72.5 dBm,
            // −7.5 dB, the SF7 floor: -8 dB after rounding. The gateway still hears the answer (its own floor is thermal).
            rig.Air.SetNoiseFloor(rig.Model, -72.5);
            var a = Answer(rig, new byte[] { 0x06 });
            Assert.Equal(new byte[] { 0x06, 0x00, 0x38 }, a.FOpts);
        }

        [Theory]
        // NewChannelReq payload (index, frequency, DR range) and the expected NewChannelAns status
        [InlineData(new byte[] { 0x07, 0x03, 0x18, 0x4F, 0x84, 0x50 }, 0x03)]
        [InlineData(new byte[] { 0x07, 0x01, 0x18, 0x4F, 0x84, 0x50 }, 0x00)] // a default channel
        [InlineData(new byte[] { 0x07, 0x03, 0x28, 0x76, 0x8C, 0x50 }, 0x02)] // 920 MHz
        [InlineData(new byte[] { 0x07, 0x03, 0x18, 0x4F, 0x84, 0x05 }, 0x01)] // max DR below min DR
        public void NewChannelReq_answers(byte[] request, int status)
        {
            var rig = Rig();
            var a = Answer(rig, request);
            Assert.Equal(new byte[] { 0x07, (byte)status }, a.FOpts);
            Assert.Equal(status == 3, rig.Mac.Channels.IsEnabled(3));
        }

        [Fact]
        public void RxTimingSetupReq_moves_rx1_and_is_repeated_until_a_downlink()
        {
            var rig = Rig();
            var a = Answer(rig, new byte[] { 0x08, 0x03 });
            Assert.Equal(new byte[] { 0x08 }, a.FOpts);
            Assert.Equal(3, rig.Mac.RxDelaySeconds);

            rig.Network.RxDelaySeconds = 3;
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, Port = 85, Payload = new byte[] { 0x33 } });
            rig.Send(new byte[] { 2 });
            rig.RunUntilDone(3, 60);
            Assert.Equal(new byte[] { 0x08 }, rig.Gateway.Uplinks[^1].FOpts);
            Assert.Equal(new byte[] { 0x33 }, rig.Events.Downlinks.Single().Payload);
        }

        [Fact]
        public void DlChannelReq_moves_rx1_of_a_channel_and_fixed_plans_ignore_it()
        {
            var rig = Rig();
            // Channel 0's RX1 on 869.525 MHz (the network does not know about it yet; we check the device's plan).
            var a = Answer(rig, new byte[] { 0x0A, 0x00, 0xD2, 0xAD, 0x84 });
            Assert.Equal(new byte[] { 0x0A, 0x03 }, a.FOpts);
            Assert.Equal(869525000, rig.Mac.Channels.Rx1Frequency(0));

            var us = Rig("US915", 3);
            var b = Answer(us, new byte[] { 0x0A, 0x00, 0xD2, 0xAD, 0x84, 0x06 });
            Assert.Equal(new byte[] { 0x06, 0x00, 0x0A }, b.FOpts); // only the DevStatusAns
        }

        [Fact]
        public void TxParamSetupReq_sets_dwell_and_max_eirp_in_AS923_only()
        {
            var rig = Rig("AS923-1", 2);
            Assert.True(rig.Mac.UplinkDwell);
            Assert.Equal(11, rig.Mac.MaxPayloadLength);
            var a = Answer(rig, new byte[] { 0x09, 0x0D }); // no dwell either way, MaxEIRP index 13 = 30 dBm
            Assert.Equal(new byte[] { 0x09 }, a.FOpts);
            Assert.False(rig.Mac.UplinkDwell);
            Assert.Equal(3000, rig.Mac.MaxEirpCentiDbm);
            Assert.Equal(115, rig.Mac.MaxPayloadLength);

            var eu = Rig();
            var b = Answer(eu, new byte[] { 0x09, 0x0D, 0x06 });
            Assert.Equal(new byte[] { 0x06, 0x00, 0x0A }, b.FOpts);
        }

        [Fact]
        public void DeviceTimeReq_goes_up_and_its_answer_is_kept()
        {
            var rig = Rig();
            rig.Mac.RequestDeviceTime();
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, FOpts = new byte[] { 0x0D, 0x10, 0x32, 0x54, 0x76, 0x80 } });
            rig.Run(10);
            Assert.Equal(new byte[] { 0x0D }, rig.Gateway.Uplinks[0].FOpts);
            Assert.Equal(0x76543210u, rig.Mac.GpsSeconds);
        }

        [Fact]
        public void An_unknown_command_ends_the_processing_of_the_rest()
        {
            var rig = Rig();
            var a = Answer(rig, new byte[] { 0x06, 0x20, 0x06 });
            Assert.Equal(new byte[] { 0x06, 0x00, 0x0A }, a.FOpts);
            Assert.Equal(1, rig.Mac.Statistics.MacCommandErrors);
        }

        [Fact]
        public void Answers_too_long_for_fopts_go_alone_on_port_0()
        {
            var rig = Rig();
            // Six DevStatusReq on port 0: 18 bytes of answers, more than FOpts holds.
            var a = Answer(rig, new byte[] { 0x06, 0x06, 0x06, 0x06, 0x06, 0x06 }, port0: true);
            Assert.Equal(0, a.Port);
            Assert.Empty(a.FOpts);
            Assert.Equal(18, a.Payload.Length);
            Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(0x06, a.Payload[3 * i]));
        }

        [Fact]
        public void Answers_that_do_not_fit_beside_the_application_payload_go_first_on_port_0()
        {
            var rig = Rig(dr: 0, adr: false);
            // Three DevStatusReq: 9 bytes of answers, but the next report takes 45 of DR0's 51 bytes.
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, FOpts = new byte[] { 0x06, 0x06, 0x06 } });
            rig.Send(new byte[] { 1 });
            rig.Send(new byte[45]);
            for (int i = 0; i < 600 && rig.Events.Done.Count < 2; i++)
            {
                rig.Run(1);
            }

            var ups = rig.Gateway.Uplinks;
            Assert.Equal(3, ups.Count);
            Assert.Equal(0, ups[1].Data.FPort);
            Assert.Equal(9, ups[1].Payload.Length);
            Assert.Equal(85, ups[2].Data.FPort);
            Assert.Empty(ups[2].FOpts);
        }
    }
}
