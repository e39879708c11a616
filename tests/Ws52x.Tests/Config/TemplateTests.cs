using System;
using System.Collections.Generic;
using System.Linq;
using Ws52x.Config;

namespace Ws52x.Tests.Config
{
    /// <summary>Templates (guide 3.4.2): export, import into another board, and everything an import refuses.</summary>
    public class TemplateTests
    {
        private const string Header = "\"model\": \"WS52x-868M\", \"template\": 1, \"region\": \"EU868\"";

        private static ConsoleRig Configured()
        {
            var rig = new ConsoleRig();
            rig.Login();
            foreach (string line in new[]
            {
                "set region RU864", "set report_interval 300", "set app_key 00112233445566778899AABBCCDDEEFF", "set join_type ABP",
                "set channels 0-3,7", "set class A", "set data_rate 5", "set tx_power 3", "set rx2_frequency 869100000",
                "set mc3_enabled on", "set mc3_address 01020304", "set mc3_net_skey 0F0E0D0C0B0A09080706050403020100",
                "set overcurrent_protection on", "set overcurrent_protection_threshold 12", "set power_restore last",
                "set led off", "set button_lock on", "set button_lock_minutes 30", "set confirmed on", "set app_port 10",
            })
            {
                Assert.Contains("(saved", rig.One(line));
            }

            return rig;
        }

        private static ConsoleRig SecondBoard(string region = "RU864")
        {
            var other = new ConsoleRig(new Ws52x.Host.Board.MemoryStorage());
            other.Board.SerialNumber[0] = 0x24;
            other.Login();
            if (region != "EU868")
            {
                other.One("set region " + region);
            }

            return other;
        }

        private static List<string> Paste(ConsoleRig rig, IEnumerable<string> lines)
        {
            var answers = rig.Type("import");
            Assert.Equal(new[] { "paste the template; it ends at its closing brace (an empty line cancels)" }, answers);
            var all = new List<string>();
            foreach (string line in lines)
            {
                all.AddRange(rig.Type(line).Where(l => !ConsoleRig.IsLog(l)));
            }

            return all;
        }

        private static Dictionary<string, string> Visible(ConsoleRig rig) =>
            rig.Type("get --keys").ToDictionary(l => l.Substring(0, l.IndexOf(' ')), l => l);

        [Fact]
        public void Export_then_import_into_a_second_board_gives_it_identical_settings()
        {
            var a = Configured();
            var template = a.Type("export --keys");
            var b = SecondBoard();
            var before = Visible(b);
            var answer = Paste(b, template);
            Assert.Equal(new[] { "imported: 42 settings in the template, 19 changed, 0 keys kept as they were; some take effect after a reboot" }, answer);

            var expected = Visible(a);
            var actual = Visible(b);
            foreach (SettingInfo info in SettingsTable.All.Where(s => !s.Has(SettingFlags.Hidden)))
            {
                if (info.InTemplate)
                {
                    Assert.Equal(expected[info.Name], actual[info.Name]);
                }
                else
                {
                    Assert.Equal(before[info.Name], actual[info.Name]);
                }
            }

            // And it is saved: the second board boots with it.
            var booted = b.Reboot();
            booted.Login();
            Assert.Equal(actual, Visible(booted));
            Assert.Equal(a.Type("export --keys"), b.Type("export --keys"));
        }

        [Fact]
        public void A_template_without_keys_keeps_the_boards_own_keys()
        {
            var a = Configured();
            var b = SecondBoard();
            b.One("set nwk_skey AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            var answer = Paste(b, a.Type("export"));
            Assert.Equal("imported: 42 settings in the template, 17 changed, 11 keys kept as they were; some take effect after a reboot", answer.Single());
            Assert.Equal("nwk_skey = AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", b.One("get nwk_skey --keys"));
            Assert.Equal("app_key = 5572404C696E6B4C6F52613230313823", b.One("get app_key --keys"));
            Assert.Equal("report_interval = 300 s", b.One("get report_interval"));
        }

        [Fact]
        public void A_template_fits_on_one_line_too()
        {
            var b = SecondBoard("EU868");
            Assert.Equal("imported: 2 settings in the template, 2 changed, 0 keys kept as they were",
                b.One("import {" + Header + ", \"led\": false, \"report_interval\": 60}"));
            Assert.Equal("led = off", b.One("get led"));
        }

        [Theory]
        [InlineData("{\"model\": \"WS52x-915M\", \"template\": 1, \"region\": \"AU915\"}", "the template is for WS52x-915M, this board is WS52x-868M")]
        [InlineData("{\"model\": \"WS101\", \"template\": 1, \"region\": \"EU868\"}", "the template is for WS101, this board is WS52x-868M")]
        [InlineData("{\"model\": \"WS52x-868M\", \"template\": 1, \"region\": \"RU864\"}", "the template is for region RU864, this board is set to EU868 (set region RU864 first)")]
        [InlineData("{\"model\": \"WS52x-868M\", \"template\": 2, \"region\": \"EU868\"}", "template format 2; this firmware reads format 1")]
        [InlineData("{\"template\": 1, \"region\": \"EU868\"}", "no \"model\": is this a WS52x template?")]
        [InlineData("{\"model\": \"WS52x-868M\", \"region\": \"EU868\"}", "no \"template\" format number")]
        [InlineData("{\"model\": \"WS52x-868M\", \"template\": 1}", "no \"region\"")]
        [InlineData("{\"model\": 868, \"template\": 1, \"region\": \"EU868\"}", "offset 1: \"model\" takes a string")]
        [InlineData("{" + Header + ", \"colour\": \"blue\"}", "offset 58: unknown setting \"colour\"")]
        [InlineData("{" + Header + ", \"password_hash\": \"00\"}", "offset 58: unknown setting \"password_hash\"")]
        [InlineData("{" + Header + ", \"dev_eui\": \"0011223344556677\"}", "offset 58: dev_eui is the board's own identity, never part of a template")]
        [InlineData("{" + Header + ", \"led\": true, \"led\": false}", "offset 71: \"led\" appears twice")]
        [InlineData("{" + Header + ", \"led\": \"off\"}", "offset 65: led takes true or false")]
        [InlineData("{" + Header + ", \"report_interval\": \"600\"}", "offset 77: report_interval takes a number")]
        [InlineData("{" + Header + ", \"report_interval\": 30}", "offset 77: report_interval 30 is outside 60-64800 s")]
        [InlineData("{" + Header + ", \"report_interval\": 99999999999}", "offset 77: report_interval 99999999999 is far out of range")]
        [InlineData("{" + Header + ", \"join_type\": \"LORA\"}", "offset 71: join_type takes one of OTAA, ABP (got 'LORA')")]
        [InlineData("{" + Header + ", \"app_key\": \"0011\"}", "offset 69: app_key takes 32 hex digits (got 4 characters)")]
        [InlineData("{" + Header + ", \"channels\": \"0-16\"}", "offset 70: channels: channel 16 is outside 0-15 of this region (EU868 has channels 0-15)")]
        [InlineData("{" + Header + ", \"overcurrent_alarm\": true, \"overcurrent_alarm_threshold\": 0}", "overcurrent_alarm is on, so overcurrent_alarm_threshold must be at least 1 A")]
        [InlineData("{" + Header + ", \"led\": false,}", "offset 71: expected a property name in double quotes")]
        [InlineData("{" + Header + ", \"app_port\": 1.5}", "offset 70: only whole numbers are allowed (no fraction or exponent)")]
        public void A_template_that_is_wrong_anywhere_is_refused_whole(string json, string reason)
        {
            var b = SecondBoard("EU868");
            b.One("set report_interval 900");
            byte[] before = b.Stored();
            Assert.Equal("error: template refused: " + reason + "; nothing changed", b.One("import " + json));
            Assert.Equal(before, b.Stored());
            Assert.Equal("report_interval = 900 s", b.One("get report_interval"));
        }

        [Fact]
        public void Good_values_before_a_bad_one_are_not_applied()
        {
            var b = SecondBoard("EU868");
            string reply = b.One("import {" + Header + ", \"led\": false, \"report_interval\": 600, \"class\": \"B\"}");
            Assert.StartsWith("error: template refused: ", reply);
            Assert.Equal("led = on", b.One("get led"));
            Assert.Equal("report_interval = 1200 s", b.One("get report_interval"));
        }

        [Fact]
        public void Pasting_stops_at_an_empty_line_text_after_the_brace_an_overlong_line_or_the_size_limit()
        {
            var b = SecondBoard("EU868");
            Assert.Equal(new[] { "error: import cancelled (empty line); nothing changed" }, Paste(b, new[] { "{", "\"led\": false,", "" }));
            Assert.Equal("led = on", b.One("get led"));
            Assert.Equal(new[] { "error: a template starts with '{'; nothing changed" }, Paste(b, new[] { "led = off" }));
            Assert.Equal("error: text after the template's closing brace; nothing changed", b.One("import {" + Header + "} x"));
            Assert.Equal(new[] { "error: line longer than 255 characters (300): ignored" }, Paste(b, new[] { "{", new string(' ', 300) }));
            Assert.Equal("led = on", b.One("get led"));

            var many = new List<string> { "{" };
            many.AddRange(Enumerable.Repeat("\"led\": false,                                              ", 80));
            var answers = Paste(b, many);
            Assert.Equal(new[] { "error: template longer than 4096 characters; nothing changed" }, answers.Take(1));
            Assert.StartsWith("error: unknown command", answers[1]);
        }

        [Fact]
        public void A_brace_inside_a_string_does_not_end_the_paste()
        {
            var b = SecondBoard("EU868");
            var answer = Paste(b, new[] { "{" + Header + ",", "\"join_type\": \"}\"", "}" });
            Assert.Equal(new[] { "error: template refused: offset 71: join_type takes one of OTAA, ABP (got '}'); nothing changed" }, answer);
        }

        [Fact]
        public void The_template_names_every_shared_setting_and_nothing_of_the_boards_own()
        {
            var rig = new ConsoleRig();
            rig.Login();
            string json = string.Join("\n", rig.Type("export --keys"));
            foreach (SettingInfo info in SettingsTable.All)
            {
                Assert.Equal(info.InTemplate, json.Contains("\"" + info.Name + "\":"));
            }

            Assert.DoesNotContain("240AC4", json);
            Assert.DoesNotContain("password", json);
            Assert.True(json.Length < Template.MaxLength / 2, json.Length.ToString());
        }
    }
}
