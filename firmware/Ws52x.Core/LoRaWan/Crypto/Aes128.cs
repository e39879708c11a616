namespace Ws52x.LoRaWan.Crypto
{
    /// <summary>
    /// AES-128 in the encrypt direction only (FIPS-197). LoRaWAN 1.0.x never needs the inverse cipher on the
    /// device: CMAC, the CTR-style payload cipher, and the JoinAccept "decryption" (the network encrypts it with
    /// AES decrypt so the device can undo it with AES encrypt) all use encrypt. Table-driven with one 1 KiB T-table
    /// built once (the other three of the classic four are byte rotations of it, done per lookup: 3 KiB of heap saved
    /// for a few shifts a round), allocation-free per block, and the key schedule is cached so a run of blocks under the same
    /// key expands it once.
    /// </summary>
    public sealed class Aes128
    {
        public const int BlockSize = 16;

        private static readonly byte[] SBox = BuildSBox();
        private static readonly uint[] Te0 = new uint[256];

        private readonly uint[] _roundKeys = new uint[44];
        private readonly byte[] _key = new byte[16];
        private bool _hasKey;

        static Aes128()
        {
            // Te tables fold SubBytes, ShiftRows' column pick and MixColumns into one lookup per byte.
            for (int i = 0; i < 256; i++)
            {
                uint s = SBox[i];
                uint s2 = XTime(s);
                uint s3 = s2 ^ s;
                Te0[i] = (s2 << 24) | (s << 16) | (s << 8) | s3;
            }
        }

        /// <summary>Uses key[offset..offset+16); expands it only when it differs from the key already loaded.</summary>
        public void SetKey(byte[] key, int offset)
        {
            if (_hasKey && Util.Bytes.ConstantTimeEquals(_key, 0, key, offset, 16))
            {
                return;
            }

            System.Array.Copy(key, offset, _key, 0, 16);
            uint[] w = _roundKeys;
            for (int i = 0; i < 4; i++)
            {
                w[i] = Util.Bytes.ReadUInt32BE(key, offset + 4 * i);
            }

            uint rcon = 0x01;
            for (int i = 4; i < 44; i++)
            {
                uint temp = w[i - 1];
                if ((i & 3) == 0)
                {
                    // RotWord then SubWord, then the round constant in the top byte.
                    temp = ((uint)SBox[(temp >> 16) & 0xFF] << 24) | ((uint)SBox[(temp >> 8) & 0xFF] << 16)
                        | ((uint)SBox[temp & 0xFF] << 8) | SBox[temp >> 24];
                    temp ^= rcon << 24;
                    rcon = XTime(rcon);
                }

                w[i] = w[i - 4] ^ temp;
            }

            _hasKey = true;
        }

        public void SetKey(byte[] key) => SetKey(key, 0);

        /// <summary>Encrypts one block; input and output may be the same buffer and offset.</summary>
        public void EncryptBlock(byte[] input, int inOffset, byte[] output, int outOffset)
        {
            uint[] w = _roundKeys;
            uint s0 = Util.Bytes.ReadUInt32BE(input, inOffset) ^ w[0];
            uint s1 = Util.Bytes.ReadUInt32BE(input, inOffset + 4) ^ w[1];
            uint s2 = Util.Bytes.ReadUInt32BE(input, inOffset + 8) ^ w[2];
            uint s3 = Util.Bytes.ReadUInt32BE(input, inOffset + 12) ^ w[3];
            int k = 4;
            for (int round = 1; round < 10; round++)
            {
                uint t0 = Column(s0, s1, s2, s3) ^ w[k];
                uint t1 = Column(s1, s2, s3, s0) ^ w[k + 1];
                uint t2 = Column(s2, s3, s0, s1) ^ w[k + 2];
                uint t3 = Column(s3, s0, s1, s2) ^ w[k + 3];
                s0 = t0;
                s1 = t1;
                s2 = t2;
                s3 = t3;
                k += 4;
            }

            // Last round has no MixColumns: plain S-box with the ShiftRows pick.
            WriteLastRound(output, outOffset, s0, s1, s2, s3, w[40]);
            WriteLastRound(output, outOffset + 4, s1, s2, s3, s0, w[41]);
            WriteLastRound(output, outOffset + 8, s2, s3, s0, s1, w[42]);
            WriteLastRound(output, outOffset + 12, s3, s0, s1, s2, w[43]);
        }

        // One output column of a full round: Te0, Te1, Te2, Te3 of the ShiftRows pick, Te1..3 being Te0 rotated right
        // by one, two and three bytes.
        private static uint Column(uint a, uint b, uint c, uint d)
        {
            uint t1 = Te0[(b >> 16) & 0xFF];
            uint t2 = Te0[(c >> 8) & 0xFF];
            uint t3 = Te0[d & 0xFF];
            return Te0[a >> 24] ^ ((t1 >> 8) | (t1 << 24)) ^ ((t2 >> 16) | (t2 << 16)) ^ ((t3 >> 24) | (t3 << 8));
        }

        private static void WriteLastRound(byte[] output, int o, uint a, uint b, uint c, uint d, uint rk)
        {
            uint v = (((uint)SBox[a >> 24] << 24) | ((uint)SBox[(b >> 16) & 0xFF] << 16)
                | ((uint)SBox[(c >> 8) & 0xFF] << 8) | SBox[d & 0xFF]) ^ rk;
            Util.Bytes.WriteUInt32BE(output, o, v);
        }

        private static uint XTime(uint b)
        {
            b <<= 1;
            return (b & 0x100) != 0 ? (b ^ 0x11B) & 0xFF : b;
        }

        /// <summary>The S-box computed from its definition (inverse in GF(2^8), then the affine map), not typed in.</summary>
        private static byte[] BuildSBox()
        {
            var box = new byte[256];
            uint p = 1, q = 1;
            do
            {
                // p walks the multiplicative group by 3; q walks it by 3's inverse, so q = 1/p.
                p = p ^ XTime(p);
                q ^= q << 1;
                q ^= q << 2;
                q ^= q << 4;
                q &= 0xFF;
                if ((q & 0x80) != 0)
                {
                    q ^= 0x09;
                }

                uint x = q ^ Rotl8(q, 1) ^ Rotl8(q, 2) ^ Rotl8(q, 3) ^ Rotl8(q, 4);
                box[p] = (byte)(x ^ 0x63);
            }
            while (p != 1);

            box[0] = 0x63;
            return box;
        }

        private static uint Rotl8(uint x, int shift) => ((x << shift) | (x >> (8 - shift))) & 0xFF;
    }
}
