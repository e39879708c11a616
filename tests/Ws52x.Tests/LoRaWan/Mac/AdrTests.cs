using System.Collections.Generic;
using System.Linq;
using Ws52x.Config;
using Ws52x.LoRaWan.Mac;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>ADR back-off (1.0.3 4.3.1.1 and its errata table) when the network stops answering.</summary>
    public class AdrTests
    {
        private static MacRig Rig(bool adr = true, int power = 2) => MacRig.Abp(adr: adr, more: s => s.LoRaWan.TxPowerIndex = power);

        /// <summary>Sends <paramref name="count"/> one-byte uplinks, one after the other; returns (ADRACKReq, SF, conducted dBm) per frame.</summary>
        private static List<(bool AckReq, int Sf, int Power)> Uplinks(MacRig rig, int count)
        {
            var seen = new List<(bool, int, int)>();
            for (int i = 0; i < count; i++)
            {
                int done = rig.Events.Done.Count;
                rig.Send(new byte[] { (byte)i });
                while (rig.Events.Done.Count == done)
                {
                    rig.Run(1);
                }

                var u = rig.Gateway.Uplinks[^1];
                // The power the frame really went out with: RegPaConfig's OutputPower (PA_BOOST: 2 dBm + value).
                int dbm = 2 + (rig.Model.Peek(Ws52x.Radio.Sx127x.Sx127xRegister.RegPaConfig) & 0x0F);
                seen.Add((u.Data.AdrAckReq, u.Frame.SpreadingFactor, dbm));
            }

            return seen;
        }

        [Fact]
        public void Without_downlinks_the_device_asks_then_raises_power_then_lowers_the_data_rate_then_restores_channels()
        {
            var rig = Rig();
            // The network switches a default channel off; the back-off must bring it back.
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, FOpts = new byte[] { 0x03, 0x52, 0x05, 0x00, 0x01 } }); // DR5, power 2, channels 0 and 2
            var first = Uplinks(rig, 1);
            Assert.False(rig.Mac.Channels.IsEnabled(1));
            rig.Run(60); // the LinkADRAns goes up
            int start = rig.Mac.AdrAckCounter;

            var seen = Uplinks(rig, 330 - start);
            int AtCount(int adrAckCnt) => adrAckCnt - start; // frame index built while ADR_ACK_CNT == adrAckCnt

            // ADR_ACK_CNT 0-63: normal; from 64 on every uplink carries ADRACKReq.
            Assert.False(seen[AtCount(63)].AckReq);
            Assert.True(seen[AtCount(64)].AckReq);
            Assert.All(seen.Skip(AtCount(64)), s => Assert.True(s.AckReq));

            // 96: default (maximum) power, index 0 = 16 dBm EIRP = 13 dBm conducted (index 2 was 9 dBm); data rate unchanged.
            Assert.Equal(9, seen[AtCount(95)].Power);
            Assert.Equal(13, seen[AtCount(96)].Power);
            Assert.Equal(7, seen[AtCount(127)].Sf);

            // 128 and every 32 after: one data rate lower, down to DR0 (SF12) at 256.
            Assert.Equal(8, seen[AtCount(128)].Sf);
            Assert.Equal(8, seen[AtCount(159)].Sf);
            Assert.Equal(9, seen[AtCount(160)].Sf);
            Assert.Equal(12, seen[AtCount(256)].Sf);

            // 288 at the lowest data rate: NbTrans 1 and the default channels back.
            Assert.True(rig.Mac.Channels.IsEnabled(1));
            Assert.Equal(1, rig.Mac.NbTrans);
            Assert.Equal(0, rig.Events.LinkLost);

            // 64 more without an answer: the link is lost (ABP: said, no rejoin).
            Uplinks(rig, 40);
            Assert.Equal(1, rig.Events.LinkLost);
            Assert.Empty(rig.Gateway.JoinRequests);
        }

        [Fact]
        public void Any_downlink_resets_the_counter_and_stops_the_ack_requests()
        {
            var rig = Rig();
            var seen = Uplinks(rig, 66);
            Assert.True(seen[64].AckReq);
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 2 });
            seen = Uplinks(rig, 2);
            Assert.True(seen[0].AckReq);   // the one that got the answer
            Assert.False(seen[1].AckReq);  // counter back to 0
            Assert.Equal(1, rig.Mac.AdrAckCounter);
        }

        [Fact]
        public void With_adr_off_nothing_backs_off_and_no_ack_is_requested()
        {
            var rig = Rig(adr: false);
            var seen = Uplinks(rig, 140);
            Assert.All(seen, s => Assert.False(s.AckReq));
            Assert.All(seen, s => Assert.Equal(7, s.Sf));
            Assert.All(rig.Gateway.Uplinks, u => Assert.False(u.Data.Adr));
        }
    }
}
