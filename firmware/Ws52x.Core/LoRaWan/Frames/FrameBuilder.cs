using Ws52x.LoRaWan.Crypto;

namespace Ws52x.LoRaWan.Frames
{
    /// <summary>
    /// Serializes data frames into a caller-owned buffer: MHDR | DevAddr | FCtrl | FCnt | FOpts | FPort | FRMPayload | MIC.
    /// Allocation-free; one instance per owner (holds the crypto scratch). Counters are not incremented here: the
    /// MAC calls <see cref="Session.AdvanceFCntUp"/> once the uplink has gone out.
    /// </summary>
    public sealed class FrameBuilder
    {
        /// <summary>MHDR 1 + FHDR 7 + MIC 4: the smallest data frame.</summary>
        public const int Overhead = 12;

        private readonly LoRaWanCrypto _crypto;

        public FrameBuilder()
            : this(new LoRaWanCrypto())
        {
        }

        public FrameBuilder(LoRaWanCrypto crypto)
        {
            _crypto = crypto;
        }

        public FrameError LastError { get; private set; }

        /// <summary>
        /// Builds the next uplink of <paramref name="session"/> with counter FCntUp. fctrl carries ADR, ADRACKReq, ACK,
        /// ClassB (the FOptsLen bits are set from foptsLength). fPort -1 = no payload; fPort 0 = MAC commands in
        /// the payload (encrypted with NwkSKey; then FOpts must be empty). Returns the frame length, or -1 with
        /// <see cref="LastError"/> set (<see cref="FrameError.CounterExhausted"/> once the session has no counter left).
        /// </summary>
        public int BuildUplink(Session session, bool confirmed, int fctrl, byte[] fopts, int foptsOffset, int foptsLength,
            int fPort, byte[] payload, int payloadOffset, int payloadLength, byte[] output, int outputOffset)
        {
            if (session.FCntUpExhausted)
            {
                return Fail(FrameError.CounterExhausted);
            }

            return BuildData(confirmed ? MType.ConfirmedDataUp : MType.UnconfirmedDataUp, session.DevAddr, session.NwkSKey,
                session.AppSKey, session.FCntUp, fctrl, fopts, foptsOffset, foptsLength, fPort, payload, payloadOffset,
                payloadLength, output, outputOffset);
        }

        /// <summary>
        /// Any data frame, up or down, with an explicit 32-bit counter (16 bits go on air, all 32 into MIC and cipher).
        /// Used by <see cref="BuildUplink"/>, and by tests and tools that play the network side.
        /// </summary>
        public int BuildData(MType type, uint devAddr, byte[] nwkSKey, byte[] appSKey, uint fCnt32, int fctrl,
            byte[] fopts, int foptsOffset, int foptsLength, int fPort, byte[] payload, int payloadOffset, int payloadLength,
            byte[] output, int outputOffset)
        {
            LastError = FrameError.None;
            if (!Mhdr.IsData(type) || foptsLength < 0 || foptsLength > FCtrl.MaxFOptsLength || fPort < -1 || fPort > 255
                || payloadLength < 0 || (fPort < 0 && payloadLength > 0) || (fPort == 0 && foptsLength > 0))
            {
                return Fail(FrameError.BadArgument);
            }

            int total = Overhead + foptsLength + (fPort >= 0 ? 1 + payloadLength : 0);
            if (total > DataFrame.MaxPhyPayload)
            {
                return Fail(FrameError.BadLength);
            }

            if (output.Length - outputOffset < total)
            {
                return Fail(FrameError.BufferTooSmall);
            }

            int p = outputOffset;
            output[p++] = Mhdr.Make(type);
            Util.Bytes.WriteUInt32LE(output, p, devAddr);
            p += 4;
            output[p++] = (byte)((fctrl & 0xF0) | foptsLength);
            Util.Bytes.WriteUInt16LE(output, p, fCnt32 & 0xFFFF);
            p += 2;
            if (foptsLength > 0)
            {
                System.Array.Copy(fopts, foptsOffset, output, p, foptsLength);
                p += foptsLength;
            }

            int direction = Mhdr.IsUplinkData(type) ? LoRaWanCrypto.DirectionUp : LoRaWanCrypto.DirectionDown;
            if (fPort >= 0)
            {
                output[p++] = (byte)fPort;
                if (payloadLength > 0)
                {
                    System.Array.Copy(payload, payloadOffset, output, p, payloadLength);
                    _crypto.CryptPayload(fPort == 0 ? nwkSKey : appSKey, direction, devAddr, fCnt32, output, p, payloadLength);
                    p += payloadLength;
                }
            }

            uint mic = _crypto.DataMic(nwkSKey, direction, devAddr, fCnt32, output, outputOffset, p - outputOffset);
            Util.Bytes.WriteUInt32LE(output, p, mic);
            return p + 4 - outputOffset;
        }

        private int Fail(FrameError e)
        {
            LastError = e;
            return -1;
        }
    }
}
