using Ws52x.LoRaWan.Crypto;

namespace Ws52x.LoRaWan.Frames
{
    /// <summary>
    /// A decrypted, MIC-checked JoinAccept (1.0.x): MHDR | AppNonce(3) | NetID(3) | DevAddr(4) | DLSettings |
    /// RxDelay | [CFList(16)] | MIC(4), 17 or 33 bytes on air. Reused from join to join (no allocation in Accept).
    /// </summary>
    public sealed class JoinAccept
    {
        public const int LengthWithoutCFList = 17;
        public const int LengthWithCFList = 33;
        public const int CFListLength = 16;

        /// <summary>CFList type byte (last of the 16): 0 = five extra channel frequencies, 1 = channel mask (US915-like).</summary>
        public const int CFListTypeFrequencies = 0;
        public const int CFListTypeChannelMask = 1;

        /// <summary>The clear JoinAccept as the MIC covers it (MHDR..CFList, then the MIC).</summary>
        public readonly byte[] Plain = new byte[LengthWithCFList];
        public readonly byte[] CFList = new byte[CFListLength];

        public uint AppNonce;
        public uint NetId;
        public uint DevAddr;
        public int DLSettings;
        public int RxDelay;
        public bool HasCFList;
        public int PlainLength;

        /// <summary>RX1 data rate offset: DLSettings bits 6..4.</summary>
        public int Rx1DrOffset => (DLSettings >> 4) & 0x07;

        /// <summary>RX2 data rate: DLSettings bits 3..0.</summary>
        public int Rx2DataRate => DLSettings & 0x0F;

        /// <summary>RxDelay 0 means 1 s, like 1.</summary>
        public int RxDelaySeconds => (RxDelay & 0x0F) == 0 ? 1 : RxDelay & 0x0F;

        public int CFListType => HasCFList ? CFList[15] : -1;

        /// <summary>
        /// CFList type 0: the frequency (Hz) of extra channel index 0..4 (each 24-bit little-endian, in 100 Hz).
        /// </summary>
        public uint CFListFrequency(int index) => Util.Bytes.ReadUInt24LE(CFList, 3 * index) * 100;

        /// <summary>CFList type 1: ChMask bit for channel 0..79 (five 16-bit masks).</summary>
        public bool CFListChannelEnabled(int channel) => (CFList[channel >> 3] & (1 << (channel & 7))) != 0;

        /// <summary>
        /// Decrypts frame (on air) with the AppKey, checks the MIC and fills the fields. The input is not modified.
        /// On failure the fields are cleared and no session is touched.
        /// </summary>
        public FrameError Accept(LoRaWanCrypto crypto, byte[] appKey, byte[] frame, int offset, int length)
        {
            Clear();
            if (frame == null || offset < 0 || length < 0 || offset + length > frame.Length)
            {
                return FrameError.BadArgument;
            }

            if (length < 1)
            {
                return FrameError.ShortFrame;
            }

            if (Mhdr.TypeOf(frame[offset]) != MType.JoinAccept || Mhdr.MajorOf(frame[offset]) != Mhdr.MajorLoRaWanR1)
            {
                return FrameError.BadMhdr;
            }

            if (length != LengthWithoutCFList && length != LengthWithCFList)
            {
                return length < LengthWithoutCFList ? FrameError.ShortFrame : FrameError.BadLength;
            }

            System.Array.Copy(frame, offset, Plain, 0, length);
            crypto.DecryptJoinAccept(appKey, Plain, 1, length - 1);
            uint mic = crypto.JoinMic(appKey, Plain, 0, length - 4);
            if (mic != Util.Bytes.ReadUInt32LE(Plain, length - 4))
            {
                Clear();
                return FrameError.BadMic;
            }

            PlainLength = length;
            AppNonce = Util.Bytes.ReadUInt24LE(Plain, 1);
            NetId = Util.Bytes.ReadUInt24LE(Plain, 4);
            DevAddr = Util.Bytes.ReadUInt32LE(Plain, 7);
            DLSettings = Plain[11];
            RxDelay = Plain[12];
            HasCFList = length == LengthWithCFList;
            if (HasCFList)
            {
                System.Array.Copy(Plain, 13, CFList, 0, CFListLength);
            }

            return FrameError.None;
        }

        /// <summary>Makes <paramref name="session"/> the joined session: DevAddr, derived keys, counters reset.</summary>
        public void StartSession(LoRaWanCrypto crypto, byte[] appKey, ushort devNonce, Session session)
        {
            session.DevAddr = DevAddr;
            crypto.DeriveSessionKeys(appKey, AppNonce, NetId, devNonce, session.NwkSKey, session.AppSKey);
            session.ResetCounters();
            session.IsMulticast = false;
        }

        private void Clear()
        {
            System.Array.Clear(Plain, 0, Plain.Length);
            System.Array.Clear(CFList, 0, CFList.Length);
            AppNonce = 0;
            NetId = 0;
            DevAddr = 0;
            DLSettings = 0;
            RxDelay = 0;
            HasCFList = false;
            PlainLength = 0;
        }
    }
}
