using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Ws52x.LoRaWan.Crypto;
using Ws52x.LoRaWan.Frames;
using Ws52x.Util;
using static Ws52x.Tests.LoRaWan.TestKeys;

namespace Ws52x.Tests.LoRaWan
{
    /// <summary>The fixed frames of tests/vectors/lorawan-frames.json (made by lora-packet 0.9.3).</summary>
    public class VectorTests
    {
        private static JsonNode Vectors => JsonNode.Parse(File.ReadAllText(Paths.Vector("lorawan-frames.json")));

        [Fact]
        public void JoinRequests_are_built_byte_for_byte_and_read_back()
        {
            var crypto = new LoRaWanCrypto();
            var join = Vectors["join"].AsArray();
            Assert.Equal(8, join.Count);
            foreach (JsonNode j in join)
            {
                var frame = new byte[JoinRequest.Length];
                ushort devNonce = (ushort)System.Convert.ToUInt16((string)j["devNonce"], 16);
                int n = JoinRequest.Build(crypto, H((string)j["appKey"]), H((string)j["appEui"]), H((string)j["devEui"]), devNonce, frame, 0);
                Assert.Equal(23, n);
                Assert.Equal((string)j["joinRequest_wire"], X(frame));

                var appEui = new byte[8];
                var devEui = new byte[8];
                Assert.Equal(FrameError.None, JoinRequest.Read(crypto, frame, 0, n, H((string)j["appKey"]), appEui, devEui, out ushort nonce, out bool micOk));
                Assert.True(micOk);
                Assert.Equal((string)j["devEui"], X(devEui));
                Assert.Equal((string)j["appEui"], X(appEui));
                Assert.Equal(devNonce, nonce);
            }
        }

        [Fact]
        public void JoinAccepts_are_decrypted_checked_and_give_the_session_keys()
        {
            var crypto = new LoRaWanCrypto();
            var accept = new JoinAccept();
            var session = new Session();
            foreach (JsonNode j in Vectors["join"].AsArray())
            {
                byte[] appKey = H((string)j["appKey"]);
                byte[] wire = H((string)j["joinAcceptEncrypted_wire"]);
                Assert.Equal(FrameError.None, accept.Accept(crypto, appKey, wire, 0, wire.Length));
                Assert.Equal((string)j["joinAcceptPlain_wire"], X(accept.Plain, 0, accept.PlainLength));
                Assert.Equal((string)j["appNonce"], accept.AppNonce.ToString("x6"));
                Assert.Equal((string)j["netId"], accept.NetId.ToString("x6"));
                Assert.Equal((string)j["devAddr"], accept.DevAddr.ToString("x8"));
                Assert.Equal((int)j["dlSettings"], accept.DLSettings);
                Assert.Equal((int)j["rxDelay"], accept.RxDelay);
                string cf = (string)j["cfList"];
                Assert.Equal(cf != null, accept.HasCFList);
                if (cf != null)
                {
                    Assert.Equal(cf, X(accept.CFList));
                }

                ushort devNonce = System.Convert.ToUInt16((string)j["devNonce"], 16);
                accept.StartSession(crypto, appKey, devNonce, session);
                Assert.Equal((string)j["nwkSKey"], X(session.NwkSKey));
                Assert.Equal((string)j["appSKey"], X(session.AppSKey));
                Assert.Equal(accept.DevAddr, session.DevAddr);

                // The same bytes with the MIC broken are refused.
                wire[wire.Length - 1] ^= 0x01;
                Assert.Equal(FrameError.BadMic, accept.Accept(crypto, appKey, wire, 0, wire.Length));
                Assert.Equal(0u, accept.DevAddr);
            }
        }

        [Fact]
        public void Uplinks_are_built_byte_for_byte()
        {
            var builder = new FrameBuilder();
            int count = 0;
            foreach (JsonNode d in Vectors["data"].AsArray().Where(d => ((string)d["mtype"]).EndsWith("Up")))
            {
                Session s = SessionOf(d);
                s.FCntUp = (uint)d["fcnt32"];
                byte[] fopts = H((string)d["fopts"]);
                byte[] payload = H((string)d["payload"]);
                var output = new byte[255];
                int n = builder.BuildUplink(s, ((string)d["mtype"]).StartsWith("Confirmed"), FCtrlOf(d), fopts, 0, fopts.Length,
                    (int)d["fport"], payload, 0, payload.Length, output, 0);
                Assert.Equal((string)d["phyPayload_wire"], X(output, 0, n));
                count++;
            }

            Assert.True(count >= 5);
        }

        [Fact]
        public void Downlinks_are_accepted_and_decrypted_and_advance_the_counter()
        {
            var parser = new FrameParser();
            var frame = new DataFrame();
            int count = 0;
            foreach (JsonNode d in Vectors["data"].AsArray().Where(d => ((string)d["mtype"]).EndsWith("Down")))
            {
                uint fcnt32 = (uint)d["fcnt32"];
                Session s = SessionOf(d);
                // The device last accepted a counter a little below this one.
                s.AcceptDownlink(fcnt32 - 1 - (fcnt32 % 7));
                byte[] wire = H((string)d["phyPayload_wire"]);
                Assert.Equal(FrameError.None, parser.ParseDownlink(s, wire, 0, wire.Length, frame, commitCounter: true));
                Assert.Equal(fcnt32, frame.FCnt32);
                Assert.Equal(fcnt32, s.FCntDown);
                Assert.Equal((string)d["payload"], X(frame.Payload, 0, frame.PayloadLength));
                Assert.Equal((string)d["fopts"], X(frame.FOpts, 0, frame.FOptsLength));
                Assert.Equal((int)d["fport"], frame.FPort);
                Assert.Equal(FCtrlOf(d) | (frame.FOptsLength), frame.FCtrlBits);
                Assert.Equal(((string)d["mtype"]).StartsWith("Confirmed"), frame.IsConfirmed);
                Assert.Equal((string)d["mic"], X(wire, wire.Length - 4, 4));
                Assert.Equal(Ws52x.Util.Bytes.ReadUInt32LE(wire, wire.Length - 4), frame.Mic);

                // Heard again: a replay, and nothing changes.
                Assert.Equal(FrameError.Replay, parser.ParseDownlink(s, wire, 0, wire.Length, frame, commitCounter: true));
                Assert.Equal(fcnt32, s.FCntDown);
                count++;
            }

            Assert.True(count >= 10);
        }

        internal static Session SessionOf(JsonNode d)
        {
            var s = new Session();
            s.SetKeys(System.Convert.ToUInt32((string)d["devAddr"], 16), H((string)d["nwkSKey"]), H((string)d["appSKey"]));
            return s;
        }

        internal static int FCtrlOf(JsonNode d)
        {
            var f = d["fctrl"];
            return ((bool)f["ADR"] ? FCtrl.Adr : 0) | ((bool)f["ADRACKReq"] ? FCtrl.AdrAckReq : 0)
                | ((bool)f["ACK"] ? FCtrl.Ack : 0) | ((bool)f["FPending"] ? FCtrl.FPending : 0);
        }
    }
}
