using System;
using System.Collections.Generic;
using Ws52x.Host.Board.Radio;
using Ws52x.Host.Network;
using Ws52x.LoRaWan.Crypto;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.Regions;
using Ws52x.Radio;
using Ws52x.Util;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>The network's side of one device's session (kept across a device reboot, as a real server keeps it).</summary>
    public sealed class NetworkSession
    {
        public byte[] AppKey = new byte[16];
        public uint DevAddr = 0x26011BDA;
        public uint NetId = 0x000013;
        public uint AppNonce = 0x000100;
        public readonly byte[] NwkSKey = new byte[16];
        public readonly byte[] AppSKey = new byte[16];
        public bool Joined;
        public uint FCntDown;
        public long LastFCntUp = -1;
        public int LastDevNonce = -1;
        public readonly List<int> DevNonces = new List<int>();

        /// <summary>What the server told the device (JoinAccept DLSettings, RXParamSetupReq): its RX1 offset and RX2.</summary>
        public int Rx1DrOffset;
        public int Rx2Dr = -1;
        public int Rx2Frequency;
        public int RxDelaySeconds = 1;
    }

    /// <summary>A downlink the script sends after the next uplink.</summary>
    public sealed class ScriptedDownlink
    {
        /// <summary>1 or 2 (Class A windows), or 0 for "now" (Class C).</summary>
        public int Window = 1;

        /// <summary>Microseconds added to the nominal start (negative: earlier).</summary>
        public long ShiftMicros;

        public bool Confirmed;
        public bool Ack;
        public bool FPending;
        public int Port = -1;
        public byte[] Payload = Array.Empty<byte>();
        public byte[] FOpts = Array.Empty<byte>();

        /// <summary>Bytes to send instead of a built frame (garbage, replays, other sessions).</summary>
        public byte[] Raw;

        /// <summary>Uses this counter instead of the session's next one.</summary>
        public uint? FCnt;

        /// <summary>Corrupts the MIC.</summary>
        public bool BadMic;
    }

    /// <summary>
    /// A small test tool: a gateway on the virtual air that plays a scripted network server for one device. It answers
    /// JoinRequests (unless told to lose them), checks the MIC of data uplinks with the session it gave out, and sends
    /// the queued downlinks at a chosen offset after the next uplink, on the region's RX1 or RX2 channel and data rate.
    /// Not a network server: no ADR, no queues per device, no MAC command logic beyond what a test asks for.
    /// </summary>
    public sealed class ScriptedGateway
    {
        private readonly LoRaWanCrypto _crypto = new LoRaWanCrypto();
        private readonly FrameBuilder _builder;
        private readonly Region _region;

        public ScriptedGateway(VirtualAir air, Region region, NetworkSession session, int[] channels = null)
        {
            _builder = new FrameBuilder(_crypto);
            _region = region;
            Session = session;
            Radio = new VirtualGateway(air, "scripted-gw") { Demodulators = 16 };
            Radio.FrameReceived += OnUplink;
            if (channels != null)
            {
                // An 8-channel gateway: only these uplink frequencies (125 kHz).
                foreach (int f in channels)
                {
                    Radio.ListenOn(f, 125000);
                }

                return;
            }

            for (int f = region.MinFrequencyHz; f <= region.MaxFrequencyHz; f += 100000)
            {
                Radio.ListenOn(f, 125000);
            }

            if (region.Kind == PlanKind.FixedUs)
            {
                for (int ch = 64; ch < 72; ch++)
                {
                    Radio.ListenOn(region.FixedUplinkFrequency(ch), 500000);
                }
            }

            foreach (int f in new[] { 865062500, 865402500, 865985000 })
            {
                Radio.ListenOn(f, 125000);
            }
        }

        public VirtualGateway Radio { get; }

        public NetworkSession Session { get; }

        /// <summary>JoinRequests to ignore before answering one.</summary>
        public int DropJoins { get; set; }

        /// <summary>Window (1 or 2) of the JoinAccept.</summary>
        public int JoinWindow { get; set; } = 1;

        public byte DlSettings { get; set; }

        public byte RxDelay { get; set; } = 1;

        public byte[] CFList { get; set; }

        public bool AnswerJoins { get; set; } = true;

        public Queue<ScriptedDownlink> Downlinks { get; } = new Queue<ScriptedDownlink>();

        public List<GatewayFrame> JoinRequests { get; } = new List<GatewayFrame>();

        /// <summary>Data uplinks whose MIC checked, with what they carried.</summary>
        public List<(GatewayFrame Frame, DataFrame Data, byte[] FOpts, byte[] Payload)> Uplinks { get; } = new List<(GatewayFrame, DataFrame, byte[], byte[])>();

        public int BadMicUplinks { get; private set; }

        /// <summary>Sends one frame on RX2 parameters right now (Class C, multicast).</summary>
        public void SendNow(byte[] frame, int dr = -1, int frequency = 0)
        {
            dr = dr >= 0 ? dr : (Session.Rx2Dr >= 0 ? Session.Rx2Dr : _region.Rx2DataRate);
            frequency = frequency > 0 ? frequency : (Session.Rx2Frequency > 0 ? Session.Rx2Frequency : _region.Rx2FrequencyHz);
            Radio.Transmit(0, Channel(frequency, dr), frame, frame.Length);
        }

        /// <summary>A data downlink of this session with the next FCntDown (advancing it).</summary>
        public byte[] Build(ScriptedDownlink d)
        {
            if (d.Raw != null)
            {
                return d.Raw;
            }

            uint fcnt = d.FCnt ?? Session.FCntDown++;
            int fctrl = (d.Ack ? FCtrl.Ack : 0) | (d.FPending ? FCtrl.FPending : 0);
            var output = new byte[255];
            int n = _builder.BuildData(d.Confirmed ? MType.ConfirmedDataDown : MType.UnconfirmedDataDown, Session.DevAddr, Session.NwkSKey,
                Session.AppSKey, fcnt, fctrl, d.FOpts, 0, d.FOpts.Length, d.Port, d.Payload, 0, d.Payload.Length, output, 0);
            Assert.True(n > 0, _builder.LastError.ToString());
            if (d.BadMic)
            {
                output[n - 1] ^= 0xFF;
            }

            return output.AsSpan(0, n).ToArray();
        }

        /// <summary>A frame of another session (a multicast group, a neighbour) built with the given keys.</summary>
        public byte[] BuildFor(uint devAddr, byte[] nwkSKey, byte[] appSKey, uint fcnt, int port, byte[] payload, bool confirmed = false)
        {
            var output = new byte[255];
            int n = _builder.BuildData(confirmed ? MType.ConfirmedDataDown : MType.UnconfirmedDataDown, devAddr, nwkSKey, appSKey, fcnt, 0,
                null, 0, 0, port, payload, 0, payload.Length, output, 0);
            return output.AsSpan(0, n).ToArray();
        }

        private void OnUplink(GatewayFrame frame)
        {
            if (frame.Payload.Length == 0 || !frame.CrcOk)
            {
                return;
            }

            MType type = Mhdr.TypeOf(frame.Payload[0]);
            if (type == MType.JoinRequest)
            {
                OnJoinRequest(frame);
                return;
            }

            if (!Mhdr.IsUplinkData(type) || !Session.Joined)
            {
                return;
            }

            var data = new DataFrame();
            if (FrameParser.ReadStructure(frame.Payload, 0, frame.Payload.Length, data) != FrameError.None || data.DevAddr != Session.DevAddr)
            {
                return;
            }

            long last = Session.LastFCntUp < 0 ? 0 : Session.LastFCntUp;
            data.FCnt32 = (uint)((last & ~0xFFFFL) | (uint)data.FCnt16);
            if (data.FCnt32 < last)
            {
                data.FCnt32 += 0x10000;
            }

            var parser = new FrameParser(_crypto);
            if (!parser.MicMatches(Session.NwkSKey, frame.Payload, 0, frame.Payload.Length, data))
            {
                BadMicUplinks++;
                return;
            }

            parser.Decrypt(Session.NwkSKey, Session.AppSKey, frame.Payload, 0, data);
            Session.LastFCntUp = data.FCnt32;
            Uplinks.Add((frame, data, data.FOpts.AsSpan(0, data.FOptsLength).ToArray(), data.Payload.AsSpan(0, data.PayloadLength).ToArray()));
            if (Downlinks.Count > 0)
            {
                ScriptedDownlink d = Downlinks.Dequeue();
                Answer(frame, Build(d), d.Window, d.ShiftMicros, Session.RxDelaySeconds);
            }
        }

        private void OnJoinRequest(GatewayFrame frame)
        {
            JoinRequests.Add(frame);
            ushort devNonce = Bytes.ReadUInt16LE(frame.Payload, 17);
            Session.DevNonces.Add(devNonce);
            if (!AnswerJoins || DropJoins-- > 0)
            {
                return;
            }

            Assert.True(devNonce > Session.LastDevNonce, "DevNonce " + devNonce + " not above the last one " + Session.LastDevNonce);
            // The JoinAccept itself goes on the parameters in force before it (RX1 offset 0, the default RX2).
            int rx2 = Session.Rx2Dr;
            byte[] onAir = AcceptJoin(devNonce);
            int newRx1 = Session.Rx1DrOffset;
            int newRx2 = Session.Rx2Dr;
            Session.Rx1DrOffset = 0;
            Session.Rx2Dr = rx2 < 0 ? -1 : rx2;
            Answer(frame, onAir, JoinWindow, 0, 5);
            Session.Rx1DrOffset = newRx1;
            Session.Rx2Dr = newRx2;
        }

        /// <summary>Starts the network's session for this DevNonce and returns the JoinAccept as it goes on air.</summary>
        public byte[] AcceptJoin(ushort devNonce)
        {
            Session.LastDevNonce = devNonce;
            Session.AppNonce++;
            var onAir = new byte[CFList != null ? JoinAccept.LengthWithCFList : JoinAccept.LengthWithoutCFList];
            using (var writer = new JoinAcceptWriter(_crypto))
            {
                writer.Write(Session.AppKey, Session.AppNonce, Session.NetId, Session.DevAddr, DlSettings, RxDelay, CFList, onAir);
            }

            _crypto.DeriveSessionKeys(Session.AppKey, Session.AppNonce, Session.NetId, devNonce, Session.NwkSKey, Session.AppSKey);
            Session.Joined = true;
            Session.FCntDown = 0;
            Session.LastFCntUp = -1;
            Session.Rx1DrOffset = (DlSettings >> 4) & 7;
            Session.Rx2Dr = DlSettings & 0x0F;
            Session.RxDelaySeconds = RxDelay == 0 ? 1 : RxDelay;
            return onAir;
        }

        /// <summary>Sends at the uplink's end + RECEIVE_DELAY (window 1) or + 1 s more (window 2), or now (window 0).</summary>
        private void Answer(GatewayFrame uplink, byte[] frame, int window, long shift, int delaySeconds)
        {
            int upDr = UplinkDr(uplink);
            int dr;
            int frequency;
            long at;
            if (window == 1)
            {
                dr = _region.Rx1DataRate(upDr, Session.Rx1DrOffset, false);
                frequency = _region.IsFixedPlan ? _region.FixedDownlinkFrequency(UplinkChannel(uplink.FrequencyHz)) : Nominal(uplink.FrequencyHz);
                at = uplink.EndMicros + delaySeconds * 1000000L;
            }
            else
            {
                dr = Session.Rx2Dr >= 0 ? Session.Rx2Dr : _region.Rx2DataRate;
                frequency = Session.Rx2Frequency > 0 ? Session.Rx2Frequency : _region.Rx2FrequencyHz;
                at = window == 2 ? uplink.EndMicros + (delaySeconds + 1) * 1000000L : Radio.Received[^1].EndMicros;
            }

            Radio.Transmit(at + shift, Channel(frequency, dr), frame, frame.Length);
        }

        public RadioChannelConfig Channel(int frequency, int dr)
        {
            return new RadioChannelConfig
            {
                FrequencyHz = frequency,
                SpreadingFactor = _region.SpreadingFactor(dr),
                BandwidthHz = _region.BandwidthHz(dr),
                InvertIq = true,
            };
        }

        public int UplinkDr(GatewayFrame frame)
        {
            for (int dr = 0; dr < 16; dr++)
            {
                if (_region.IsUplinkDataRate(dr, false) && _region.SpreadingFactor(dr) == frame.SpreadingFactor && _region.BandwidthHz(dr) == frame.BandwidthHz)
                {
                    return dr;
                }
            }

            return -1;
        }

        /// <summary>A carrier as the chip produced it (Frf steps of 61 Hz) back to its channel's nominal value (2.5 kHz grid).</summary>
        public static int Nominal(int frequency) => (frequency + 1250) / 2500 * 2500;

        public int UplinkChannel(int frequency)
        {
            frequency = Nominal(frequency);
            for (int ch = 0; ch < _region.MaxChannels; ch++)
            {
                if (_region.FixedUplinkFrequency(ch) == frequency)
                {
                    return ch;
                }
            }

            return -1;
        }
    }
}
