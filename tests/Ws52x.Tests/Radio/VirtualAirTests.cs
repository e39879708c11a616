using System;
using System.Collections.Generic;
using Ws52x.Host.Board.Radio;
using Ws52x.Loop;
using Ws52x.Radio;

namespace Ws52x.Tests.Radio
{
    public class VirtualAirTests
    {
        private static readonly byte[] Frame = new byte[20];

        [Theory]
        // Same channel and SF, overlapping: both lost. Another SF or another channel: both heard.
        [InlineData(868_100_000, 7, 868_100_000, 7, 0, 1)]
        [InlineData(868_100_000, 7, 868_100_000, 8, 2, 0)]
        [InlineData(868_100_000, 7, 868_300_000, 7, 2, 0)]
        public void Overlapping_frames_on_the_same_channel_and_SF_collide(int f1, int sf1, int f2, int sf2, int received, int collisions)
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var b = rig.Node("b");
            var gw = new VirtualGateway(rig.Air);
            gw.ListenOnEu868();
            a.Driver.StartTransmit(Frame, 0, Frame.Length, RadioRig.Tx(f1, sf1));
            rig.Loop.RunFor(20_000); // the second starts 20 ms into the first (SF7, 20 bytes: 56.576 ms)
            b.Driver.StartTransmit(Frame, 0, Frame.Length, RadioRig.Tx(f2, sf2));
            rig.Loop.RunFor(1_000_000);
            Assert.Equal(received, gw.Received.Count);
            Assert.Equal(collisions, rig.Air.Collisions);
            // The senders do not know: each gets its TxDone.
            Assert.Single(a.Events.TxDone);
            Assert.Single(b.Events.TxDone);
        }

        [Fact]
        public void Back_to_back_frames_do_not_collide()
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var b = rig.Node("b");
            var gw = new VirtualGateway(rig.Air);
            gw.ListenOn(868_100_000);
            a.Driver.StartTransmit(Frame, 0, Frame.Length, RadioRig.Tx(868_100_000, 7));
            rig.Loop.RunFor(200_000);
            Assert.Single(a.Events.TxDone);
            // b starts exactly when a's frame ended: [start, end) intervals touch but do not overlap.
            var start = new LoopTimer(_ => b.Driver.StartTransmit(Frame, 0, Frame.Length, RadioRig.Tx(868_100_000, 7)));
            a.Driver.StartTransmit(Frame, 0, Frame.Length, RadioRig.Tx(868_100_000, 7));
            rig.Loop.ScheduleAfter(start, 56_576);
            rig.Loop.RunFor(1_000_000);
            Assert.Equal(3, gw.Received.Count);
            Assert.Equal(0, rig.Air.Collisions);
        }

        /// <summary>Sends 200 uplinks with 25% loss and returns the indexes the gateway got.</summary>
        private static List<int> Survivors(int seed)
        {
            var rig = new RadioRig(seed);
            rig.Air.LossProbability = 0.25;
            var dev = rig.Node("dev");
            var gw = new VirtualGateway(rig.Air);
            gw.ListenOn(868_500_000);
            var cfg = RadioRig.Tx(868_500_000, 7);
            var frame = new byte[4];
            for (int i = 0; i < 200; i++)
            {
                frame[0] = (byte)i;
                frame[1] = (byte)(i >> 8);
                dev.Driver.StartTransmit(frame, 0, frame.Length, cfg);
                rig.Loop.RunFor(100_000);
            }

            var got = new List<int>();
            foreach (GatewayFrame f in gw.Received)
            {
                got.Add(f.Payload[0] | (f.Payload[1] << 8));
            }

            Assert.Equal(200, dev.Events.TxDone.Count);
            Assert.Equal(200 - got.Count, rig.Air.Misses);
            return got;
        }

        [Fact]
        public void Loss_is_random_but_the_same_for_the_same_seed()
        {
            List<int> first = Survivors(42);
            List<int> again = Survivors(42);
            List<int> other = Survivors(43);
            Assert.Equal(first, again);
            Assert.NotEqual(first, other);
            // 25% of 200: expect 150 survivors; binomial σ = √(200·0.25·0.75) ≈ 6.1, so 120-180 is ±5σ.
            Assert.InRange(first.Count, 120, 180);
            Assert.InRange(other.Count, 120, 180);
        }

        [Fact]
        public void Link_budget_is_per_pair_and_gateways_hear_only_normal_IQ()
        {
            var rig = new RadioRig();
            var near = rig.Node("near");
            var far = rig.Node("far");
            var gw = new VirtualGateway(rig.Air);
            gw.ListenOn(868_100_000);
            rig.Air.SetLink(near.Model, gw, -60, 40);
            rig.Air.SetLink(far.Model, gw, -125, -48); // −12 dB: heard at SF9 (floor −12.5 dB) only
            far.Driver.StartTransmit(Frame, 0, 4, RadioRig.Tx(868_100_000, 9));
            rig.Loop.RunFor(1_000_000);
            far.Driver.StartTransmit(Frame, 0, 4, RadioRig.Tx(868_100_000, 8));
            rig.Loop.RunFor(1_000_000);
            near.Driver.StartTransmit(Frame, 0, 4, RadioRig.Tx(868_100_000, 7));
            rig.Loop.RunFor(1_000_000);
            near.Driver.StartTransmit(Frame, 0, 4, RadioRig.Tx(868_100_000, 7, invertIq: true));
            rig.Loop.RunFor(1_000_000);
            Assert.Equal(2, gw.Received.Count);
            Assert.Equal((9, -125, -48), (gw.Received[0].SpreadingFactor, gw.Received[0].RssiDbm, gw.Received[0].SnrQuarterDb));
            // +10 dB pinned, read as the air's SNR ceiling of +9.5 dB (LoRa's SNR estimate saturates).
            Assert.Equal((7, -60, 38), (gw.Received[1].SpreadingFactor, gw.Received[1].RssiDbm, gw.Received[1].SnrQuarterDb));
        }

        [Fact]
        public void Demodulation_floor_per_SF()
        {
            // SX1276 datasheet table 13: SF7 −7.5 dB ... SF12 −20 dB, 2.5 dB per step, in quarter dB.
            Assert.Equal(-30, VirtualAir.DemodulationFloorQuarterDb(7));
            Assert.Equal(-80, VirtualAir.DemodulationFloorQuarterDb(12));
        }
    }
}
