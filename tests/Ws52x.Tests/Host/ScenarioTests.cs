using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Ws52x.Host.Scenario;

namespace Ws52x.Tests.Host
{
    /// <summary>Issue 10 items 12 and 13: ws52x run --scenario FILE and --trace FILE.</summary>
    public class ScenarioTests
    {
        private static string Tour => Path.Combine(Paths.RepoRoot, "docs", "examples", "tour.txt");

        [Fact]
        public void A_scenario_parses_to_timed_steps_with_comments_and_blank_lines_skipped()
        {
            var steps = ScenarioFile.Parse("# a comment\n\n0s press\n10m downlink 85 ff24010a  # alarm at 10 A\n13m hold 11s\n15m load kettle\n20m mains off\n20m5s mains on\n", "s.txt");
            Assert.Equal(new long[] { 0, 600_000_000, 780_000_000, 900_000_000, 1_200_000_000, 1_205_000_000 }, steps.Select(s => s.AtMicros));
            Assert.Equal(new[] { 3, 4, 5, 6, 7, 8 }, steps.Select(s => s.Line));
            Assert.Equal("10m downlink 85 ff24010a", steps[1].Text);
        }

        [Theory]
        [InlineData("30m unplug", "s.txt line 2: unknown verb 'unplug' (known: downlink, press, hold, load, mains, gateway, console)")]
        [InlineData("30m gateway flaky", "s.txt line 2: gateway takes off or on (got 'flaky')")]
        [InlineData("30m gateway", "s.txt line 2: 'gateway off|on' takes 1 argument (got 0)")]
        [InlineData("30m console", "s.txt line 2: console takes the line to type")]
        [InlineData("30m console   # only a comment", "s.txt line 2: console takes the line to type")]
        [InlineData("soon press", "s.txt line 2: a line starts with the board time")]
        [InlineData("5m", "s.txt line 2: a verb must follow the time")]
        [InlineData("1m press", "s.txt line 2: 1m is earlier than the line before")]
        [InlineData("10m downlink 85 ff2", "s.txt line 2: downlink payload must be 1-242 bytes of hex")]
        [InlineData("10m downlink 0 ff28ff", "s.txt line 2: downlink port must be 1-223")]
        [InlineData("10m downlink 85", "s.txt line 2: 'downlink PORT HEX' takes 2 arguments (got 1)")]
        [InlineData("10m hold forever", "s.txt line 2: hold takes a duration")]
        [InlineData("10m load toaster", "s.txt line 2: load takes one of heater, kettle")]
        [InlineData("10m mains flicker", "s.txt line 2: mains takes off or on")]
        [InlineData("10m press twice", "s.txt line 2: 'press' takes no arguments (got 1)")]
        public void A_bad_line_is_named_with_its_reason(string line, string message)
        {
            var e = Assert.Throws<ScenarioException>(() => ScenarioFile.Parse("2m press\n" + line + "\n", "s.txt"));
            Assert.StartsWith(message, e.Message);
        }

        [Theory]
        [InlineData("1m press\n30m gateway of\n", "line 2: gateway takes off or on")]
        [InlineData("1m press\n# fine\n2m consol status\n", "line 3: unknown verb 'consol'")]
        [InlineData("1m hold 11x\n", "line 1: hold takes a duration")]
        public void A_bad_scenario_file_stops_the_run_before_anything_runs(string text, string expected)
        {
            string file = Path.GetTempFileName();
            try
            {
                File.WriteAllText(file, text);
                HostProcess.AssertUsageError("--speed", "max", "--duration", "1h", "--scenario", file);
                var r = HostProcess.Run("--speed", "max", "--duration", "1h", "--scenario", file);
                Assert.Contains(expected, r.Stderr);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void A_console_line_is_typed_as_written_and_too_long_a_line_is_refused()
        {
            var steps = ScenarioFile.Parse("1m console   set  name \"two  spaces\"  # a comment\n2m CONSOLE status\n", "s.txt");
            Assert.Equal("1m console set  name \"two  spaces\"", steps[0].Text);
            Assert.Equal("2m CONSOLE status", steps[1].Text);

            var e = Assert.Throws<ScenarioException>(() => ScenarioFile.Parse("1m console " + new string('x', 256) + "\n", "s.txt"));
            Assert.Equal("s.txt line 1: a console line is at most 255 characters (got 256)", e.Message);
            Assert.Single(ScenarioFile.Parse("1m console " + new string('x', 255) + "\n", "s.txt"));
        }

        [Fact]
        public void A_missing_scenario_file_is_one_error_line()
        {
            HostProcess.AssertUsageError("--speed", "max", "--duration", "1h", "--scenario", "/nonexistent/tour.txt");
        }

        [Fact]
        public void An_unwritable_trace_is_an_io_failure()
        {
            var r = HostProcess.Run("--speed", "max", "--duration", "1m", "--trace", "/nonexistent/dir/trace.jsonl");
            Assert.Equal(1, r.ExitCode);
            Assert.StartsWith("ws52x: --trace: cannot write '/nonexistent/dir/trace.jsonl'", r.Stderr);
        }

        [Fact]
        public void The_tour_reads_like_a_story_and_its_trace_measures_the_trip()
        {
            string trace = Path.GetTempFileName();
            try
            {
                var r = HostProcess.Run("--speed", "max", "--duration", "2h", "--scenario", Tour, "--trace", trace);
                Assert.True(r.ExitCode == 0, r.Stderr);
                Assert.Equal("", r.Stderr);
                string story = r.Stdout;
                foreach (string chapter in new[]
                {
                    "relay: socket on (button)",
                    "downlink: ff24010aff30010d",
                    "relay: socket off (protection)",
                    "relay: socket off (delay)",
                    "relay: socket on (downlink)",
                    "button: press ignored: button locked",
                    "downlink: warning: rejected, nothing changed: ff2f02",
                    "uplink: power outage alert ff3fff",
                    "relay: power restored, policy off, last state on: socket off",
                    "relay: restarted by command: socket stays on",
                    "ns: join accepted: ",
                    "ns: downlink queued for ",
                    "lorawan: downlink FCnt 4 port 85 8 bytes",
                    "metering: 230.0 V, ",             // console status
                    "host: gateway off: it hears nothing and sends nothing",
                    "host: gateway on: it hears and sends again",
                    "report_interval = 600 s (saved; takes effect at once)",
                })
                {
                    Assert.Contains(chapter, story);
                }

                var records = File.ReadAllLines(trace).Select(l => JsonDocument.Parse(l).RootElement).ToList();
                long[] times = records.Select(e => e.GetProperty("t").GetInt64()).ToArray();
                Assert.Equal(times.OrderBy(t => t), times); // in time order
                var kinds = records.Select(e => e.GetProperty("kind").GetString()).ToHashSet();
                Assert.Superset(new HashSet<string> { "relay", "led", "uplink", "current", "air", "rx" }, kinds);
                var causes = records.Where(e => e.GetProperty("kind").GetString() == "relay").Select(e => e.GetProperty("cause").GetString()).ToHashSet();
                Assert.Equal(new HashSet<string> { "button", "protection", "delay", "downlink", "restore" }, causes);
                Assert.All(records.Where(e => e.GetProperty("kind").GetString() == "uplink"), e => Assert.Equal(85, e.GetProperty("port").GetInt32()));

                // The 16 A step and the trip it caused, from the trace alone.
                JsonElement step = records.First(e => e.GetProperty("kind").GetString() == "current" && e.GetProperty("mA").GetInt64() == 16_000);
                JsonElement trip = records.First(e => e.GetProperty("kind").GetString() == "relay" && e.GetProperty("cause").GetString() == "protection");
                long latency = trip.GetProperty("t").GetInt64() - step.GetProperty("t").GetInt64();
                Assert.InRange(latency, 1, 100_000);

                // Every downlink the tour queued went over the air, and the socket listened on RX2 (Class C) between uplinks.
                Assert.True(records.Count(e => e.GetProperty("kind").GetString() == "air" && e.GetProperty("dir").GetString() == "down") >= 9);
                Assert.Contains(records, e => e.GetProperty("kind").GetString() == "rx" && e.GetProperty("window").GetString() == "c");

                // During the gateway's outage (60-75 min) the report went on the air, and no downlink came.
                var outage = records.Where(e => e.GetProperty("kind").GetString() == "air" && e.GetProperty("t").GetInt64() > 3_600_000_000 && e.GetProperty("t").GetInt64() < 4_500_000_000).ToList();
                Assert.Single(outage);
                Assert.Equal("up", outage[0].GetProperty("dir").GetString());

                // The report that carried the trip is in the trace too, with the relay open.
                JsonElement report = records.First(e => e.GetProperty("kind").GetString() == "uplink" && e.GetProperty("t").GetInt64() == trip.GetProperty("t").GetInt64());
                Assert.StartsWith("087000", report.GetProperty("hex").GetString());
            }
            finally
            {
                File.Delete(trace);
            }
        }
    }
}
