using System.Linq;
using Ws52x.Host.Network;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.MacCommands;

namespace Ws52x.Tests.Network
{
    /// <summary>MAC commands on demand, and what the server makes of the device's answers (sticky ones included).</summary>
    public class NetworkMacCommandTests
    {
        private static NetworkServerOptions Quiet => new NetworkServerOptions { DevStatusIntervalMicros = 0, Adr = false };

        /// <summary>Sends an uplink with FOpts on 868.1 MHz DR5 and returns the answer heard in RX1 after <paramref name="rxDelay"/> s, or null.</summary>
        private static DataFrame Exchange(NetworkRig rig, byte[] fopts = null, int rxDelay = 1, int rx1Hz = 868_100_000, int rx1Dr = 5, int upHz = 868_100_000)
        {
            long end = rig.Send(rig.Uplink(85, new byte[] { 1 }, fopts: fopts), upHz, 5);
            Heard heard = rig.Listen(end + rxDelay * 1_000_000L, rx1Hz, rx1Dr);
            return heard == null ? null : rig.Read(heard.Frame);
        }

        [Fact]
        public void RXTimingSetup_is_applied_on_its_answer_and_its_sticky_repeats_are_answered_without_change()
        {
            var rig = new NetworkRig(options: Quiet);
            NetworkDevice device = rig.RegisterAbp();
            rig.Server.EnqueueMacCommand(device, DownlinkMacCommand.RxTimingSetupReq(3));
            MacCommand req = NetworkRig.Commands(Exchange(rig))[0];
            Assert.Equal((Cid.RxTimingSetup, 3), ((Cid)req.Cid, req.Delay));
            Assert.Equal(1, device.RxDelaySeconds); // not before the device says so

            // The answer: the server now answers 3 s after the uplink (and must answer, so that the device stops repeating).
            DataFrame reply = Exchange(rig, NetworkRig.FOpts(w => w.RxTimingSetupAns()), rxDelay: 3);
            Assert.NotNull(reply);
            Assert.Equal(0, reply.FOptsLength);
            Assert.Equal(3, device.RxDelaySeconds);

            // A repeat (the device missed that downlink): answered again, nothing changes.
            Assert.NotNull(Exchange(rig, NetworkRig.FOpts(w => w.RxTimingSetupAns()), rxDelay: 3));
            Assert.Equal(3, device.RxDelaySeconds);
            Assert.Equal(1, rig.Server.Counters.MacAnswers);
            Assert.Contains(rig.LogLines, l => l.Contains("ns: RXTimingSetupAns from 0211223344556677 repeated (sticky answer): a downlink stops it"));
        }

        [Fact]
        public void RXParamSetup_changes_RX1_offset_and_RX2_only_when_all_three_parts_are_acknowledged()
        {
            var rig = new NetworkRig(options: Quiet);
            NetworkDevice device = rig.RegisterAbp();
            rig.Server.EnqueueMacCommand(device, DownlinkMacCommand.RxParamSetupReq(2, 3, 869_525_000));
            Exchange(rig);
            Exchange(rig, NetworkRig.FOpts(w => w.RxParamSetupAns(false, true, true)));
            Assert.Equal((0, 0), (device.Rx1DrOffset, device.Rx2DataRate));

            rig.Server.EnqueueMacCommand(device, DownlinkMacCommand.RxParamSetupReq(1, 3, 869_525_000));
            Exchange(rig);
            // Applied: the sticky answer's own reply already goes in RX1 at DR5 - 1 = DR4.
            DataFrame reply = Exchange(rig, NetworkRig.FOpts(w => w.RxParamSetupAns(true, true, true)), rx1Dr: 4);
            Assert.NotNull(reply);
            Assert.Equal((1, 3, 869_525_000), (device.Rx1DrOffset, device.Rx2DataRate, device.Rx2FrequencyHz));
            Assert.Contains(rig.LogLines, l => l.Contains("ns: RXParamSetupAns from 0211223344556677, status NACK/ACK/ACK: refused, nothing changed"));
            Assert.Contains(rig.LogLines, l => l.Contains("ns: RXParamSetupAns from 0211223344556677, status ACK/ACK/ACK: applied"));
        }

        [Fact]
        public void DevStatus_DeviceTime_DutyCycle_NewChannel_and_DlChannel_answers_are_read()
        {
            var rig = new NetworkRig(options: new NetworkServerOptions { Adr = false });
            NetworkDevice device = rig.RegisterAbp();
            rig.Server.EnqueueMacCommand(device, DownlinkMacCommand.NewChannelReq(3, 867_100_000, 0, 5));
            rig.Server.EnqueueMacCommand(device, DownlinkMacCommand.DlChannelReq(0, 868_500_000));
            rig.Server.EnqueueMacCommand(device, DownlinkMacCommand.DutyCycleReq(4));
            DataFrame first = Exchange(rig);
            // DevStatusReq joins the requests with the first answer of the session.
            Assert.Equal(new[] { Cid.NewChannel, Cid.DlChannel, Cid.DutyCycle, Cid.DevStatus }, NetworkRig.AsList(NetworkRig.Commands(first)).Select(c => (Cid)c.Cid));

            byte[] answers = NetworkRig.FOpts(w =>
            {
                w.NewChannelAns(true, true);
                w.DlChannelAns(true, true);
                w.DutyCycleAns();
                w.DevStatusAns(0, 9);
                w.DeviceTimeReq();
            });
            long end = rig.Send(rig.Uplink(85, new byte[] { 1 }, fopts: answers), 868_100_000, 5);
            // DlChannel moved channel 0's RX1 to 868.5 MHz: the answer (DlChannelAns is sticky, DeviceTimeReq asks) is there.
            DataFrame reply = rig.Read(rig.Listen(end + 1_000_000, 868_500_000, 5).Frame);
            MacCommand time = NetworkRig.Commands(reply)[0];
            Assert.Equal(Cid.DeviceTime, (Cid)time.Cid);
            Assert.Equal((uint)(rig.Server.Options.GpsSecondsAtBoardZero + end / 1_000_000), time.GpsSeconds);
            Assert.Equal((int)(end % 1_000_000 * 256 / 1_000_000), time.FractionalSecond);

            Assert.True(device.ChannelPlan.IsEnabled(3));
            Assert.Equal(867_100_000, device.ChannelPlan.Frequency(3));
            Assert.Equal(868_500_000, device.ChannelPlan.Rx1Frequency(0));
            Assert.Equal(4, device.MaxDutyCycle);
            Assert.Equal((0, 9), (device.Battery, device.StatusMargin));
            Assert.Equal(4, rig.Server.Counters.MacAnswers);

            // The new channel carries uplinks, answered on it.
            rig.Server.EnqueueDownlink(device, 85, new byte[] { 7 });
            Assert.NotNull(Exchange(rig, upHz: 867_100_000, rx1Hz: 867_100_000));
        }

        [Fact]
        public void TxParamSetup_on_AS923_turns_the_downlink_dwell_off_and_LinkADR_from_text_is_applied()
        {
            var rig = new NetworkRig("AS923-1", Quiet);
            NetworkDevice device = rig.RegisterAbp();
            Assert.True(device.DownlinkDwell);
            rig.Server.EnqueueMacCommand(device, DownlinkMacCommand.TxParamSetupReq(false, false, 5));
            rig.Server.EnqueueMacCommand(device, DownlinkMacCommandText.Parse("LinkADRReq dr=3 txPower=2 chMask=0x0003 nbTrans=2", out string error));
            Assert.Null(error);
            long end = rig.Send(rig.Uplink(85, new byte[] { 1 }), 923_200_000, 5);
            Assert.NotNull(rig.Listen(end + 1_000_000, 923_200_000, 5));
            byte[] answers = NetworkRig.FOpts(w =>
            {
                w.TxParamSetupAns();
                w.LinkAdrAns(true, true, true);
            });
            rig.Send(rig.Uplink(85, new byte[] { 1 }, fopts: answers), 923_200_000, 3);
            rig.Loop.RunFor(3_000_000);
            Assert.False(device.DownlinkDwell);
            Assert.False(device.UplinkDwell);
            Assert.Equal(5, device.MaxEirpIndex);
            Assert.Equal((3, 2, 2), (device.DataRate, device.TxPowerIndex, device.NbTrans));
            Assert.Equal(2, device.ChannelPlan.EnabledCount());
        }

        [Fact]
        public void A_request_the_next_uplink_does_not_answer_is_counted_and_forgotten()
        {
            var rig = new NetworkRig(options: Quiet);
            NetworkDevice device = rig.RegisterAbp();
            rig.Server.EnqueueMacCommand(device, DownlinkMacCommand.DutyCycleReq(2));
            Assert.NotNull(Exchange(rig));
            Assert.Null(Exchange(rig));
            Assert.Equal(1, rig.Server.Counters.MacUnanswered);
            Assert.Equal(0, device.MaxDutyCycle);
            Assert.Contains(rig.LogLines, l => l.Contains("ns: DutyCycleReq not answered"));
        }

        [Fact]
        public void More_MAC_commands_than_FOpts_holds_go_on_port_0()
        {
            var rig = new NetworkRig(options: Quiet);
            NetworkDevice device = rig.RegisterAbp();
            for (int ch = 3; ch < 7; ch++)
            {
                rig.Server.EnqueueMacCommand(device, DownlinkMacCommand.NewChannelReq(ch, 867_100_000 + 200_000 * (ch - 3), 0, 5));
            }

            DataFrame reply = Exchange(rig);
            Assert.Equal((0, 0), (reply.FPort, reply.FOptsLength));
            Assert.Equal(4, NetworkRig.Commands(reply).Count);
        }

        [Theory]
        [InlineData("", "a MAC command needs a name")]
        [InlineData("FooReq", "unknown MAC command 'FooReq'")]
        [InlineData("RXTimingSetupReq", "RXTimingSetupReq: needs delay=")]
        [InlineData("RXTimingSetupReq delay=16", "RXTimingSetupReq: Del takes 0-15 (got 16)")]
        [InlineData("DlChannelReq index=0 frequency=abc", "'frequency=abc' is not name=number")]
        public void MAC_commands_in_text_that_do_not_parse_say_why(string text, string message)
        {
            Assert.Null(DownlinkMacCommandText.Parse(text, out string error));
            Assert.StartsWith(message, error);
        }

        [Fact]
        public void Every_request_is_laid_out_as_the_cores_codec_reads_it()
        {
            DownlinkMacCommand[] all =
            {
                DownlinkMacCommand.LinkAdrReq(5, 3, 0x00FF, 6, 2), DownlinkMacCommand.DutyCycleReq(7),
                DownlinkMacCommand.RxParamSetupReq(2, 8, 923_300_000), DownlinkMacCommand.DevStatusReq(),
                DownlinkMacCommand.NewChannelReq(4, 867_500_000, 1, 4), DownlinkMacCommand.RxTimingSetupReq(15),
                DownlinkMacCommand.TxParamSetupReq(true, false, 9), DownlinkMacCommand.DlChannelReq(2, 868_900_000),
                DownlinkMacCommand.LinkCheckAns(12, 3), DownlinkMacCommand.DeviceTimeAns(1_400_000_000, 128),
            };
            var bytes = new byte[all.Sum(c => c.Length)];
            int at = 0;
            foreach (DownlinkMacCommand c in all)
            {
                c.CopyTo(bytes, at);
                at += c.Length;
            }

            var list = new MacCommandList();
            Assert.Equal(FrameError.None, MacCommandCodec.ParseDownlink(bytes, 0, bytes.Length, list));
            Assert.Equal(all.Select(c => (int)c.Cid), NetworkRig.AsList(list).Select(c => c.Cid));
            Assert.Equal((5, 3, 0x00FF, 6, 2), (list[0].DataRate, list[0].TxPower, list[0].ChMask, list[0].ChMaskCntl, list[0].NbTrans));
            Assert.Equal(7, list[1].MaxDutyCycle);
            Assert.Equal((2, 8, 923_300_000u), (list[2].Rx1DrOffset, list[2].Rx2DataRate, list[2].Frequency));
            Assert.Equal((4, 867_500_000u, 1, 4), (list[4].ChIndex, list[4].Frequency, list[4].MinDr, list[4].MaxDr));
            Assert.Equal(15, list[5].Delay);
            Assert.Equal((true, false, 9), (list[6].DownlinkDwellTime, list[6].UplinkDwellTime, list[6].MaxEirpIndex));
            Assert.Equal((2, 868_900_000u), (list[7].ChIndex, list[7].Frequency));
            Assert.Equal((12, 3), (list[8].Margin, list[8].GwCnt));
            Assert.Equal((1_400_000_000u, 128), (list[9].GpsSeconds, list[9].FractionalSecond));
        }
    }
}
