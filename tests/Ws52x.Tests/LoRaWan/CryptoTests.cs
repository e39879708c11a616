using System;
using System.Security.Cryptography;
using Ws52x.LoRaWan.Crypto;
using static Ws52x.Tests.LoRaWan.TestKeys;

namespace Ws52x.Tests.LoRaWan
{
    public class CryptoTests
    {
        [Fact]
        public void Aes128_matches_the_FIPS197_appendix_C1_example()
        {
            var aes = new Aes128();
            aes.SetKey(H("000102030405060708090a0b0c0d0e0f"));
            var block = H("00112233445566778899aabbccddeeff");
            aes.EncryptBlock(block, 0, block, 0);
            Assert.Equal("69c4e0d86a7b0430d8cdb78070b4c55a", X(block));
        }

        [Fact]
        public void Aes128_matches_dotnet_AES_on_thousands_of_random_keys_and_blocks()
        {
            var r = new Random(4);
            var ours = new Aes128();
            using var reference = Aes.Create();
            var output = new byte[16];
            for (int i = 0; i < 4000; i++)
            {
                byte[] key = Bytes(r, 16);
                reference.Key = key;
                ours.SetKey(key);
                // A few blocks per key, so the cached key schedule is exercised too.
                for (int j = 0; j < 3; j++)
                {
                    byte[] block = Bytes(r, 16);
                    byte[] expected = reference.EncryptEcb(block, PaddingMode.None);
                    ours.EncryptBlock(block, 0, output, 0);
                    Assert.Equal(X(expected), X(output));
                }
            }
        }

        [Theory]
        [InlineData("", "bb1d6929e95937287fa37d129b756746")]
        [InlineData("6bc1bee22e409f96e93d7e117393172a", "070a16b46b4d4144f79bdd9dd04a287c")]
        [InlineData("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411", "dfa66747de9ae63030ca32611497c827")]
        [InlineData("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710", "51f0bebf7e3b9d92fc49741779363cfe")]
        public void Cmac_matches_RFC4493_examples(string message, string tag)
        {
            var cmac = new AesCmac();
            var mac = new byte[16];
            byte[] m = H(message);
            cmac.Compute(H("2b7e151628aed2a6abf7158809cf4f3c"), m, 0, m.Length, mac, 0);
            Assert.Equal(tag, X(mac));
        }

        [Fact]
        public void Streaming_cmac_in_any_split_equals_one_shot_and_a_reference_built_on_dotnet_AES()
        {
            var r = new Random(4493);
            var cmac = new AesCmac();
            var oneShot = new byte[16];
            var streamed = new byte[16];
            for (int len = 0; len <= 80; len++)
            {
                byte[] key = Bytes(r, 16);
                byte[] msg = Bytes(r, len);
                cmac.Compute(key, msg, 0, len, oneShot, 0);
                int cut = len == 0 ? 0 : r.Next(len + 1);
                cmac.Begin(key);
                cmac.Update(msg, 0, cut);
                cmac.Update(msg, cut, len - cut);
                cmac.Finish(streamed, 0);
                Assert.Equal(X(oneShot), X(streamed));
                Assert.Equal(X(ReferenceCmac(key, msg)), X(oneShot));
            }
        }

        /// <summary>RFC 4493 written the plain way over .NET's AES, independent of ours.</summary>
        internal static byte[] ReferenceCmac(byte[] key, byte[] msg)
        {
            using var aes = Aes.Create();
            aes.Key = key;
            byte[] l = aes.EncryptEcb(new byte[16], PaddingMode.None);
            byte[] k1 = Shift(l);
            byte[] k2 = Shift(k1);
            int n = Math.Max(1, (msg.Length + 15) / 16);
            bool complete = msg.Length > 0 && msg.Length % 16 == 0;
            var x = new byte[16];
            for (int i = 0; i < n; i++)
            {
                var block = new byte[16];
                int take = Math.Min(16, msg.Length - 16 * i);
                Array.Copy(msg, 16 * i, block, 0, Math.Max(0, take));
                if (i == n - 1)
                {
                    if (!complete)
                    {
                        block[Math.Max(0, take)] = 0x80;
                    }

                    byte[] k = complete ? k1 : k2;
                    for (int j = 0; j < 16; j++)
                    {
                        block[j] ^= k[j];
                    }
                }

                for (int j = 0; j < 16; j++)
                {
                    x[j] ^= block[j];
                }

                x = aes.EncryptEcb(x, PaddingMode.None);
            }

            return x;
        }

        private static byte[] Shift(byte[] b)
        {
            var o = new byte[16];
            for (int i = 0; i < 16; i++)
            {
                o[i] = (byte)((b[i] << 1) | (i < 15 ? b[i + 1] >> 7 : 0));
            }

            if ((b[0] & 0x80) != 0)
            {
                o[15] ^= 0x87;
            }

            return o;
        }
    }
}
