using System.Linq;
using System.Text.Json.Nodes;
using Ws52x.Util;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>Frames the MAC itself puts on the air, checked by lora-packet (tests/interop/peer.js).</summary>
    public class MacInteropTests
    {
        [Fact]
        public void Join_requests_and_data_uplinks_with_fopts_and_port_0_verify_with_lora_packet()
        {
            var rig = new MacRig().Start();
            rig.Gateway.DropJoins = 2;
            Assert.True(rig.RunUntilJoined(600));
            // Answers in FOpts beside a report, then six answers alone on port 0, then a confirmed report.
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, FOpts = new byte[] { 0x06, 0x08, 0x01 } });
            rig.Send(new byte[] { 0x08, 0x70, 0x01 });
            rig.RunUntilDone(1, 120);
            rig.Send(new byte[] { 0x03, 0x74, 0xf5, 0x08 });
            rig.RunUntilDone(2, 120);
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, Port = 0, Payload = new byte[] { 0x06, 0x06, 0x06, 0x06, 0x06, 0x06 } });
            rig.Send(new byte[] { 1 }, confirmed: true);
            rig.RunUntilDone(3, 300);
            rig.Run(300);

            var joins = new JsonArray();
            foreach (var j in rig.Gateway.JoinRequests)
            {
                joins.Add(new JsonObject { ["phy"] = Hex.ToHex(j.Payload), ["appKey"] = Hex.ToHex(rig.Settings.LoRaWan.AppKey) });
            }

            JsonArray joinAnswers = LoraPacketPeer.Run("verifyJoinRequest", joins);
            Assert.Equal(3, joinAnswers.Count);
            for (int i = 0; i < 3; i++)
            {
                Assert.True((bool)joinAnswers[i]["micOk"]);
                Assert.Equal("Join Request", (string)joinAnswers[i]["mtype"]);
                Assert.Equal("24e124c0002a0001", (string)joinAnswers[i]["appEui"]);
                Assert.Equal(Hex.ToHex(MacRig.DevEui), (string)joinAnswers[i]["devEui"]);
            }

            var ups = rig.Gateway.Uplinks;
            Assert.Contains(ups, u => u.FOpts.Length > 0 && u.Data.FPort == 85);
            Assert.Contains(ups, u => u.Data.FPort == 0);
            Assert.Contains(ups, u => u.Data.IsConfirmed);
            var items = new JsonArray();
            foreach (var u in ups)
            {
                items.Add(new JsonObject
                {
                    ["phy"] = Hex.ToHex(u.Frame.Payload),
                    ["nwkSKey"] = Hex.ToHex(rig.Network.NwkSKey),
                    ["appSKey"] = Hex.ToHex(rig.Network.AppSKey),
                    ["fcnt32"] = u.Data.FCnt32,
                });
            }

            JsonArray answers = LoraPacketPeer.Run("verifyData", items);
            for (int i = 0; i < ups.Count; i++)
            {
                var a = answers[i];
                Assert.True(a["error"] == null, (string)a["error"]);
                Assert.True((bool)a["micOk"], "uplink " + i + " refused by lora-packet");
                Assert.Equal(Hex.ToHex(ups[i].FOpts), (string)a["fopts"]);
                Assert.Equal(Hex.ToHex(ups[i].Payload), (string)a["payload"]);
                Assert.Equal(ups[i].Data.FPort < 0 ? (int?)null : ups[i].Data.FPort, (int?)a["fport"]);
                Assert.Equal(ups[i].Data.IsConfirmed ? "Confirmed Data Up" : "Unconfirmed Data Up", (string)a["mtype"]);
                Assert.True((bool)a["fctrl"]["ADR"]);
            }

            // lora-packet read the port-0 payload (decrypted with the NwkSKey) as the six DevStatusAns.
            int p0 = ups.FindIndex(u => u.Data.FPort == 0);
            Assert.Equal(18, ((string)answers[p0]["payload"]).Length / 2);
            Assert.StartsWith("0600", (string)answers[p0]["payload"]);
        }
    }
}
