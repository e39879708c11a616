using System;
using System.Linq;
using Ws52x.Host.Commands;

namespace Ws52x.Tests.Host
{
    public class RunCommandTests
    {
        [Fact]
        public void Runs_a_day_of_board_time_at_max_speed_and_reports_from_the_core()
        {
            var r = HostProcess.Run("--speed", "max", "--duration", "24h");
            Assert.Equal(0, r.ExitCode);
            string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("00:00:00.000 boot: Ws52x firmware", lines[0]);
            Assert.Equal(72, lines.Count(l => l.Contains(" loop: timers fired")));
            Assert.Contains(lines, l => l.StartsWith("1.00:00:00.000 loop: timers fired 72,"));
            Assert.StartsWith("host: ran 1.00:00:00.000 of board time", lines[^1]);
            Assert.Equal("", r.Stderr);
        }

        [Fact]
        public void Run_subcommand_takes_the_same_options()
        {
            var r = HostProcess.Run("run", "--speed", "max", "--duration", "20m");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("00:20:00.000 loop: timers fired 1,", r.Stdout);
        }

        [Theory]
        [InlineData("--speed", "0")]
        [InlineData("--speed", "fast")]
        [InlineData("--duration", "5x")]
        [InlineData("--duration", "-3s")]
        [InlineData("--bogus")]
        [InlineData("frobnicate")]
        public void Bad_options_give_one_error_line_and_exit_code_2(params string[] args)
        {
            HostProcess.AssertUsageError(args);
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
