using System;
using System.IO;
using System.Linq;
using Ws52x.Config;
using Ws52x.Config.Console;
using Ws52x.Host.Board;

namespace Ws52x.Tests.Config
{
    /// <summary>Every console command, and every way to get one wrong: one error line, nothing changed.</summary>
    public class ConsoleTests
    {
        [Fact]
        public void Help_lists_every_command_and_marks_those_that_need_a_login()
        {
            var rig = new ConsoleRig();
            var lines = rig.Type("help");
            foreach (string command in new[] { "help", "status", "login", "get", "set", "passwd", "export", "import", "reboot", "factory-reset" })
            {
                Assert.Contains(lines, l => l.TrimStart('*', ' ').StartsWith(command, StringComparison.Ordinal));
            }

            Assert.All(lines.Where(l => l.StartsWith("* ")), l => Assert.Matches("^\\* (set|passwd|import|reboot|factory-reset) ", l));
        }

        [Fact]
        public void Help_on_a_setting_says_what_it_takes_its_default_and_when_it_applies()
        {
            var rig = new ConsoleRig();
            var lines = rig.Type("help report_interval");
            Assert.Equal("report_interval: Reporting Interval: 1-1080 min, in seconds as ff03 sets it (3.3)", lines[0]);
            Assert.Equal("  takes 60-64800 s; default 1200; takes effect at once", lines[1]);
            Assert.Equal("  takes 0-6 on EU868; default 2; takes effect at once", rig.Type("help data_rate")[1]);
            Assert.Equal("  takes 32 hex digits; default *****; takes effect at the next join; shown as *****", rig.Type("help app_key")[1]);
            Assert.Equal("  takes 16 hex digits; default 240AC4FFFE123456; takes effect at the next join; not in templates", rig.Type("help dev_eui")[1]);
            Assert.Equal("error: unknown setting 'nonsense' (get lists them)", rig.One("help nonsense"));
        }

        [Fact]
        public void Status_needs_no_login_and_shows_the_registered_areas()
        {
            var rig = new ConsoleRig();
            string line = rig.One("status");
            Assert.Equal("config: WS52x-868M, SN 240AC41234560000, region EU868, class C, OTAA, report every 1200 s; settings saved 0 times (0 since boot); console logged out", line);
            Assert.Equal("error: status takes no arguments", rig.One("status now"));
        }

        [Fact]
        public void Get_shows_every_setting_with_keys_masked()
        {
            var rig = new ConsoleRig();
            var lines = rig.Type("get");
            Assert.Equal(45, lines.Count);
            Assert.Contains("app_key = *****", lines);
            Assert.Contains("mc4_app_skey = *****", lines);
            Assert.Contains("report_interval = 1200 s", lines);
            Assert.DoesNotContain(lines, l => l.Contains("password"));
            Assert.DoesNotContain(lines, l => l.Contains("5572404C"));
        }

        [Fact]
        public void Keys_are_shown_only_when_asked_for_while_logged_in()
        {
            var rig = new ConsoleRig();
            Assert.Equal("error: get --keys needs a login (login PASSWORD)", rig.One("get app_key --keys"));
            Assert.Equal("error: get --keys needs a login (login PASSWORD)", rig.One("get --keys"));
            Assert.Equal("error: export --keys needs a login (login PASSWORD)", rig.One("export --keys"));
            rig.Login();
            Assert.Equal("app_key = *****", rig.One("get app_key"));
            Assert.Equal("app_key = 5572404C696E6B4C6F52613230313823", rig.One("get app_key --keys"));
            Assert.Contains("  \"app_key\": \"5572404C696E6B4C6F52613230313823\",", rig.Type("export --keys"));
            Assert.Contains("  \"app_key\": \"*****\",", rig.Type("export"));
            Assert.Contains("app_key = *****", rig.Type("set app_key 000102030405060708090a0b0c0d0e0f")[^1]);
        }

        [Theory]
        [InlineData("set led off")]
        [InlineData("set region RU864")]
        [InlineData("passwd 123456 abcdefgh")]
        [InlineData("import {\"model\": \"WS52x-868M\", \"template\": 1, \"region\": \"EU868\", \"led\": false}")]
        [InlineData("import")]
        [InlineData("reboot")]
        [InlineData("factory-reset")]
        [InlineData("calibrate begin")]
        public void Every_write_needs_a_login(string line)
        {
            var control = new RecordingControl();
            var rig = new ConsoleRig(control: control);
            rig.Config.Console.Register(new FakeCommand());
            string command = line.Split(' ')[0];
            Assert.Equal("error: " + command + " needs a login (login PASSWORD)", rig.One(line));
            Assert.Null(rig.Stored());
            Assert.Empty(control.Reboots);
            Assert.Equal(0, FakeCommand.Runs);
        }

        [Fact]
        public void Set_answers_with_the_value_and_when_it_takes_effect()
        {
            var rig = new ConsoleRig();
            rig.Login();
            Assert.Equal("report_interval = 600 s (saved; takes effect at once)", rig.One("set report_interval 600"));
            Assert.Equal("report_interval = 600 s (unchanged)", rig.One("set report_interval 600"));
            Assert.Equal("join_type = ABP (saved; takes effect at the next join: reboot to join now)", rig.One("set join_type abp"));
            Assert.Equal("class = A (saved; takes effect after a reboot: type reboot)", rig.One("SET CLASS a"));
            Assert.Equal("channels = 0-3,8 (saved; takes effect after a reboot: type reboot)", rig.One("set channels 8, 3, 0-2"));
            Assert.Equal("channels = default (saved; takes effect after a reboot: type reboot)", rig.One("set channels default"));
            Assert.Equal(3u, rig.Config.Store.Sequence - 2);
        }

        [Theory]
        [InlineData("set", "error: usage: set NAME VALUE (get lists the names, help NAME tells what one takes)")]
        [InlineData("set led", "error: usage: set NAME VALUE (get lists the names, help NAME tells what one takes)")]
        [InlineData("set colour blue", "error: unknown setting 'colour' (get lists them)")]
        [InlineData("set password_hash 00000000000000000000000000000000", "error: unknown setting 'password_hash' (get lists them)")]
        [InlineData("set report_interval 10", "error: report_interval 10 is outside 60-64800 s; nothing changed")]
        [InlineData("set report_interval ten", "error: report_interval takes a whole number (got 'ten'); nothing changed")]
        [InlineData("set report_interval 99999999999", "error: report_interval takes a whole number (got '99999999999'); nothing changed")]
        [InlineData("set led dim", "error: led takes on or off (got 'dim'); nothing changed")]
        [InlineData("set join_type lora", "error: join_type takes one of OTAA, ABP (got 'lora'); nothing changed")]
        [InlineData("frobnicate", "error: unknown command 'frobnicate' (type help)")]
        [InlineData("logout now", "error: logout takes no arguments")]
        [InlineData("reboot please", "error: reboot takes no arguments")]
        [InlineData("export everything", "error: usage: export [--keys]")]
        [InlineData("passwd onlyone", "error: usage: passwd OLD NEW")]
        [InlineData("login", "error: usage: login PASSWORD")]
        public void A_wrong_line_gets_one_error_line_and_changes_nothing(string line, string error)
        {
            var rig = new ConsoleRig();
            if (line != "login")
            {
                rig.Login();
            }

            byte[] before = ConsoleRig.Snapshot(rig.Current);
            Assert.Equal(error, rig.One(line));
            Assert.Equal(before, ConsoleRig.Snapshot(rig.Current));
            Assert.Null(rig.Stored());
        }

        [Fact]
        public void Blank_lines_get_no_answer()
        {
            var rig = new ConsoleRig();
            Assert.Empty(rig.Type(""));
            Assert.Empty(rig.Type("   \t "));
        }

        [Fact]
        public void Overlong_lines_are_refused_unread()
        {
            var rig = new ConsoleRig();
            rig.Login();
            string line = "set report_interval 600" + new string(' ', 300);
            Assert.Equal("error: line longer than 255 characters (323): ignored", rig.One(line));
            Assert.Equal(1200, rig.Current.Socket.ReportingIntervalSeconds);
            Assert.Contains("(saved", rig.One("set report_interval 600" + new string(' ', 255 - 23)));
        }

        [Fact]
        public void Logout_ends_the_login_and_so_do_ten_idle_minutes()
        {
            var rig = new ConsoleRig();
            Assert.Equal("not logged in", rig.One("logout"));
            rig.Login();
            Assert.Equal("already logged in", rig.One("login 123456"));
            Assert.Equal("logged out", rig.One("logout"));
            Assert.StartsWith("error: set needs a login", rig.One("set led off"));

            rig.Login();
            rig.Loop.RunFor(9 * 60 * 1000000L);
            Assert.Contains("(saved", rig.One("set led off"));
            rig.Loop.RunFor(9 * 60 * 1000000L);
            Assert.True(rig.Config.Console.LoggedIn);
            rig.Loop.RunFor(61 * 1000000L);
            Assert.Equal("logged out after 10 minutes without a command", rig.Output.Lines[^1]);
            Assert.False(rig.Config.Console.LoggedIn);
        }

        [Fact]
        public void Reboot_restarts_the_board_where_it_can()
        {
            var control = new RecordingControl();
            var rig = new ConsoleRig(control: control);
            rig.Login();
            Assert.Equal("rebooting", rig.One("reboot"));
            Assert.Equal(new[] { "console" }, control.Reboots);

            var cannot = new ConsoleRig();
            cannot.Login();
            Assert.Equal("error: this board cannot restart itself: power-cycle it", cannot.One("reboot"));
        }

        [Fact]
        public void Lines_typed_while_a_password_is_checked_wait_in_order_up_to_a_bound_and_the_rest_are_counted()
        {
            var rig = new ConsoleRig();
            rig.Login();
            rig.One("passwd 123456 Busy-Board");
            rig.One("logout");

            // The login, then more lines than may wait, all before the loop runs at all.
            rig.Output.Sink.OnLine("login Busy-Board");
            for (int i = 0; i < 120; i++)
            {
                rig.Output.Sink.OnLine("get led");
            }

            Assert.False(rig.Config.Console.HasRoom);
            int before = rig.Output.Lines.Count;
            rig.Loop.RunUntilIdle();
            var answers = rig.Output.Lines.Skip(before).Where(l => !ConsoleRig.IsLog(l)).ToList();
            int queued = ConfigConsole.MaxQueuedLines - 1;
            Assert.Equal("logged in", answers[0]);
            Assert.Equal(Enumerable.Repeat("led = on", queued), answers.Skip(1).Take(queued));
            Assert.Equal("error: " + (120 - queued) + " line(s) dropped: typed faster than the console handles them", answers[^1]);
            Assert.Equal(queued + 2, answers.Count);
            Assert.True(rig.Config.Console.Idle);
            Assert.Equal(0, rig.Loop.EventsDropped);
        }

        [Fact]
        public void Calibration_and_metering_status_come_from_the_metering_area()
        {
            var output = new StringWriter();
            using var board = new HostBoard(new HostBoardOptions { Speed = HostBoardOptions.MaxSpeed, Load = Ws52x.Host.Board.Metering.LoadProfiles.Find("heater") }, output);
            board.Start();
            board.Firmware.StatusIntervalMicros = 0;
            var console = board.Firmware.Config.Console;
            string Say(string line)
            {
                int before = output.ToString().Length;
                console.OnLine(line);
                board.RunFor(1000);
                return output.ToString().Substring(before);
            }

            board.RunFor(500_000);
            board.Press(); // a new socket starts off: the heater draws nothing until it is switched on
            board.RunFor(30_000_000);
            string status = Say("status");
            Assert.Matches(@"metering: 2[23]\d\.\d V, 8\d\d\d mA, (199\d|20[01]\d) W, PF 100%, \d+ Wh, recording on", status);
            Assert.Contains("calibrate begin | finish V A W | clear", Say("help"));
            Say("login 123456");
            Assert.Contains("calibration started", Say("calibrate begin"));
            board.RunFor(240_000_000);
            Assert.Contains("error: calibrate finish takes the true volts, amps and watts", Say("calibrate finish 230 8.7"));
            string stored = Say("calibrate finish 230.0 8.696 2000");
            Assert.True(stored.Contains("calibration stored"), stored);
            Assert.Contains("error: calibration refused: the given values are more than a factor of two off", Say("calibrate finish 230.0 8.696 9000"));
            Assert.Contains("calibration cleared: datasheet constants", Say("calibrate clear"));
            Assert.Contains("error: usage: calibrate", Say("calibrate sideways"));
        }

        [Theory]
        [InlineData("230.0", 230_000_000L)]
        [InlineData("8.696", 8_696_000L)]
        [InlineData("2000", 2_000_000_000L)]
        [InlineData("0.0000019", 1L)]
        [InlineData("1.", -1L)]
        [InlineData(".5", -1L)]
        [InlineData("-1", -1L)]
        [InlineData("1e3", -1L)]
        [InlineData("1000001", -1L)]
        public void Calibration_figures_are_read_as_decimals(string text, long micro)
        {
            Assert.Equal(micro, CalibrateCommand.ParseMicro(text));
        }

        [Fact]
        public void A_command_that_fails_is_answered_with_why_and_the_console_goes_on()
        {
            // e.g. `calibrate finish` on a full flash: the storage's exception must not leave the console deaf.
            var rig = new ConsoleRig();
            rig.Config.Console.Register(new FailingCommand());
            rig.Login();
            Assert.Equal("error: flaky failed: flash full", rig.One("flaky now"));
            Assert.Contains(rig.Type("help"), l => l.Contains("flaky now"));
            Assert.StartsWith("report_interval = ", rig.One("get report_interval"));
        }

        private sealed class FailingCommand : IConsoleCommand
        {
            public string Name => "flaky";

            public string Usage => "flaky now   fails";

            public bool NeedsLogin(string args) => true;

            public string Run(string args) => throw new System.IO.IOException("flash full");
        }

        private sealed class FakeCommand : IConsoleCommand
        {
            public static int Runs;

            public string Name => "calibrate";

            public string Usage => "calibrate begin";

            public bool NeedsLogin(string args) => true;

            public string Run(string args)
            {
                Runs++;
                return "ran";
            }
        }
    }
}
