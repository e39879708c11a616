using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Radio;
using Ws52x.Host.Network.SemtechUdp;
using Ws52x.Loop;
using Ws52x.Tests.Radio;
using Ws52x.Util;

namespace Ws52x.Tests.Network.SemtechUdp
{
    /// <summary>The bridge's datagrams in a list instead of a socket; the server's are posted to the loop like the UDP thread does.</summary>
    public sealed class ListTransport : ISemtechTransport
    {
        public readonly List<byte[]> Sent = new List<byte[]>();
        public EventLoop Loop;
        public IEventSink Sink;
        public bool Disposed;

        public void Send(byte[] datagram) => Sent.Add(datagram);

        public void Start(EventLoop loop, IEventSink sink)
        {
            Loop = loop;
            Sink = sink;
        }

        public void Dispose() => Disposed = true;
    }

    /// <summary>
    /// The bridge on a virtual clock: a virtual gateway listening on EU868, a modelled SX127x with the real driver to send
    /// uplinks and hear downlinks, the transport's datagrams in a list. Protocol tests read and write raw datagrams.
    /// </summary>
    public sealed class BridgeRig
    {
        public static readonly byte[] Eui = { 0xAA, 0x55, 0x5A, 0xA5, 0x01, 0x02, 0x03, 0x04 };
        private readonly StringWriter _log = new StringWriter();

        public BridgeRig(uint counterAtStart = 1_000, bool gps = true, Action<SemtechBridgeOptions> configure = null)
        {
            Clock = new VirtualClock();
            Loop = new EventLoop(Clock);
            Air = new VirtualAir(Loop, 3);
            Gateway = new VirtualGateway(Air, "gw");
            Gateway.ListenOnEu868();
            Options = new SemtechBridgeOptions
            {
                GatewayEui = Eui,
                CounterAtStart = counterAtStart,
                GpsLocked = gps,
                UtcAtStart = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc),
                MinTxFrequencyHz = 863_000_000,
                MaxTxFrequencyHz = 870_000_000,
            };
            configure?.Invoke(Options);
            Transport = new ListTransport();
            Bridge = new SemtechUdpBridge(Loop, Gateway, Transport, new WriterConsole(_log), Options);
            Device = new RadioNode(Loop, Air, "device");
            Device.Driver.Reset();
            Bridge.Start();
            Loop.RunFor(10_000);
        }

        public VirtualClock Clock { get; }
        public EventLoop Loop { get; }
        public VirtualAir Air { get; }
        public VirtualGateway Gateway { get; }
        public SemtechBridgeOptions Options { get; }
        public ListTransport Transport { get; }
        public SemtechUdpBridge Bridge { get; }
        public RadioNode Device { get; }

        public string Log => _log.ToString();

        /// <summary>Datagrams of a type the bridge sent so far.</summary>
        public List<byte[]> SentOf(SemtechPacketType type) => Transport.Sent.FindAll(d => d[3] == (byte)type);

        /// <summary>The JSON after a gateway datagram's 12-byte header.</summary>
        public static JsonElement Json(byte[] datagram) => JsonDocument.Parse(Encoding.UTF8.GetString(datagram, 12, datagram.Length - 12)).RootElement.Clone();

        public static ushort Token(byte[] datagram) => Bytes.ReadUInt16LE(datagram, 1);

        /// <summary>A datagram from the server, through the loop's event queue as the UDP thread hands it over; the loop runs it.</summary>
        public void FromServer(byte[] datagram)
        {
            Loop.Post(Transport.Sink, 0, datagram.Length, Loop.NowMicros, datagram);
            Loop.RunUntilIdle();
        }

        public static byte[] ServerDatagram(SemtechPacketType type, ushort token, string json = null, byte version = 2) =>
            SemtechPacket.FromServer(type, token, json == null ? null : Encoding.UTF8.GetBytes(json), version);

        /// <summary>A PULL_RESP with this txpk JSON; returns the TX_ACK the bridge answered with (null: none).</summary>
        public byte[] PullResp(ushort token, string txpk)
        {
            int before = SentOf(SemtechPacketType.TxAck).Count;
            FromServer(ServerDatagram(SemtechPacketType.PullResp, token, "{\"txpk\":" + txpk + "}"));
            List<byte[]> acks = SentOf(SemtechPacketType.TxAck);
            return acks.Count > before ? acks[^1] : null;
        }

        /// <summary>The error of a TX_ACK: "NONE" when it carries no JSON (accepted).</summary>
        public static string AckError(byte[] txAck) =>
            txAck.Length == 12 ? "NONE" : Json(txAck).GetProperty("txpk_ack").GetProperty("error").GetString();

        /// <summary>A txpk for a timestamp, with the usual LoRaWAN downlink fields.</summary>
        public static string Txpk(string timing, double mhz = 868.1, string datr = "SF7BW125", int power = 14, string data = "YAQDAgEAAQBVqhAg", int size = 12) =>
            "{" + timing + ",\"freq\":" + mhz.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"rfch\":0,\"powe\":" + power +
            ",\"modu\":\"LORA\",\"datr\":\"" + datr + "\",\"codr\":\"4/5\",\"ipol\":true,\"size\":" + size + ",\"data\":\"" + data + "\"}";

        /// <summary>The device opens a single receive (inverted IQ, 16 symbols) 2 ms before <paramref name="at"/> and the loop runs past it.</summary>
        public void Listen(long at, int frequencyHz = 868_100_000, int sf = 7)
        {
            var open = new LoopTimer(_ => Device.Driver.StartReceiveSingle(RadioRig.Rx(frequencyHz, sf, invertIq: true), 16));
            Loop.Schedule(open, at - 2_000);
            Loop.Run(at + 1_500_000);
        }

        /// <summary>The device sends an uplink now on 868.1 MHz SF7; returns when the gateway has it.</summary>
        public GatewayFrame Uplink(byte[] payload)
        {
            int before = Gateway.Received.Count;
            Device.Driver.StartTransmit(payload, 0, payload.Length, RadioRig.Tx(868_100_000, 7));
            while (Gateway.Received.Count == before)
            {
                Loop.RunFor(1_000);
            }

            return Gateway.Received[^1];
        }
    }
}
