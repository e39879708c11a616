using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Ws52x.Host.Commands;

namespace Ws52x.Tests.Host
{
    /// <summary>The host's side of configuration: `run --console` and `template validate/settings`, run as a user runs them.</summary>
    public sealed class ConfigCommandTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "ws52x-template-" + Guid.NewGuid().ToString("N"));

        public ConfigCommandTests()
        {
            Directory.CreateDirectory(_dir);
        }

        public void Dispose()
        {
            Directory.Delete(_dir, true);
        }

        [Fact]
        public void Standard_input_is_the_boards_console_and_log_lines_and_answers_both_show()
        {
            var r = HostProcess.RunWithInput("status\nlogin 123456\nset report_interval 60\nget report_interval\n", "--speed", "max", "--console");
            Assert.Equal("", r.Stderr);
            Assert.Equal(0, r.ExitCode);
            string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(lines, l => Regex.IsMatch(l, "^config: WS52x-868M, SN [0-9A-F]{12}0000, region EU868, class C, OTAA, report every 1200 s"));
            Assert.Contains(lines, l => l.StartsWith("metering: ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.EndsWith(" config: console login", StringComparison.Ordinal));
            Assert.Contains("report_interval = 60 s (saved; takes effect at once)", lines);
            Assert.Contains("report_interval = 60 s", lines);
            Assert.StartsWith("host: ran ", lines[^1]);
        }

        [Fact]
        public void A_changed_reporting_interval_takes_effect_in_the_same_run()
        {
            // Console lines typed at known board times (a scenario), so the run is exact at virtual speed.
            string scenario = Path.Combine(_dir, "console.txt");
            File.WriteAllLines(scenario, new[] { "30s console login 123456", "31s console set report_interval 60" });
            var r = HostProcess.Run("--speed", "max", "--scenario", scenario, "--duration", "4m");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("report_interval = 60 s (saved; takes effect at once)", r.Stdout);
            var reports = r.Stdout.Split('\n').Where(l => l.Contains(" uplink: report 08")).Select(l => l.Substring(0, 8)).ToList();
            // The join's report (within the first half minute), then one a minute from the change: 00:01:31 ... 00:03:31.
            Assert.Equal(new[] { "00:01:31", "00:02:31", "00:03:31" }, reports.Skip(1));
        }

        [Fact]
        public void An_exported_template_validates_and_a_broken_one_says_why()
        {
            var r = HostProcess.RunWithInput("login 123456\nset report_interval 600\nexport --keys\n", "--speed", "max", "--console");
            string[] lines = r.Stdout.Split('\n');
            int start = Array.IndexOf(lines, "{");
            int end = Array.IndexOf(lines, "}", start);
            string path = Path.Combine(_dir, "board.json");
            File.WriteAllLines(path, lines.Skip(start).Take(end - start + 1));

            var ok = HostProcess.InProcess("template", "validate", path);
            Assert.Equal("", ok.Stderr);
            Assert.Equal(0, ok.ExitCode);
            Assert.Equal(path + ": valid WS52x-868M template for EU868: 42 settings\n", ok.Stdout.Replace("\r", ""));

            File.WriteAllText(path, File.ReadAllText(path).Replace("\"report_interval\": 600", "\"report_interval\": 6"));
            HostProcess.AssertUsageErrorInProcess("template", "validate", path);
            var bad = HostProcess.InProcess("template", "validate", path);
            Assert.Matches("^ws52x: template: .*board.json: offset \\d+: report_interval 6 is outside 60-64800 s\n$", bad.Stderr.Replace("\r", ""));
        }

        [Theory]
        [InlineData("{\"model\": \"WS52x-915M\", \"template\": 1, \"region\": \"EU868\"}", "region EU868 is not served by the WS52x-915M (US915, AU915, AS923-1, AS923-2, AS923-3, AS923-4, KR920)")]
        [InlineData("{\"model\": \"WS52x-915M\", \"template\": 1, \"region\": \"AU915\", \"overcurrent_alarm_threshold\": 17}", "offset 89: overcurrent_alarm_threshold 17 is outside 0-16 A (the board's rating)")]
        [InlineData("{\"model\": \"WS301\", \"template\": 1, \"region\": \"EU868\"}", "model \"WS301\" is not a WS52x (WS52x-868M, WS52x-915M or WS52x-470M)")]
        [InlineData("{\"model\": \"WS52x-868M\", \"template\": 1, \"region\": \"eu868\"}", "region \"eu868\" is not one of EU868, US915, AU915, AS923-1, AS923-2, AS923-3, AS923-4, CN470, KR920, IN865, RU864")]
        [InlineData("not json", "offset 0: expected a value (true, false, null, a number, a string, an object or an array)")]
        public void Validate_checks_a_template_as_a_board_of_its_model_and_region_would(string json, string reason)
        {
            Assert.Equal(reason, TemplateCommand.Validate(json, 16, out _));
        }

        [Fact]
        public void Validate_takes_the_boards_rated_current()
        {
            const string json = "{\"model\": \"WS52x-868M\", \"template\": 1, \"region\": \"EU868\", \"overcurrent_alarm_threshold\": 13}";
            Assert.Null(TemplateCommand.Validate(json, 16, out string summary));
            Assert.Equal("valid WS52x-868M template for EU868: 1 settings", summary);
            string path = Path.Combine(_dir, "t.json");
            File.WriteAllText(path, json);
            HostProcess.AssertUsageErrorInProcess("template", "validate", path, "--rated-current", "10");
            HostProcess.AssertUsageErrorInProcess("template", "validate", path, "--rated-current", "0");
        }

        [Fact]
        public void A_file_that_cannot_be_read_is_an_IO_failure()
        {
            var r = HostProcess.InProcess("template", "validate", Path.Combine(_dir, "missing.json"));
            Assert.Equal(1, r.ExitCode);
            Assert.StartsWith("ws52x: template: cannot read ", r.Stderr);
            Assert.Equal("", r.Stdout);
        }

        [Fact]
        public void A_folder_given_as_the_template_is_a_usage_error_that_says_so()
        {
            HostProcess.AssertUsageErrorInProcess("template", "validate", _dir);
            var r = HostProcess.InProcess("template", "validate", _dir);
            Assert.Contains("is a folder", r.Stderr);
        }

        [Fact]
        public void The_docs_carry_the_settings_table_the_firmware_has()
        {
            string docs = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "configuration.md")).Replace("\r", "");
            Assert.Contains(TemplateCommand.SettingsMarkdown(), docs);
        }

        [Fact]
        public void Template_settings_prints_that_table()
        {
            var r = HostProcess.InProcess("template", "settings");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(TemplateCommand.SettingsMarkdown(), r.Stdout);
        }
    }
}
