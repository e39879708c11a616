using System.IO;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.Mac;
using Ws52x.LoRaWan.Regions;
using Ws52x.Loop;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>The MAC depends on IRadio only: here it joins and sends through a radio with no SX127x behind it.</summary>
    public class RadioSeamTests
    {
        [Fact]
        public void The_mac_joins_and_sends_through_any_IRadio()
        {
            var clock = new VirtualClock();
            var loop = new EventLoop(clock);
            var radio = new FakeRadio(loop);
            var settings = new Settings();
            settings.LoRaWan.Class = DeviceClass.A;
            var events = new RecordingLinkEvents();
            var mac = new LoRaWanMac(loop, radio, settings, new MemoryStorage(), new SeededRandom(3), new Log(new WriterConsole(new StringWriter()), clock), events);
            var network = new NetworkSession();
            System.Array.Copy(settings.LoRaWan.AppKey, network.AppKey, 16);
            var gateway = new ScriptedGateway(new VirtualAir(loop, 1), KnownRegions.Find("EU868"), network);

            mac.Start();
            Assert.Equal(1, radio.Resets);
            Assert.Same(mac, radio.Events);
            radio.Ready();
            loop.RunFor(5_000_000);

            // A JoinRequest went out on a default channel; the "radio" says it ended now.
            var join = Assert.Single(radio.Sent);
            Assert.Equal(JoinRequest.Length, join.Frame.Length);
            Assert.Contains(join.Frequency, new[] { 868100000, 868300000, 868500000 });
            long txEnd = clock.NowMicros;
            radio.TxDone();

            // RX1 opens JOIN_ACCEPT_DELAY1 minus the margin later, on the uplink's channel and data rate.
            loop.RunFor(4_900_000);
            Assert.Empty(radio.Receives);
            loop.RunFor(200_000);
            var rx1 = Assert.Single(radio.Receives);
            long early = RxWindowTiming.OpenEarlyMicros(5_000_000, radio.WakeupMicros, RxWindowTiming.LoopLatencyMicros);
            Assert.Equal(txEnd + 5_000_000 - early, rx1.Time);
            Assert.Equal(join.Frequency, rx1.Frequency);
            Assert.Equal(join.Sf, rx1.Sf);
            Assert.False(rx1.Continuous);

            // The JoinAccept arrives in RX1.
            ushort nonce = (ushort)(join.Frame[17] | (join.Frame[18] << 8));
            radio.Receive(gateway.AcceptJoin(nonce));
            Assert.True(mac.IsJoined);
            loop.RunFor(1);
            Assert.Equal(1, events.Joined);
            Assert.Single(radio.Receives); // no RX2 after a frame in RX1

            Assert.Equal(SendStatus.Queued, mac.Send(85, new byte[] { 1, 2, 3 }, 0, 3, false, false));
            loop.RunFor(60_000_000);
            Assert.Equal(2, radio.Sent.Count);
            radio.TxDone();
            loop.RunFor(1_000_000);
            Assert.Equal(2, radio.Receives.Count); // RX1 opened
            radio.Timeout();
            loop.RunFor(1_500_000);
            Assert.Equal(3, radio.Receives.Count); // then RX2 on 869.525 MHz SF12
            Assert.Equal(869525000, radio.Receives[2].Frequency);
            Assert.Equal(12, radio.Receives[2].Sf);
            radio.Timeout();
            loop.RunFor(1);
            Assert.Equal((85, UplinkOutcome.Sent), Assert.Single(events.Done));
            Assert.Equal(0, radio.Violations);
        }
    }
}
