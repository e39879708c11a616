using Ws52x.LoRaWan.Crypto;

namespace Ws52x.LoRaWan.Frames
{
    /// <summary>
    /// JoinRequest (1.0.x): MHDR | AppEUI(8) | DevEUI(8) | DevNonce(2) | MIC(4) = 23 bytes, MIC = CMAC(AppKey, the rest).
    /// EUIs are given as they read (big-endian, e.g. 24e124c0002a0001) and go little-endian on air.
    /// </summary>
    public static class JoinRequest
    {
        public const int Length = 23;

        /// <summary>Writes the JoinRequest to output[offset..offset+23); returns 23, or -1 if the buffer is too small.</summary>
        public static int Build(LoRaWanCrypto crypto, byte[] appKey, byte[] appEui, byte[] devEui, ushort devNonce,
            byte[] output, int offset)
        {
            if (output.Length - offset < Length)
            {
                return -1;
            }

            output[offset] = Mhdr.Make(MType.JoinRequest);
            WriteEuiLE(appEui, output, offset + 1);
            WriteEuiLE(devEui, output, offset + 9);
            Util.Bytes.WriteUInt16LE(output, offset + 17, devNonce);
            uint mic = crypto.JoinMic(appKey, output, offset, 19);
            Util.Bytes.WriteUInt32LE(output, offset + 19, mic);
            return Length;
        }

        /// <summary>
        /// Reads a JoinRequest's ids (EUIs back to big-endian into the 8-byte arrays) and checks its MIC when appKey
        /// is given (micValid stays false without a key).
        /// </summary>
        public static FrameError Read(LoRaWanCrypto crypto, byte[] frame, int offset, int length, byte[] appKey,
            byte[] appEui, byte[] devEui, out ushort devNonce, out bool micValid)
        {
            devNonce = 0;
            micValid = false;
            if (length < 1)
            {
                return FrameError.ShortFrame;
            }

            if (Mhdr.TypeOf(frame[offset]) != MType.JoinRequest || Mhdr.MajorOf(frame[offset]) != Mhdr.MajorLoRaWanR1)
            {
                return FrameError.BadMhdr;
            }

            if (length != Length)
            {
                return length < Length ? FrameError.ShortFrame : FrameError.BadLength;
            }

            ReadEuiLE(frame, offset + 1, appEui);
            ReadEuiLE(frame, offset + 9, devEui);
            devNonce = Util.Bytes.ReadUInt16LE(frame, offset + 17);
            if (appKey != null)
            {
                micValid = crypto.JoinMic(appKey, frame, offset, 19) == Util.Bytes.ReadUInt32LE(frame, offset + 19);
            }

            return FrameError.None;
        }

        internal static void WriteEuiLE(byte[] euiBigEndian, byte[] output, int offset)
        {
            for (int i = 0; i < 8; i++)
            {
                output[offset + i] = euiBigEndian[7 - i];
            }
        }

        internal static void ReadEuiLE(byte[] frame, int offset, byte[] euiBigEndian)
        {
            for (int i = 0; i < 8; i++)
            {
                euiBigEndian[7 - i] = frame[offset + i];
            }
        }
    }
}
