namespace Ws52x.LoRaWan.Frames
{
    /// <summary>
    /// One LoRaWAN 1.0.x security context: DevAddr, NwkSKey, AppSKey and the 32-bit frame counters. A unicast
    /// session comes from a join (<see cref="JoinAccept"/>) or from configured ABP keys; a multicast group is a
    /// session with <see cref="IsMulticast"/> set (McAddr, McNetSKey, McAppSKey), downlink only.
    /// A counter value is never used twice with the same keys, so neither counter wraps: once one is used up the
    /// session is spent (<see cref="FCntUpExhausted"/>, <see cref="FCntDownExhausted"/>) and needs new keys.
    /// </summary>
    public sealed class Session
    {
        /// <summary>LoRaWAN 1.0: a received FCnt further ahead than this of the last accepted one is a counter gap.</summary>
        public const uint MaxFCntGap = 16384;

        public readonly byte[] NwkSKey = new byte[16];
        public readonly byte[] AppSKey = new byte[16];

        // The counters and the address are the session's own: the MAC (and its store, restoring them after a reboot)
        // changes them; everyone else reads. A counter set back by anyone else would replay frames.
        public uint DevAddr { get; internal set; }

        /// <summary>The counter the next uplink will carry; the MAC advances it (<see cref="AdvanceFCntUp"/>) after each new uplink.</summary>
        public uint FCntUp { get; internal set; }

        /// <summary>The last accepted downlink counter; meaningful only once <see cref="HasDownlink"/>.</summary>
        public uint FCntDown { get; internal set; }

        /// <summary>False until the first downlink is accepted: the first may carry any counter (even 0).</summary>
        public bool HasDownlink { get; internal set; }

        public bool IsMulticast { get; internal set; }

        /// <summary>
        /// True once the uplink with FCntUp 0xFFFFFFFF has gone out: no counter is left for these keys, and the
        /// builder refuses further uplinks (<see cref="FrameError.CounterExhausted"/>) until new keys are set.
        /// </summary>
        public bool FCntUpExhausted { get; private set; }

        /// <summary>True once the downlink with counter 0xFFFFFFFF was accepted: no later downlink can be.</summary>
        public bool FCntDownExhausted => HasDownlink && FCntDown == uint.MaxValue;

        /// <summary>An ABP (or restored) session from configured keys; its counters start again.</summary>
        public void SetKeys(uint devAddr, byte[] nwkSKey, byte[] appSKey)
        {
            DevAddr = devAddr;
            System.Array.Copy(nwkSKey, NwkSKey, 16);
            System.Array.Copy(appSKey, AppSKey, 16);
            ResetCounters();
        }

        /// <summary>Counters of fresh keys (a join, or ABP keys set): FCntUp 0, no downlink yet.</summary>
        public void ResetCounters()
        {
            FCntUp = 0;
            FCntDown = 0;
            HasDownlink = false;
            FCntUpExhausted = false;
        }

        /// <summary>The uplink with FCntUp has gone out: the next one takes the next counter, or none is left.</summary>
        public void AdvanceFCntUp()
        {
            if (FCntUp == uint.MaxValue)
            {
                FCntUpExhausted = true;
            }
            else
            {
                FCntUp++;
            }
        }

        /// <summary>
        /// Records an accepted downlink counter (the parser does, on success when asked to commit). Only forward: a
        /// counter at or below the last accepted one is ignored, so no caller can open the way to a replay.
        /// </summary>
        public void AcceptDownlink(uint fCnt32)
        {
            if (HasDownlink && fCnt32 <= FCntDown)
            {
                return;
            }

            FCntDown = fCnt32;
            HasDownlink = true;
        }

        /// <summary>
        /// Reads a received 16-bit FCnt as LoRaWAN 1.0.x does: the last accepted counter plus the 16-bit distance to
        /// it (the very first downlink takes the 16 bits as they are). The verdict: distance 0 is a
        /// <see cref="FrameError.Replay"/>, a counter past 0xFFFFFFFF <see cref="FrameError.CounterExhausted"/>, more than
        /// <see cref="MaxFCntGap"/> ahead a <see cref="FrameError.CounterGap"/>. <paramref name="fCnt32"/> is the counter
        /// (truncated to 32 bits) to check the MIC with, so that the verdict is only believed for an authentic frame.
        /// </summary>
        public FrameError DownlinkCounterAhead(int fCnt16, out uint fCnt32)
        {
            if (!HasDownlink)
            {
                fCnt32 = (uint)fCnt16;
                return FrameError.None;
            }

            uint distance = ((uint)fCnt16 - FCntDown) & 0xFFFF;
            fCnt32 = unchecked(FCntDown + distance);
            if (distance == 0)
            {
                return FrameError.Replay;
            }

            if (fCnt32 < FCntDown)
            {
                return FrameError.CounterExhausted;
            }

            return distance > MaxFCntGap ? FrameError.CounterGap : FrameError.None;
        }

        /// <summary>
        /// The other reading of the same 16 bits: an older frame, (65536 - distance) below the last accepted counter.
        /// False when there is no such counter (no downlink yet, distance 0, or below zero). A frame whose MIC checks
        /// with this counter is a replay.
        /// </summary>
        public bool DownlinkCounterBehind(int fCnt16, out uint fCnt32)
        {
            fCnt32 = 0;
            uint distance = ((uint)fCnt16 - FCntDown) & 0xFFFF;
            uint back = 0x10000 - distance;
            if (!HasDownlink || distance == 0 || FCntDown < back)
            {
                return false;
            }

            fCnt32 = FCntDown - back;
            return true;
        }
    }
}
