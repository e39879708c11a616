using Ws52x.Loop;
using Ws52x.Radio;

namespace Ws52x.Host.Board.Radio
{
    /// <summary>What happened to one frame at one receiver.</summary>
    public enum AirOutcome
    {
        /// <summary>Received intact.</summary>
        Ok,

        /// <summary>Received with bit errors: a CRC-protected frame fails its CRC, a frame without CRC arrives damaged.</summary>
        Corrupted,

        /// <summary>Collided, cut short by its sender, or otherwise not decodable: the receiver gets nothing.</summary>
        Lost,
    }

    /// <summary>Something that can hear frames on the air: a modelled SX127x in RX, a gateway.</summary>
    public interface IAirListener
    {
        /// <summary>
        /// Called when a frame's preamble starts. Return true to demodulate it (the listener is in receive, on its channel,
        /// SF, bandwidth, IQ polarity and sync word, and has a free demodulator).
        /// </summary>
        bool TryLock(AirTransmission frame);

        /// <summary>Called at the frame's end for a listener that locked it. The payload is only valid during the call.</summary>
        void OnFrameEnd(AirTransmission frame, AirOutcome outcome, int rssiDbm, int snrQuarterDb);
    }

    /// <summary>The sender of a frame, told when its last symbol has been sent.</summary>
    public interface IAirSender
    {
        void OnTransmitted(AirTransmission frame);
    }

    /// <summary>
    /// One frame on the virtual air: its radio parameters, its payload and its time span. Pooled by <see cref="VirtualAir"/>:
    /// fill it between <see cref="VirtualAir.Rent"/> and <see cref="VirtualAir.Start"/>, never keep it after its end.
    /// </summary>
    public sealed class AirTransmission
    {
        internal const int MaxListeners = 16;

        internal readonly IAirListener[] Listeners = new IAirListener[MaxListeners];
        internal readonly AirOutcome[] OutcomeFor = new AirOutcome[MaxListeners];
        internal int ListenerCount;
        internal LoopTimer EndTimer;

        public readonly byte[] Payload = new byte[256];
        public int Length;

        public int FrequencyHz;
        public int SpreadingFactor;
        public int BandwidthHz;
        public LoRaCodingRate CodingRate;
        public int PreambleSymbols;
        public bool IqInverted;
        public byte SyncWord;
        public bool ImplicitHeader;
        public bool CrcOn;
        public bool LowDataRateOptimize;

        /// <summary>Who sent it (for link budgets); may be null.</summary>
        public object Sender;
        internal IAirSender SenderCallback;

        public long StartMicros;
        public long EndMicros;
        public long AirtimeMicros;

        /// <summary>Overlapped another frame on the same channel and SF; nobody receives it.</summary>
        public bool Collided;

        /// <summary>The sender stopped transmitting before the end.</summary>
        public bool Aborted;

        /// <summary>A serial number, for logs and tests.</summary>
        public long Id;

        /// <summary>Copies the channel part of a driver configuration (IQ polarity included).</summary>
        public void SetChannel(RadioChannelConfig config)
        {
            FrequencyHz = config.FrequencyHz;
            SpreadingFactor = config.SpreadingFactor;
            BandwidthHz = config.BandwidthHz;
            CodingRate = config.CodingRate;
            PreambleSymbols = config.PreambleSymbols;
            IqInverted = config.InvertIq;
            SyncWord = config.SyncWord;
            ImplicitHeader = config.ImplicitHeader;
            LowDataRateOptimize = LoRaAirtime.ResolveLdro(config.LowDataRateOptimize, config.SpreadingFactor, config.BandwidthHz);
        }

        internal void Clear()
        {
            for (int i = 0; i < ListenerCount; i++)
            {
                Listeners[i] = null;
                OutcomeFor[i] = AirOutcome.Ok;
            }

            ListenerCount = 0;
            Sender = null;
            SenderCallback = null;
            Collided = false;
            Aborted = false;
            Length = 0;
        }
    }
}
