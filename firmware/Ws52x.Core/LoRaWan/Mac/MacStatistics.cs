using Ws52x.LoRaWan.Frames;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>Where the MAC is in its cycle (see docs/lorawan.md for the diagram).</summary>
    internal enum MacState
    {
        /// <summary>Not started, or waiting for the radio to come out of reset.</summary>
        Stopped = 0,

        /// <summary>Nothing on the air; the next uplink or join waits for its time (Class C: RX2 open meanwhile).</summary>
        Idle,

        Transmitting,

        /// <summary>Uplink sent; RX1 opens at RECEIVE_DELAY1 (JOIN_ACCEPT_DELAY1) minus the window margin.</summary>
        WaitRx1,

        Rx1,

        WaitRx2,

        Rx2,

        /// <summary>Stopped for good until a reboot: an ABP counter ran out, or every DevNonce was used.</summary>
        Halted,
    }

    /// <summary>Counts of what the MAC did and refused, for the log and the tests. Only the MAC changes them.</summary>
    internal sealed class MacStatistics
    {
        private readonly int[] _rejected = new int[32];

        public int JoinRequests { get; internal set; }

        public int Joins { get; internal set; }

        /// <summary>Data frames put on the air, repetitions included.</summary>
        public int Transmissions { get; internal set; }

        /// <summary>Transmissions that repeated a frame (same FCnt): confirmed resends and NbTrans repetitions.</summary>
        public int Repetitions { get; internal set; }

        public int DownlinksAccepted { get; internal set; }

        /// <summary>RSSI (dBm) and SNR (dB) of the last accepted unicast downlink; meaningful once <see cref="DownlinksAccepted"/> &gt; 0.</summary>
        public int LastRssiDbm { get; internal set; }

        public int LastSnrDb { get; internal set; }

        public int MulticastAccepted { get; internal set; }

        public int DownlinksRejected { get; internal set; }

        /// <summary>MAC command runs that stopped early (unknown CID, truncated command).</summary>
        public int MacCommandErrors { get; internal set; }

        public int RxTimeouts { get; internal set; }

        public int RadioFaults { get; internal set; }

        /// <summary>Times the MAC waited for a duty-cycle band, the aggregated limit or the join back-off.</summary>
        public int DutyCycleWaits { get; internal set; }

        /// <summary>Downlinks rejected for this reason.</summary>
        public int Rejected(FrameError reason)
        {
            int i = (int)reason;
            return i >= 0 && i < _rejected.Length ? _rejected[i] : 0;
        }

        internal void Reject(FrameError reason)
        {
            DownlinksRejected++;
            int i = (int)reason;
            if (i >= 0 && i < _rejected.Length)
            {
                _rejected[i]++;
            }
        }
    }
}
