using System;
using System.Diagnostics;
using System.IO;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.Host.Board;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.Mac;
using Ws52x.Loop;
using Ws52x.Platform;
using Ws52x.Radio;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// The LoRaWAN MAC on the event loop with a radio that answers at once: per uplink (queue, channel and duty-cycle
    /// choice, build and encrypt, the windows and their timeouts, completion) and per accepted downlink (parse, MIC,
    /// decrypt, a DevStatusReq and its answer, counters to storage, delivery to the application).
    /// </summary>
    public sealed class MacBenchmark : IBenchmark
    {
        public string Name => "mac";

        public void Run(bool quick)
        {
            long count = quick ? 20_000 : 200_000;
            var rig = new Rig();
            var report = new byte[26];

            // Uplinks alone: every window times out.
            var uplink = Measure.Run(() => rig.Uplink(report, null), count);
            Measure.Print(Name, "uplink: 26-byte report, RX1+RX2 time out", uplink.NanosPerOperation, "ns");
            Measure.Print(Name, "allocated per uplink", uplink.BytesPerOperation, "bytes");

            // Each uplink answered in RX1; the downlink's own cost is timed around the radio's RxDone alone.
            rig.DownlinkTicks = 0;
            rig.DownlinkBytes = 0;
            rig.Downlinks = 0;
            var answered = Measure.Run(() => rig.Uplink(report, rig.NextDownlink()), count);
            Measure.Print(Name, "uplink answered in RX1 (whole exchange)", answered.NanosPerOperation, "ns");
            Measure.Print(Name, "accepted downlink (DevStatusReq + 3 bytes)", rig.DownlinkTicks * 1e9 / Stopwatch.Frequency / rig.Downlinks, "ns");
            Measure.Print(Name, "allocated per accepted downlink", (double)rig.DownlinkBytes / rig.Downlinks, "bytes");
        }

        /// <summary>A MAC (ABP, US915 sub-band 2, DR3, Class A) on a virtual clock with a radio that reports at once.</summary>
        private sealed class Rig : IRadio
        {
            private readonly VirtualClock _clock = new VirtualClock();
            private readonly EventLoop _loop;
            private readonly LoRaWanMac _mac;
            private readonly RadioPacketInfo _info = new RadioPacketInfo { SnrQuarterDb = 20 };
            private readonly FrameBuilder _builder = new FrameBuilder();
            private readonly byte[][] _downlinks = new byte[4096][];
            private readonly Settings _settings = new Settings();
            private uint _fcntDown;
            private int _next;
            private bool _transmitted;
            private bool _listening;

            public Rig()
            {
                _loop = new EventLoop(_clock);
                var s = _settings.LoRaWan;
                s.Region = "US915";
                s.Channels = "8-15,65";
                s.JoinType = JoinType.Abp;
                s.Class = DeviceClass.A;
                s.DataRate = 3;
                s.Adr = false; // unanswered uplinks would otherwise back off to DR0, where a report does not fit
                s.DevAddr = 0x26011BDA;
                _mac = new LoRaWanMac(_loop, this, _settings, new SlotStorage(LoRaWanMac.AllStorageKeys), new SeededRandom(1), new Log(new NullConsole(), _clock), new NullEvents())
                {
                    LogFrames = false,
                };
                _mac.Start();
                _mac.OnRadioReady(0);
                _loop.RunFor(1_000_000);
            }

            public long DownlinkTicks;
            public long DownlinkBytes;
            public int Downlinks;

            public RadioState State => RadioState.Idle;

            public string LastFault => null;

            public int MinPowerDbm => 2;

            public int MaxPowerDbm => 20;

            public int MaxSymbolTimeout => 1023;

            public long WakeupMicros => 2000;

            /// <summary>The next downlink of the session: prebuilt in batches, so building is not measured.</summary>
            public byte[] NextDownlink()
            {
                if (_next % _downlinks.Length == 0)
                {
                    var s = _settings.LoRaWan;
                    for (int i = 0; i < _downlinks.Length; i++)
                    {
                        var f = new byte[32];
                        int n = _builder.BuildData(MType.UnconfirmedDataDown, s.DevAddr, s.NwkSKey, s.AppSKey, _fcntDown++, 0, new byte[] { 0x06 }, 0, 1, 85,
                            new byte[] { 0x08, 0xff, 0x01 }, 0, 3, f, 0);
                        _downlinks[i] = f.AsSpan(0, n).ToArray();
                    }
                }

                return _downlinks[_next++ % _downlinks.Length];
            }

            /// <summary>One report through the MAC: queued, sent, its windows opened, answered by <paramref name="downlink"/> or not.</summary>
            public void Uplink(byte[] report, byte[] downlink)
            {
                _mac.Send(85, report, 0, report.Length, false, false);
                for (int guard = 0; guard < 8; guard++)
                {
                    _transmitted = false;
                    _listening = false;
                    _loop.RunFor(60_000_000);
                    if (!_transmitted)
                    {
                        return;
                    }

                    _mac.OnTxDone(_clock.NowMicros);
                    _loop.RunFor(1_100_000);
                    if (downlink != null && _listening)
                    {
                        long bytes = GC.GetAllocatedBytesForCurrentThread();
                        long t = Stopwatch.GetTimestamp();
                        _mac.OnRxDone(downlink, downlink.Length, _info);
                        DownlinkTicks += Stopwatch.GetTimestamp() - t;
                        DownlinkBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
                        Downlinks++;
                        downlink = null;
                        continue; // the DevStatusAns goes up at once
                    }

                    _mac.OnRxTimeout(_clock.NowMicros);
                    _loop.RunFor(1_100_000);
                    _mac.OnRxTimeout(_clock.NowMicros);
                }
            }

            public void SetEvents(IRadioEvents events) { }

            public bool IsFrequencySupported(int frequencyHz) => true;

            public void Reset() { }

            public void StartTransmit(byte[] buffer, int offset, int count, RadioTxConfig config)
            {
                _transmitted = true;
                _loop.Stop();
            }

            public void StartReceiveSingle(RadioRxConfig config, int symbolTimeout)
            {
                _listening = true;
                _loop.Stop();
            }

            public void StartReceiveContinuous(RadioRxConfig config) { }

            public void Sleep() { }
        }

        private sealed class NullConsole : ITextConsole
        {
            public void WriteLine(string line) { }

            public void WriteLine(char[] line, int length) { }

            public void SetLineSink(ILineSink sink) { }
        }

        private sealed class NullEvents : ILoRaWanEvents
        {
            public void OnJoinRequestSent(int attempt) { }
            public void OnJoined() { }
            public void OnUplinkDone(int port, UplinkOutcome outcome) { }
            public void OnDownlink(int port, byte[] payload, int offset, int length, bool multicast) { }
            public void OnLinkLost() { }
        }
    }
}
