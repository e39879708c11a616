using System.CommandLine;
using System.Globalization;
using Ws52x.Host.Board;
using Ws52x.Host.Network.SemtechUdp;

namespace Ws52x.Host.Commands
{
    /// <summary>
    /// The options of `ws52x run` that put the board behind a real network server: --gateway-udp HOST[:PORT] makes the
    /// board's gateway a Semtech UDP packet forwarder to that server (port 1700 unless given), --gateway-eui its EUI.
    /// The server's receive windows are real seconds, so the board must run at real time.
    /// </summary>
    public sealed class GatewayRunOptions
    {
        public const int DefaultPort = 1700;

        private readonly Option<(string Host, int Port)> _server;
        private readonly Option<byte[]> _eui;

        public GatewayRunOptions(Command command)
        {
            _server = new Option<(string, int)>("--gateway-udp")
            {
                Description = "Forward to a real network server (ChirpStack, The Things Stack) as a Semtech UDP packet forwarder, " +
                    "instead of the built-in server; port " + DefaultPort.ToString(CultureInfo.InvariantCulture) + " unless given. Runs at real time (docs/network-servers.md).",
                HelpName = "host[:port]",
                CustomParser = r =>
                {
                    string t = Cli.Token(r);
                    if (TryParseServer(t, out string host, out int port))
                    {
                        return (host, port);
                    }

                    r.AddError("--gateway-udp takes a host name or address and an optional port from 1 to 65535, e.g. localhost:1700 (got " + Cli.Echo(t) + ")");
                    return (null, 0);
                },
            };
            _eui = Cli.HexBytes("--gateway-eui", "EUI of the forwarding gateway, as registered on the server (default: 5753353200000034, from the seed: " +
                "57533532 then --seed in 8 hex digits; printed at start).", 8);
            command.Options.Add(_server);
            command.Options.Add(_eui);
        }

        /// <summary>Copies the parsed values into the board's options; --gateway-udp with a speed other than 1 is a usage error.</summary>
        public void ReadInto(ParseResult parse, HostBoardOptions options)
        {
            if (parse.GetResult(_eui) != null)
            {
                if (parse.GetResult(_server) == null)
                {
                    throw new CliException("--gateway-eui goes with --gateway-udp (the built-in network server needs no gateway identity)");
                }

                options.GatewayEui = parse.GetValue(_eui);
            }

            if (parse.GetResult(_server) == null)
            {
                return;
            }

            (string host, int port) = parse.GetValue(_server);
            if (options.Speed != 1)
            {
                throw new CliException("--gateway-udp runs at real time, so that the server's receive windows hold: leave out --speed or give --speed 1 (got " +
                    (options.Speed == HostBoardOptions.MaxSpeed ? "max" : options.Speed.ToString(CultureInfo.InvariantCulture)) + ")");
            }

            options.GatewayServerHost = host;
            options.GatewayServerPort = port;
            options.GatewayEui = options.GatewayEui ?? SemtechBridgeOptions.DefaultEui(options.Seed);
        }

        /// <summary>"host", "host:port", "[v6 address]:port" or a bare IPv6 address.</summary>
        public static bool TryParseServer(string text, out string host, out int port)
        {
            host = null;
            port = DefaultPort;
            if (string.IsNullOrWhiteSpace(text) || text.Trim() != text)
            {
                return false;
            }

            string portText = null;
            if (text.StartsWith("[", System.StringComparison.Ordinal))
            {
                int close = text.IndexOf(']');
                if (close < 2 || (close + 1 < text.Length && text[close + 1] != ':'))
                {
                    return false;
                }

                host = text.Substring(1, close - 1);
                portText = close + 1 < text.Length ? text.Substring(close + 2) : null;
            }
            else if (text.IndexOf(':') == text.LastIndexOf(':') && text.IndexOf(':') >= 0)
            {
                int colon = text.IndexOf(':');
                host = text.Substring(0, colon);
                portText = text.Substring(colon + 1);
            }
            else
            {
                host = text; // a name, an IPv4 address, or an IPv6 address without a port
            }

            if (host.Length == 0 || host.IndexOf(' ') >= 0)
            {
                return false;
            }

            return portText == null || (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port >= 1 && port <= 65535);
        }
    }
}
