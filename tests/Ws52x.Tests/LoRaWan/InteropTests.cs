using System;
using System.Text.Json.Nodes;
using Ws52x.LoRaWan.Crypto;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.MacCommands;
using static Ws52x.Tests.LoRaWan.TestKeys;

namespace Ws52x.Tests.LoRaWan
{
    /// <summary>Both ways against lora-packet (tests/interop/peer.js): random frames, full 32-bit counters.</summary>
    public class InteropTests
    {
        private const int Frames = 1000;

        /// <summary>Downlink MAC commands with valid lengths, as a network server would put them in FOpts or on port 0.</summary>
        private static readonly string[] MacRequests =
        {
            "020503", "02ff03", "035207ff01", "0401", "05031c5584", "06", "0703a0d58c50", "0801", "093f", "0a02a0d58c", "0dd2040000f0",
        };

        [Fact]
        public void Uplinks_we_build_are_verified_and_decrypted_by_lora_packet()
        {
            var r = new Random(1001);
            var builder = new FrameBuilder();
            var items = new JsonArray();
            var expected = new (string Payload, int Port, int FCtrl, string FOpts, bool Confirmed, uint FCnt, uint DevAddr)[Frames];
            var output = new byte[255];
            for (int i = 0; i < Frames; i++)
            {
                var s = new Session();
                s.SetKeys((uint)r.Next() ^ ((uint)r.Next(2) << 31), Bytes(r, 16), Bytes(r, 16));
                s.FCntUp = (uint)r.Next() * 2 + (uint)r.Next(2);
                int fctrl = r.Next(16) << 4;
                byte[] fopts = Bytes(r, r.Next(3) == 0 ? 0 : r.Next(16));
                int port = r.Next(5) == 0 ? 0 : 1 + r.Next(223);
                if (port == 0)
                {
                    fopts = new byte[0];
                }

                byte[] payload = Bytes(r, i % 10 == 0 ? 26 : 1 + r.Next(200));
                bool confirmed = r.Next(2) == 0;
                int n = builder.BuildUplink(s, confirmed, fctrl, fopts, 0, fopts.Length, port, payload, 0, payload.Length, output, 0);
                Assert.True(n > 0, builder.LastError.ToString());
                items.Add(new JsonObject
                {
                    ["phy"] = X(output, 0, n),
                    ["nwkSKey"] = X(s.NwkSKey),
                    ["appSKey"] = X(s.AppSKey),
                    ["fcnt32"] = s.FCntUp,
                });
                expected[i] = (X(payload), port, fctrl, X(fopts), confirmed, s.FCntUp, s.DevAddr);
            }

            JsonArray answers = LoraPacketPeer.Run("verifyData", items);
            for (int i = 0; i < Frames; i++)
            {
                JsonNode a = answers[i];
                Assert.True(a["error"] == null, (string)a["error"]);
                Assert.True((bool)a["micOk"], "frame " + i + " MIC refused by lora-packet");
                Assert.Equal(expected[i].Payload, (string)a["payload"]);
                Assert.Equal(expected[i].Port, (int)a["fport"]);
                Assert.Equal(expected[i].FOpts, (string)a["fopts"]);
                Assert.Equal(expected[i].Confirmed ? "Confirmed Data Up" : "Unconfirmed Data Up", (string)a["mtype"]);
                Assert.Equal((int)(expected[i].FCnt & 0xFFFF), (int)a["fcnt"]);
                Assert.Equal(expected[i].DevAddr.ToString("x8"), (string)a["devAddr"]);
                Assert.Equal((expected[i].FCtrl & FCtrl.Adr) != 0, (bool)a["fctrl"]["ADR"]);
                Assert.Equal((expected[i].FCtrl & FCtrl.AdrAckReq) != 0, (bool)a["fctrl"]["ADRACKReq"]);
                Assert.Equal((expected[i].FCtrl & FCtrl.Ack) != 0, (bool)a["fctrl"]["ACK"]);
                Assert.Equal((expected[i].FCtrl & FCtrl.ClassB) != 0, (bool)a["fctrl"]["FPending"]); // same bit; lora-packet names it FPending
            }
        }

        [Fact]
        public void Downlinks_lora_packet_builds_are_accepted_and_decrypted_with_their_MAC_commands()
        {
            var r = new Random(2002);
            var items = new JsonArray();
            var sessions = new Session[Frames];
            var payloads = new string[Frames];
            var fopts = new string[Frames];
            var ports = new int[Frames];
            for (int i = 0; i < Frames; i++)
            {
                var s = new Session();
                s.SetKeys((uint)r.Next(), Bytes(r, 16), Bytes(r, 16));
                uint fcnt32 = (uint)r.Next() * 2 + (uint)r.Next(2);
                // The device last accepted somewhere up to MAX_FCNT_GAP below, across 16-bit rollovers too.
                s.AcceptDownlink(fcnt32 - 1 - (uint)r.Next((int)Session.MaxFCntGap));
                sessions[i] = s;
                string macs = MacRequests[r.Next(MacRequests.Length)] + (r.Next(2) == 0 ? MacRequests[r.Next(MacRequests.Length)] : "");
                int port = r.Next(4) == 0 ? 0 : 1 + r.Next(223);
                ports[i] = port;
                fopts[i] = port == 0 || macs.Length > 30 ? "" : macs;
                payloads[i] = port == 0 ? macs : X(Bytes(r, 1 + r.Next(100)));
                items.Add(new JsonObject
                {
                    ["mtype"] = r.Next(2) == 0 ? "Confirmed Data Down" : "Unconfirmed Data Down",
                    ["devAddr"] = s.DevAddr.ToString("x8"),
                    ["nwkSKey"] = X(s.NwkSKey),
                    ["appSKey"] = X(s.AppSKey),
                    ["fcnt32"] = fcnt32,
                    ["fctrl"] = new JsonObject { ["ADR"] = r.Next(2) == 0, ["ACK"] = r.Next(2) == 0, ["FPending"] = r.Next(2) == 0 },
                    ["fopts"] = fopts[i],
                    ["fport"] = port,
                    ["payload"] = payloads[i],
                });
            }

            JsonArray answers = LoraPacketPeer.Run("buildData", items);
            var parser = new FrameParser();
            var frame = new DataFrame();
            var macList = new MacCommandList();
            for (int i = 0; i < Frames; i++)
            {
                byte[] wire = H((string)answers[i]["phy"]);
                uint before = sessions[i].FCntDown;
                FrameError e = parser.ParseDownlink(sessions[i], wire, 0, wire.Length, frame, commitCounter: true);
                Assert.True(e == FrameError.None, "frame " + i + ": " + e);
                Assert.Equal((uint)items[i]["fcnt32"], frame.FCnt32);
                Assert.Equal(frame.FCnt32, sessions[i].FCntDown);
                Assert.True(sessions[i].FCntDown > before);
                Assert.Equal(payloads[i], X(frame.Payload, 0, frame.PayloadLength));
                Assert.Equal(fopts[i], X(frame.FOpts, 0, frame.FOptsLength));
                Assert.Equal((bool)items[i]["fctrl"]["ACK"], frame.Ack);
                Assert.Equal((bool)items[i]["fctrl"]["FPending"], frame.FPending);
                Assert.Equal(ports[i], frame.FPort);
                FrameError m = frame.FPort == 0
                    ? MacCommandCodec.ParseDownlink(frame.Payload, 0, frame.PayloadLength, macList)
                    : MacCommandCodec.ParseDownlink(frame.FOpts, 0, frame.FOptsLength, macList);
                Assert.Equal(FrameError.None, m);
                Assert.True(frame.FPort != 0 && frame.FOptsLength == 0 || macList.Count >= 1);
            }
        }

        [Fact]
        public void JoinAccepts_from_lora_packet_are_accepted_with_the_same_session_keys_and_our_JoinRequests_verify()
        {
            var r = new Random(3003);
            const int n = 300;
            var items = new JsonArray();
            var joinRequests = new JsonArray();
            var crypto = new LoRaWanCrypto();
            var jr = new byte[JoinRequest.Length];
            for (int i = 0; i < n; i++)
            {
                bool cf = r.Next(2) == 0;
                byte[] cfList = Bytes(r, 16);
                cfList[15] = (byte)(r.Next(2)); // CFList type 0 (frequencies) or 1 (channel mask)
                byte[] appKey = Bytes(r, 16);
                byte[] devNonce = Bytes(r, 2);
                items.Add(new JsonObject
                {
                    ["appKey"] = X(appKey),
                    ["appNonce"] = X(Bytes(r, 3)),
                    ["netId"] = X(Bytes(r, 3)),
                    ["devAddr"] = X(Bytes(r, 4)),
                    ["dlSettings"] = r.Next(128), // bit 7 (OptNeg) is 1.1 only
                    ["rxDelay"] = r.Next(16),
                    ["cfList"] = cf ? X(cfList) : "",
                    ["devNonce"] = X(devNonce),
                });
                JoinRequest.Build(crypto, appKey, Bytes(r, 8), Bytes(r, 8), (ushort)((devNonce[0] << 8) | devNonce[1]), jr, 0);
                joinRequests.Add(new JsonObject { ["phy"] = X(jr), ["appKey"] = X(appKey) });
            }

            JsonArray answers = LoraPacketPeer.Run("buildJoinAccept", items);
            var accept = new JoinAccept();
            var session = new Session();
            for (int i = 0; i < n; i++)
            {
                JsonNode it = items[i];
                byte[] appKey = H((string)it["appKey"]);
                byte[] wire = H((string)answers[i]["phy"]);
                Assert.Equal(FrameError.None, accept.Accept(crypto, appKey, wire, 0, wire.Length));
                Assert.Equal((string)it["appNonce"], accept.AppNonce.ToString("x6"));
                Assert.Equal((string)it["netId"], accept.NetId.ToString("x6"));
                Assert.Equal((string)it["devAddr"], accept.DevAddr.ToString("x8"));
                Assert.Equal((int)it["dlSettings"], accept.DLSettings);
                Assert.Equal((int)it["rxDelay"], accept.RxDelay);
                Assert.Equal((string)it["cfList"], accept.HasCFList ? X(accept.CFList) : "");
                byte[] dn = H((string)it["devNonce"]);
                accept.StartSession(crypto, appKey, (ushort)((dn[0] << 8) | dn[1]), session);
                Assert.Equal((string)answers[i]["nwkSKey"], X(session.NwkSKey));
                Assert.Equal((string)answers[i]["appSKey"], X(session.AppSKey));
            }

            JsonArray verdicts = LoraPacketPeer.Run("verifyJoinRequest", joinRequests);
            for (int i = 0; i < n; i++)
            {
                Assert.True((bool)verdicts[i]["micOk"], "JoinRequest " + i);
                Assert.Equal((string)items[i]["devNonce"], (string)verdicts[i]["devNonce"]);
            }
        }
    }
}
