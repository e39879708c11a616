using System.CommandLine;
using System.Text.Json;
using Ws52x.Codec;
using Ws52x.Host.Codec;
using Ws52x.Util;

namespace Ws52x.Host.Commands
{
    /// <summary>`ws52x encode JSON`: the vendor encoder's input object to downlink hex, checked by the core's decoder.</summary>
    public static class EncodeCommand
    {
        public static Command Create()
        {
            var json = new Argument<string>("json") { Description = "A vendor encoder object, e.g. {\"socket_status\":\"on\"} or {\"report_interval\":1200}." };
            var guideForm = Cli.Flag("--guide-form", "Write open/close as the guide does (080100ff) instead of the vendor encoder (0801ffff).");
            var rated = Cli.RatedCurrent();
            var command = new Command("encode", "Encode a WS52x downlink from the vendor encoder's JSON object.");
            command.Arguments.Add(json);
            command.Options.Add(guideForm);
            command.Options.Add(rated);
            command.SetAction(parse =>
            {
                var commands = VendorObject.ToCommands(parse.GetValue(json), parse.GetValue(guideForm));
                var buffer = new byte[DownlinkEncoder.MaxLength];
                int n = DownlinkEncoder.Write(commands, buffer, 0);

                // What we send must be what the socket accepts: run it through the device's own decoder.
                var error = new DecodeError();
                if (!new DownlinkDecoder(Cli.ValueOr(parse, rated, Cli.DefaultRatedCurrentAmps)).TryDecode(buffer, 0, n, new DownlinkCommands(), error))
                {
                    throw new CliException("encode: the socket would reject this: " + error);
                }

                parse.InvocationConfiguration.Output.WriteLine(Hex.ToHex(buffer, 0, n));
                return 0;
            });
            return command;
        }
    }
}
