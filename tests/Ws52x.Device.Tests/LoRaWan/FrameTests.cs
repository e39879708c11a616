using nanoFramework.TestFramework;
using Ws52x.LoRaWan.Frames;
using Ws52x.Util;

namespace Ws52x.Device.Tests.LoRaWan
{
    /// <summary>
    /// Data frames built and parsed against lora-packet's (shared/vectors/lorawan-frames.json, data[]): counters past 16
    /// bits, FOpts, FPort 0 (MAC commands under the NwkSKey), and a forged or replayed frame rejected with the session untouched.
    /// </summary>
    [TestClass]
    public class FrameTests
    {
        [TestMethod]
        public void A_confirmed_uplink_with_FOpts_is_built_byte_for_byte()
        {
            // data[22]: ACK and ADRACKReq set, FOpts 02, FPort 90.
            var builder = new FrameBuilder();
            var output = new byte[64];
            int length = builder.BuildData(MType.ConfirmedDataUp, 0xab23bf80, Hex.Parse("b6d0627071c7a2adc344d4ef1867744f"),
                Hex.Parse("91c6314c087bda7a8b74a1294f4d6153"), 19375, FCtrl.Ack | FCtrl.AdrAckReq, Hex.Parse("02"), 0, 1,
                90, Hex.Parse("2cb2"), 0, 2, output, 0);
            Assert.AreEqual("8080bf23ab61af4b025a43f21f20fa95", Hex.ToHex(output, 0, length));
        }

        [TestMethod]
        public void Mac_commands_on_port_0_are_encrypted_with_the_NwkSKey()
        {
            // data[3]: FPort 0, counter 65409.
            byte[] payload = Hex.Parse("784c9b3fa48646d885bc639384207ec9e9aab88fcef91bd53d");
            var output = new byte[64];
            int length = new FrameBuilder().BuildData(MType.UnconfirmedDataUp, 0x3c8cd634, Hex.Parse("8891f8ec8201eb26e77e77af6f68ad76"),
                Hex.Parse("731ffbd94bab8710f28500b43f31cd18"), 65409, FCtrl.Adr | FCtrl.Ack | FCtrl.AdrAckReq, null, 0, 0,
                0, payload, 0, payload.Length, output, 0);
            Assert.AreEqual("4034d68c3ce081ff003ef0ac92720fbeaa7070d006b7b2e3ee0a9c316f9e684c0e97142d084a", Hex.ToHex(output, 0, length));
        }

        [TestMethod]
        public void The_first_downlink_of_a_session_is_accepted_and_decrypted()
        {
            // data[2]: confirmed down, counter 3795, FPort 85.
            Session session = SessionOf(0xe42ed2bf, "c64417231909ec57026842ccc6edb11a", "60e109108f53daf9b11eeeb1e316c0c2");
            byte[] frame = Hex.Parse("a0bfd22ee480d30e55b6f57b031b7f02d9979c82187a0d09d7c76a3537882b9a48c5f1ba0b1bb4b2ec459f8420d636");
            var result = new DataFrame();
            Assert.AreEqual((int)FrameError.None, (int)new FrameParser().ParseDownlink(session, frame, 0, frame.Length, result, true));
            Assert.AreEqual(85, result.FPort);
            Assert.IsTrue(result.IsConfirmed);
            Assert.AreEqual("c6b703495b3a45387a13daf316ec58206d110399c0a7da7b936380f37d604a076253", Hex.ToHex(result.Payload, 0, result.PayloadLength));
            Assert.AreEqual(3795u, session.FCntDown);
            Assert.IsTrue(session.HasDownlink);

            // The same frame again is a replay: refused, counter unchanged.
            Assert.AreEqual((int)FrameError.Replay, (int)new FrameParser().ParseDownlink(session, frame, 0, frame.Length, result, true));
            Assert.AreEqual(3795u, session.FCntDown);
        }

        [TestMethod]
        public void A_downlink_counter_past_16_bits_is_reconstructed_from_the_last_one()
        {
            // data[23]: counter 352809123 (0x1507_8EA3 with only 8EA3 on air).
            Session session = SessionOf(0xc6c80b39, "3fbcd1990fad3b09e8e22f87a0dcb7a2", "5d90b55ceae0325724102248b54f8386");
            session.AcceptDownlink(352809123u - 5);
            byte[] frame = Hex.Parse("a0390bc8c600a370265ad78c215d5a");
            var result = new DataFrame();
            Assert.AreEqual((int)FrameError.None, (int)new FrameParser().ParseDownlink(session, frame, 0, frame.Length, result, true));
            Assert.AreEqual(352809123u, result.FCnt32);
            Assert.AreEqual("d47d", Hex.ToHex(result.Payload, 0, result.PayloadLength));
        }

        [TestMethod]
        public void A_forged_downlink_is_refused_as_a_bad_MIC_and_changes_nothing()
        {
            Session session = SessionOf(0xe42ed2bf, "c64417231909ec57026842ccc6edb11a", "60e109108f53daf9b11eeeb1e316c0c2");
            byte[] frame = Hex.Parse("a0bfd22ee480d30e55b6f57b031b7f02d9979c82187a0d09d7c76a3537882b9a48c5f1ba0b1bb4b2ec459f8420d636");
            frame[12] ^= 0x80;
            var result = new DataFrame();
            Assert.AreEqual((int)FrameError.BadMic, (int)new FrameParser().ParseDownlink(session, frame, 0, frame.Length, result, true));
            Assert.IsFalse(session.HasDownlink);
            Assert.AreEqual(0u, session.FCntDown);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(5)]
        [DataRow(11)]
        public void A_frame_too_short_for_a_header_is_refused_without_throwing(int length)
        {
            Session session = SessionOf(0xe42ed2bf, "c64417231909ec57026842ccc6edb11a", "60e109108f53daf9b11eeeb1e316c0c2");
            byte[] frame = Hex.Parse("a0bfd22ee480d30e55b6f57b");
            FrameError e = new FrameParser().ParseDownlink(session, frame, 0, length, new DataFrame(), true);
            Assert.AreNotEqual((int)FrameError.None, (int)e);
            Assert.IsFalse(session.HasDownlink);
        }

        private static Session SessionOf(uint devAddr, string nwkSKey, string appSKey)
        {
            var session = new Session();
            session.SetKeys(devAddr, Hex.Parse(nwkSKey), Hex.Parse(appSKey));
            return session;
        }
    }
}
