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
            var nwk = Cli.HexBytes("--nwkskey", "NwkSKey: checks a data frame's MIC, decrypts FPort 0.", 16);
            var app = Cli.HexBytes("--appskey", "AppSKey: decrypts a data frame's FRMPayload.", 16);
            var appKey = Cli.HexBytes("--appkey", "AppKey: JoinRequest MIC, JoinAccept decryption.", 16);
            var devNonce = Cli.HexBytes("--devnonce", "DevNonce of the JoinRequest, as it reads (e.g. c500): derives the session keys.", 2);
            var fcnt32 = Cli.UInt32("--fcnt32", "The full 32-bit frame counter; its upper 16 bits complete the 16 on air.");
            var json = Cli.Flag("--json", "Print one JSON object instead of text.");
            var command = new Command("frame", "Decode a LoRaWAN 1.0.x PHYPayload: fields, MAC commands, MIC check, decrypted payload, join keys.");
            command.Arguments.Add(hex);
            command.Options.Add(nwk);
            command.Options.Add(app);
            command.Options.Add(appKey);
            command.Options.Add(devNonce);
            command.Options.Add(fcnt32);
            command.Options.Add(json);
            command.SetAction(parse => Run(parse, hex, nwk, app, appKey, devNonce, fcnt32, json));
            return command;
        }

        private static int Run(ParseResult parse, Argument<string> hex, Option<byte[]> nwk, Option<byte[]> app, Option<byte[]> appKey,
            Option<byte[]> devNonce, Option<long> fcnt32, Option<bool> json)
        {
            byte[] frame = Hex.Parse(parse.GetValue(hex));
            if (frame == null || frame.Length == 0 || frame.Length > DataFrame.MaxPhyPayload)
            {
                throw new CliException("frame: HEX must be 1 to 255 bytes of hex digits (got " + Cli.Echo(parse.GetValue(hex)) + ")");
            }

            byte[] nonce = Cli.ValueOr(parse, devNonce, null);
            var inspector = new FrameInspector();
            FrameError e = inspector.Inspect(frame, frame.Length, Cli.ValueOr(parse, nwk, null), Cli.ValueOr(parse, app, null), Cli.ValueOr(parse, appKey, null),
                nonce == null ? -1 : (nonce[0] << 8) | nonce[1], Cli.ValueOr(parse, fcnt32, -1));
            if (e != FrameError.None)
            {
                throw new CliException("frame: not a LoRaWAN 1.0.x frame: " + FrameErrors.Message(e));
            }

            JsonObject o = Describe(inspector, frame);
            parse.InvocationConfiguration.Output.WriteLine(parse.GetValue(json) ? o.ToJsonString() : Text(o));
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
    }
}
