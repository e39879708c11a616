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
        /// Whether the listener is receiving on this frame's channel, SF, bandwidth, IQ polarity and sync word right now;
        /// no side effect (the air asks it of every listener for every frame, before it works out the link budget).
        /// </summary>
        bool IsTunedTo(AirTransmission frame);

        /// <summary>
        /// Called when a frame's preamble starts. Return true to demodulate it (the listener is in receive, on its channel,
        /// SF, bandwidth, IQ polarity and sync word, and has a free demodulator).
        /// </summary>
        bool TryLock(AirTransmission frame);

        /// <summary>Called at the frame's end for a listener that locked it. The payload is only valid during the call.</summary>
        void OnFrameEnd(AirTransmission frame, AirOutcome outcome, int rssiDbm, int snrQuarterDb);
    }

    /// <summary>Watches the air: told of each frame when it ends, with its receivers and their outcomes still on it.</summary>
    public interface IAirObserver
    {
        void OnFrameEnd(AirTransmission frame);
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
        // The receivers that locked the frame, with what each will get; they grow for a street of Class C sockets.
        internal IAirListener[] Listeners = new IAirListener[16];
        internal AirOutcome[] OutcomeFor = new AirOutcome[16];
        internal int[] RssiFor = new int[16];
        internal int[] SnrFor = new int[16];
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

        /// <summary>Radiated power in dBm (what the link budget starts from).</summary>
        public double PowerDbm = LinkBudget.ReferencePowerDbm;

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

        internal void AddListener(IAirListener listener, AirOutcome outcome, int rssiDbm, int snrQuarterDb)
        {
            if (ListenerCount == Listeners.Length)
            {
                int size = Listeners.Length * 2;
                System.Array.Resize(ref Listeners, size);
                System.Array.Resize(ref OutcomeFor, size);
                System.Array.Resize(ref RssiFor, size);
                System.Array.Resize(ref SnrFor, size);
            }

            Listeners[ListenerCount] = listener;
            OutcomeFor[ListenerCount] = outcome;
            RssiFor[ListenerCount] = rssiDbm;
            SnrFor[ListenerCount] = snrQuarterDb;
            ListenerCount++;
        }

        /// <summary>Receivers that locked the frame at its start (they learn its outcome at its end).</summary>
        public int ReceiverCount => ListenerCount;

        /// <summary>The <paramref name="index"/>th receiver that locked the frame.</summary>
        public IAirListener ReceiverAt(int index) => Listeners[index];

        /// <summary>Whether the <paramref name="index"/>th receiver gets the frame intact (neither collided, cut nor damaged).</summary>
        public bool ReceivedIntactBy(int index) => !Collided && !Aborted && OutcomeFor[index] == AirOutcome.Ok;

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
            PowerDbm = LinkBudget.ReferencePowerDbm;
        }
    }
}
