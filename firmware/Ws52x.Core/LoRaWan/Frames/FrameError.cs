namespace Ws52x.LoRaWan.Frames
{
    /// <summary>Why a frame was rejected (or could not be built). Rejections never change any counter.</summary>
    public enum FrameError
    {
        None = 0,
        ShortFrame,
        BadMhdr,
        BadLength,
        BadMic,
        WrongDevAddr,
        Replay,
        CounterGap,

        /// <summary>
        /// The 32-bit frame counter would pass 2^32: a downlink beyond FCntDown 0xFFFFFFFF (reported only when its MIC
        /// checks with the wrapped counter, so a forged frame cannot cause it), or an uplink after FCntUp 0xFFFFFFFF.
        /// A counter value may never be used twice with the same keys, so the session is spent: the MAC joins again
        /// (OTAA), or stops sending and says so (ABP, whose keys only the user can change).
        /// </summary>
        CounterExhausted,
        FOptsWithPortZero,
        BadMulticast,
        UnknownMacCommand,
        BufferTooSmall,
        BadArgument,
    }

    public static class FrameErrors
    {
        /// <summary>One short sentence per reason, for logs and the `ws52x frame` tool.</summary>
        public static string Message(FrameError e)
        {
            switch (e)
            {
                case FrameError.None: return "ok";
                case FrameError.ShortFrame: return "frame too short for its type";
                case FrameError.BadMhdr: return "MHDR: unsupported major version or a message type not expected here";
                case FrameError.BadLength: return "a length field does not match the bytes present";
                case FrameError.BadMic: return "MIC does not match (wrong key, counter or corrupted frame)";
                case FrameError.WrongDevAddr: return "DevAddr is not this session's";
                case FrameError.Replay: return "frame counter not above the last accepted one (replay)";
                case FrameError.CounterGap: return "frame counter jumped more than MAX_FCNT_GAP ahead";
                case FrameError.CounterExhausted: return "32-bit frame counter used up: the session needs new keys (rejoin)";
                case FrameError.FOptsWithPortZero: return "FOpts and FPort 0 together (MAC commands twice)";
                case FrameError.BadMulticast: return "multicast frame must be unconfirmed, without MAC commands";
                case FrameError.UnknownMacCommand: return "unknown MAC command CID; the rest was not parsed";
                case FrameError.BufferTooSmall: return "output buffer too small";
                default: return "bad argument";
            }
        }
    }
}
