using Ws52x.Host.Board.Radio;
using Ws52x.Radio;
using Ws52x.Radio.Sx127x;

namespace Ws52x.Tests.Radio
{
    /// <summary>
    /// The virtual air's link budget: the chip model radiates what its PA registers say, receivers measure power minus
    /// path loss, SNR over their thermal noise floor (capped), and the demodulation floor decides who hears at all.
    /// </summary>
    public class LinkBudgetTests
    {
        private static readonly byte[] Frame = new byte[12];

        [Theory]
        // Datasheet Pout: PA_BOOST 17 − (15 − OutputPower), 20 − (15 − OutputPower) in +20 dBm mode; RFO Pmax − (15 − OutputPower).
        [InlineData(14, true, 14.0)]
        [InlineData(2, true, 2.0)]
        [InlineData(17, true, 17.0)]
        [InlineData(20, true, 20.0)] // RegPaDac 0x87
        [InlineData(14, false, 14.0)] // RFO, MaxPower 7: Pmax 15
        [InlineData(-4, false, -4.2)] // RFO, MaxPower 0: Pmax 10.8, OutputPower 0
        public void The_model_radiates_what_RegPaConfig_and_RegPaDac_say(int powerDbm, bool paBoost, double expected)
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var tx = RadioRig.Tx(868_100_000, 7);
            tx.PowerDbm = powerDbm;
            tx.UsePaBoost = paBoost;
            a.Driver.StartTransmit(Frame, 0, Frame.Length, tx);
            Assert.Equal(expected, a.Model.OutputPowerDbm, 6);
        }

        [Fact]
        public void After_reset_the_RFO_default_gives_13_2_dBm()
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            Assert.Equal(0x4F, a.Model.Peek(Sx127xRegister.RegPaConfig)); // MaxPower 4 (Pmax 13.2 dBm), OutputPower 15
            Assert.Equal(13.2, a.Model.OutputPowerDbm, 6);
        }

        [Theory]
        // Path loss 120 dB, noise floor −174 + 51 + 6 = −117 dBm at 125 kHz: RSSI = P − 120, SNR = RSSI + 117 (≤ +9.5 dB).
        [InlineData(20, -100, 38)] // +17 dB, read as the +9.5 dB ceiling
        [InlineData(14, -106, 38)]
        [InlineData(8, -112, 20)]  // +5 dB
        [InlineData(2, -118, -4)]  // −1 dB
        public void The_gateway_hears_the_power_the_socket_sends_less_the_path_loss(int powerDbm, int rssi, int snrQuarterDb)
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var gw = new VirtualGateway(rig.Air);
            gw.ListenOn(868_100_000);
            rig.Air.SetPathLoss(a.Model, gw, 120);
            var tx = RadioRig.Tx(868_100_000, 7);
            tx.PowerDbm = powerDbm;
            a.Driver.StartTransmit(Frame, 0, Frame.Length, tx);
            rig.Loop.RunFor(1_000_000);
            GatewayFrame heard = Assert.Single(gw.Received);
            Assert.Equal((rssi, snrQuarterDb), (heard.RssiDbm, heard.SnrQuarterDb));
        }

        [Fact]
        public void The_default_link_reads_as_before_at_14_dBm()
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var gw = new VirtualGateway(rig.Air);
            gw.ListenOn(868_100_000);
            a.Driver.StartTransmit(Frame, 0, Frame.Length, RadioRig.Tx(868_100_000, 7));
            rig.Loop.RunFor(1_000_000);
            Assert.Equal((-80, 38), (gw.Received[0].RssiDbm, gw.Received[0].SnrQuarterDb));
        }

        [Theory]
        // SF7 needs −7.5 dB; at SF12 −20 dB. 14 dBm over the log-distance model (n = 3, 31.2 dB at 1 m on 868.1 MHz):
        // 3 km: 135.5 dB, −121.5 dBm, −4.5 dB: SF7 heard. 8 km: 148.3 dB, −17.3 dB: only SF12.
        [InlineData(3000, 7, true)]
        [InlineData(8000, 7, false)]
        [InlineData(8000, 12, true)]
        [InlineData(12000, 12, false)]
        public void Distance_sets_the_loss_and_each_SF_has_its_range(double metres, int sf, bool heard)
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var gw = new VirtualGateway(rig.Air);
            gw.ListenOn(868_100_000);
            rig.Air.SetDistance(a.Model, gw, metres);
            a.Driver.StartTransmit(Frame, 0, Frame.Length, RadioRig.Tx(868_100_000, sf));
            rig.Loop.RunFor(3_000_000);
            Assert.Equal(heard ? 1 : 0, gw.Received.Count);
            Assert.Equal(135.5, LinkBudget.LogDistanceLossDb(3000, 868_100_000, 3.0), 1);
        }

        [Fact]
        public void A_gateway_downlink_goes_out_at_its_own_power()
        {
            var rig = new RadioRig();
            var dev = rig.Node("dev");
            var gw = new VirtualGateway(rig.Air) { TxPowerDbm = 27 };
            rig.Air.SetPathLoss(dev.Model, gw, 140);
            var rx = RadioRig.Rx(869_525_000, 12, invertIq: true);
            dev.Driver.StartReceiveSingle(rx, 20);
            gw.Transmit(rig.Loop.NowMicros, rx, Frame, Frame.Length);
            rig.Loop.RunFor(3_000_000);
            // 27 − 140 = −113 dBm: +4 dB over −117 dBm. At the default 14 dBm it would be −9 dB, still SF12's.
            Assert.Equal((-113, 16), (dev.Events.Infos[0].Rssi, dev.Events.Infos[0].Snr));
            gw.Transmit(rig.Loop.NowMicros, rx, Frame, Frame.Length, powerDbm: 14);
            dev.Driver.StartReceiveSingle(rx, 20);
            rig.Loop.RunFor(3_000_000);
            Assert.Equal((-126, -36), (dev.Events.Infos[1].Rssi, dev.Events.Infos[1].Snr));
        }

        [Fact]
        public void A_noisy_receiver_hears_with_less_SNR_and_the_rest_do_not_notice()
        {
            Assert.Equal(-117.03, LinkBudget.NoiseFloorDbm(125_000, 6), 2);
            Assert.Equal(-111.01, LinkBudget.NoiseFloorDbm(500_000, 6), 2);
            var rig = new RadioRig();
            var a = rig.Node("a");
            var gw1 = new VirtualGateway(rig.Air, "quiet");
            var gw2 = new VirtualGateway(rig.Air, "noisy");
            gw1.ListenOn(868_100_000);
            gw2.ListenOn(868_100_000);
            rig.Air.SetNoiseFloor(gw2, -85);
            a.Driver.StartTransmit(Frame, 0, Frame.Length, RadioRig.Tx(868_100_000, 7));
            rig.Loop.RunFor(1_000_000);
            Assert.Equal(38, gw1.Received[0].SnrQuarterDb);
            Assert.Equal(20, gw2.Received[0].SnrQuarterDb); // −80 dBm over −85 dBm
        }
    }
}
