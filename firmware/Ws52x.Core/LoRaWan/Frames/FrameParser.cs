using Ws52x.LoRaWan.Crypto;

namespace Ws52x.LoRaWan.Frames
{
    /// <summary>
    /// Parses data frames. <see cref="ParseDownlink"/> is what the device uses: structure, DevAddr, counter
    /// reconstruction, MIC, counter verdict, then decryption, and only then (if asked) the counter update. Every failure returns a
    /// reason, leaves the session untouched and never throws for malformed bytes.
    /// The lower steps (<see cref="ReadStructure"/>, <see cref="MicMatches"/>, <see cref="Decrypt"/>) serve tools
    /// that look at any frame, up or down.
    /// </summary>
    public sealed class FrameParser
    {
        private readonly LoRaWanCrypto _crypto;

        public FrameParser()
            : this(new LoRaWanCrypto())
        {
        }

        public FrameParser(LoRaWanCrypto crypto)
        {
            _crypto = crypto;
        }

        /// <summary>
        /// Accepts a downlink for <paramref name="session"/> (unicast, or a multicast group). On success the frame's
        /// fields and decrypted payload are in <paramref name="result"/>; with <paramref name="commitCounter"/> the
        /// session's FCntDown advances. On failure nothing in the session changes.
        /// </summary>
        public FrameError ParseDownlink(Session session, byte[] frame, int offset, int length, DataFrame result, bool commitCounter)
        {
            FrameError e = ReadStructure(frame, offset, length, result);
            if (e != FrameError.None)
            {
                return e;
            }

            if (!Mhdr.IsDownlinkData(result.Type))
            {
                return FrameError.BadMhdr;
            }

            if (result.DevAddr != session.DevAddr)
            {
                return FrameError.WrongDevAddr;
            }

            // A group frame acknowledges nothing and asks nothing (TS005; LoRaMac-node refuses ACK and ADRACKReq too).
            if (session.IsMulticast && (result.IsConfirmed || result.FOptsLength > 0 || result.FPort == 0 || result.Ack || result.AdrAckReq))
            {
                return FrameError.BadMulticast;
            }

            // The MIC is checked before the counter verdict, so that only an authentic frame can be called a replay,
            // a counter gap or the end of the session's counter, and a forged one is reported as such. The 16 bits
            // on air have two readings: ahead of the last counter (as 1.0.x reads them), or an old frame behind it.
            uint fCnt32;
            FrameError counter = session.DownlinkCounterAhead(result.FCnt16, out fCnt32);
            result.FCnt32 = fCnt32;
            if (!MicMatches(session.NwkSKey, frame, offset, length, result))
            {
                uint older;
                if (session.DownlinkCounterBehind(result.FCnt16, out older))
                {
                    result.FCnt32 = older;
                    if (MicMatches(session.NwkSKey, frame, offset, length, result))
                    {
                        return FrameError.Replay;
                    }

                    result.FCnt32 = fCnt32;
                }

                return FrameError.BadMic;
            }

            if (counter != FrameError.None)
            {
                return counter;
            }

            Decrypt(session.NwkSKey, session.AppSKey, frame, offset, result);
            if (commitCounter)
            {
                session.AcceptDownlink(fCnt32);
            }

            return FrameError.None;
        }

        /// <summary>
        /// Splits a data frame (either direction) into its fields without any key: MHDR, DevAddr, FCtrl, FCnt16,
        /// FOpts (copied), FPort, payload length (still encrypted), MIC. result.FCnt32 is set to FCnt16.
        /// </summary>
        public static FrameError ReadStructure(byte[] frame, int offset, int length, DataFrame result)
        {
            result.Clear();
            if (frame == null || offset < 0 || length < 0 || offset + length > frame.Length)
            {
                return FrameError.BadArgument;
            }

            if (length < 1)
            {
                return FrameError.ShortFrame;
            }

            byte mhdr = frame[offset];
            result.Type = Mhdr.TypeOf(mhdr);
            if (Mhdr.MajorOf(mhdr) != Mhdr.MajorLoRaWanR1 || !Mhdr.IsData(result.Type))
            {
                return FrameError.BadMhdr;
            }

            if (length < FrameBuilder.Overhead)
            {
                return FrameError.ShortFrame;
            }

            if (length > DataFrame.MaxPhyPayload)
            {
                return FrameError.BadLength;
            }

            result.DevAddr = Util.Bytes.ReadUInt32LE(frame, offset + 1);
            result.FCtrlBits = frame[offset + 5];
            result.FCnt16 = Util.Bytes.ReadUInt16LE(frame, offset + 6);
            result.FCnt32 = (uint)result.FCnt16;
            int fOptsLength = FCtrl.FOptsLength(result.FCtrlBits);
            int afterFOpts = 8 + fOptsLength;
            if (afterFOpts + 4 > length)
            {
                return FrameError.BadLength;
            }

            result.FOptsLength = fOptsLength;
            System.Array.Copy(frame, offset + 8, result.FOpts, 0, fOptsLength);
            int rest = length - afterFOpts - 4;
            if (rest > 0)
            {
                result.FPort = frame[offset + afterFOpts];
                result.PayloadLength = rest - 1;
                if (result.FPort == 0 && fOptsLength > 0)
                {
                    return FrameError.FOptsWithPortZero;
                }
            }

            result.Mic = Util.Bytes.ReadUInt32LE(frame, offset + length - 4);
            return FrameError.None;
        }

        /// <summary>True when the frame's MIC matches under nwkSKey with result.FCnt32 (after <see cref="ReadStructure"/>).</summary>
        public bool MicMatches(byte[] nwkSKey, byte[] frame, int offset, int length, DataFrame result)
        {
            int direction = result.IsUplink ? LoRaWanCrypto.DirectionUp : LoRaWanCrypto.DirectionDown;
            uint mic = _crypto.DataMic(nwkSKey, direction, result.DevAddr, result.FCnt32, frame, offset, length - 4);
            return mic == result.Mic;
        }

        /// <summary>Decrypts the FRMPayload into result.Payload (NwkSKey for FPort 0, else AppSKey).</summary>
        public void Decrypt(byte[] nwkSKey, byte[] appSKey, byte[] frame, int offset, DataFrame result)
        {
            if (result.PayloadLength == 0)
            {
                return;
            }

            int start = offset + 8 + result.FOptsLength + 1;
            System.Array.Copy(frame, start, result.Payload, 0, result.PayloadLength);
            int direction = result.IsUplink ? LoRaWanCrypto.DirectionUp : LoRaWanCrypto.DirectionDown;
            _crypto.CryptPayload(result.FPort == 0 ? nwkSKey : appSKey, direction, result.DevAddr, result.FCnt32,
                result.Payload, 0, result.PayloadLength);
        }
    }
}
