using System;

namespace Ws52x.Host.Network
{
    /// <summary>Why the network server dropped a frame (or a downlink it was asked to send).</summary>
    public enum RejectReason
    {
        /// <summary>The gateway's CRC check failed.</summary>
        Crc,

        /// <summary>Not a LoRaWAN 1.0 uplink the server can read (bad MHDR, lengths that do not add up).</summary>
        Malformed,

        /// <summary>A JoinRequest from a DevEUI nobody registered.</summary>
        UnknownDevEui,

        /// <summary>A JoinRequest whose JoinEUI (AppEUI) is not the registered one.</summary>
        JoinEuiMismatch,

        /// <summary>A JoinRequest whose MIC does not check with the registered AppKey.</summary>
        JoinMic,

        /// <summary>A JoinRequest with a DevNonce the device already used (replayed join).</summary>
        DevNonceReused,

        /// <summary>A data uplink whose DevAddr belongs to no session.</summary>
        UnknownDevAddr,

        /// <summary>A data uplink whose MIC does not check with the session's NwkSKey.</summary>
        BadMic,

        /// <summary>A data uplink whose counter is not above the last accepted one (and is not a retransmission of it).</summary>
        Replay,

        /// <summary>A data uplink whose counter jumped more than MAX_FCNT_GAP (16384) ahead.</summary>
        CounterGap,

        /// <summary>MAC commands the server could not read (unknown CID, truncated).</summary>
        MacCommand,

        /// <summary>An application downlink longer than the downlink data rate carries: dropped, never cut.</summary>
        DownlinkTooLong,
    }

    /// <summary>What the network server has seen and done, for tests, the scenario runner and the benchmark.</summary>
    public sealed class NetworkCounters
    {
        private readonly int[] _rejected = new int[Enum.GetValues(typeof(RejectReason)).Length];

        /// <summary>Frames the gateways passed on (every copy, before deduplication).</summary>
        public int FramesHeard { get; internal set; }

        /// <summary>Copies of an uplink heard by a second (third...) gateway, folded into the first.</summary>
        public int Duplicates { get; internal set; }

        public int JoinRequests { get; internal set; }

        public int Joins { get; internal set; }

        /// <summary>Data uplinks accepted (new counters).</summary>
        public int Uplinks { get; internal set; }

        /// <summary>Uplinks repeated with the same counter and bytes (NbTrans, confirmed retries): answered, not delivered twice.</summary>
        public int Retransmissions { get; internal set; }

        /// <summary>Downlinks with the ACK bit sent for confirmed uplinks.</summary>
        public int Acks { get; internal set; }

        /// <summary>Confirmed downlinks the device acknowledged / did not acknowledge in its next uplink.</summary>
        public int DownlinkAcks { get; internal set; }

        public int DownlinkNacks { get; internal set; }

        public int DownlinksRx1 { get; internal set; }

        public int DownlinksRx2 { get; internal set; }

        public int DownlinksClassC { get; internal set; }

        public int DownlinksMulticast { get; internal set; }

        /// <summary>Class A answers that could be sent in neither RX1 nor RX2.</summary>
        public int DownlinksMissed { get; internal set; }

        public int MacCommandsSent { get; internal set; }

        public int MacAnswers { get; internal set; }

        /// <summary>Requests the next uplink did not answer.</summary>
        public int MacUnanswered { get; internal set; }

        public int ApplicationUplinks { get; internal set; }

        public int Rejected(RejectReason reason) => _rejected[(int)reason];

        public int RejectedTotal
        {
            get
            {
                int n = 0;
                foreach (int r in _rejected)
                {
                    n += r;
                }

                return n;
            }
        }

        internal void Reject(RejectReason reason) => _rejected[(int)reason]++;

        /// <summary>The reason in words, for the log.</summary>
        public static string Describe(RejectReason reason)
        {
            switch (reason)
            {
                case RejectReason.Crc: return "CRC error at the gateway";
                case RejectReason.Malformed: return "malformed frame";
                case RejectReason.UnknownDevEui: return "unknown DevEUI";
                case RejectReason.JoinEuiMismatch: return "JoinEUI is not the registered one";
                case RejectReason.JoinMic: return "join MIC does not match the AppKey";
                case RejectReason.DevNonceReused: return "DevNonce already used";
                case RejectReason.UnknownDevAddr: return "unknown DevAddr";
                case RejectReason.BadMic: return "MIC does not match";
                case RejectReason.Replay: return "frame counter not above the last one (replay)";
                case RejectReason.CounterGap: return "frame counter jumped beyond MAX_FCNT_GAP";
                case RejectReason.MacCommand: return "unreadable MAC commands";
                default: return "downlink too long for its data rate";
            }
        }
    }
}
