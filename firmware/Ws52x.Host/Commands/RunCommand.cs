using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Metering;
using Ws52x.Host.Board.Storage;
using Ws52x.Host.Scenario;
using Ws52x.Host.Trace;
using Ws52x.Metering;

namespace Ws52x.Host.Commands
{
    /// <summary>`ws52x [run]`: starts the firmware's event loop on the host board.</summary>
    public static class RunCommand
    {
        public static RootCommand CreateRoot()
        {
            var root = new RootCommand("Ws52x open firmware: the host board (run) and tools for payloads, frames and airtime.");
            AddRunOptions(root);
            return root;
        }

        public static Command Create()
        {
            var run = new Command("run", "Start the firmware on the host board (the default when no command is given).");
            AddRunOptions(run);
            return run;
        }

        private static void AddRunOptions(Command command)
        {
            // One place holds the board's defaults: the options fall back to them, and help shows them as typed.
            var defaults = new HostBoardOptions();
            var speed = new Option<int>("--speed")
            {
                Description = "Virtual time factor: 1 = real time, N = N times faster, max = as fast as possible (default: 1).",
                HelpName = "1-1000000|max",
                CustomParser = r =>
                {
                    string t = Cli.Token(r);
                    if (string.Equals(t, "max", StringComparison.OrdinalIgnoreCase))
                    {
                        return HostBoardOptions.MaxSpeed;
                    }

                    if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= 1000000)
                    {
                        return n;
                    }

                    r.AddError("--speed takes a whole number from 1 to 1000000, or max (got " + Cli.Echo(t) + ")");
                    return 1;
                },
            };
            var duration = Cli.Duration("--duration", "How much board time to run, e.g. 90s, 20m, 24h; without it the board runs until Ctrl-C.",
                TimeSpan.FromMilliseconds(1), TimeSpan.MaxValue, "time, e.g. 24h", null);
            string[] loadNames = new string[LoadProfiles.All.Count];
            LoadProfile[] loads = new LoadProfile[LoadProfiles.All.Count];
            for (int i = 0; i < loads.Length; i++)
            {
                loads[i] = LoadProfiles.All[i];
                loadNames[i] = loads[i].Name;
            }

            var load = Cli.Choice("--load", "What is plugged into the simulated socket (default: " + defaults.Load.Name + ").", loadNames, loads);
            var interval = Cli.Duration("--interval",
                "Reporting interval from 1 to 1080 minutes, e.g. 1m, 2h, saved into the board's settings (default: " +
                Minutes(TimeSpan.FromSeconds(new Ws52x.Config.SocketSettings().ReportingIntervalSeconds)) + ", the guide's; a board kept with --state keeps its own).",
                TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1080), "1m-1080m", "from 1m to 1080m");
            var chip = Cli.Choice("--chip", "Metering chip of the board (default: " + ChipName(defaults.Chip) + ").",
                new[] { "hlw8012", "bl0937" }, new[] { MeteringChip.Hlw8012, MeteringChip.Bl0937 });
            var seed = Cli.Integer("--seed",
                "Seed of everything random on the board (metering noise, radio air), so that a run can be repeated (default: " + defaults.Seed.ToString(CultureInfo.InvariantCulture) + ").",
                0, int.MaxValue);
            var state = Cli.Path("--state",
                "Folder that keeps the board's flash (energy, calibration, settings, LoRaWAN session) between runs: a run on the same folder is a reboot of the same socket; without it the flash lives in memory.",
                Cli.PathKind.Folder);
            var console = Cli.Flag("--console", "Make standard input the board's serial console (type help); without --duration the run ends when the input does.");
            command.Options.Add(speed);
            command.Options.Add(duration);
            command.Options.Add(load);
            command.Options.Add(interval);
            command.Options.Add(chip);
            command.Options.Add(seed);
            var scenario = Cli.Path("--scenario",
                "A file of timed stimuli, one a line: '12m press', '13m hold 11s', '15m load kettle', '10m downlink 85 ff24010a', '20m mains off', '30m gateway off', '31m console status' (docs/host-board.md).",
                Cli.PathKind.FileToRead);
            var trace = Cli.Path("--trace", "Write a JSON-lines trace (relay, led, uplink, current, air and rx records with board time in µs) to this file (docs/host-board.md).",
                Cli.PathKind.FileToWrite);
            command.Options.Add(state);
            command.Options.Add(console);
            command.Options.Add(scenario);
            command.Options.Add(trace);
            var lorawan = new LoRaWanRunOptions(command);
            var gateway = new GatewayRunOptions(command);
            command.SetAction(parse =>
            {
                var options = new HostBoardOptions
                {
                    Speed = Cli.ValueOr(parse, speed, defaults.Speed),
                    Duration = parse.GetResult(duration) == null ? (TimeSpan?)null : parse.GetValue(duration),
                    Load = Cli.ValueOr(parse, load, defaults.Load),
                    ReportInterval = parse.GetResult(interval) == null ? (TimeSpan?)null : parse.GetValue(interval),
                    Chip = Cli.ValueOr(parse, chip, defaults.Chip),
                    Seed = Cli.ValueOr(parse, seed, defaults.Seed),
                    StateDirectory = parse.GetValue(state),
                    ConsoleInput = parse.GetValue(console) ? Console.In : null,
                };
                lorawan.ReadInto(parse, options);
                gateway.ReadInto(parse, options);
                return RunWithFiles(options, parse.GetValue(scenario), parse.GetValue(trace), parse.InvocationConfiguration.Output,
                    parse.InvocationConfiguration.Error);
            });
        }

        // The scenario is checked whole before anything runs; a trace file that cannot be written is an I/O failure (exit 1).
        private static int RunWithFiles(HostBoardOptions options, string scenarioPath, string tracePath, TextWriter output, TextWriter error)
        {
            if (scenarioPath != null)
            {
                try
                {
                    options.Scenario = ScenarioFile.Load(scenarioPath);
                }
                catch (ScenarioException e)
                {
                    throw new CliException(e.Message);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new CliException("--scenario: cannot read " + Cli.Echo(scenarioPath) + ": " + e.Message);
                }
            }

            if (tracePath == null)
            {
                return Run(options, output, error);
            }

            try
            {
                options.Trace = new TraceWriter(new StreamWriter(tracePath));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return Cli.FailIo(error, "--trace: cannot write " + Cli.Echo(tracePath) + ": " + e.Message);
            }

            using (options.Trace)
            {
                return Run(options, output, error);
            }
        }

        /// <summary>A whole number of minutes as --interval takes it, e.g. 20m.</summary>
        private static string Minutes(TimeSpan span) => ((long)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";

        private static string ChipName(MeteringChip chip) => chip == MeteringChip.Bl0937 ? "bl0937" : "hlw8012";

        private static int Run(HostBoardOptions options, System.IO.TextWriter output, System.IO.TextWriter error)
        {
            HostBoard opened;
            try
            {
                opened = new HostBoard(options, output);
            }
            catch (StateDirectoryException e)
            {
                return Cli.FailIo(error, "--state: " + e.Message);
            }
            catch (System.Net.Sockets.SocketException e)
            {
                return Cli.FailIo(error, "--gateway-udp: cannot open a UDP socket to " + options.GatewayServerHost + ": " + e.Message);
            }

            using var board = opened;
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                board.Stop();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                board.Run();
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            return 0;
        }
    }
}
