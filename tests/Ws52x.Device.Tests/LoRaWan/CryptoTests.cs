using nanoFramework.TestFramework;
using Ws52x.LoRaWan.Crypto;
using Ws52x.LoRaWan.Frames;
using Ws52x.Util;

namespace Ws52x.Device.Tests.LoRaWan
{
    /// <summary>
    /// The table AES and CMAC against their standards (FIPS-197 appendix C.1, RFC 4493 section 4), then a whole OTAA join
    /// against lora-packet's frames (shared/vectors/lorawan-frames.json, join[0]: the WS52x default keys of the guide).
    /// Byte shifts, uint rotations and table lookups are where a runtime could differ; these catch it.
    /// </summary>
    [TestClass]
    public class CryptoTests
    {
        private const string RfcKey = "2b7e151628aed2a6abf7158809cf4f3c";
        private const string RfcMessage = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";

        [TestMethod]
        public void Aes128_encrypts_the_FIPS_197_example()
        {
            var aes = new Aes128();
            aes.SetKey(Hex.Parse("000102030405060708090a0b0c0d0e0f"));
            byte[] block = Hex.Parse("00112233445566778899aabbccddeeff");
            var output = new byte[16];
            aes.EncryptBlock(block, 0, output, 0);
            Assert.AreEqual("69c4e0d86a7b0430d8cdb78070b4c55a", Hex.ToHex(output));
        }

        [TestMethod]
        [DataRow(0, "bb1d6929e95937287fa37d129b756746")]
        [DataRow(16, "070a16b46b4d4144f79bdd9dd04a287c")]
        [DataRow(40, "dfa66747de9ae63030ca32611497c827")]
        [DataRow(64, "51f0bebf7e3b9d92fc49741779363cfe")]
        public void Cmac_gives_the_RFC_4493_tags(int length, string tag)
        {
            var cmac = new AesCmac();
            var mac = new byte[16];
            cmac.Compute(Hex.Parse(RfcKey), Hex.Parse(RfcMessage), 0, length, mac, 0);
            Assert.AreEqual(tag, Hex.ToHex(mac));
        }

        [TestMethod]
        public void The_guides_default_keys_join_like_lora_packet()
        {
            var crypto = new LoRaWanCrypto();
            byte[] appKey = Hex.Parse("5572404c696e6b4c6f52613230313823");
            var request = new byte[JoinRequest.Length];
            int length = JoinRequest.Build(crypto, appKey, Hex.Parse("24e124c0002a0001"), Hex.Parse("24e124127a270222"), 0xc500, request, 0);
            Assert.AreEqual(JoinRequest.Length, length);
            Assert.AreEqual("0001002a00c024e1242202277a1224e12400c5dbe801da", Hex.ToHex(request));

            byte[] onAir = Hex.Parse("20d6f9b03679f242cc1025fc5ea9778179c03f1b154ae12c45399ebcfe52f9a8a4");
            var accept = new JoinAccept();
            Assert.AreEqual((int)FrameError.None, (int)accept.Accept(crypto, appKey, onAir, 0, onAir.Length));
            Assert.AreEqual(0xf250cau, accept.AppNonce);
            Assert.AreEqual(0x753613u, accept.NetId);
            Assert.AreEqual(0x7d70b836u, accept.DevAddr);
            Assert.AreEqual(2, accept.Rx1DrOffset); // DLSettings 0x23
            Assert.AreEqual(3, accept.Rx2DataRate);
            Assert.AreEqual(4, accept.RxDelaySeconds);
            Assert.AreEqual("170e57fdc9b97f179301dd950b957a00", Hex.ToHex(accept.CFList));
            Assert.AreEqual(570523900u, accept.CFListFrequency(0)); // 17 0e 57 little-endian, in 100 Hz

            var session = new Session();
            accept.StartSession(crypto, appKey, 0xc500, session);
            Assert.AreEqual("fcb19532806573058c3e31af6ebe0d2e", Hex.ToHex(session.NwkSKey));
            Assert.AreEqual("2f41adcc2d720157dd6360e756afdda6", Hex.ToHex(session.AppSKey));
        }

        [TestMethod]
        public void A_join_accept_with_one_bit_flipped_is_refused_and_leaves_nothing_behind()
        {
            byte[] onAir = Hex.Parse("20d6f9b03679f242cc1025fc5ea9778179c03f1b154ae12c45399ebcfe52f9a8a4");
            onAir[20] ^= 0x01;
            var accept = new JoinAccept();
            FrameError e = accept.Accept(new LoRaWanCrypto(), Hex.Parse("5572404c696e6b4c6f52613230313823"), onAir, 0, onAir.Length);
            Assert.AreEqual((int)FrameError.BadMic, (int)e);
            Assert.AreEqual(0u, accept.DevAddr);
            Assert.IsFalse(accept.HasCFList);
        }
    }
}
