using System;
using System.CommandLine;
using System.Globalization;
using Ws52x.Config;
using Ws52x.Host.Fleet;
using Ws52x.LoRaWan.Regions;

namespace Ws52x.Host.Commands
{
    /// <summary>`ws52x fleet`: a street of sockets (real firmwares) on one virtual air with gateways and the built-in server.</summary>
    public static class FleetCommand
    {
        public static Command Create()
        {
            var defaults = new FleetOptions();
            var command = new Command("fleet",
                "Run N sockets (each the real firmware, with its own DevEUI, load and place) on one virtual air with one or more " +
                "gateways and the built-in network server, as fast as the machine goes, and print what became of their uplinks " +
                "next to pure ALOHA's expectation (docs/fleet.md).");
            var count = Cli.Integer("--count", "Number of sockets (default: " + Text(defaults.Count) + ").", 1, 10000);
            var duration = Cli.Duration("--duration", "Board time to run, e.g. 1h, 24h (default: 24h).",
                TimeSpan.FromSeconds(1), TimeSpan.FromDays(31), "time, e.g. 24h", "from 1s to 31 days");
            var gateways = Cli.Integer("--gateways", "Gateways: one at the centre, or several on a circle of half the radius (default: 1).", 1, 64);
            var seed = Cli.Integer("--seed", "Seed of everything random: places, walls, loads, plug-in times, the firmwares' and the air's (default: " +
                Text(defaults.Seed) + ").", 0, int.MaxValue);
            var region = LoRaWanRunOptions.RegionOption("LoRaWAN region of the sockets and the server (default: eu868).");
            var interval = Cli.Duration("--interval", "Reporting interval of every socket, 1m-1080m (default: 20m, the guide's).",
                TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1080), "1m-1080m", "from 1m to 1080m");
            var deviceClass = Cli.Choice("--class", "LoRaWAN class of the sockets (default: c, the guide's).", new[] { "a", "c" }, new[] { DeviceClass.A, DeviceClass.C });
            var radius = Cli.Integer("--radius", "Radius of the street's disc in metres (default: " + Text((int)defaults.RadiusMetres) + ").", 10, 100000);
            foreach (Option o in new Option[] { count, duration, gateways, seed, region, interval, deviceClass, radius })
            {
                command.Options.Add(o);
            }

            command.SetAction(parse =>
            {
                var options = new FleetOptions
                {
                    Count = Cli.ValueOr(parse, count, defaults.Count),
                    DurationMicros = parse.GetResult(duration) == null ? defaults.DurationMicros : parse.GetValue(duration).Ticks / 10,
                    Gateways = Cli.ValueOr(parse, gateways, defaults.Gateways),
                    Seed = Cli.ValueOr(parse, seed, defaults.Seed),
                    Region = parse.GetResult(region) == null ? defaults.Region : parse.GetValue(region).Name,
                    ReportIntervalMicros = parse.GetResult(interval) == null ? defaults.ReportIntervalMicros : parse.GetValue(interval).Ticks / 10,
                    Class = parse.GetResult(deviceClass) == null ? (DeviceClass?)null : parse.GetValue(deviceClass),
                    RadiusMetres = Cli.ValueOr(parse, radius, (int)defaults.RadiusMetres),
                };
                using var run = new FleetRun(options);
                run.Run();
                FleetReport.Write(run, parse.InvocationConfiguration.Output);
                return 0;
            });
            return command;
        }

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
