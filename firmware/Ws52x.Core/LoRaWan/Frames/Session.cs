namespace Ws52x.LoRaWan.Frames
{
    /// <summary>
    /// One LoRaWAN 1.0.x security context: DevAddr, NwkSKey, AppSKey and the 32-bit frame counters. A unicast
    /// session comes from a join (<see cref="JoinAccept"/>) or from configured ABP keys; a multicast group is a
    /// session with <see cref="IsMulticast"/> set (McAddr, McNetSKey, McAppSKey), downlink only.
    /// </summary>
    public sealed class Session
    {
        /// <summary>LoRaWAN 1.0: a received 16-bit FCnt further ahead than this from the last one is not reconstructed.</summary>
        public const uint MaxFCntGap = 16384;

        public readonly byte[] NwkSKey = new byte[16];
        public readonly byte[] AppSKey = new byte[16];

        public uint DevAddr;

        /// <summary>The counter the next uplink will carry; the MAC increments it after each transmission.</summary>
        public uint FCntUp;

        /// <summary>The last accepted downlink counter; meaningful only once <see cref="HasDownlink"/>.</summary>
        public uint FCntDown;

        /// <summary>False until the first downlink is accepted: the first may carry any counter (even 0).</summary>
        public bool HasDownlink;

        public bool IsMulticast;

        /// <summary>An ABP (or restored) session from configured keys, counters given.</summary>
        public void SetKeys(uint devAddr, byte[] nwkSKey, byte[] appSKey)
        {
            DevAddr = devAddr;
            System.Array.Copy(nwkSKey, NwkSKey, 16);
            System.Array.Copy(appSKey, AppSKey, 16);
            FCntUp = 0;
            FCntDown = 0;
            HasDownlink = false;
        }

        /// <summary>Records an accepted downlink counter (called by the parser on success when asked to commit).</summary>
        public void AcceptDownlink(uint fCnt32)
        {
            FCntDown = fCnt32;
            HasDownlink = true;
        }

        /// <summary>
        /// The 32-bit counter a received 16-bit FCnt stands for, given the last accepted one (1.0.4 rules: it must be
        /// above the last, except for the very first downlink, and at most <see cref="MaxFCntGap"/> ahead).
        /// </summary>
        public FrameError ReconstructDownlinkCounter(int fCnt16, out uint fCnt32)
        {
            if (!HasDownlink)
            {
                fCnt32 = (uint)fCnt16;
                return FrameError.None;
            }

            uint diff = ((uint)fCnt16 - FCntDown) & 0xFFFF;
            if (diff == 0 || diff >= 0x8000)
            {
                // At or behind the last counter: the frame's own (older) counter, so its MIC still checks and the
                // verdict is "replay" rather than "bad MIC".
                fCnt32 = FCntDown - ((0x10000 - diff) & 0xFFFF);
                return FrameError.Replay;
            }

            fCnt32 = FCntDown + diff;
            return diff > MaxFCntGap ? FrameError.CounterGap : FrameError.None;
        }
    }
}
