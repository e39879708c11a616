using System;
using System.Collections.Generic;
using System.IO;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.Mac;
using Ws52x.LoRaWan.Regions;
using Ws52x.Loop;
using Ws52x.Radio;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>
    /// Random and mutated downlinks through the whole MAC (Class A and C, EU868 and US915) on a fake radio.
    /// 20 000 frames by default; set WS52X_FUZZ=1000000 for the long run. Invariants checked after every frame:
    /// <list type="number">
    /// <item>no exception leaves the MAC (the loop has no fault handler: one would fail the test);</item>
    /// <item>FCntUp and FCntDown never go back;</item>
    /// <item>a refused frame changes neither FCntDown nor any radio parameter nor the channels;</item>
    /// <item>the data rate is one the region allows for uplinks and some enabled channel carries; at least one
    /// channel is enabled; power, NbTrans, RX1 offset, RX2 data rate and frequency, RX delay are within the region's
    /// ranges;</item>
    /// <item>the radio is never told to transmit while it transmits or listens in a single window;</item>
    /// <item>the MAC keeps working: after the storm, an uplink still completes.</item>
    /// </list>
    /// </summary>
    public class FuzzTests
    {
        private static int Count
        {
            get
            {
                string env = Environment.GetEnvironmentVariable("WS52X_FUZZ");
                return int.TryParse(env, out int n) && n > 0 ? n : 20_000;
            }
        }

        [Theory]
        [InlineData("EU868", DeviceClass.A, 1)]
        [InlineData("EU868", DeviceClass.C, 2)]
        [InlineData("US915", DeviceClass.A, 3)]
        [InlineData("US915", DeviceClass.C, 4)]
        public void Random_and_mutated_downlinks_never_break_the_mac(string region, DeviceClass cls, int seed)
        {
            new Harness(region, cls, seed).Run(Count / 4);
        }

        private sealed class Harness
        {
            private readonly Random _r;
            private readonly VirtualClock _clock = new VirtualClock();
            private readonly EventLoop _loop;
            private readonly FakeRadio _radio;
            private readonly LoRaWanMac _mac;
            private readonly Settings _settings = new Settings();
            private readonly ScriptedGateway _gateway;
            private readonly NetworkSession _network = new NetworkSession();
            private readonly RecordingLinkEvents _events = new RecordingLinkEvents();
            private readonly List<byte[]> _good = new List<byte[]>();
            private readonly Region _region;
            private uint _lastUp;
            private uint _lastDown;

            public Harness(string region, DeviceClass cls, int seed)
            {
                _r = new Random(seed);
                _loop = new EventLoop(_clock);
                _radio = new FakeRadio(_loop);
                _region = KnownRegions.Find(region);
                _settings.LoRaWan.Region = region;
                _settings.LoRaWan.JoinType = JoinType.Abp;
                _settings.LoRaWan.Class = cls;
                _settings.LoRaWan.DevAddr = 0x26011BDA;
                _settings.LoRaWan.Multicast[0].Enabled = true;
                _settings.LoRaWan.Multicast[0].Address = 0x11111111;
                _mac = new LoRaWanMac(_loop, _radio, _settings, new MemoryStorage(), new SeededRandom(seed), new Log(new WriterConsole(TextWriter.Null), _clock), _events)
                {
                    LogFrames = false,
                };
                _network.DevAddr = 0x26011BDA;
                Array.Copy(_settings.LoRaWan.NwkSKey, _network.NwkSKey, 16);
                Array.Copy(_settings.LoRaWan.AppSKey, _network.AppSKey, 16);
                _network.Joined = true;
                _gateway = new ScriptedGateway(new VirtualAir(_loop, 1), _region, _network);
                _mac.Start();
                _radio.Ready();
                _radio.StopLoopOnStart = true;
            }

            public void Run(int frames)
            {
                int delivered = 0;
                int guard = 0;
                while (delivered < frames && guard++ < frames * 50)
                {
                    if (_mac.QueuedUplinks == 0 && _mac.IsJoined)
                    {
                        var payload = new byte[1 + _r.Next(10)];
                        _r.NextBytes(payload);
                        _mac.Send(1 + _r.Next(223), payload, 0, payload.Length, _r.Next(4) == 0, _r.Next(8) == 0);
                    }

                    // Until the MAC asks the radio something (or a while, when it waits for a duty cycle or a timer).
                    _loop.RunFor(_radio.State == RadioState.ReceivingContinuous ? 1 + _r.Next(3_000_000) : 4L * 3600 * 1000000);
                    switch (_radio.State)
                    {
                        case RadioState.Transmitting:
                            _radio.TxDone();
                            break;
                        case RadioState.ReceivingSingle:
                        case RadioState.ReceivingContinuous:
                            if (_radio.State == RadioState.ReceivingSingle && _r.Next(3) == 0)
                            {
                                _radio.Timeout();
                            }
                            else
                            {
                                Deliver(Frame());
                                delivered++;
                            }

                            break;
                    }

                    CheckInvariants();
                }

                Assert.Equal(frames, delivered);
                Assert.Equal(0, _radio.Violations);
                Assert.True(_mac.Statistics.DownlinksRejected > frames / 4);
                Assert.True(_mac.Statistics.DownlinksAccepted > 0);

                // Still alive: a quiet radio now, and one more uplink completes.
                int done = _events.Done.Count;
                _mac.Send(85, new byte[] { 1 }, 0, 1, false, false);
                for (int i = 0; i < 2000 && _events.Done.Count == done; i++)
                {
                    _loop.RunFor(4L * 3600 * 1000000);
                    if (_radio.State == RadioState.Transmitting)
                    {
                        _radio.TxDone();
                    }
                    else if (_radio.State == RadioState.ReceivingSingle)
                    {
                        _radio.Timeout();
                    }
                }

                Assert.True(_events.Done.Count > done, "the MAC stopped sending after the fuzz (state " + _mac.State + ")");
            }

            private void Deliver(byte[] frame)
            {
                uint down = _mac.FCntDown;
                string before = Parameters();
                int rejected = _mac.Statistics.DownlinksRejected;
                int accepted = _mac.Statistics.DownlinksAccepted + _mac.Statistics.MulticastAccepted;
                _radio.Receive(frame, _r.Next(-80, 60));
                if (_mac.Statistics.DownlinksRejected > rejected)
                {
                    Assert.Equal(accepted, _mac.Statistics.DownlinksAccepted + _mac.Statistics.MulticastAccepted);
                    Assert.Equal(down, _mac.FCntDown);
                    Assert.Equal(before, Parameters());
                }
            }

            private string Parameters()
            {
                string s = _mac.DataRate + "/" + _mac.TxPowerIndex + "/" + _mac.NbTrans + "/" + _mac.Rx1DrOffset + "/" + _mac.Rx2DataRate + "/" +
                    _mac.Rx2FrequencyHz + "/" + _mac.RxDelaySeconds + "/" + _mac.MaxDutyCycle + "/" + _mac.MaxEirpCentiDbm + "/";
                for (int ch = 0; ch < _mac.Channels.Count; ch++)
                {
                    if (_mac.Channels.IsEnabled(ch))
                    {
                        s += ch + ":" + _mac.Channels.Frequency(ch) + ":" + _mac.Channels.Rx1Frequency(ch) + ",";
                    }
                }

                return s;
            }

            private void CheckInvariants()
            {
                Assert.True(_mac.FCntUp >= _lastUp, "FCntUp went back");
                Assert.True(_mac.FCntDown >= _lastDown, "FCntDown went back");
                _lastUp = _mac.FCntUp;
                _lastDown = _mac.FCntDown;
                int dr = _mac.DataRate;
                Assert.True(_region.IsUplinkDataRate(dr, _mac.UplinkDwell) && _region.IsLoRa(dr), "data rate " + dr);
                Assert.True(_mac.Channels.AnyEnabledFor(dr), "no channel carries DR" + dr);
                Assert.True(_mac.Channels.EnabledCount() >= 1);
                Assert.InRange(_mac.TxPowerIndex, 0, _region.MaxTxPowerIndex);
                Assert.InRange(_mac.NbTrans, 1, 15);
                Assert.InRange(_mac.Rx1DrOffset, 0, _region.MaxRx1DrOffset);
                Assert.True(_region.IsDownlinkDataRate(_mac.Rx2DataRate) && _region.IsLoRa(_mac.Rx2DataRate));
                Assert.True(_region.IsValidFrequency(_mac.Rx2FrequencyHz));
                Assert.InRange(_mac.RxDelaySeconds, 1, 15);
                Assert.InRange(_mac.QueuedUplinks, 0, 4);
                Assert.True(Enum.IsDefined(typeof(MacState), _mac.State));
            }

            private byte[] Frame()
            {
                switch (_r.Next(10))
                {
                    case 0:
                        return Random(_r.Next(0, 40));
                    case 1:
                        return Random(_r.Next(0, 256));
                    case 2:
                        return Valid(Random(_r.Next(0, 16)), _r.Next(0, 256), Random(_r.Next(0, 40)));
                    case 3:
                    {
                        byte[] f = AnyGood();
                        for (int k = 1 + _r.Next(3); k > 0; k--)
                        {
                            f[_r.Next(f.Length)] ^= (byte)(1 << _r.Next(8));
                        }

                        return f;
                    }

                    case 4:
                    {
                        byte[] f = AnyGood();
                        return f.AsSpan(0, _r.Next(f.Length)).ToArray();
                    }

                    case 5:
                        return _good.Count > 0 ? _good[_r.Next(_good.Count)] : Random(20);
                    case 6:
                    {
                        var m = _settings.LoRaWan.Multicast[0];
                        return _gateway.BuildFor(0x11111111, m.McNetSKey, m.McAppSKey, (uint)_r.Next(1000), _r.Next(3) == 0 ? 86 : 85, Random(3), _r.Next(5) == 0);
                    }

                    case 7:
                        return _gateway.BuildFor((uint)_r.Next(), _network.NwkSKey, _network.AppSKey, _network.FCntDown, 85, Random(4));
                    case 8:
                    {
                        byte[] f = Random(_r.Next(2) == 0 ? 17 : 33);
                        f[0] = 0x20;
                        return f;
                    }

                    default:
                        return Valid(Commands(), _r.Next(5) == 0 ? 0 : 85, Random(_r.Next(0, 8)));
                }
            }

            private byte[] AnyGood() => (byte[])(_good.Count > 0 && _r.Next(2) == 0 ? _good[_r.Next(_good.Count)] : Valid(Commands(), 85, Random(3))).Clone();

            /// <summary>A frame of the session with a correct MIC: FOpts and payload as given (port 0 takes the commands as payload).</summary>
            private byte[] Valid(byte[] fopts, int port, byte[] payload)
            {
                var d = new ScriptedDownlink { Confirmed = _r.Next(6) == 0, Ack = _r.Next(4) == 0, FPending = _r.Next(8) == 0 };
                if (port == 0)
                {
                    d.Port = 0;
                    d.Payload = fopts.Length > 0 ? fopts : payload;
                }
                else
                {
                    d.FOpts = fopts;
                    d.Port = port > 223 || payload.Length == 0 ? -1 : port;
                    d.Payload = d.Port < 0 ? Array.Empty<byte>() : payload;
                }

                if (_r.Next(10) == 0)
                {
                    d.FCnt = _network.FCntDown + (uint)_r.Next(1, 40000);
                }

                byte[] f = _gateway.Build(d);
                if (_good.Count < 64)
                {
                    _good.Add(f);
                }
                else
                {
                    _good[_r.Next(64)] = f;
                }

                return f;
            }

            /// <summary>Well-formed MAC requests with random fields (a few unknown CIDs too).</summary>
            private byte[] Commands()
            {
                var b = new List<byte>();
                int n = _r.Next(1, 4);
                for (int i = 0; i < n; i++)
                {
                    int cid = new[] { 0x02, 0x03, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0D, 0x30 }[_r.Next(12)];
                    int len = cid == 0x30 ? _r.Next(4) : CidInfoLength(cid);
                    if (b.Count + 1 + len > 15)
                    {
                        break; // FOpts holds 15 bytes
                    }

                    b.Add((byte)cid);
                    for (int k = 0; k < len; k++)
                    {
                        b.Add((byte)_r.Next(256));
                    }
                }

                return b.ToArray();
            }

            private static int CidInfoLength(int cid) => Ws52x.LoRaWan.MacCommands.CidInfo.DownlinkLength(cid);

            private byte[] Random(int n)
            {
                var b = new byte[n];
                _r.NextBytes(b);
                return b;
            }
        }
    }
}
