using System;
using System.CommandLine;
using System.Threading;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Metering;
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
            // One place holds the board's defaults: the options show and fall back to them.
            var defaults = new HostBoardOptions();
            var speed = new Option<int>("--speed")
            {
                Description = "Virtual time factor: 1 = real time (default), N = N times faster, max = as fast as possible.",
                DefaultValueFactory = _ => 1,
                CustomParser = r =>
                {
                    string t = Cli.Token(r);
                    if (string.Equals(t, "max", StringComparison.OrdinalIgnoreCase))
                    {
                        return HostBoardOptions.MaxSpeed;
                    }

                    if (int.TryParse(t, out int n) && n >= 1 && n <= 1000000)
                    {
                        return n;
                    }

                    r.AddError("--speed takes a whole number from 1 to 1000000, or max (got '" + t + "')");
                    return 1;
                },
            };
            var duration = new Option<TimeSpan?>("--duration")
            {
                Description = "How much board time to run, e.g. 90s, 20m, 24h (default: until Ctrl-C).",
                CustomParser = r =>
                {
                    string t = Cli.Token(r);
                    if (Cli.TryParseDuration(t, out TimeSpan span))
                    {
                        return span;
                    }

                    r.AddError("--duration takes a time span such as 90s, 20m, 24h or 1h30m (got '" + t + "')");
                    return null;
                },
            };
            var load = new Option<LoadProfile>("--load")
            {
                Description = "What is plugged into the simulated socket: " + LoadProfiles.Names + ".",
                DefaultValueFactory = _ => defaults.Load,
                CustomParser = r =>
                {
                    string t = Cli.Token(r);
                    LoadProfile p = LoadProfiles.Find(t);
                    if (p == null)
                    {
                        r.AddError("--load takes one of " + LoadProfiles.Names + " (got '" + t + "')");
                    }

                    return p;
                },
            };
            var interval = new Option<TimeSpan>("--interval")
            {
                Description = "Reporting interval from 1 to 1080 minutes, e.g. 20m (the guide's default), 1m, 2h.",
                DefaultValueFactory = _ => defaults.ReportInterval,
                CustomParser = r =>
                {
                    string t = Cli.Token(r);
                    if (Cli.TryParseDuration(t, out TimeSpan span) && span >= TimeSpan.FromMinutes(1) && span <= TimeSpan.FromMinutes(1080))
                    {
                        return span;
                    }

                    r.AddError("--interval takes a time span from 1m to 1080m, such as 20m or 2h (got '" + t + "')");
                    return defaults.ReportInterval;
                },
            };
            var chip = new Option<MeteringChip>("--chip")
            {
                Description = "Metering chip of the board: hlw8012 or bl0937.",
                DefaultValueFactory = _ => defaults.Chip,
                CustomParser = r =>
                {
                    string t = Cli.Token(r);
                    if (string.Equals(t, "hlw8012", StringComparison.OrdinalIgnoreCase))
                    {
                        return MeteringChip.Hlw8012;
                    }

                    if (string.Equals(t, "bl0937", StringComparison.OrdinalIgnoreCase))
                    {
                        return MeteringChip.Bl0937;
                    }

                    r.AddError("--chip takes hlw8012 or bl0937 (got '" + t + "')");
                    return defaults.Chip;
                },
            };
            var seed = new Option<int>("--seed")
            {
                Description = "Seed of everything random on the board (metering noise, radio air), so that a run can be repeated.",
                DefaultValueFactory = _ => defaults.Seed,
            };
            command.Options.Add(speed);
            command.Options.Add(duration);
            command.Options.Add(load);
            command.Options.Add(interval);
            command.Options.Add(chip);
            command.Options.Add(seed);
            var lorawan = new LoRaWanRunOptions(command);
            command.SetAction(parse =>
            {
                var options = new HostBoardOptions
                {
                    Speed = parse.GetValue(speed),
                    Duration = parse.GetValue(duration),
                    Load = parse.GetValue(load),
                    ReportInterval = parse.GetValue(interval),
                    Chip = parse.GetValue(chip),
                    Seed = parse.GetValue(seed),
                };
                lorawan.ReadInto(parse, options);
                return Run(options);
            });
        }

        private static int Run(HostBoardOptions options)
        {
            using var board = new HostBoard(options, Console.Out);
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
