using System;
using System.Linq;
using Ws52x.Host.Commands;

namespace Ws52x.Tests.Host
{
    public class RunCommandTests
    {
        /// <summary>Accepts a few lines, then fails as a full disk does.</summary>
        private sealed class FailingWriter : System.IO.StringWriter
        {
            private int _left;

            public FailingWriter(int afterLines)
            {
                _left = afterLines;
            }

            public override void WriteLine(string value)
            {
                if (_left-- <= 0)
                {
                    throw new System.IO.IOException("disk full");
                }

                base.WriteLine(value);
            }
        }

        [Fact]
        public void Runs_hours_of_board_time_at_max_speed_and_reports_from_the_core()
        {
            var r = HostProcess.Run("--speed", "max", "--duration", "4h");
            Assert.Equal(0, r.ExitCode);
            string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("host: load 'fridge'", lines[0]);
            Assert.StartsWith("host: no --scenario: the owner presses the button at 1 s", lines[1]);
            Assert.StartsWith("00:00:00.000 boot: Ws52x firmware", lines[2]);
            Assert.Contains("00:00:00.005 radio: SX127x answered (RegVersion 0x12), in LoRa sleep", lines);
            Assert.Equal(12, lines.Count(l => l.Contains(" loop: timers fired")));

            // The join's report (at 6 s) and one every 20 minutes after it, with the relay switched on by the press.
            Assert.Equal(12, lines.Count(l => l.Contains(" uplink: report 087001")));
            Assert.Equal(12, lines.Count(l => l.StartsWith("host: true load")));
            Assert.StartsWith("host: ran 04:00:00.000 of board time", lines[^1]);
            Assert.Equal("", r.Stderr);
        }

        [Fact]
        public void Reports_what_the_simulated_load_draws()
        {
            var r = HostProcess.Run("--speed", "max", "--duration", "2m10s", "--interval", "1m", "--load", "heater", "--chip", "bl0937");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("host: load 'heater' (resistive heater, 2 kW), BL0937 metering", r.Stdout);

            // 2000 W at 230 V: 8696 mA, switched on by the press at 1.2 s. The last report's vendor view against the
            // simulation's truth at that moment, within the documented bounds.
            string[] lines = r.Stdout.Split('\n');
            int at = Array.FindLastIndex(lines, l => l.Contains(" uplink: report "));
            string report = lines[at];
            using var json = System.Text.Json.JsonDocument.Parse(report.Substring(report.IndexOf('{')));
            var root = json.RootElement;
            Assert.Equal("on", root.GetProperty("socket_status").GetString());
            Assert.Equal(100, root.GetProperty("power_factor").GetInt32());
            Assert.InRange(root.GetProperty("active_power").GetInt32(), 1990, 2010);
            Assert.InRange(root.GetProperty("current").GetInt32(), 8653, 8739);
            Assert.InRange(root.GetProperty("voltage").GetDouble(), 229.5, 230.5);
            var truth = System.Text.RegularExpressions.Regex.Match(lines[at + 1], @"^host: true load 230\.0 V, 8696 mA, 2000\.0 W, PF 1\.00, (\d+\.\d) Wh since start");
            Assert.True(truth.Success, lines[at + 1]);
            double trueWh = double.Parse(truth.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(trueWh, 60, 75); // about two minutes of 2 kW
            Assert.InRange(root.GetProperty("power_consumption").GetInt32(), trueWh - 1.0, trueWh + 0.05); // whole Wh counted, never more
        }

        [Fact]
        public void Run_subcommand_takes_the_same_options()
        {
            var r = HostProcess.Run("run", "--speed", "max", "--duration", "21m");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("00:20:00.000 loop: timers fired ", r.Stdout);
            Assert.Matches(@"00:20:0\d\.\d{3} uplink: report ", r.Stdout); // 20 minutes after the join's report
        }

        [Theory]
        [InlineData("--speed", "0")]
        [InlineData("--speed", "fast")]
        [InlineData("--duration", "5x")]
        [InlineData("--duration", "-3s")]
        [InlineData("--load", "toaster")]
        [InlineData("--chip", "ade7953")]
        [InlineData("--interval", "30s")]
        [InlineData("--interval", "19h")]
        [InlineData("--seed", "x")]
        [InlineData("--seed", "-1")]
        [InlineData("--speed", "99999999999999999999")]
        [InlineData("--bogus")]
        [InlineData("frobnicate")]
        public void Bad_options_give_one_error_line_and_exit_code_2(params string[] args)
        {
            HostProcess.AssertUsageError(args);
        }

        [DevFullFact]
        public void Output_to_a_full_disk_is_one_line_and_exit_code_1_not_a_trace()
        {
            var r = HostProcess.RunWithStdoutTo("/dev/full", "--speed", "max", "--duration", "24h");
            Assert.Equal(1, r.ExitCode);
            string[] lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.StartsWith("ws52x: cannot write the output: ", lines[0]);
        }

        [Fact]
        public void A_writer_that_fails_mid_run_ends_the_run_with_exit_code_1()
        {
            // The board writes a few lines, then the output fails (a disk filling up): in this process, same entry.
            var r = HostProcess.InProcess(new FailingWriter(afterLines: 5), "--speed", "max", "--duration", "4h");
            Assert.Equal(1, r.ExitCode);
            Assert.Equal("ws52x: cannot write the output: disk full\n", r.Stderr.Replace("\r", ""));
        }

        [Fact]
        public void A_seed_that_is_not_a_number_is_named_with_its_range()
        {
            var r = HostProcess.Run("--seed", "abc");
            HostProcess.AssertUsageError("--seed", "abc");
            Assert.Equal("ws52x: --seed takes a whole number from 0 to 2147483647 (got 'abc')", r.Stderr.Trim());
        }

        [Fact]
        public void Help_shows_the_syntax_the_options_accept_and_defaults_as_typed()
        {
            var r = HostProcess.Run("--help");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("--chip <hlw8012|bl0937>", r.Stdout);
            Assert.Contains("(default: 20m, the guide's;", r.Stdout);
            Assert.Contains("(default: hlw8012)", r.Stdout);
            Assert.DoesNotContain("Bl0937|Hlw8012", r.Stdout);
            Assert.DoesNotContain("00:20:00", r.Stdout);
            Assert.DoesNotContain("[default:", r.Stdout);
        }

        [Theory]
        [InlineData("90s", 90)]
        [InlineData("20m", 1200)]
        [InlineData("24h", 86400)]
        [InlineData("1h30m", 5400)]
        [InlineData("2d", 172800)]
        [InlineData("500ms", 0.5)]
        public void Durations_parse(string text, double seconds)
        {
            Assert.True(Cli.TryParseDuration(text, out TimeSpan span));
            Assert.Equal(seconds, span.TotalSeconds, 6);
        }

        [Theory]
        [InlineData("")]
        [InlineData("10")]
        [InlineData("h")]
        [InlineData("0s")]
        [InlineData("3 weeks")]
        public void Bad_durations_do_not_parse(string text)
        {
            Assert.False(Cli.TryParseDuration(text, out _));
        }
    }
}

namespace Ws52x.Tests.Host
{
    /// <summary>A fact that needs /dev/full (Linux): reported as skipped, with the reason, where there is none.</summary>
    public sealed class DevFullFactAttribute : FactAttribute
    {
        public DevFullFactAttribute()
        {
            if (!System.IO.File.Exists("/dev/full") || !System.IO.File.Exists("/bin/sh"))
            {
                Skip = "no /dev/full on this system: the full-disk output test runs on Linux";
            }
        }
    }
}
