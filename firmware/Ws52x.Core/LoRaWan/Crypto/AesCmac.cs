namespace Ws52x.LoRaWan.Crypto
{
    /// <summary>
    /// AES-CMAC (RFC 4493), streaming so a MIC can be taken over a B0 block followed by the frame without copying
    /// them together. Subkeys K1/K2 are cached with the key. Allocation-free after construction.
    /// Use: <see cref="Begin"/>, any number of <see cref="Update"/>, then <see cref="Finish"/>.
    /// </summary>
    public sealed class AesCmac
    {
        private readonly Aes128 _aes = new Aes128();
        private readonly byte[] _k1 = new byte[16];
        private readonly byte[] _k2 = new byte[16];
        private readonly byte[] _subkeyFor = new byte[16];
        private readonly byte[] _x = new byte[16];
        private readonly byte[] _pending = new byte[16];
        private bool _hasSubkeys;
        private int _pendingCount;

        public void Begin(byte[] key, int keyOffset)
        {
            _aes.SetKey(key, keyOffset);
            if (!_hasSubkeys || !Util.Bytes.ConstantTimeEquals(_subkeyFor, 0, key, keyOffset, 16))
            {
                DeriveSubkeys();
                System.Array.Copy(key, keyOffset, _subkeyFor, 0, 16);
                _hasSubkeys = true;
            }

            System.Array.Clear(_x, 0, 16);
            _pendingCount = 0;
        }

        public void Begin(byte[] key) => Begin(key, 0);

        public void Update(byte[] data, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                // A full pending block is only chained once more data follows: the last block is special.
                if (_pendingCount == 16)
                {
                    for (int j = 0; j < 16; j++)
                    {
                        _x[j] ^= _pending[j];
                    }

                    _aes.EncryptBlock(_x, 0, _x, 0);
                    _pendingCount = 0;
                }

                _pending[_pendingCount++] = data[offset + i];
            }
        }

        /// <summary>Writes the 16-byte tag to mac[macOffset..).</summary>
        public void Finish(byte[] mac, int macOffset)
        {
            byte[] subkey;
            if (_pendingCount == 16)
            {
                subkey = _k1;
            }
            else
            {
                // Incomplete (or empty) last block: pad with 10* and use K2.
                _pending[_pendingCount] = 0x80;
                for (int j = _pendingCount + 1; j < 16; j++)
                {
                    _pending[j] = 0;
                }

                subkey = _k2;
            }

            for (int j = 0; j < 16; j++)
            {
                _x[j] ^= (byte)(_pending[j] ^ subkey[j]);
            }

            _aes.EncryptBlock(_x, 0, mac, macOffset);
            _pendingCount = 0;
        }

        /// <summary>
        /// CMAC of exactly one 16-byte block under the key of the last <see cref="Begin(byte[], int)"/>: for a single
        /// complete block CMAC is AES(block XOR K1), one AES block and nothing else (PBKDF2's inner loop runs this).
        /// Leaves any streaming MAC in progress undefined.
        /// </summary>
        public void ComputeBlock(byte[] block, int offset, byte[] mac, int macOffset)
        {
            for (int j = 0; j < 16; j++)
            {
                _x[j] = (byte)(block[offset + j] ^ _k1[j]);
            }

            _aes.EncryptBlock(_x, 0, mac, macOffset);
        }

        /// <summary>One-shot CMAC of data[offset..offset+count) under key.</summary>
        public void Compute(byte[] key, byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            Begin(key, 0);
            Update(data, offset, count);
            Finish(mac, macOffset);
        }

        private void DeriveSubkeys()
        {
            System.Array.Clear(_k1, 0, 16);
            _aes.EncryptBlock(_k1, 0, _k1, 0);
            DoubleInField(_k1, _k1);
            DoubleInField(_k1, _k2);
        }

        /// <summary>Multiplies by x in GF(2^128) (shift left one bit, reduce by 0x87): RFC 4493 step 2.</summary>
        private static void DoubleInField(byte[] input, byte[] output)
        {
            bool carry = (input[0] & 0x80) != 0;
            for (int i = 0; i < 15; i++)
            {
                output[i] = (byte)((input[i] << 1) | (input[i + 1] >> 7));
            }

            output[15] = (byte)(input[15] << 1);
            if (carry)
            {
                output[15] ^= 0x87;
            }
        }
    }
}
