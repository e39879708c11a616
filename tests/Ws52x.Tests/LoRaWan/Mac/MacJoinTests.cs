using System.Linq;
using Ws52x.Config;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.Mac;
using Ws52x.Util;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>Activation on the virtual air: OTAA joins, lost JoinAccepts and back-off, ABP.</summary>
    public class MacJoinTests
    {
        [Fact]
        public void Otaa_joins_with_the_guide_defaults_and_sends_a_report_the_network_can_read()
        {
            var rig = new MacRig().Start();
            Assert.True(rig.RunUntilJoined(60), rig.Output.ToString());
            Assert.Equal(1, rig.Events.Joined);
            Assert.Equal(1, rig.Events.JoinRequests);
            Assert.Equal(rig.Network.DevAddr, rig.Mac.DevAddr);

            // The request carried the guide's AppEUI, this DevEUI, and a MIC under the default AppKey.
            GatewayFrame join = rig.Gateway.JoinRequests.Single();
            var appEui = new byte[8];
            var devEui = new byte[8];
            Assert.Equal(FrameError.None, JoinRequest.Read(new Ws52x.LoRaWan.Crypto.LoRaWanCrypto(), join.Payload, 0, join.Payload.Length,
                rig.Settings.LoRaWan.AppKey, appEui, devEui, out ushort nonce, out bool micOk));
            Assert.True(micOk);
            Assert.Equal("24e124c0002a0001", Hex.ToHex(appEui));
            Assert.Equal(Hex.ToHex(MacRig.DevEui), Hex.ToHex(devEui));

            byte[] report = Hex.Parse("087001058129 07c91200 0374f508 068305000000 048001000000".Replace(" ", ""));
            Assert.Equal(SendStatus.Queued, rig.Send(report));
            rig.RunUntilDone(1, 30);
            Assert.Equal((85, UplinkOutcome.Sent), rig.Events.Done.Single());
            var up = rig.Gateway.Uplinks.Single();
            Assert.Equal(85, up.Data.FPort);
            Assert.Equal(Hex.ToHex(report), Hex.ToHex(up.Payload));
            Assert.Equal(0u, up.Data.FCnt32);
            Assert.True(up.Data.Adr);
        }

        [Fact]
        public void Send_before_a_session_says_not_joined_and_bad_ports_are_refused()
        {
            var rig = new MacRig().Start();
            Assert.Equal(SendStatus.NotJoined, rig.Send(new byte[] { 1 }));
            Assert.True(rig.RunUntilJoined(60));
            Assert.Equal(SendStatus.BadPort, rig.Send(new byte[] { 1 }, port: 0));
            Assert.Equal(SendStatus.BadPort, rig.Send(new byte[] { 1 }, port: 224));
            Assert.Equal(SendStatus.TooLong, rig.Send(new byte[52])); // DR2 (SF10) carries 51
            Assert.Equal(51, rig.Mac.MaxPayloadLength);
        }

        [Fact]
        public void Abp_starts_at_once_with_the_configured_keys()
        {
            var rig = new MacRig(configure: s => s.LoRaWan.JoinType = JoinType.Abp).Start();
            rig.Run(1);
            Assert.True(rig.Mac.IsJoined);
            Assert.Equal(1, rig.Events.Joined);
            Assert.Equal(0, rig.Gateway.JoinRequests.Count);
            rig.Send(new byte[] { 0xff, 0x3f, 0xff });
            rig.RunUntilDone(1, 30);
            var up = rig.Gateway.Uplinks.Single();
            Assert.Equal(0x127A2702u, up.Data.DevAddr);
            Assert.Equal("ff3fff", Hex.ToHex(up.Payload));
        }
    }
}
