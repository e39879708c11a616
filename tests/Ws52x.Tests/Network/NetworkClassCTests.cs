using System.Linq;
using Ws52x.Config;
using Ws52x.Host.Network;
using Ws52x.LoRaWan.Frames;
using Ws52x.Radio;

namespace Ws52x.Tests.Network
{
    /// <summary>Class C downlinks and multicast groups: sent at once on RX2 parameters, to a device listening there.</summary>
    public class NetworkClassCTests
    {
        private static long Sf12Airtime(int bytes) => LoRaAirtime.TimeOnAirMicros(12, 125_000, LoRaCodingRate.Cr4_5, 8, bytes, true, false, LdroMode.Auto);

        [Fact]
        public void A_Class_C_downlink_goes_out_at_once_on_RX2_and_waits_while_the_device_is_in_its_Class_A_windows()
        {
            var rig = new NetworkRig(options: new NetworkServerOptions { DevStatusIntervalMicros = 0, Adr = false });
            NetworkDevice device = rig.RegisterAbp(c: DeviceClass.C);
            long end = rig.Send(rig.Uplink(85, NetworkRig.Report()), 868_100_000, 5);
            rig.Loop.RunFor(10_000_000);
            rig.ListenContinuously(869_525_000, 0);

            long asked = rig.Loop.NowMicros;
            rig.Server.EnqueueDownlink(device, 85, new byte[] { 0x08, 0xff });
            rig.Loop.RunFor(2_000_000);
            byte[] frame = Assert.Single(rig.Device.Events.Packets);
            DataFrame down = rig.Read(frame);
            Assert.Equal(new byte[] { 0x08, 0xff }, down.Payload.Take(down.PayloadLength));
            // Handed to the gateway at once: on air after its 100 ms lead.
            Assert.Equal(asked + 100_000 + Sf12Airtime(frame.Length), rig.Device.Events.Infos[0].Time);
            Assert.Equal(1, rig.Server.Counters.DownlinksClassC);

            // Asked right after an uplink: it waits for the end of that uplink's RX2 (+ 0.5 s), then goes.
            end = rig.Send(rig.Uplink(85, NetworkRig.Report()), 868_100_000, 5);
            rig.ListenContinuously(869_525_000, 0);
            rig.Loop.RunFor(300_000);
            rig.Server.EnqueueDownlink(device, 85, new byte[] { 0x01 });
            rig.Server.EnqueueDownlink(device, 85, new byte[] { 0x02 });
            rig.Loop.RunFor(8_000_000);
            Assert.Equal(3, rig.Device.Events.Packets.Count);
            long second = rig.Device.Events.Infos[1].Time;
            Assert.Equal(end + 2_500_000 + Sf12Airtime(rig.Device.Events.Packets[1].Length), second);
            DataFrame first = rig.Read(rig.Device.Events.Packets[1]);
            Assert.True(first.FPending);
            Assert.False(rig.Read(rig.Device.Events.Packets[2]).FPending);
            Assert.True(rig.Device.Events.Infos[2].Time > second); // one at a time
        }

        [Fact]
        public void A_Class_C_downlink_waits_for_the_windows_of_a_repeated_uplink_too()
        {
            var rig = new NetworkRig(options: new NetworkServerOptions { DevStatusIntervalMicros = 0, Adr = false });
            NetworkDevice device = rig.RegisterAbp(c: DeviceClass.C);
            byte[] up = rig.Uplink(85, NetworkRig.Report());
            rig.Send(up, 868_100_000, 5);
            rig.Loop.RunFor(10_000_000);

            // An NbTrans repetition (same bytes) opens RX1 and RX2 again: a downlink asked then must not fall into them.
            long end = rig.Send(up, 868_300_000, 5);
            rig.ListenContinuously(869_525_000, 0);
            rig.Loop.RunFor(300_000);
            rig.Server.EnqueueDownlink(device, 85, new byte[] { 0x01 });
            rig.Loop.RunFor(8_000_000);
            Assert.Equal(1, rig.Server.Counters.Retransmissions);
            byte[] frame = Assert.Single(rig.Device.Events.Packets);
            Assert.Equal(end + 2_500_000 + Sf12Airtime(frame.Length), rig.Device.Events.Infos[0].Time);
        }

        [Fact]
        public void After_a_confirmed_Class_C_downlink_the_next_waits_for_the_ACK_at_most_the_Class_C_timeout()
        {
            var rig = new NetworkRig(options: new NetworkServerOptions { DevStatusIntervalMicros = 0, Adr = false });
            NetworkDevice device = rig.RegisterAbp(c: DeviceClass.C);
            rig.Send(rig.Uplink(85, NetworkRig.Report()), 868_100_000, 5);
            rig.Loop.RunFor(10_000_000);
            rig.ListenContinuously(869_525_000, 0);
            long asked = rig.Loop.NowMicros;
            rig.Server.EnqueueDownlink(device, 85, new byte[] { 0x01 }, confirmed: true);
            rig.Server.EnqueueDownlink(device, 85, new byte[] { 0x02 });
            rig.Loop.RunFor(20_000_000);

            // No ACK comes (this device never sends one): the second goes once the timeout after the first is over.
            Assert.Equal(2, rig.Device.Events.Packets.Count);
            long first = rig.Device.Events.Infos[0].Time;
            Assert.Equal(asked + 100_000 + Sf12Airtime(rig.Device.Events.Packets[0].Length), first);
            Assert.Equal(first + new NetworkServerOptions().ClassCAckTimeoutMicros + Sf12Airtime(rig.Device.Events.Packets[1].Length),
                rig.Device.Events.Infos[1].Time);
        }

        [Fact]
        public void A_Class_C_downlink_queued_during_a_join_waits_for_the_JoinAccept_windows()
        {
            var rig = new NetworkRig(options: new NetworkServerOptions { DevStatusIntervalMicros = 0, Adr = false });
            NetworkDevice device = rig.RegisterOtaa(DeviceClass.C);
            rig.Server.EnqueueDownlink(device, 85, new byte[] { 0x08, 0xff }); // no session yet: it waits
            long end = rig.Send(rig.JoinRequest(5), 868_100_000, 5);
            Heard accept = rig.Listen(end + NetworkServer.JoinAcceptDelay1Micros, 868_100_000, 5);
            var join = new JoinAccept();
            Assert.Equal(FrameError.None, join.Accept(new Ws52x.LoRaWan.Crypto.LoRaWanCrypto(), NetworkRig.AppKey, accept.Frame, 0, accept.Frame.Length));
            join.StartSession(new Ws52x.LoRaWan.Crypto.LoRaWanCrypto(), NetworkRig.AppKey, 5, rig.Session);
            rig.ListenContinuously(869_525_000, 0);
            rig.Loop.RunFor(5_000_000);

            byte[] frame = Assert.Single(rig.Device.Events.Packets.Skip(1));
            Assert.Equal(new byte[] { 0x08, 0xff }, rig.Read(frame).Payload.Take(2));
            // After the JoinAccept's RX2 (6 s) and the 0.5 s guard.
            Assert.Equal(end + 6_500_000 + Sf12Airtime(frame.Length), rig.Device.Events.Infos[^1].Time);
        }

        [Fact]
        public void A_multicast_group_gets_unconfirmed_downlinks_with_its_own_counter_and_keys()
        {
            var rig = new NetworkRig(options: new NetworkServerOptions { DevStatusIntervalMicros = 0 });
            var settings = new LoRaWanSettings();
            MulticastGroupSettings group1 = settings.Multicast[0];
            MulticastGroup group = rig.Server.AddMulticastGroup(0x11111111, group1.McNetSKey, group1.McAppSKey);
            rig.ListenContinuously(869_525_000, 0);
            Assert.True(rig.Server.SendMulticast(group, 85, new byte[] { 0x08, 0x00 }));
            rig.Loop.RunFor(3_000_000);
            Assert.True(rig.Server.SendMulticast(group, 85, new byte[] { 0x08, 0xff }));
            rig.Loop.RunFor(3_000_000);

            var session = new Session { IsMulticast = true };
            session.SetKeys(0x11111111, group1.McNetSKey, group1.McAppSKey);
            Assert.Equal(2, rig.Device.Events.Packets.Count);
            DataFrame a = rig.Read(rig.Device.Events.Packets[0], session);
            DataFrame b = rig.Read(rig.Device.Events.Packets[1], session);
            Assert.Equal((MType.UnconfirmedDataDown, 0, 85), (a.Type, a.FCnt16, a.FPort));
            Assert.Equal(1, b.FCnt16);
            Assert.Equal(new byte[] { 0x08, 0xff }, b.Payload.Take(b.PayloadLength));
            Assert.Equal((2u, 2), (group.FCnt, rig.Server.Counters.DownlinksMulticast));

            // Longer than RX2's DR0 carries: refused, counted, nothing sent.
            Assert.False(rig.Server.SendMulticast(group, 85, new byte[52]));
            Assert.Equal(1, rig.Server.Counters.Rejected(RejectReason.DownlinkTooLong));
            Assert.Equal(2, rig.Gateway.DownlinksSent);
        }
    }
}
