using System;
using System.Linq;
using Ws52x.Config;
using Ws52x.LoRaWan.Crypto;
using Ws52x.LoRaWan.Frames;
using Ws52x.Util;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>Every kind of bad downlink in a real RX1 window: refused, counted, logged, and nothing changes.</summary>
    public class BadDownlinkTests
    {
        private static MacRig Rig() => MacRig.Abp();

        private static void Exchange(MacRig rig, byte[] downlink)
        {
            int done = rig.Events.Done.Count;
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, Raw = downlink });
            rig.Send(new byte[] { 1 });
            for (int i = 0; i < 120 && rig.Events.Done.Count == done; i++)
            {
                rig.Run(1);
            }
        }

        public static TheoryData<string, FrameError> Kinds() => new TheoryData<string, FrameError>
        {
            { "bad-mic", FrameError.BadMic },
            { "replay", FrameError.Replay },
            { "other-devaddr", FrameError.WrongDevAddr },
            { "fopts-and-port-0", FrameError.FOptsWithPortZero },
            { "truncated", FrameError.ShortFrame },
            { "length-field", FrameError.BadLength },
            { "garbage", FrameError.BadMhdr },
            { "uplink-type", FrameError.BadMhdr },
            { "join-accept-when-joined", FrameError.BadMhdr },
            { "counter-gap", FrameError.CounterGap },
        };

        [Theory]
        [MemberData(nameof(Kinds))]
        public void A_bad_downlink_is_refused_counted_logged_and_changes_nothing(string kind, FrameError reason)
        {
            var rig = Rig();
            // A good downlink first (FCnt 0, a LinkADRReq to DR3), so there is a counter and state to protect.
            byte[] good = rig.Gateway.Build(new ScriptedDownlink { Port = 85, Payload = new byte[] { 0x08, 0xff, 0x01 }, FOpts = new byte[] { 0x03, 0x30, 0x07, 0x00, 0x01 } });
            Exchange(rig, good);
            Assert.Single(rig.Events.Downlinks);
            rig.Run(30);
            uint fcntDown = rig.Mac.FCntDown;
            int dr = rig.Mac.DataRate;
            int writes = rig.Mac.StorageWrites;

            Exchange(rig, Bad(rig, kind, good));

            Assert.Equal(1, rig.Mac.Statistics.DownlinksRejected);
            Assert.Equal(1, rig.Mac.Statistics.Rejected(reason));
            Assert.Contains("downlink refused: " + FrameErrors.Message(reason), rig.Output.ToString());
            Assert.Single(rig.Events.Downlinks);
            Assert.Equal(fcntDown, rig.Mac.FCntDown);
            Assert.Equal(dr, rig.Mac.DataRate);
            Assert.True(rig.Mac.StorageWrites - writes <= 1); // at most the FCntUp reserve, never a downlink record

            // And the next good frame is still accepted.
            Exchange(rig, rig.Gateway.Build(new ScriptedDownlink { Port = 85, Payload = new byte[] { 0x42 } }));
            Assert.Equal(2, rig.Events.Downlinks.Count);
        }

        private static byte[] Bad(MacRig rig, string kind, byte[] good)
        {
            var n = rig.Network;
            switch (kind)
            {
                case "bad-mic":
                    return rig.Gateway.Build(new ScriptedDownlink { Port = 85, Payload = new byte[] { 1 }, BadMic = true });
                case "replay":
                    return good;
                case "other-devaddr":
                    return rig.Gateway.BuildFor(n.DevAddr ^ 1, n.NwkSKey, n.AppSKey, n.FCntDown, 85, new byte[] { 1 });
                case "fopts-and-port-0":
                {
                    // FOpts and FPort 0 together: built by hand (the builder refuses it), with a correct MIC.
                    byte[] f = rig.Gateway.Build(new ScriptedDownlink { Port = 1, Payload = new byte[] { 6 }, FOpts = new byte[] { 0x06 } });
                    f[9] = 0;
                    uint mic = new LoRaWanCrypto().DataMic(n.NwkSKey, LoRaWanCrypto.DirectionDown, n.DevAddr, n.FCntDown - 1, f, 0, f.Length - 4);
                    Bytes.WriteUInt32LE(f, f.Length - 4, mic);
                    return f;
                }

                case "truncated":
                    return good.Take(9).ToArray();
                case "length-field":
                {
                    // FOptsLen says 15 but the frame is too short for it.
                    byte[] f = (byte[])good.Clone();
                    f[5] |= 0x0F;
                    return f.Take(20).ToArray();
                }

                case "garbage":
                    return new byte[] { 0xE3, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD };
                case "uplink-type":
                {
                    byte[] f = (byte[])good.Clone();
                    f[0] = Mhdr.Make(MType.UnconfirmedDataUp);
                    return f;
                }

                case "join-accept-when-joined":
                {
                    var f = new byte[17];
                    f[0] = Mhdr.Make(MType.JoinAccept);
                    return f;
                }

                default:
                    return rig.Gateway.Build(new ScriptedDownlink { Port = 85, Payload = new byte[] { 1 }, FCnt = n.FCntDown + 20000 });
            }
        }
    }
}
