using System;
using System.Collections.Generic;
using Ws52x.Loop;
using Ws52x.Radio;

namespace Ws52x.Host.Board.Radio
{
    /// <summary>A frame a <see cref="VirtualGateway"/> demodulated, with what its radio measured.</summary>
    public sealed class GatewayFrame
    {
        public byte[] Payload;
        public int FrequencyHz;
        public int SpreadingFactor;
        public int BandwidthHz;
        public int RssiDbm;
        public int SnrQuarterDb;
        public long StartMicros;
        public long EndMicros;

        /// <summary>False when the frame's payload CRC failed (a gateway forwards those marked as such).</summary>
        public bool CrcOk;

        /// <summary>Whether the frame carried a payload CRC at all (LoRaWAN uplinks do).</summary>
        public bool CrcPresent;

        /// <summary>The gateway's channel (IF) that demodulated it, in the order of <see cref="VirtualGateway.ListenOn"/>.</summary>
        public int Channel;

        /// <summary>That channel's centre frequency: what a concentrator reports, whatever the sender's carrier error.</summary>
        public int ChannelFrequencyHz;

        /// <summary>The coding rate in the frame's header.</summary>
        public LoRaCodingRate CodingRate;
    }

    /// <summary>
    /// A LoRaWAN gateway on the virtual air, like an SX1301/SX1302 concentrator: listens on a set of channels at every
    /// spreading factor at once, with normal IQ (uplinks), up to <see cref="Demodulators"/> frames at a time, and sends
    /// downlinks (inverted IQ, no CRC by default) at a given time. Half duplex: while it transmits it hears nothing.
    /// </summary>
    public sealed class VirtualGateway : IAirListener, IAirSender
    {
        private readonly VirtualAir _air;
        private readonly EventLoop _loop;
        private readonly List<(int Frequency, int Bandwidth)> _channels = new List<(int, int)>();
        private readonly List<AirTransmission> _locked = new List<AirTransmission>();
        private int _transmitting;

        public VirtualGateway(VirtualAir air, string name = "gateway")
        {
            _air = air ?? throw new ArgumentNullException(nameof(air));
            _loop = air.Loop;
            Name = name;
            air.Attach(this);
        }

        public string Name { get; }

        /// <summary>Frames it can demodulate at the same time (8 on an SX1301 board).</summary>
        public int Demodulators { get; set; } = 8;

        /// <summary>0x34: LoRaWAN public networks.</summary>
        public byte SyncWord { get; set; } = 0x34;

        /// <summary>Every frame received, in order (unless <see cref="RecordFrames"/> is off).</summary>
        public List<GatewayFrame> Received { get; } = new List<GatewayFrame>();

        /// <summary>Whether <see cref="Received"/> keeps the frames (a fleet's gateways hear too many to keep).</summary>
        public bool RecordFrames { get; set; } = true;

        /// <summary>Channels it listens on with this bandwidth.</summary>
        public int ChannelCount(int bandwidthHz)
        {
            int n = 0;
            foreach ((int _, int bandwidth) in _channels)
            {
                n += bandwidth == bandwidthHz ? 1 : 0;
            }

            return n;
        }

        /// <summary>Called for each received frame (on the loop), e.g. by a network server that answers it.</summary>
        public event Action<GatewayFrame> FrameReceived;

        public int DownlinksSent { get; private set; }

        /// <summary>False while the gateway is off (a scenario's `gateway off`): it hears nothing and sends nothing.</summary>
        public bool Online { get; set; } = true;

        /// <summary>Downlinks it was asked to send while off (lost: the server behind it does not know).</summary>
        public int DownlinksDropped { get; private set; }

        /// <summary>Adds an uplink channel (all SF7-SF12 are heard on it).</summary>
        public void ListenOn(int frequencyHz, int bandwidthHz = 125000)
        {
            _channels.Add((frequencyHz, bandwidthHz));
        }

        /// <summary>The eight EU868 channels a typical gateway listens on: 868.1/868.3/868.5 and 867.1-867.9 MHz.</summary>
        public void ListenOnEu868()
        {
            int[] mhzTenths = { 8681, 8683, 8685, 8671, 8673, 8675, 8677, 8679 };
            foreach (int f in mhzTenths)
            {
                ListenOn(f * 100000);
            }
        }

        /// <summary>Radiated power of downlinks that do not say theirs (14 dBm, ChirpStack's EU868 default).</summary>
        public double TxPowerDbm { get; set; } = LinkBudget.ReferencePowerDbm;

        /// <summary>
        /// Sends a frame at <paramref name="atMicros"/> (now if in the past) with the channel of <paramref name="config"/>:
        /// set InvertIq for a LoRaWAN downlink. Downlinks carry no payload CRC unless <paramref name="crcOn"/>; the power
        /// is <see cref="TxPowerDbm"/> unless <paramref name="powerDbm"/> says otherwise.
        /// </summary>
        public void Transmit(long atMicros, RadioChannelConfig config, byte[] payload, int count, bool crcOn = false, double powerDbm = double.NaN)
        {
            if (count < 0 || count > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            var copy = new byte[count];
            Array.Copy(payload, copy, count);
            var channel = new RadioChannelConfig();
            channel.CopyChannel(config);
            double power = double.IsNaN(powerDbm) ? TxPowerDbm : powerDbm;
            var timer = new LoopTimer(_ => StartNow(channel, copy, crcOn, power));
            _loop.Schedule(timer, Math.Max(atMicros, _loop.NowMicros));
        }

        private void StartNow(RadioChannelConfig channel, byte[] payload, bool crcOn, double powerDbm)
        {
            if (!Online)
            {
                DownlinksDropped++;
                return;
            }

            AirTransmission frame = _air.Rent();
            frame.SetChannel(channel);
            frame.PowerDbm = powerDbm;
            frame.CrcOn = crcOn;
            frame.Length = payload.Length;
            Array.Copy(payload, frame.Payload, payload.Length);
            _transmitting++;
            // A frame being received is lost when the gateway starts to transmit.
            _locked.Clear();
            DownlinksSent++;
            _air.Start(frame, this, this);
        }

        public void OnTransmitted(AirTransmission frame)
        {
            _transmitting--;
        }

        public bool TryLock(AirTransmission frame)
        {
            if (_locked.Count >= Demodulators || !IsTunedTo(frame))
            {
                return false;
            }

            _locked.Add(frame);
            return true;
        }

        /// <summary>Online, not transmitting, and one of its channels carries this frame with normal IQ and the gateway's sync word.</summary>
        public bool IsTunedTo(AirTransmission frame)
        {
            return Online && _transmitting == 0 && !frame.IqInverted && frame.SyncWord == SyncWord && ChannelOf(frame) >= 0;
        }

        private int ChannelOf(AirTransmission frame)
        {
            for (int i = 0; i < _channels.Count; i++)
            {
                (int frequency, int bandwidth) = _channels[i];
                if (bandwidth == frame.BandwidthHz && Math.Abs(frequency - frame.FrequencyHz) <= bandwidth / 4)
                {
                    return i;
                }
            }

            return -1;
        }

        public void OnFrameEnd(AirTransmission frame, AirOutcome outcome, int rssiDbm, int snrQuarterDb)
        {
            if (!_locked.Remove(frame) || outcome == AirOutcome.Lost)
            {
                return;
            }

            var received = new GatewayFrame
            {
                Payload = new byte[frame.Length],
                FrequencyHz = frame.FrequencyHz,
                SpreadingFactor = frame.SpreadingFactor,
                BandwidthHz = frame.BandwidthHz,
                RssiDbm = rssiDbm,
                SnrQuarterDb = snrQuarterDb,
                StartMicros = frame.StartMicros,
                EndMicros = frame.EndMicros,
                CrcOk = outcome == AirOutcome.Ok || !frame.CrcOn,
                CrcPresent = frame.CrcOn,
                CodingRate = frame.CodingRate,
            };
            received.Channel = ChannelOf(frame);
            received.ChannelFrequencyHz = received.Channel >= 0 ? _channels[received.Channel].Frequency : frame.FrequencyHz;
            Array.Copy(frame.Payload, received.Payload, frame.Length);
            if (outcome == AirOutcome.Corrupted && !frame.CrcOn && frame.Length > 0)
            {
                received.Payload[frame.Length / 2] ^= 0x10;
            }

            if (RecordFrames)
            {
                Received.Add(received);
            }

            FrameReceived?.Invoke(received);
        }
    }
}
