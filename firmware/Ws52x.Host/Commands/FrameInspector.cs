using Ws52x.LoRaWan.Crypto;
using Ws52x.LoRaWan.MacCommands;

using Ws52x.LoRaWan.Frames;

namespace Ws52x.Host.Commands
{
    /// <summary>
    /// Decodes any 1.0.x PHYPayload for a person debugging a rejected frame (the `ws52x frame` tool): every field,
    /// the MIC verdict and the decrypted payload when the keys are given, decoded MAC commands, and for joins the
    /// ids, the decrypted JoinAccept and the derived session keys. No counter rules: it says what the frame is.
    /// </summary>
    public sealed class FrameInspector
    {
        private readonly LoRaWanCrypto _crypto = new LoRaWanCrypto();
        private readonly FrameParser _parser;

        public FrameInspector()
        {
            _parser = new FrameParser(_crypto);
        }

        public readonly DataFrame Data = new DataFrame();
        public readonly MacCommandList MacCommands = new MacCommandList();
        public readonly JoinAccept Accept = new JoinAccept();
        public readonly byte[] AppEui = new byte[8];
        public readonly byte[] DevEui = new byte[8];
        public readonly byte[] NwkSKey = new byte[16];
        public readonly byte[] AppSKey = new byte[16];

        public MType Type;
        public byte MhdrByte;

        /// <summary>Whether a MIC could be checked (the right key was given), and its verdict.</summary>
        public bool MicChecked;
        public bool MicValid;

        /// <summary>Data: FRMPayload decrypted into Data.Payload. JoinAccept: decrypted (needs the AppKey).</summary>
        public bool Decrypted;

        /// <summary>Where the decoded MAC commands came from: 0 none, 1 FOpts, 2 FPort-0 payload.</summary>
        public int MacSource;
        public FrameError MacError;

        public ushort DevNonce;
        public bool KeysDerived;

        /// <summary>
        /// Inspects frame[0..length). Keys may be null; devNonce -1 when unknown; fCnt32 -1 to take the 16 on-air bits
        /// as the whole counter, else its upper 16 bits complete the on-air ones. Returns a structural error only when
        /// the bytes are not a frame at all (a wrong MIC is a verdict, not an error).
        /// </summary>
        public FrameError Inspect(byte[] frame, int length, byte[] nwkSKey, byte[] appSKey, byte[] appKey, int devNonce, long fCnt32)
        {
            MicChecked = MicValid = Decrypted = KeysDerived = false;
            MacSource = 0;
            MacError = FrameError.None;
            DevNonce = 0;
            if (length < 1)
            {
                return FrameError.ShortFrame;
            }

            MhdrByte = frame[0];
            Type = Mhdr.TypeOf(MhdrByte);
            if (Mhdr.MajorOf(MhdrByte) != Mhdr.MajorLoRaWanR1)
            {
                return FrameError.BadMhdr;
            }

            if (Type == MType.JoinRequest)
            {
                FrameError e = JoinRequest.Read(_crypto, frame, 0, length, appKey, AppEui, DevEui, out DevNonce, out MicValid);
                MicChecked = appKey != null && e == FrameError.None;
                return e;
            }

            if (Type == MType.JoinAccept)
            {
                return InspectJoinAccept(frame, length, appKey, devNonce);
            }

            if (!Mhdr.IsData(Type))
            {
                return FrameError.BadMhdr;
            }

            FrameError s = FrameParser.ReadStructure(frame, 0, length, Data);
            if (s != FrameError.None)
            {
                return s;
            }

            if (fCnt32 >= 0)
            {
                Data.FCnt32 = ((uint)fCnt32 & 0xFFFF0000) | (uint)Data.FCnt16;
            }

            if (nwkSKey != null)
            {
                MicChecked = true;
                MicValid = _parser.MicMatches(nwkSKey, frame, 0, length, Data);
            }

            if (Data.PayloadLength > 0 && (Data.FPort == 0 ? nwkSKey != null : appSKey != null))
            {
                _parser.Decrypt(nwkSKey, appSKey, frame, 0, Data);
                Decrypted = true;
            }

            bool downlink = !Data.IsUplink;
            if (Data.FOptsLength > 0)
            {
                MacSource = 1;
                MacError = MacCommandCodec.Parse(Data.FOpts, 0, Data.FOptsLength, downlink, MacCommands);
            }
            else if (Data.FPort == 0 && Decrypted)
            {
                MacSource = 2;
                MacError = MacCommandCodec.Parse(Data.Payload, 0, Data.PayloadLength, downlink, MacCommands);
            }

            return FrameError.None;
        }

        private FrameError InspectJoinAccept(byte[] frame, int length, byte[] appKey, int devNonce)
        {
            if (length != JoinAccept.LengthWithoutCFList && length != JoinAccept.LengthWithCFList)
            {
                return length < JoinAccept.LengthWithoutCFList ? FrameError.ShortFrame : FrameError.BadLength;
            }

            if (appKey == null)
            {
                return FrameError.None;
            }

            MicChecked = true;
            FrameError e = Accept.Accept(_crypto, appKey, frame, 0, length);
            MicValid = e == FrameError.None;
            Decrypted = MicValid;
            if (MicValid && devNonce >= 0)
            {
                DevNonce = (ushort)devNonce;
                _crypto.DeriveSessionKeys(appKey, Accept.AppNonce, Accept.NetId, DevNonce, NwkSKey, AppSKey);
                KeysDerived = true;
            }

            return FrameError.None;
        }
    }
}
