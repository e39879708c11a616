using System.IO;
using System.CommandLine;
using Ws52x.Codec;
using Ws52x.Util;

namespace Ws52x.Host.Commands
{
    /// <summary>`ws52x decode HEX [--downlink]`: a WS52x payload as the JSON the vendor's codec prints.</summary>
    public static class DecodeCommand
    {
        public static Command Create()
        {
            var hex = new Argument<string>("hex") { Description = "The payload (FRMPayload on port 85) in hex, e.g. 087001058129..." };
            var downlink = Cli.Flag("--downlink", "Decode as a downlink command (prints the vendor encoder's input object).");
            var rated = Cli.RatedCurrent();
            var command = new Command("decode", "Decode a WS52x uplink (or, with --downlink, a downlink) to the vendor's JSON.");
            command.Arguments.Add(hex);
            command.Options.Add(downlink);
            command.Options.Add(rated);
            command.SetAction(parse =>
            {
                byte[] bytes = Hex.Parse(parse.GetValue(hex));
                if (bytes == null || bytes.Length == 0)
                {
                    throw new CliException("decode: " + Cli.Echo(parse.GetValue(hex)) + " is not a hex payload");
                }

                TextWriter output = parse.InvocationConfiguration.Output;
                var error = new DecodeError();
                if (parse.GetValue(downlink))
                {
                    int amps = Cli.ValueOr(parse, rated, Cli.DefaultRatedCurrentAmps);
                    var commands = new DownlinkCommands();
                    if (!new DownlinkDecoder(amps).TryDecode(bytes, 0, bytes.Length, commands, error))
                    {
                        throw new CliException("decode: rejected downlink: " + error);
                    }

                    output.WriteLine(VendorJson.Downlink(commands));
                    return 0;
                }

                var values = new UplinkValues();
                if (!UplinkDecoder.TryDecode(bytes, 0, bytes.Length, values, error))
                {
                    throw new CliException("decode: not a WS52x uplink: " + error);
                }

                output.WriteLine(VendorJson.Uplink(values));
                return 0;
            });
            return command;
        }
    }
}
