using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Ws52x.LoRaWan.Crypto;
using Ws52x.LoRaWan.Frames;
using static Ws52x.Tests.LoRaWan.TestKeys;

namespace Ws52x.Tests.LoRaWan
{
    public class JoinAcceptTests
    {
        private static JsonArray Joins => JsonNode.Parse(File.ReadAllText(Paths.Vector("lorawan-frames.json")))["join"].AsArray();

        [Fact]
        public void Malformed_JoinAccepts_get_a_reason_and_no_fields()
        {
            var crypto = new LoRaWanCrypto();
            var accept = new JoinAccept();
            JsonNode j = Joins.First(v => v["cfList"] != null);
            byte[] appKey = H((string)j["appKey"]);
            byte[] wire = H((string)j["joinAcceptEncrypted_wire"]);

            Assert.Equal(FrameError.ShortFrame, accept.Accept(crypto, appKey, wire, 0, 16));
            Assert.Equal(FrameError.BadLength, accept.Accept(crypto, appKey, wire, 0, 20));
            Assert.Equal(FrameError.ShortFrame, accept.Accept(crypto, appKey, wire, 0, 0));
            byte[] notAccept = (byte[])wire.Clone();
            notAccept[0] = 0x40;
            Assert.Equal(FrameError.BadMhdr, accept.Accept(crypto, appKey, notAccept, 0, notAccept.Length));
            byte[] otherKey = (byte[])appKey.Clone();
            otherKey[3] ^= 0x10;
            Assert.Equal(FrameError.BadMic, accept.Accept(crypto, otherKey, wire, 0, wire.Length));
            Assert.Equal(0u, accept.DevAddr);
            Assert.False(accept.HasCFList);
            Assert.Equal(FrameError.BadArgument, accept.Accept(crypto, appKey, wire, 10, wire.Length));
            Assert.Equal(FrameError.None, accept.Accept(crypto, appKey, wire, 0, wire.Length));
            Assert.Equal(H((string)j["joinAcceptEncrypted_wire"]), wire);
        }

        [Fact]
        public void CFList_of_both_types_and_DLSettings_read_as_the_spec_lays_them_out()
        {
            var crypto = new LoRaWanCrypto();
            var accept = new JoinAccept();
            foreach (JsonNode j in Joins.Where(v => v["cfList"] != null))
            {
                byte[] wire = H((string)j["joinAcceptEncrypted_wire"]);
                Assert.Equal(FrameError.None, accept.Accept(crypto, H((string)j["appKey"]), wire, 0, wire.Length));
                byte[] cf = H((string)j["cfList"]);
                Assert.Equal(cf[15], accept.CFListType);
                for (int i = 0; i < 5; i++)
                {
                    Assert.Equal((uint)(cf[3 * i] | cf[3 * i + 1] << 8 | cf[3 * i + 2] << 16) * 100, accept.CFListFrequency(i));
                }

                for (int ch = 0; ch < 80; ch++)
                {
                    Assert.Equal(((cf[ch / 8] >> (ch % 8)) & 1) == 1, accept.CFListChannelEnabled(ch));
                }

                int dl = (int)j["dlSettings"];
                Assert.Equal((dl >> 4) & 7, accept.Rx1DrOffset);
                Assert.Equal(dl & 15, accept.Rx2DataRate);
                int rx = (int)j["rxDelay"] & 15;
                Assert.Equal(rx == 0 ? 1 : rx, accept.RxDelaySeconds);
            }
        }
    }
}
