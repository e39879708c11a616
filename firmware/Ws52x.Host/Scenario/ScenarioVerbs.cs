using System;
using System.Collections.Generic;
using System.Globalization;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Metering;
using Ws52x.Host.Commands;
using Ws52x.Util;

namespace Ws52x.Host.Scenario
{
    /// <summary>
    /// The verbs a scenario line may use, as a table: name, argument syntax, and a parser that turns the arguments into
    /// what the board does (or throws <see cref="ScenarioException"/> with the reason). Adding a verb is adding a row.
    /// </summary>
    public static class ScenarioVerbs
    {
        /// <summary>Turns a line's arguments into the action, or throws <see cref="ScenarioException"/>.</summary>
        public delegate Action<HostBoard> Parser(string[] args);

        /// <param name="RestOfLine">The verb takes the rest of the line as it was written, spaces and all, as one argument.</param>
        public sealed record Verb(string Name, string Syntax, Parser Parse, bool RestOfLine = false);

        private static readonly Verb[] Rows =
        {
            new Verb("downlink", "downlink PORT HEX", Downlink),
            new Verb("press", "press", args => NoArguments(args, "press", b => b.Press())),
            new Verb("hold", "hold DURATION", Hold),
            new Verb("load", "load NAME", Load),
            new Verb("mains", "mains off|on", Mains),
            new Verb("gateway", "gateway off|on", Gateway),
            new Verb("console", "console TEXT", ConsoleLine, RestOfLine: true),
        };

        private static readonly Dictionary<string, Verb> ByName = Index();

        public static IReadOnlyList<Verb> All => Rows;

        public static string Names => string.Join(", ", Array.ConvertAll(Rows, r => r.Name));

        public static Verb Find(string name) => ByName.TryGetValue(name, out Verb v) ? v : null;

        private static Dictionary<string, Verb> Index()
        {
            var d = new Dictionary<string, Verb>(StringComparer.OrdinalIgnoreCase);
            foreach (Verb v in Rows)
            {
                d.Add(v.Name, v);
            }

            return d;
        }

        // Queued at the network server for the socket's next window (a stand-in link takes it directly, at the line's time).
        private static Action<HostBoard> Downlink(string[] args)
        {
            Expect(args, 2, "downlink PORT HEX");
            if (!int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 223)
            {
                throw new ScenarioException("downlink port must be 1-223 (got '" + args[0] + "')");
            }

            byte[] bytes = Hex.Parse(args[1]);
            if (bytes == null || bytes.Length == 0 || bytes.Length > 242)
            {
                throw new ScenarioException("downlink payload must be 1-242 bytes of hex (got '" + Shorten(args[1]) + "')");
            }

            return b => b.Downlink(port, bytes);
        }

        private static Action<HostBoard> Hold(string[] args)
        {
            Expect(args, 1, "hold DURATION");
            if (!Cli.TryParseDuration(args[0], out TimeSpan span))
            {
                throw new ScenarioException("hold takes a duration such as 11s or 500ms (got '" + Shorten(args[0]) + "')");
            }

            long micros = span.Ticks / 10;
            return b => b.Hold(micros);
        }

        private static Action<HostBoard> Load(string[] args)
        {
            Expect(args, 1, "load NAME");
            LoadProfile p = LoadProfiles.Find(args[0]);
            if (p == null)
            {
                throw new ScenarioException("load takes one of " + LoadProfiles.Names + " (got '" + Shorten(args[0]) + "')");
            }

            return b => b.SetLoad(p);
        }

        private static Action<HostBoard> Mains(string[] args)
        {
            Expect(args, 1, "mains off|on");
            switch (args[0].ToLowerInvariant())
            {
                case "off": return b => b.MainsOff();
                case "on": return b => b.MainsOn();
                default: throw new ScenarioException("mains takes off or on (got '" + Shorten(args[0]) + "')");
            }
        }

        private static Action<HostBoard> Gateway(string[] args)
        {
            Expect(args, 1, "gateway off|on");
            switch (args[0].ToLowerInvariant())
            {
                case "off": return b => b.SetGateway(false);
                case "on": return b => b.SetGateway(true);
                default: throw new ScenarioException("gateway takes off or on (got '" + Shorten(args[0]) + "')");
            }
        }

        // The console's own limit: a longer line would be refused by the board, so the file is refused first.
        private static Action<HostBoard> ConsoleLine(string[] args)
        {
            string line = args.Length == 1 ? args[0] : "";
            if (line.Length == 0)
            {
                throw new ScenarioException("console takes the line to type, such as 'console status'");
            }

            if (line.Length > Ws52x.Config.Console.ConfigConsole.MaxLineLength)
            {
                throw new ScenarioException("a console line is at most " + Ws52x.Config.Console.ConfigConsole.MaxLineLength + " characters (got " + line.Length + ")");
            }

            return b => b.TypeConsoleLine(line);
        }

        private static Action<HostBoard> NoArguments(string[] args, string syntax, Action<HostBoard> action)
        {
            Expect(args, 0, syntax);
            return action;
        }

        private static void Expect(string[] args, int count, string syntax)
        {
            if (args.Length != count)
            {
                throw new ScenarioException("'" + syntax + "' takes " + (count == 0 ? "no arguments" : count + " argument" + (count == 1 ? "" : "s")) + " (got " + args.Length + ")");
            }
        }

        internal static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";
    }
}
