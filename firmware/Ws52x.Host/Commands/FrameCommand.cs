using System;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.MacCommands;
using Ws52x.Util;

namespace Ws52x.Host.Commands
{
    /// <summary>
    /// `ws52x frame HEX [keys]`: prints a PHYPayload's fields, MIC verdict and decrypted payload (the core's
    /// <see cref="FrameInspector"/> decodes; this only formats), as text or one JSON object.
    /// </summary>
    public static class FrameCommand
    {
        public static Command Create()
        {
            var hex = new Argument<string>("hex") { Description = "The PHYPayload as hex (MHDR .. MIC), e.g. from a gateway log." };
            var nwk = new Option<string>("--nwkskey") { Description = "NwkSKey (hex, 16 bytes): checks a data frame's MIC, decrypts FPort 0." };
            var app = new Option<string>("--appskey") { Description = "AppSKey (hex, 16 bytes): decrypts a data frame's FRMPayload." };
            var appKey = new Option<string>("--appkey") { Description = "AppKey (hex, 16 bytes): JoinRequest MIC, JoinAccept decryption." };
            var devNonce = new Option<string>("--devnonce") { Description = "DevNonce of the JoinRequest (hex, 2 bytes, as it reads): derives the session keys." };
            var fcnt32 = new Option<string>("--fcnt32") { Description = "The full 32-bit frame counter (decimal or 0x hex); its upper 16 bits complete the on-air 16." };
            var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
            var command = new Command("frame", "Decode a LoRaWAN 1.0.x PHYPayload: fields, MAC commands, MIC check, decrypted payload, join keys.");
            command.Arguments.Add(hex);
            command.Options.Add(nwk);
            command.Options.Add(app);
            command.Options.Add(appKey);
            command.Options.Add(devNonce);
            command.Options.Add(fcnt32);
            command.Options.Add(json);
            command.SetAction(parse =>
            {
                try
                {
                    return Run(parse, hex, nwk, app, appKey, devNonce, fcnt32, json);
                }
                catch (CliException e)
                {
                    return Cli.Fail(e.Message);
                }
            });
            return command;
        }

        private static int Run(ParseResult parse, Argument<string> hex, Option<string> nwk, Option<string> app, Option<string> appKey,
            Option<string> devNonce, Option<string> fcnt32, Option<bool> json)
        {
            byte[] frame = Hex.Parse(parse.GetValue(hex));
            if (frame == null || frame.Length == 0 || frame.Length > DataFrame.MaxPhyPayload)
            {
                throw new CliException("frame: HEX must be 1 to 255 bytes of hex digits (got '" + parse.GetValue(hex) + "')");
            }

            var inspector = new FrameInspector();
            FrameError e = inspector.Inspect(frame, frame.Length, Key(parse.GetValue(nwk), "--nwkskey"), Key(parse.GetValue(app), "--appskey"),
                Key(parse.GetValue(appKey), "--appkey"), Nonce(parse.GetValue(devNonce)), Counter(parse.GetValue(fcnt32)));
            if (e != FrameError.None)
            {
                throw new CliException("frame: not a LoRaWAN 1.0.x frame: " + FrameErrors.Message(e) + " (" + e + ")");
            }

            JsonObject o = Describe(inspector, frame);
            Console.Out.WriteLine(parse.GetValue(json) ? o.ToJsonString() : Text(o));
            return 0;
        }

        private static JsonObject Describe(FrameInspector f, byte[] frame)
        {
            var o = new JsonObject
            {
                ["mhdr"] = f.MhdrByte.ToString("x2"),
                ["mtype"] = Mhdr.Name(f.Type),
            };
            if (f.Type == MType.JoinRequest)
            {
                o["appEui"] = Hex.ToHex(f.AppEui);
                o["devEui"] = Hex.ToHex(f.DevEui);
                o["devNonce"] = f.DevNonce.ToString("x4");
            }
            else if (f.Type == MType.JoinAccept)
            {
                if (f.Decrypted)
                {
                    JoinAccept a = f.Accept;
                    o["appNonce"] = a.AppNonce.ToString("x6");
                    o["netId"] = a.NetId.ToString("x6");
                    o["devAddr"] = a.DevAddr.ToString("x8");
                    o["dlSettings"] = a.DLSettings;
                    o["rx1DrOffset"] = a.Rx1DrOffset;
                    o["rx2DataRate"] = a.Rx2DataRate;
                    o["rxDelay"] = a.RxDelay;
                    o["cfList"] = a.HasCFList ? Hex.ToHex(a.CFList) : null;
                    o["cfListType"] = a.HasCFList ? a.CFListType : null;
                    o["plain"] = Hex.ToHex(a.Plain, 0, a.PlainLength);
                }

                if (f.KeysDerived)
                {
                    o["devNonce"] = f.DevNonce.ToString("x4");
                    o["nwkSKey"] = Hex.ToHex(f.NwkSKey);
                    o["appSKey"] = Hex.ToHex(f.AppSKey);
                }
            }
            else
            {
                DataFrame d = f.Data;
                o["devAddr"] = d.DevAddr.ToString("x8");
                o["fctrl"] = new JsonObject
                {
                    ["byte"] = d.FCtrlBits.ToString("x2"),
                    ["ADR"] = d.Adr,
                    ["ADRACKReq"] = d.AdrAckReq,
                    ["ACK"] = d.Ack,
                    [d.IsUplink ? "ClassB" : "FPending"] = d.FPending,
                    ["FOptsLen"] = d.FOptsLength,
                };
                o["fcnt"] = d.FCnt16;
                o["fcnt32"] = d.FCnt32;
                o["fopts"] = Hex.ToHex(d.FOpts, 0, d.FOptsLength);
                o["fport"] = d.FPort < 0 ? null : d.FPort;
                o["frmPayload"] = d.FPort < 0 ? "" : Hex.ToHex(frame, 8 + d.FOptsLength + 1, d.PayloadLength);
                o["payload"] = f.Decrypted ? Hex.ToHex(d.Payload, 0, d.PayloadLength) : null;
                if (f.MacSource != 0)
                {
                    var cmds = new JsonArray();
                    for (int i = 0; i < f.MacCommands.Count; i++)
                    {
                        MacCommand c = f.MacCommands[i];
                        cmds.Add(new JsonObject { ["cid"] = c.Cid.ToString("x2"), ["name"] = c.Name, ["bytes"] = Hex.ToHex(frameOf(f, frame), c.Offset, c.Length) });
                    }

                    o["macCommands"] = cmds;
                    o["macCommandsIn"] = f.MacSource == 1 ? "FOpts" : "FRMPayload";
                    if (f.MacError != FrameError.None)
                    {
                        o["macCommandsError"] = FrameErrors.Message(f.MacError) + " at CID " + f.MacCommands.StoppedAtCid.ToString("x2");
                    }
                }
            }

            o["mic"] = Hex.ToHex(frame, frame.Length - 4, 4);
            o["micValid"] = f.MicChecked ? f.MicValid : null;
            return o;
        }

        private static byte[] frameOf(FrameInspector f, byte[] frame) => f.MacSource == 1 ? f.Data.FOpts : f.Data.Payload;

        private static string Text(JsonObject o)
        {
            var lines = new System.Text.StringBuilder();
            foreach (var kv in o)
            {
                if (kv.Value is JsonArray cmds)
                {
                    lines.Append(string.Format(CultureInfo.InvariantCulture, "{0,-16}{1}\n", kv.Key, cmds.Count));
                    foreach (JsonNode c in cmds)
                    {
                        lines.Append(string.Format(CultureInfo.InvariantCulture, "  {0} {1,-18}{2}", (string)c["cid"], (string)c["name"], (string)c["bytes"]).TrimEnd() + "\n");
                    }

                    continue;
                }

                string v = kv.Value == null ? "-" : kv.Value is JsonObject ? kv.Value.ToJsonString() : kv.Value.ToString();
                if (kv.Key == "micValid")
                {
                    v = kv.Value == null ? "not checked (no key)" : (bool)kv.Value ? "valid" : "INVALID";
                }

                lines.Append(string.Format(CultureInfo.InvariantCulture, "{0,-16}{1}\n", kv.Key, v));
            }

            return lines.ToString().TrimEnd('\n');
        }

        private static byte[] Key(string text, string name)
        {
            if (text == null)
            {
                return null;
            }

            byte[] k = Hex.Parse(text);
            if (k == null || k.Length != 16)
            {
                throw new CliException("frame: " + name + " takes 16 bytes of hex (32 digits), got '" + text + "'");
            }

            return k;
        }

        private static int Nonce(string text)
        {
            if (text == null)
            {
                return -1;
            }

            byte[] n = Hex.Parse(text);
            if (n == null || n.Length != 2)
            {
                throw new CliException("frame: --devnonce takes 2 bytes of hex as it reads, e.g. c500 (got '" + text + "')");
            }

            return (n[0] << 8) | n[1];
        }

        private static long Counter(string text)
        {
            if (text == null)
            {
                return -1;
            }

            bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
            if (!ulong.TryParse(hex ? text.Substring(2) : text, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out ulong v) || v > uint.MaxValue)
            {
                throw new CliException("frame: --fcnt32 takes a counter from 0 to 4294967295 (got '" + text + "')");
            }

            return (long)v;
        }
    }
}
