using System.Collections.Generic;
using System.Linq;
using Ws52x.Host.Network;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.MacCommands;

namespace Ws52x.Tests.Network
{
    /// <summary>The network's ADR: ChirpStack's default algorithm on its own, then over the air.</summary>
    public class NetworkAdrTests
    {
        private static List<AdrSample> History(int count, int snrQuarterDb, int txPower = 0, uint step = 1)
        {
            return Enumerable.Range(0, count).Select(i => new AdrSample((uint)i * step, snrQuarterDb, txPower)).ToList();
        }

        [Theory]
        // SNR (quarter dB), DR, SF, TXPower, max DR, max TXPower → DR, TXPower. Margin = SNR − required(SF) − 10 dB, 3 dB a step.
        [InlineData(38, 0, 12, 0, 5, 7, 5, 1)]  // +9.5 dB at SF12: 19.5 dB margin, 6 steps: DR0→DR5, then one power step
        [InlineData(38, 5, 7, 0, 5, 7, 5, 2)]   // +9.5 dB at SF7: 7 dB, 2 steps of power
        [InlineData(-18, 0, 12, 0, 5, 7, 1, 0)] // −4.5 dB at SF12: 5.5 dB, one step (truncated)
        [InlineData(-40, 2, 10, 0, 5, 7, 2, 0)] // −10 dB at SF10: −5 dB, −1 step with the power already at max: nothing
        [InlineData(-40, 2, 10, 3, 5, 7, 2, 2)] // the same at TXPower 3: one step of power back up (full history)
        [InlineData(38, 5, 7, 7, 5, 7, 5, 7)]   // nothing left to lower
        public void Steps_of_3_dB_raise_the_data_rate_first_then_lower_the_power(int snr, int dr, int sf, int power, int maxDr, int maxPower, int expectDr, int expectPower)
        {
            AdrDecision d = NetworkAdr.Decide(History(20, snr, power), dr, sf, power, 1, maxDr, maxPower);
            Assert.Equal((expectDr, expectPower, 1), (d.DataRate, d.TxPowerIndex, d.NbTrans));
        }

        [Fact]
        public void Power_goes_back_up_only_with_20_uplinks_at_the_current_power_and_the_data_rate_never_goes_down()
        {
            Assert.Equal(3, NetworkAdr.Decide(History(19, -40, 3), 2, 10, 3, 1, 5, 7).TxPowerIndex);
            Assert.Equal(0, NetworkAdr.Decide(History(20, -80, 3), 2, 10, 3, 1, 5, 7).TxPowerIndex);
            Assert.Equal(2, NetworkAdr.Decide(History(20, -80, 0), 2, 10, 0, 1, 5, 7).DataRate);
            // A device above the allowed maximum is brought down to it.
            Assert.Equal(4, NetworkAdr.Decide(History(1, -40), 5, 7, 0, 1, 4, 7).DataRate);
        }

        [Theory]
        // ChirpStack's table: loss < 5 % → 1,1,2; < 10 % → 1,2,3; < 30 % → 2,3,3; else 3,3,3 (by current NbTrans 1..3).
        // 'lost' frames missing in 20 uplinks: 1 = 5 %, 2 = 10 %, 6 = 30 %.
        [InlineData(1, 0, 1)]
        [InlineData(3, 0, 2)]
        [InlineData(2, 1, 2)]
        [InlineData(1, 2, 2)]
        [InlineData(3, 2, 3)]
        [InlineData(1, 6, 3)]
        public void NbTrans_follows_the_packet_loss_of_the_last_20_counters(int current, int lost, int expected)
        {
            var history = Enumerable.Range(0, 20).Select(i => new AdrSample((uint)(i < 19 ? i : 19 + lost), 0, 0)).ToList();
            Assert.Equal(lost * 5.0, NetworkAdr.PacketLossPercent(history));
            Assert.Equal(expected, NetworkAdr.NbTransFor(current, NetworkAdr.PacketLossPercent(history)));
            Assert.Equal(0, NetworkAdr.PacketLossPercent(History(19, 0, 0, 5))); // not before 20 uplinks
        }

        [Fact]
        public void Over_the_air_a_good_link_moves_the_device_up_to_DR5_and_a_poor_one_leaves_it()
        {
            var rig = new NetworkRig(options: new NetworkServerOptions { DevStatusIntervalMicros = 0 });
            NetworkDevice device = rig.RegisterAbp();
            long end = rig.Send(rig.Uplink(85, new byte[] { 1 }, fctrl: FCtrl.Adr), 868_100_000, 0);
            DataFrame reply = rig.Read(rig.Listen(end + 1_000_000, 868_100_000, 0).Frame);
            MacCommand req = NetworkRig.Commands(reply)[0];
            Assert.Equal((Cid.LinkAdr, 5, 1, 0x0007, 0, 1), ((Cid)req.Cid, req.DataRate, req.TxPower, req.ChMask, req.ChMaskCntl, req.NbTrans));
            Assert.Equal(0, device.DataRate);

            // The device applies it and answers at DR5: the server now holds DR5 / TXPower 1. The virtual air's SNR does not
            // follow the device's power, so 7 dB of margin remain at SF7: two more steps of power.
            end = rig.Send(rig.Uplink(85, new byte[] { 1 }, fctrl: FCtrl.Adr, fopts: NetworkRig.FOpts(w => w.LinkAdrAns(true, true, true))), 868_100_000, 5);
            req = NetworkRig.Commands(rig.Read(rig.Listen(end + 1_000_000, 868_100_000, 5).Frame))[0];
            Assert.Equal((5, 1), (device.DataRate, device.TxPowerIndex));
            Assert.Equal((Cid.LinkAdr, 5, 3), ((Cid)req.Cid, req.DataRate, req.TxPower));
            Assert.Contains(rig.LogLines, l => l.Contains("ns: ADR for 0211223344556677: best SNR of 1 uplink(s) is 29.5 dB above DR0 (SF12/125 kHz)'s floor: asking DR5 (SF7/125 kHz), TXPower 1, NbTrans 1"));

            var poor = new NetworkRig(options: new NetworkServerOptions { DevStatusIntervalMicros = 0 });
            NetworkDevice far = poor.RegisterAbp();
            poor.Air.SetLink(poor.Device.Model, poor.Gateway, -118, -40); // −10 dB: 5 dB above SF10's floor, under the margin
            for (int i = 0; i < 25; i++)
            {
                poor.Send(poor.Uplink(85, new byte[] { 1 }, fctrl: FCtrl.Adr), 868_100_000, 2);
                poor.Loop.RunFor(3_000_000);
            }

            Assert.Equal(25, poor.Server.Counters.Uplinks);
            Assert.Equal(0, poor.Gateway.DownlinksSent);
            Assert.Equal((2, 0), (far.DataRate, far.TxPowerIndex));
        }

        [Fact]
        public void A_refused_LinkADRReq_changes_nothing_and_is_not_asked_again()
        {
            var rig = new NetworkRig(options: new NetworkServerOptions { DevStatusIntervalMicros = 0 });
            NetworkDevice device = rig.RegisterAbp();
            long end = rig.Send(rig.Uplink(85, new byte[] { 1 }, fctrl: FCtrl.Adr), 868_100_000, 0);
            Assert.NotNull(rig.Listen(end + 1_000_000, 868_100_000, 0));
            end = rig.Send(rig.Uplink(85, new byte[] { 1 }, fctrl: FCtrl.Adr, fopts: NetworkRig.FOpts(w => w.LinkAdrAns(false, true, true))), 868_100_000, 0);
            Assert.Null(rig.Listen(end + 1_000_000, 868_100_000, 0));
            Assert.Equal((0, 0), (device.DataRate, device.TxPowerIndex));
            Assert.Contains(rig.LogLines, l => l.Contains("LinkADRAns from 0211223344556677, status NACK/ACK/ACK (power, data rate, channel mask): refused, nothing changed"));
        }

        [Fact]
        public void US915_LinkADRReq_keeps_the_sub_band_with_a_block_of_two()
        {
            var rig = new NetworkRig("US915", new NetworkServerOptions { DevStatusIntervalMicros = 0 });
            NetworkDevice device = rig.RegisterOtaa();
            rig.Join(1, 903_900_000, 0, 923_300_000, 10);
            long end = rig.Send(rig.Uplink(85, new byte[] { 1 }, fctrl: FCtrl.Adr), 903_900_000, 0);
            DataFrame reply = rig.Read(rig.Listen(end + 1_000_000, 923_300_000, 10).Frame);
            List<MacCommand> block = NetworkRig.AsList(NetworkRig.Commands(reply));
            Assert.Equal(new[] { (7, 0x0002), (0, 0xFF00) }, block.Select(c => (c.ChMaskCntl, c.ChMask)));
            Assert.All(block, c => Assert.Equal(3, c.DataRate)); // US915's highest 125 kHz data rate

            byte[] answers = NetworkRig.FOpts(w =>
            {
                w.LinkAdrAns(true, true, true);
                w.LinkAdrAns(true, true, true);
            });
            rig.Send(rig.Uplink(85, new byte[] { 1 }, fctrl: FCtrl.Adr, fopts: answers), 904_100_000, 3);
            rig.Loop.RunFor(3_000_000);
            Assert.Equal(3, device.DataRate);
            Assert.Equal(Enumerable.Range(0, 72).Where(ch => ch >= 8 && ch <= 15 || ch == 65), Enumerable.Range(0, 72).Where(device.ChannelPlan.IsEnabled));
        }
    }
}
