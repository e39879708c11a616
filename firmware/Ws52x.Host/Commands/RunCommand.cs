using System;
using System.CommandLine;
using System.Threading;
using Ws52x.Host.Board;

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
            var speed = new Option<int>("--speed")
            {
                Description = "Virtual time factor: 1 = real time (default), N = N times faster, max = as fast as possible.",
                DefaultValueFactory = _ => 1,
                CustomParser = r =>
                {
                    string t = r.Tokens.Count == 0 ? "" : r.Tokens[0].Value;
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
                    string t = r.Tokens.Count == 0 ? "" : r.Tokens[0].Value;
                    if (Cli.TryParseDuration(t, out TimeSpan span))
                    {
                        return span;
                    }

                    r.AddError("--duration takes a time span such as 90s, 20m, 24h or 1h30m (got '" + t + "')");
                    return null;
                },
            };
            command.Options.Add(speed);
            command.Options.Add(duration);
            command.SetAction(parse =>
            {
                var options = new HostBoardOptions
                {
                    Speed = parse.GetValue(speed),
                    Duration = parse.GetValue(duration),
                };
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
