using System.Collections.Generic;
using System.Linq;
using Ws52x.Host.Board.Radio;
using Ws52x.Host.Network;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.MacCommands;
using Ws52x.Tests.Radio;

namespace Ws52x.Tests.Network
{
    /// <summary>Data uplinks: acknowledgements, counters, MICs, deduplication, and where the answer goes.</summary>
    public class NetworkUplinkTests
    {
        private static NetworkServerOptions Quiet => new NetworkServerOptions { DevStatusIntervalMicros = 0 };

        [Fact]
        public void Confirmed_uplink_is_acknowledged_in_RX1_and_its_report_printed_as_the_vendor_decoder_reads_it()
        {
            var rig = new NetworkRig();
            NetworkDevice device = rig.RegisterAbp();
            var received = new List<ApplicationUplink>();
            rig.Server.UplinkReceived += received.Add;
            long end = rig.Send(rig.Uplink(85, NetworkRig.Report(), confirmed: true, fctrl: FCtrl.Adr), 868_500_000, 5);
            Heard heard = rig.Listen(end + 1_000_000, 868_500_000, 5);

            Assert.NotNull(heard);
            DataFrame down = rig.Read(heard.Frame);
            Assert.True(down.Ack);
            Assert.Equal(0, down.FCnt16);
            // The first answer after activation asks for the device's status, as ChirpStack does, and ADR already acts:
            // +9.5 dB at SF7 is 17 dB above its floor, 7 dB over the 10 dB margin: two 3 dB steps of power at DR5.
            List<MacCommand> commands = NetworkRig.AsList(NetworkRig.Commands(down));
            Assert.Equal(new[] { Cid.LinkAdr, Cid.DevStatus }, commands.Select(c => (Cid)c.Cid));
            Assert.Equal((5, 2, 1), (commands[0].DataRate, commands[0].TxPower, commands[0].NbTrans));
            Assert.Equal(1, rig.Server.Counters.Acks);
            Assert.Equal(1u, device.FCntDown);
            Assert.Equal((-80, 38, 1), (device.LastRssiDbm, device.LastSnrQuarterDb, device.LastGatewayCount));
            Assert.Equal(5, device.DataRate);

            ApplicationUplink up = Assert.Single(received);
            Assert.Equal((85, 0u, true), (up.Port, up.FCnt, up.Confirmed));
            Assert.Equal(NetworkRig.Report(), up.Payload);
            const string vendor = "{\"socket_status\": \"on\", \"power_factor\": 65, \"current\": 736, \"voltage\": 230, \"power_consumption\": 31, \"active_power\": 110}";
            Assert.Equal(vendor, up.VendorJson);
            Assert.Contains(rig.LogLines, l => l.EndsWith("ns: application uplink port 85: 08700105814107c9e0020374fc0806831f00000004806e000000 " + vendor));
            Assert.Contains(rig.LogLines, l => l.Contains("ns: uplink from 0211223344556677 DevAddr 26011234: fcnt 0, port 85, confirmed, ADR, DR5 (SF7/125 kHz) on 868.5 MHz"));
            Assert.Contains(rig.LogLines, l => l.Contains("ns: downlink to 0211223344556677 in RX1 at 00:00:01.") && l.Contains("868.5 MHz DR5 (SF7/125 kHz) via gw1: fcnt 0, ACK"));
        }

        [Fact]
        public void Replays_forged_MICs_unknown_DevAddrs_and_counter_jumps_are_dropped_and_counted_a_repeat_is_not()
        {
            var rig = new NetworkRig(options: Quiet);
            NetworkDevice device = rig.RegisterAbp();
            byte[] first = rig.Uplink(85, NetworkRig.Report(1));
            byte[] second = rig.Uplink(85, NetworkRig.Report(2));
            rig.Send(first, 868_100_000, 5);
            rig.Send(second, 868_300_000, 5);
            rig.Loop.RunFor(1_000_000);

            rig.Send(first, 868_100_000, 5); // counter 0 after 1: replay
            rig.Loop.RunFor(1_000_000);
            byte[] forged = (byte[])second.Clone();
            forged[12] ^= 0x01; // a payload bit: the MIC no longer matches
            rig.Send(forged, 868_100_000, 5);
            rig.Loop.RunFor(1_000_000);
            rig.Send(second, 868_500_000, 5); // the same frame again: NbTrans / retry, taken as a retransmission
            rig.Loop.RunFor(1_000_000);

            var stranger = new Session();
            stranger.SetKeys(0x26019999, rig.Session.NwkSKey, rig.Session.AppSKey);
            var buffer = new byte[64];
            int n = new FrameBuilder().BuildUplink(stranger, false, 0, null, 0, 0, 85, new byte[] { 1 }, 0, 1, buffer, 0);
            rig.Send(buffer.Take(n).ToArray(), 868_100_000, 5);
            rig.Loop.RunFor(1_000_000);

            rig.Session.FCntUp += Session.MaxFCntGap + 1;
            rig.Send(rig.Uplink(85, NetworkRig.Report(3)), 868_100_000, 5);
            rig.Loop.RunFor(1_000_000);

            NetworkCounters c = rig.Server.Counters;
            Assert.Equal(2, c.Uplinks);
            Assert.Equal(2, c.ApplicationUplinks);
            Assert.Equal(1, c.Rejected(RejectReason.Replay));
            Assert.Equal(1, c.Rejected(RejectReason.BadMic));
            Assert.Equal(1, c.Rejected(RejectReason.UnknownDevAddr));
            Assert.Equal(1, c.Rejected(RejectReason.CounterGap));
            Assert.Equal(1, c.Retransmissions);
            Assert.Equal(4, c.RejectedTotal);
            Assert.Equal(1u, device.FCntUp);
            Assert.Equal(0, rig.Gateway.DownlinksSent); // an unconfirmed repeat needs no answer
            Assert.Contains(rig.LogLines, l => l.Contains("ns: rejected: frame counter not above the last one (replay) (DevAddr 26011234 fcnt 0, last accepted 1)"));
        }

        [Fact]
        public void A_longer_frame_with_the_last_counter_is_a_replay_not_a_retransmission()
        {
            // Found by a fleet of 1000 sockets: the server compared the last frame's bytes over the new frame's length.
            var rig = new NetworkRig(options: Quiet);
            rig.RegisterAbp();
            rig.Send(rig.Uplink(85, new byte[] { 1, 2, 3 }), 868_100_000, 5);
            rig.Loop.RunFor(1_000_000);
            rig.Session.FCntUp--;
            rig.Send(rig.Uplink(85, new byte[40]), 868_100_000, 5); // same counter, another (longer) frame, a good MIC
            rig.Loop.RunFor(1_000_000);

            Assert.Equal(1, rig.Server.Counters.Uplinks);
            Assert.Equal(0, rig.Server.Counters.Retransmissions);
            Assert.Equal(1, rig.Server.Counters.Rejected(RejectReason.Replay));
        }

        [Fact]
        public void Counters_are_rebuilt_to_32_bits_across_the_16_bit_wrap()
        {
            var rig = new NetworkRig(options: Quiet);
            NetworkDevice device = rig.RegisterAbp();
            for (uint fcnt = 0; fcnt <= 70_000; fcnt += 10_000)
            {
                rig.Session.FCntUp = fcnt;
                rig.Send(rig.Uplink(85, new byte[] { 1 }), 868_100_000, 5);
                rig.Loop.RunFor(500_000);
            }

            Assert.Equal(8, rig.Server.Counters.Uplinks);
            Assert.Equal(0, rig.Server.Counters.RejectedTotal);
            Assert.Equal(70_000u, device.FCntUp);
        }

        [Fact]
        public void An_uplink_heard_by_two_gateways_counts_once_and_the_answer_goes_from_the_one_that_heard_it_best()
        {
            var rig = new NetworkRig(options: Quiet);
            var gw2 = new VirtualGateway(rig.Air, "gw2");
            rig.Server.Attach(gw2);
            // Both at the SNR ceiling (+9.5 dB): gw2's 10 dB stronger signal decides.
            rig.Air.SetLink(rig.Device.Model, gw2, -70, 38);
            NetworkDevice device = rig.RegisterAbp();
            byte[] linkCheck = NetworkRig.FOpts(w => w.LinkCheckReq());
            long end = rig.Send(rig.Uplink(85, NetworkRig.Report(), fopts: linkCheck), 868_100_000, 5);
            Heard heard = rig.Listen(end + 1_000_000, 868_100_000, 5);

            Assert.Equal(2, rig.Server.Counters.FramesHeard);
            Assert.Equal(1, rig.Server.Counters.Duplicates);
            Assert.Equal(1, rig.Server.Counters.Uplinks);
            Assert.Equal((2, 38, -70), (device.LastGatewayCount, device.LastSnrQuarterDb, device.LastRssiDbm));
            MacCommand answer = NetworkRig.Commands(rig.Read(heard.Frame))[0];
            Assert.Equal(Cid.LinkCheck, (Cid)answer.Cid);
            Assert.Equal(2, answer.GwCnt);
            Assert.Equal(17, answer.Margin); // +9.5 dB heard at SF7, whose floor is −7.5 dB: 17 dB
            Assert.Equal(1, gw2.DownlinksSent);
            Assert.Equal(0, rig.Gateway.DownlinksSent);
        }

        [Fact]
        public void When_RX1_is_too_late_or_the_gateway_is_busy_the_answer_goes_in_RX2()
        {
            var late = new NetworkRig(options: new NetworkServerOptions { DeduplicationMicros = 950_000, DevStatusIntervalMicros = 0 });
            late.RegisterAbp();
            long end = late.Send(late.Uplink(85, NetworkRig.Report(), confirmed: true), 868_100_000, 5);
            Assert.Null(late.Listen(end + 1_000_000, 868_100_000, 5));
            Heard rx2 = late.Listen(end + 2_000_000, 869_525_000, 0);
            Assert.True(late.Read(rx2.Frame).Ack);
            Assert.Equal((0, 1), (late.Server.Counters.DownlinksRx1, late.Server.Counters.DownlinksRx2));

            // Two devices send confirmed uplinks at the same moment on two channels: the gateway sends one answer at a time.
            var rig = new NetworkRig(options: Quiet);
            rig.RegisterAbp();
            var other = new RadioNode(rig.Loop, rig.Air, "other");
            other.Driver.Reset();
            rig.Loop.RunFor(10_000);
            var otherSession = new Session();
            otherSession.SetKeys(0x26015555, rig.Session.NwkSKey, rig.Session.AppSKey);
            rig.Server.RegisterAbp(new byte[] { 2, 0, 0, 0, 0, 0, 0, 9 }, 0x26015555, rig.Session.NwkSKey, rig.Session.AppSKey);
            var buffer = new byte[64];
            int n = new FrameBuilder().BuildUplink(otherSession, true, 0, null, 0, 0, 85, NetworkRig.Report(), 0, 26, buffer, 0);
            byte[] uplink = rig.Uplink(85, NetworkRig.Report(), confirmed: true);
            rig.Device.Driver.StartTransmit(uplink, 0, uplink.Length, RadioRig.Tx(868_100_000, 7));
            other.Driver.StartTransmit(buffer, 0, n, RadioRig.Tx(868_300_000, 7));
            rig.Loop.RunFor(200_000);
            end = rig.Device.Events.TxDone[^1];
            Assert.Equal(end, other.Events.TxDone[^1]);
            var otherRx2 = new Ws52x.Loop.LoopTimer(_ => other.Driver.StartReceiveSingle(RadioRig.Rx(869_525_000, 12, invertIq: true), 16));
            rig.Loop.Schedule(otherRx2, end + 2_000_000 - 3_000);
            Heard mine = rig.Listen(end + 1_000_000, 868_100_000, 5);
            rig.Loop.RunFor(3_000_000);

            Assert.NotNull(mine);
            Assert.True(rig.Read(mine.Frame).Ack);
            Assert.Equal((1, 1), (rig.Server.Counters.DownlinksRx1, rig.Server.Counters.DownlinksRx2));
            byte[] theirs = Assert.Single(other.Events.Packets);
            var parsed = new DataFrame();
            Assert.Equal(FrameError.None, new FrameParser().ParseDownlink(otherSession, theirs, 0, theirs.Length, parsed, true));
            Assert.True(parsed.Ack);
            Assert.Contains(rig.LogLines, l => l.Contains("RX1: gateway busy until"));
        }

        [Fact]
        public void Queued_downlinks_go_one_per_answer_with_FPending_while_more_wait_and_confirmed_ones_are_tracked()
        {
            var rig = new NetworkRig(options: Quiet);
            NetworkDevice device = rig.RegisterAbp();
            rig.Server.EnqueueDownlink(device, 85, new byte[] { 0x08, 0xff });
            rig.Server.EnqueueDownlink(device.DevEui, 85, "ff1000", confirmed: true);
            rig.Server.EnqueueDownlink(device, 85, new byte[60]); // more than DR0's 51 bytes

            long end = rig.Send(rig.Uplink(85, NetworkRig.Report()), 868_100_000, 5);
            DataFrame one = rig.Read(rig.Listen(end + 1_000_000, 868_100_000, 5).Frame);
            Assert.Equal((85, true, MType.UnconfirmedDataDown), (one.FPort, one.FPending, one.Type));
            Assert.Equal(new byte[] { 0x08, 0xff }, one.Payload.Take(one.PayloadLength));

            end = rig.Send(rig.Uplink(85, NetworkRig.Report()), 868_100_000, 5);
            DataFrame two = rig.Read(rig.Listen(end + 1_000_000, 868_100_000, 5).Frame);
            Assert.Equal((MType.ConfirmedDataDown, true), (two.Type, two.FPending));
            Assert.Equal(new byte[] { 0xff, 0x10, 0x00 }, two.Payload.Take(two.PayloadLength));

            // The device acknowledges the confirmed downlink in its next uplink, sent at DR0 so that the 60 bytes cannot
            // go: they are dropped and counted, and with nothing else to say the server sends nothing.
            end = rig.Send(rig.Uplink(85, NetworkRig.Report(), fctrl: FCtrl.Ack), 868_100_000, 0);
            Assert.Null(rig.Listen(end + 1_000_000, 868_100_000, 0));
            Assert.Equal(1, rig.Server.Counters.DownlinkAcks);
            Assert.Equal(1, rig.Server.Counters.Rejected(RejectReason.DownlinkTooLong));
            Assert.Equal(0, device.QueueLength);
            Assert.Equal(2u, device.FCntDown);
            Assert.Contains(rig.LogLines, l => l.Contains("ns: rejected: downlink too long for its data rate (0211223344556677 port 85, 60 bytes, DR0 (SF12/125 kHz) carries 51)"));
        }
    }
}
