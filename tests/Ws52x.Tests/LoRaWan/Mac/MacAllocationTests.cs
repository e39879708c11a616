using System;
using System.Collections.Generic;
using System.IO;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.Mac;
using Ws52x.Loop;
using Ws52x.Radio;
using Ws52x.Radio.Sx127x;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>
    /// Steady state allocates nothing: uplinks (queue, build, encrypt, the SX127x driver, duty cycle, windows) and
    /// accepted downlinks (parse, MIC, decrypt, MAC commands and their answers, counters to storage), measured end to
    /// end on the register model and the virtual air, with a second SX127x as the network.
    /// </summary>
    [Collection(Ws52x.Tests.Config.HeapMeasurements.Name)]
    public class MacAllocationTests
    {
        /// <summary>Counts what the MAC reports, keeping nothing.</summary>
        public sealed class CountingLinkEvents : ILoRaWanEvents
        {
            public int Done;
            public int Downlinks;
            public int Failed;

            public void OnJoinRequestSent(int attempt) { }
            public void OnJoined() { }
            public void OnUplinkDone(int port, UplinkOutcome outcome) { Done++; Failed += outcome == UplinkOutcome.Failed ? 1 : 0; }
            public void OnDownlink(int port, byte[] payload, int offset, int length, bool multicast) => Downlinks++;
            public void OnLinkLost() { }
        }

        /// <summary>
        /// The network as a second SX127x: listens for uplinks on 868.1 MHz SF7, answers each one second after its end
        /// (RX1) with the next prebuilt downlink. Preallocated, so it adds nothing to the measurement.
        /// </summary>
        public sealed class NetworkRadio : IRadioEvents
        {
            private readonly EventLoop _loop;
            private readonly Sx127x _driver;
            private readonly byte[][] _frames;
            private readonly LoopTimer _answer;
            private readonly RadioRxConfig _rx = new RadioRxConfig { FrequencyHz = 868100000, SpreadingFactor = 7 };
            private readonly RadioTxConfig _tx = new RadioTxConfig { FrequencyHz = 868100000, SpreadingFactor = 7, InvertIq = true, CrcOn = false };

            public NetworkRadio(EventLoop loop, VirtualAir air, byte[][] frames)
            {
                _loop = loop;
                _frames = frames;
                var model = new Sx127xModel(loop, air, "network");
                _driver = new Sx127x(loop, model, model.Reset, model.Dio0, model.Dio1, this);
                _answer = new LoopTimer(OnAnswer);
                _driver.Reset();
            }

            public int Sent;

            public void OnRadioReady(long timestampMicros) => _driver.StartReceiveContinuous(_rx);

            public void OnRadioFault(string message) => throw new InvalidOperationException(message);

            public void OnTxDone(long timestampMicros) => _driver.StartReceiveContinuous(_rx);

            public void OnRxDone(byte[] buffer, int count, RadioPacketInfo info) => _loop.Schedule(_answer, info.TimestampMicros + 1_000_000);

            public void OnRxTimeout(long timestampMicros) { }

            public void OnRxError(RadioPacketInfo info) { }

            private void OnAnswer(LoopTimer timer)
            {
                byte[] f = _frames[Sent++ % _frames.Length];
                _driver.StartTransmit(f, 0, f.Length, _tx);
            }
        }

        [Fact]
        public void Uplinks_and_accepted_downlinks_allocate_nothing_in_steady_state()
        {
            var clock = new VirtualClock();
            var loop = new EventLoop(clock);
            var air = new VirtualAir(loop, 5);
            var model = new Sx127xModel(loop, air, "device");
            var radio = new Sx127x(loop, model, model.Reset, model.Dio0, model.Dio1, null);
            var settings = new Settings();
            var s = settings.LoRaWan;
            s.JoinType = JoinType.Abp;
            s.Class = DeviceClass.A;
            s.DataRate = 5;
            s.Channels = "0";
            s.DevAddr = 0x26011BDA;
            var storage = new Ws52x.Benchmarks.SlotStorage(LoRaWanMac.AllStorageKeys);
            var events = new CountingLinkEvents();
            var mac = new LoRaWanMac(loop, radio, settings, storage, new SeededRandom(1), new Log(new WriterConsole(TextWriter.Null), clock), events)
            {
                LogFrames = false,
            };

            // Downlinks with increasing counters: even ones carry a DevStatusReq (its answer rides the next uplink) and
            // an application payload, odd ones the payload only. Enough for 100 warm-up iterations, then rounds of 100
            // until a settled one (the helper's warm-up round and at most MaxRounds measured).
            const int RoundIterations = 100;
            var builder = new FrameBuilder();
            var frames = new byte[2 * (100 + (SteadyStateAllocation.MaxRounds + 1) * RoundIterations)][];
            for (int i = 0; i < frames.Length; i++)
            {
                var f = new byte[64];
                byte[] fopts = i % 2 == 0 ? new byte[] { 0x06 } : Array.Empty<byte>();
                int n = builder.BuildData(MType.UnconfirmedDataDown, s.DevAddr, s.NwkSKey, s.AppSKey, (uint)i, 0, fopts, 0, fopts.Length, 85,
                    new byte[] { 0x08, 0xff, (byte)i }, 0, 3, f, 0);
                frames[i] = f.AsSpan(0, n).ToArray();
            }

            var network = new NetworkRadio(loop, air, frames);
            mac.Start();
            loop.RunFor(1_000_000);
            var report = new byte[26];

            void Iteration(int i)
            {
                report[0] = (byte)i;
                mac.Send(85, report, 0, report.Length, false, false);
                loop.RunFor(20_000_000);
            }

            for (int i = 0; i < 100; i++)
            {
                Iteration(i);
            }

            int doneBefore = events.Done;
            int downBefore = events.Downlinks;
            int transmissions = mac.Statistics.Transmissions;
            int writes = storage.Writes;
            int rounds = SteadyStateAllocation.AssertNothingAllocated(() =>
            {
                for (int i = 0; i < RoundIterations; i++)
                {
                    Iteration(i);
                }
            });

            int iterations = rounds * RoundIterations;
            Assert.Equal(iterations, events.Done - doneBefore);
            Assert.Equal(0, events.Failed);
            Assert.Equal(2 * iterations, events.Downlinks - downBefore);          // every uplink answered and accepted
            Assert.Equal(2 * iterations, mac.Statistics.Transmissions - transmissions); // report + the DevStatusAns frame
            Assert.Equal(0, mac.Statistics.DownlinksRejected);
            Assert.True(storage.Writes - writes > iterations, "counters were not written: " + (storage.Writes - writes));
        }
    }
}
