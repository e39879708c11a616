namespace Ws52x.LoRaWan.Crypto
{
    /// <summary>
    /// The LoRaWAN 1.0.x uses of AES: frame MICs (B0 block + CMAC), FRMPayload/FOpts encryption (the A_i key
    /// stream), JoinRequest/JoinAccept MICs, JoinAccept decryption and NwkSKey/AppSKey derivation.
    /// One instance per owner (it holds scratch blocks); nothing here allocates after construction.
    /// </summary>
    public sealed class LoRaWanCrypto
    {
        public const int DirectionUp = 0;
        public const int DirectionDown = 1;

        private readonly Aes128 _aes = new Aes128();
        private readonly AesCmac _cmac = new AesCmac();
        private readonly byte[] _block = new byte[16];
        private readonly byte[] _stream = new byte[16];
        private readonly byte[] _tag = new byte[16];

        /// <summary>The MIC of a data frame: CMAC(NwkSKey, B0 | msg)[0..4), msg being MHDR..FRMPayload.</summary>
        public uint DataMic(byte[] nwkSKey, int direction, uint devAddr, uint fCnt32, byte[] msg, int offset, int count)
        {
            FrameBlock(0x49, direction, devAddr, fCnt32, count);
            _cmac.Begin(nwkSKey, 0);
            _cmac.Update(_block, 0, 16);
            _cmac.Update(msg, offset, count);
            _cmac.Finish(_tag, 0);
            return Util.Bytes.ReadUInt32LE(_tag, 0);
        }

        /// <summary>The MIC of a join message: CMAC(AppKey, msg)[0..4) (JoinRequest: MHDR..DevNonce; JoinAccept: MHDR..CFList, in clear).</summary>
        public uint JoinMic(byte[] appKey, byte[] msg, int offset, int count)
        {
            _cmac.Compute(appKey, msg, offset, count, _tag, 0);
            return Util.Bytes.ReadUInt32LE(_tag, 0);
        }

        /// <summary>
        /// Encrypts or decrypts (the same operation) data[offset..offset+count) in place with the A_i key stream of
        /// the 1.0 spec: A_i = 0x01 | 4x00 | Dir | DevAddr | FCnt32 | 0x00 | i, i from 1.
        /// </summary>
        public void CryptPayload(byte[] key, int direction, uint devAddr, uint fCnt32, byte[] data, int offset, int count)
        {
            _aes.SetKey(key, 0);
            int done = 0;
            int i = 1;
            while (done < count)
            {
                FrameBlock(0x01, direction, devAddr, fCnt32, i++);
                _aes.EncryptBlock(_block, 0, _stream, 0);
                int n = count - done < 16 ? count - done : 16;
                for (int j = 0; j < n; j++)
                {
                    data[offset + done + j] ^= _stream[j];
                }

                done += n;
            }
        }

        /// <summary>
        /// Turns an on-air JoinAccept body (after MHDR, 16 or 32 bytes) into clear text in place: the network made it
        /// with AES decrypt, so AES encrypt block by block undoes it.
        /// </summary>
        public void DecryptJoinAccept(byte[] appKey, byte[] data, int offset, int count)
        {
            _aes.SetKey(appKey, 0);
            for (int k = 0; k + 16 <= count; k += 16)
            {
                _aes.EncryptBlock(data, offset + k, data, offset + k);
            }
        }

        /// <summary>
        /// 1.0.x session keys: NwkSKey = aes(AppKey, 0x01 | AppNonce | NetID | DevNonce | pad), AppSKey the same with 0x02.
        /// appNonce/netId are 24-bit, devNonce 16-bit; all go little-endian as on the wire.
        /// </summary>
        public void DeriveSessionKeys(byte[] appKey, uint appNonce, uint netId, ushort devNonce, byte[] nwkSKey, byte[] appSKey)
        {
            _aes.SetKey(appKey, 0);
            DeriveKey(0x01, appNonce, netId, devNonce, nwkSKey);
            DeriveKey(0x02, appNonce, netId, devNonce, appSKey);
        }

        /// <summary>Plain AES-128 of one block (for callers that need the raw cipher, e.g. benchmarks and tests).</summary>
        public void EncryptBlock(byte[] key, byte[] input, int inOffset, byte[] output, int outOffset)
        {
            _aes.SetKey(key, 0);
            _aes.EncryptBlock(input, inOffset, output, outOffset);
        }

        /// <summary>The 16-byte block both frame uses share: kind | 4 x 00 | Dir | DevAddr | FCnt32 | 00 | last
        /// (B0 of the MIC: 0x49 and the message length; A_i of the key stream: 0x01 and i).</summary>
        private void FrameBlock(byte kind, int direction, uint devAddr, uint fCnt32, int last)
        {
            byte[] b = _block;
            System.Array.Clear(b, 0, 16);
            b[0] = kind;
            b[5] = (byte)direction;
            Util.Bytes.WriteUInt32LE(b, 6, devAddr);
            Util.Bytes.WriteUInt32LE(b, 10, fCnt32);
            b[15] = (byte)last;
        }

        private void DeriveKey(byte kind, uint appNonce, uint netId, ushort devNonce, byte[] output)
        {
            byte[] b = _block;
            System.Array.Clear(b, 0, 16);
            b[0] = kind;
            Util.Bytes.WriteUInt24LE(b, 1, appNonce);
            Util.Bytes.WriteUInt24LE(b, 4, netId);
            Util.Bytes.WriteUInt16LE(b, 7, devNonce);
            _aes.EncryptBlock(b, 0, output, 0);
        }
    }
}
