using System;
using System.Collections.Generic;
using Ws52x.Diagnostics;
using Ws52x.Host.Board.Radio;
using Ws52x.Loop;
using Ws52x.Platform;
using Ws52x.Util;

namespace Ws52x.Host.Network.SemtechUdp
{
    /// <summary>Carries the bridge's datagrams to and from a network server (UDP; a list in tests).</summary>
    public interface ISemtechTransport : IDisposable
    {
        /// <summary>Sends one datagram to the server; does not wait for anything.</summary>
        void Send(byte[] datagram);

        /// <summary>Starts handing each datagram from the server to <paramref name="sink"/>, posted to <paramref name="loop"/>.</summary>
        void Start(EventLoop loop, IEventSink sink);
    }

    /// <summary>
    /// A virtual gateway that forwards to a real network server as Semtech's UDP packet forwarder does (protocol 2):
    /// each frame it demodulates goes up in a PUSH_DATA "rxpk" with the concentrator's tmst, RSSI and SNR from the air's
    /// link budget; a "stat" every 30 s; a PULL_DATA every 10 s keeps the downlink route open. Each PULL_RESP "txpk" is
    /// checked as a concentrator would (time, frequency, power, overlap) and answered with a TX_ACK; accepted ones go on
    /// the air at their time. Datagrams from the server that are not the protocol (other versions, unknown types, broken
    /// JSON) are logged and dropped. Everything runs on the board's world loop; the transport only posts to it.
    /// </summary>
    public sealed partial class SemtechUdpBridge : IEventSink, IDisposable
    {
        private readonly EventLoop _loop;
        private readonly VirtualGateway _gateway;
        private readonly ISemtechTransport _transport;
        private readonly SemtechBridgeOptions _options;
        private readonly Log _log;
        private readonly Random _tokens;
        private readonly LoopTimer _pullTimer;
        private readonly LoopTimer _statTimer;
        private readonly Dictionary<ushort, long> _pushesAwaitingAck = new Dictionary<ushort, long>();
        private ushort _pullToken;
        private long _pullSentAt;
        private bool _pullAcked = true;
        private bool _serverHeard;
        private int _pullsUnacked;
        private long _pushesInInterval;
        private long _acksInInterval;
        private long _txAtLastStat;

        public SemtechUdpBridge(EventLoop loop, VirtualGateway gateway, ISemtechTransport transport, ITextConsole console, SemtechBridgeOptions options = null)
        {
            _loop = loop ?? throw new ArgumentNullException(nameof(loop));
            _gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
            _transport = transport ?? throw new ArgumentNullException(nameof(transport));
            _options = options ?? new SemtechBridgeOptions();
            if (_options.GatewayEui == null || _options.GatewayEui.Length != 8)
            {
                throw new ArgumentException("a gateway EUI is 8 bytes", nameof(options));
            }

            _log = new Log(console ?? throw new ArgumentNullException(nameof(console)), loop.Clock);
            _tokens = new Random(_options.Seed);
            Clock = new ConcentratorClock(_options.CounterAtStart, _options.UtcAtStart ?? DateTime.UtcNow) { GpsLocked = _options.GpsLocked };
            _pullTimer = new LoopTimer(_ => SendPullData());
            _statTimer = new LoopTimer(_ => SendStat());
            _txAtLastStat = gateway.DownlinksSent;
            gateway.FrameReceived += Forward;
        }

        public ConcentratorClock Clock { get; }

        public string GatewayEui => Hex.ToHex(_options.GatewayEui);

        /// <summary>Frames the gateway demodulated, with a good CRC, and forwarded (the stat's rxnb, rxok, rxfw).</summary>
        public long RxReceived { get; private set; }
        public long RxOk { get; private set; }
        public long RxForwarded { get; private set; }

        public long PushAcks { get; private set; }
        public long PullAcks { get; private set; }

        /// <summary>PULL_DATA sent whose PULL_ACK never came (counted when the next one goes).</summary>
        public long PullAcksLost { get; private set; }

        /// <summary>PULL_RESP datagrams with a readable txpk (the stat's dwnb), and the TX_ACKs by verdict.</summary>
        public long DownlinksReceived { get; private set; }
        public long DownlinksAccepted { get; private set; }
        public long DownlinksRefused { get; private set; }

        /// <summary>Datagrams from the server dropped as not the protocol (version, type, length, JSON).</summary>
        public long Dropped { get; private set; }

        /// <summary>The TX_ACK verdict of the newest PULL_RESP.</summary>
        public TxAckError LastVerdict { get; private set; }

        /// <summary>Sends the first PULL_DATA now and arms the keep-alive and stat timers.</summary>
        public void Start()
        {
            _log.Info("gateway", "Semtech UDP packet forwarder (protocol " + SemtechPacket.ProtocolVersion + "), gateway EUI " + GatewayEui +
                ", concentrator counter " + Clock.Tmst(_loop.NowMicros) + (Clock.GpsLocked ? ", GPS time" : ", no GPS"));
            _transport.Start(_loop, this);
            SendPullData();
            _loop.SchedulePeriodic(_statTimer, _loop.NowMicros + _options.StatIntervalMicros, _options.StatIntervalMicros);
        }

        public void Dispose()
        {
            _loop.Cancel(_pullTimer);
            _loop.Cancel(_statTimer);
            _gateway.FrameReceived -= Forward;
            _transport.Dispose();
        }

        /// <summary>A datagram from the server, on the loop (the transport posts it; tests may call it).</summary>
        public void Receive(byte[] datagram)
        {
            string why = SemtechPacket.TryRead(datagram, datagram == null ? 0 : datagram.Length, out SemtechPacketType type, out ushort token);
            if (why != null)
            {
                Drop(why);
                return;
            }

            switch (type)
            {
                case SemtechPacketType.PushAck:
                    OnPushAck(token);
                    break;
                case SemtechPacketType.PullAck:
                    OnPullAck(token);
                    break;
                case SemtechPacketType.PullResp:
                    OnPullResp(token, datagram);
                    break;
                default:
                    Drop(SemtechPacket.Name(type) + " is not sent by a server");
                    break;
            }
        }

        void IEventSink.OnEvent(int code, int arg, long timestampMicros, object payload)
        {
            Receive(payload as byte[]);
        }

        private void Drop(string why)
        {
            Dropped++;
            _log.Warn("gateway", "datagram from the server dropped: " + why);
        }

        private ushort NextToken() => (ushort)_tokens.Next(0x10000);

        // The reference forwarder passes on only frames with a good CRC (forward_crc_valid); the others are counted.
        private void Forward(GatewayFrame frame)
        {
            RxReceived++;
            if (!frame.CrcPresent || !frame.CrcOk)
            {
                _log.Info("gateway", "frame on " + SemtechJson.Mhz(frame.ChannelFrequencyHz) + " MHz " + (frame.CrcPresent ? "failed its CRC" : "without CRC") + ": not forwarded");
                return;
            }

            RxOk++;
            uint tmst = Clock.Tmst(frame.EndMicros);
            byte[] json = SemtechJson.Rxpk(frame, tmst, Clock.Utc(frame.EndMicros), Clock.GpsLocked ? Clock.GpsMillis(frame.EndMicros) : (long?)null);
            ushort token = NextToken();
            _pushesAwaitingAck[token] = _loop.NowMicros;
            _pushesInInterval++;
            RxForwarded++;
            _transport.Send(SemtechPacket.FromGateway(SemtechPacketType.PushData, token, _options.GatewayEui, json));
            _log.Info("gateway", "uplink " + SemtechJson.Mhz(frame.ChannelFrequencyHz) + " MHz " + SemtechJson.DataRate(frame.SpreadingFactor, frame.BandwidthHz) +
                ", RSSI " + frame.RssiDbm + " dBm, SNR " + (frame.SnrQuarterDb / 4.0).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) +
                " dB, " + Bytes.CountText(frame.Payload.Length) + ", tmst " + tmst + ": PUSH_DATA " + SemtechPacket.TokenText(token));
        }

        private void SendStat()
        {
            var stat = new GatewayStat
            {
                Utc = Clock.Utc(_loop.NowMicros),
                RxReceived = RxReceived,
                RxOk = RxOk,
                RxForwarded = RxForwarded,
                AckPercent = _pushesInInterval == 0 ? 100 : 100.0 * _acksInInterval / _pushesInInterval,
                DownlinksReceived = DownlinksReceived,
                TxEmitted = _gateway.DownlinksSent - _txAtLastStat,
            };
            _pushesInInterval = 0;
            _acksInInterval = 0;
            ushort token = NextToken();
            _pushesAwaitingAck[token] = _loop.NowMicros;
            _pushesInInterval++;
            _transport.Send(SemtechPacket.FromGateway(SemtechPacketType.PushData, token, _options.GatewayEui, SemtechJson.Stat(stat)));
        }

        private void OnPushAck(ushort token)
        {
            if (!_pushesAwaitingAck.Remove(token))
            {
                _log.Info("gateway", "PUSH_ACK " + SemtechPacket.TokenText(token) + " for no PUSH_DATA waiting: ignored");
                return;
            }

            PushAcks++;
            _acksInInterval++;
        }

        private void SendPullData()
        {
            if (!_pullAcked)
            {
                PullAcksLost++;
                _pullsUnacked++;
                if (_pullsUnacked == 1 || _pullsUnacked % 6 == 0)
                {
                    _log.Warn("gateway", "no PULL_ACK for PULL_DATA " + SemtechPacket.TokenText(_pullToken) + " (" + _pullsUnacked +
                        " in a row): is the network server reachable?");
                }
            }

            // Stale PUSH_DATA tokens go with the keep-alive: an ACK that late is lost anyway.
            if (_pushesAwaitingAck.Count > 64)
            {
                _pushesAwaitingAck.Clear();
            }

            _pullToken = NextToken();
            _pullSentAt = _loop.NowMicros;
            _pullAcked = false;
            _transport.Send(SemtechPacket.FromGateway(SemtechPacketType.PullData, _pullToken, _options.GatewayEui, null));
            _loop.Schedule(_pullTimer, _loop.NowMicros + _options.KeepAliveMicros);
        }

        private void OnPullAck(ushort token)
        {
            if (token != _pullToken || _pullAcked)
            {
                _log.Info("gateway", "PULL_ACK " + SemtechPacket.TokenText(token) + " out of sync (last PULL_DATA " + SemtechPacket.TokenText(_pullToken) + "): ignored");
                return;
            }

            _pullAcked = true;
            PullAcks++;
            if (!_serverHeard || _pullsUnacked > 0)
            {
                _log.Info("gateway", "PULL_ACK in " + (_loop.NowMicros - _pullSentAt) / 1000 + " ms" +
                    (_pullsUnacked > 0 ? " after " + _pullsUnacked + " lost" : ": the server can send downlinks"));
            }

            _serverHeard = true;
            _pullsUnacked = 0;
        }
    }
}
