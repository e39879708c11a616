using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using Ws52x.LoRaWan.Crypto;
using Ws52x.LoRaWan.Frames;
using Ws52x.Util;

namespace Ws52x.Tests.Network.SemtechUdp
{
    /// <summary>One "rxpk" the double received.</summary>
    public sealed class HeardRxpk
    {
        public uint Tmst;
        public double FreqMhz;
        public string Datr;
        public string Codr;
        public int Rssi;
        public double Lsnr;
        public byte[] Data;
        public JsonElement Json;
    }

    /// <summary>
    /// A network server double for the Semtech UDP protocol, written for the tests from PROTOCOL.TXT alone: a UDP
    /// socket on 127.0.0.1 that acknowledges PUSH_DATA and PULL_DATA, keeps each rxpk, and plays a tiny LoRaWAN 1.0.3
    /// server for one OTAA device (JoinAccept in RX1 at tmst + 5 s, then data downlinks in RX1 at tmst + 1 s: an ACK for
    /// confirmed uplinks and one queued application payload). It shares nothing with the host's network server.
    /// </summary>
    public sealed class SemtechServerDouble : IDisposable
    {
        private readonly UdpClient _socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        private readonly Thread _thread;
        private readonly LoRaWanCrypto _crypto = new LoRaWanCrypto();
        private readonly byte[] _appKey;
        private readonly byte[] _nwkSKey = new byte[16];
        private readonly byte[] _appSKey = new byte[16];
        private readonly object _gate = new object();
        private IPEndPoint _gateway;
        private uint _fCntDown;
        private ushort _token = 0x100;

        public SemtechServerDouble(byte[] appKey)
        {
            _appKey = appKey;
            _thread = new Thread(Serve) { IsBackground = true, Name = "ns-double" };
            _thread.Start();
        }

        public int Port => ((IPEndPoint)_socket.Client.LocalEndPoint).Port;

        public uint DevAddr { get; } = 0x260B1234;

        /// <summary>Acknowledge PULL_DATA (false: the acknowledgements are "lost").</summary>
        public bool AckPulls { get; set; } = true;

        public ConcurrentQueue<HeardRxpk> Uplinks { get; } = new ConcurrentQueue<HeardRxpk>();

        public ConcurrentQueue<(ushort Token, string Json)> TxAcks { get; } = new ConcurrentQueue<(ushort, string)>();

        public int PullDatas;
        public int PushDatas;
        public int Stats;
        public int Joins;
        public int Acked;

        /// <summary>Data uplinks whose MIC checked: FCnt, port, decrypted payload, confirmed.</summary>
        public ConcurrentQueue<(uint FCnt, int Port, byte[] Payload, bool Confirmed)> Data { get; } = new ConcurrentQueue<(uint, int, byte[], bool)>();

        /// <summary>An application downlink for the device's next uplink (port, payload).</summary>
        public (int Port, byte[] Payload)? Pending { get; set; }

        public bool Joined { get; private set; }

        /// <summary>Sends raw bytes to the gateway's address (known from its first PULL_DATA).</summary>
        public void SendToGateway(byte[] datagram)
        {
            for (int i = 0; i < 100 && _gateway == null; i++)
            {
                Thread.Sleep(20);
            }

            _socket.Send(datagram, datagram.Length, _gateway);
        }

        /// <summary>A PULL_RESP with this txpk object (JSON text) and a fresh token, which it returns.</summary>
        public ushort SendTxpk(string txpkJson, byte version = 2)
        {
            ushort token;
            lock (_gate)
            {
                token = _token++;
            }

            byte[] json = Encoding.UTF8.GetBytes("{\"txpk\":" + txpkJson + "}");
            var datagram = new byte[4 + json.Length];
            datagram[0] = version;
            Bytes.WriteUInt16LE(datagram, 1, token);
            datagram[3] = 3;
            json.CopyTo(datagram, 4);
            SendToGateway(datagram);
            return token;
        }

        public void Dispose()
        {
            _socket.Dispose();
            _thread.Join(1000);
        }

        private void Serve()
        {
            var from = new IPEndPoint(IPAddress.Any, 0);
            while (true)
            {
                byte[] d;
                try
                {
                    d = _socket.Receive(ref from);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException)
                {
                    return;
                }

                if (d.Length < 4 || d[0] != 2)
                {
                    continue;
                }

                switch (d[3])
                {
                    case 0: // PUSH_DATA: acknowledge at once, then look inside
                        Interlocked.Increment(ref PushDatas);
                        _socket.Send(new byte[] { 2, d[1], d[2], 1 }, 4, from);
                        OnPushData(Encoding.UTF8.GetString(d, 12, d.Length - 12));
                        break;
                    case 2: // PULL_DATA
                        _gateway = from;
                        Interlocked.Increment(ref PullDatas);
                        if (AckPulls)
                        {
                            _socket.Send(new byte[] { 2, d[1], d[2], 4 }, 4, from);
                        }

                        break;
                    case 5: // TX_ACK
                        TxAcks.Enqueue((Bytes.ReadUInt16LE(d, 1), Encoding.UTF8.GetString(d, 12, d.Length - 12)));
                        break;
                }
            }
        }

        private void OnPushData(string json)
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            if (doc.RootElement.TryGetProperty("stat", out _))
            {
                Interlocked.Increment(ref Stats);
            }

            if (!doc.RootElement.TryGetProperty("rxpk", out JsonElement rxpks))
            {
                return;
            }

            foreach (JsonElement r in rxpks.EnumerateArray())
            {
                var heard = new HeardRxpk
                {
                    Tmst = r.GetProperty("tmst").GetUInt32(),
                    FreqMhz = r.GetProperty("freq").GetDouble(),
                    Datr = r.GetProperty("datr").GetString(),
                    Codr = r.GetProperty("codr").GetString(),
                    Rssi = r.GetProperty("rssi").GetInt32(),
                    Lsnr = r.GetProperty("lsnr").GetDouble(),
                    Data = Convert.FromBase64String(r.GetProperty("data").GetString()),
                    Json = r.Clone(),
                };
                Uplinks.Enqueue(heard);
                Answer(heard);
            }
        }

        // EU868 RX1: the uplink's channel and data rate (RX1DROffset 0), JoinAccept after 5 s, data after 1 s.
        private void Answer(HeardRxpk up)
        {
            byte[] phy = up.Data;
            if (phy.Length == 23 && phy[0] == 0x00)
            {
                Joins++;
                Send(up, 5_000_000, JoinAccept(Bytes.ReadUInt16LE(phy, 17)));
                return;
            }

            var frame = new DataFrame();
            if (!Joined || FrameParser.ReadStructure(phy, 0, phy.Length, frame) != FrameError.None || frame.DevAddr != DevAddr)
            {
                return;
            }

            frame.FCnt32 = (uint)frame.FCnt16;
            var parser = new FrameParser(_crypto);
            if (!parser.MicMatches(_nwkSKey, phy, 0, phy.Length, frame))
            {
                return;
            }

            parser.Decrypt(_nwkSKey, _appSKey, phy, 0, frame);
            Data.Enqueue((frame.FCnt32, frame.FPort, frame.Payload.Take(frame.PayloadLength).ToArray(), frame.IsConfirmed));
            (int Port, byte[] Payload)? app = Pending;
            if (!frame.IsConfirmed && app == null)
            {
                return;
            }

            Pending = null;
            var output = new byte[64];
            int n = new FrameBuilder(_crypto).BuildData(MType.UnconfirmedDataDown, DevAddr, _nwkSKey, _appSKey, _fCntDown++,
                frame.IsConfirmed ? FCtrl.Ack : 0, null, 0, 0, app?.Port ?? -1, app?.Payload, 0, app?.Payload.Length ?? 0, output, 0);
            if (frame.IsConfirmed)
            {
                Acked++;
            }

            Send(up, 1_000_000, output.Take(n).ToArray());
        }

        private void Send(HeardRxpk up, uint delay, byte[] phy)
        {
            string txpk = "{\"imme\":false,\"tmst\":" + unchecked(up.Tmst + delay) + ",\"freq\":" + up.FreqMhz.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                ",\"rfch\":0,\"powe\":14,\"modu\":\"LORA\",\"datr\":\"" + up.Datr + "\",\"codr\":\"4/5\",\"ipol\":true,\"size\":" + phy.Length +
                ",\"data\":\"" + Convert.ToBase64String(phy) + "\"}";
            SendTxpk(txpk);
        }

        private byte[] JoinAccept(ushort devNonce)
        {
            uint joinNonce = 1;
            var plain = new byte[17];
            plain[0] = 0x20;
            Bytes.WriteUInt24LE(plain, 1, joinNonce);
            Bytes.WriteUInt24LE(plain, 4, 0x000000);
            Bytes.WriteUInt32LE(plain, 7, DevAddr);
            plain[11] = 0x00; // RX1DROffset 0, RX2 DR0
            plain[12] = 1; // RxDelay 1 s
            Bytes.WriteUInt32LE(plain, 13, _crypto.JoinMic(_appKey, plain, 0, 13));
            using var aes = Aes.Create();
            aes.Key = _appKey;
            byte[] body = aes.DecryptEcb(plain.AsSpan(1).ToArray(), PaddingMode.None);
            var onAir = new byte[17];
            onAir[0] = plain[0];
            body.CopyTo(onAir, 1);
            _crypto.DeriveSessionKeys(_appKey, joinNonce, 0, devNonce, _nwkSKey, _appSKey);
            _fCntDown = 0;
            Joined = true;
            return onAir;
        }
    }
}
