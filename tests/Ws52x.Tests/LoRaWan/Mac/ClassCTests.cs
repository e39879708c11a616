using System.Linq;
using Ws52x.Config;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.Mac;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>Class C: RX2 open whenever the radio is not sending or in RX1, multicast groups on it.</summary>
    public class ClassCTests
    {
        private static MacRig Rig(DeviceClass cls = DeviceClass.C, bool multicast = false, int rx2Dr = -1)
        {
            var rig = new MacRig(configure: s =>
            {
                s.LoRaWan.Rx2DataRate = rx2Dr;
                s.LoRaWan.JoinType = JoinType.Abp;
                s.LoRaWan.Class = cls;
                s.LoRaWan.Multicast[0].Enabled = multicast;
                s.LoRaWan.Multicast[0].Address = 0x11111111;
                s.LoRaWan.Multicast[1].Enabled = multicast;
                s.LoRaWan.Multicast[1].Address = 0x22222222;
            });
            rig.Network.Rx2Dr = rx2Dr;
            rig.Start();
            rig.Run(1);
            return rig;
        }

        [Theory]
        // When the downlink starts relative to the end of the uplink, on RX2 parameters (SF7 here, so that a frame is
        // over before RX1 takes the radio):
        [InlineData(0)]            // right after the uplink: RX2 must be open as soon as TX ends
        [InlineData(1_100_000)]    // after RX1 closed, before the RX2 window: RX2 re-opened after RX1
        [InlineData(2_000_000)]    // RX2's Class A time
        [InlineData(30_000_000)]   // long after: idle Class C
        public void Rx2_is_open_after_the_uplink_after_rx1_and_in_between(long offset)
        {
            var rig = Rig(rx2Dr: 5);
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 2, ShiftMicros = offset - 2_000_000, Port = 85, Payload = new byte[] { 0x08, 0xff, 0x00 } });
            rig.Send(new byte[] { 1, 2, 3 });
            rig.Run(40);
            Assert.Single(rig.Gateway.Uplinks);
            var d = Assert.Single(rig.Events.Downlinks);
            Assert.Equal(85, d.Port);
            Assert.False(d.Multicast);
        }

        [Theory]
        [InlineData(2_000_000)]   // in the RX2 window
        [InlineData(2_600_000)]   // after it, before the resend
        public void A_class_C_ack_outside_the_windows_completes_a_confirmed_uplink(long offset)
        {
            var rig = Rig(rx2Dr: 5);
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 2, ShiftMicros = offset - 2_000_000, Ack = true });
            rig.Send(new byte[] { 1 }, confirmed: true);
            rig.RunUntilDone(1, 60);
            Assert.Equal((85, UplinkOutcome.Acknowledged), rig.Events.Done.Single());
            Assert.Single(rig.Gateway.Uplinks);
        }

        [Fact]
        public void Rx2_is_open_right_after_the_join()
        {
            var rig = new MacRig(configure: s => s.LoRaWan.Class = DeviceClass.C).Start();
            Assert.True(rig.RunUntilJoined(60), rig.Output.ToString());
            rig.Run(0.2);
            byte[] frame = rig.Gateway.Build(new ScriptedDownlink { Port = 85, Payload = new byte[] { 0x42 } });
            rig.Gateway.Radio.Transmit(rig.Clock.NowMicros + 300_000, rig.Gateway.Channel(869525000, 0), frame, frame.Length);
            rig.Run(5);
            Assert.Equal(new byte[] { 0x42 }, Assert.Single(rig.Events.Downlinks).Payload);
        }

        [Theory]
        [InlineData(0)]         // right after the resend
        [InlineData(1_100_000)] // after the resend's RX1
        public void Rx2_reopens_after_a_confirmed_resend(long offset)
        {
            var rig = Rig(rx2Dr: 5);
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, Ack = true, BadMic = true }); // the first ACK is lost
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 2, ShiftMicros = offset - 2_000_000, Ack = true });
            rig.Send(new byte[] { 1 }, confirmed: true);
            rig.RunUntilDone(1, 60);
            Assert.Equal(2, rig.Gateway.Uplinks.Count);
            Assert.Equal((85, UplinkOutcome.Acknowledged), rig.Events.Done.Single());
        }

        [Fact]
        public void FPending_asks_a_class_A_device_for_an_uplink_but_not_a_class_C_one_which_listens_anyway()
        {
            var a = Rig(DeviceClass.A);
            a.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, FPending = true, Port = 85, Payload = new byte[] { 1 } });
            a.Send(new byte[] { 1 });
            a.Run(60); // the band's 1 % duty cycle spaces the two
            Assert.Equal(2, a.Gateway.Uplinks.Count); // the second, empty, opens windows for what waits
            Assert.Equal(-1, a.Gateway.Uplinks[1].Data.FPort);

            // Class C: an uplink now would only cover the next downlink, which the network sends at once.
            var c = Rig();
            c.Gateway.SendNow(c.Gateway.Build(new ScriptedDownlink { FPending = true, Port = 85, Payload = new byte[] { 1 } }));
            c.Run(30);
            Assert.Single(c.Events.Downlinks);
            Assert.Empty(c.Gateway.Uplinks);
        }

        [Fact]
        public void A_class_A_device_hears_nothing_between_its_windows()
        {
            var rig = Rig(DeviceClass.A);
            rig.Send(new byte[] { 1 });
            rig.Run(1.0);
            var up = Assert.Single(rig.Gateway.Uplinks);
            byte[] frame = rig.Gateway.Build(new ScriptedDownlink { Port = 85, Payload = new byte[] { 1 } });
            rig.Gateway.Radio.Transmit(up.Frame.EndMicros + 10_000_000, rig.Gateway.Channel(869525000, 0), frame, frame.Length);
            rig.Run(40);
            Assert.Empty(rig.Events.Downlinks);
        }

        [Fact]
        public void Rx2_reopens_after_every_uplink_over_many_uplinks()
        {
            var rig = Rig();
            for (int i = 0; i < 5; i++)
            {
                rig.Send(new byte[] { (byte)i });
                rig.RunUntilDone(i + 1, 120);
                var up = rig.Gateway.Uplinks[^1];
                byte[] frame = rig.Gateway.Build(new ScriptedDownlink { Port = 85, Payload = new byte[] { (byte)(0x40 + i) } });
                rig.Gateway.Radio.Transmit(rig.Clock.NowMicros + 500_000, rig.Gateway.Channel(869525000, 0), frame, frame.Length);
                rig.Run(5);
            }

            Assert.Equal(5, rig.Events.Downlinks.Count);
            Assert.Equal(new byte[] { 0x40, 0x41, 0x42, 0x43, 0x44 }, rig.Events.Downlinks.Select(d => d.Payload[0]).ToArray());
        }

        [Fact]
        public void Multicast_groups_are_heard_on_the_application_port_with_their_own_counters()
        {
            var rig = Rig(multicast: true);
            var s = rig.Settings.LoRaWan;
            byte[] g1 = rig.Gateway.BuildFor(0x11111111, s.Multicast[0].McNetSKey, s.Multicast[0].McAppSKey, 5, 85, new byte[] { 0x08, 0xff, 0x01 });
            byte[] g2 = rig.Gateway.BuildFor(0x22222222, s.Multicast[1].McNetSKey, s.Multicast[1].McAppSKey, 0, 85, new byte[] { 0x08, 0xff, 0x00 });
            rig.Gateway.SendNow(g1);
            rig.Run(3);
            rig.Gateway.SendNow(g2);
            rig.Run(3);
            rig.Gateway.SendNow(g1); // replay of group 1's FCnt 5
            rig.Run(3);

            Assert.Equal(2, rig.Events.Downlinks.Count);
            Assert.All(rig.Events.Downlinks, d => Assert.True(d.Multicast));
            Assert.Equal(2, rig.Mac.Statistics.MulticastAccepted);
            Assert.Equal(1, rig.Mac.Statistics.Rejected(FrameError.Replay));
            Assert.Equal(0u, rig.Mac.FCntDown); // the unicast counter is untouched
        }

        [Theory]
        // When the group's frame starts relative to the nominal start of the uplink's RX2 window (SF7 on RX2, 869.525 MHz):
        [InlineData(-30_000)] // it ends inside the window, which a Class C device holds open on the same channel
        [InlineData(0)]       // it ends after the window
        [InlineData(500_000)] // long after
        public void Multicast_is_heard_in_and_around_the_rx2_window_of_an_uplink(long shift)
        {
            var rig = Rig(multicast: true, rx2Dr: 5);
            var s = rig.Settings.LoRaWan;
            byte[] g1 = rig.Gateway.BuildFor(0x11111111, s.Multicast[0].McNetSKey, s.Multicast[0].McAppSKey, 1, 85, new byte[] { 0x08, 0xff, 0x01 });
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 2, ShiftMicros = shift, Raw = g1 });
            rig.Send(new byte[] { 1 });
            rig.Run(20);
            var d = Assert.Single(rig.Events.Downlinks);
            Assert.True(d.Multicast);
            Assert.Equal(new byte[] { 0x08, 0xff, 0x01 }, d.Payload);
            Assert.Equal(0, rig.Mac.Statistics.Rejected(FrameError.WrongDevAddr));
        }

        [Fact]
        public void Multicast_refuses_other_ports_confirmed_frames_wrong_keys_and_disabled_groups()
        {
            var rig = Rig(multicast: true);
            var s = rig.Settings.LoRaWan;
            rig.Gateway.SendNow(rig.Gateway.BuildFor(0x11111111, s.Multicast[0].McNetSKey, s.Multicast[0].McAppSKey, 1, 86, new byte[] { 1 }));
            rig.Run(3);
            rig.Gateway.SendNow(rig.Gateway.BuildFor(0x11111111, s.Multicast[0].McNetSKey, s.Multicast[0].McAppSKey, 2, 85, new byte[] { 1 }, confirmed: true));
            rig.Run(3);
            rig.Gateway.SendNow(rig.Gateway.BuildFor(0x11111111, s.Multicast[1].McNetSKey, s.Multicast[1].McAppSKey, 3, 85, new byte[] { 1 }));
            rig.Run(3);
            rig.Gateway.SendNow(rig.Gateway.BuildFor(0x33333333, s.Multicast[2].McNetSKey, s.Multicast[2].McAppSKey, 3, 85, new byte[] { 1 }));
            rig.Run(3);

            Assert.Empty(rig.Events.Downlinks);
            Assert.Equal(2, rig.Mac.Statistics.Rejected(FrameError.BadMulticast));
            Assert.Equal(1, rig.Mac.Statistics.Rejected(FrameError.BadMic));
            Assert.Equal(1, rig.Mac.Statistics.Rejected(FrameError.WrongDevAddr));

            // The refused frames did not move group 1's counter: FCnt 1 on port 85 still goes through.
            rig.Gateway.SendNow(rig.Gateway.BuildFor(0x11111111, s.Multicast[0].McNetSKey, s.Multicast[0].McAppSKey, 1, 85, new byte[] { 7 }));
            rig.Run(3);
            Assert.Equal(new byte[] { 7 }, Assert.Single(rig.Events.Downlinks).Payload);
        }

        [Fact]
        public void A_class_A_device_does_not_hear_multicast()
        {
            var rig = Rig(DeviceClass.A, multicast: true);
            var s = rig.Settings.LoRaWan;
            rig.Gateway.SendNow(rig.Gateway.BuildFor(0x11111111, s.Multicast[0].McNetSKey, s.Multicast[0].McAppSKey, 1, 85, new byte[] { 1 }));
            rig.Run(3);
            Assert.Empty(rig.Events.Downlinks);
        }
    }
}
