using System;
using System.Linq;
using System.Text;
using Ws52x.Config;
using Xunit.Abstractions;

namespace Ws52x.Tests.Config
{
    /// <summary>
    /// Random and mutated console lines: no exception escapes, no setting changes without a login, settings stay within
    /// their ranges, and what is stored is what runs. 20,000 lines by default; WS52X_FUZZ=N runs N (e.g. 1000000).
    /// </summary>
    public class ConsoleFuzzTests
    {
        private static readonly string[] Corpus =
        {
            "help", "help led", "help channels", "status", "get", "get app_key --keys", "get --keys", "get region",
            "login 123456", "login 123456", "login abcdefgh", "login wrong", "logout",
            "set led off", "set led on", "set region RU864", "set region EU868", "set region IN865", "set channels 1-3, 7",
            "set channels all", "set report_interval 600", "set data_rate 5", "set tx_power 7", "set rx2_frequency 869525000",
            "set app_key 000102030405060708090A0B0C0D0E0F", "set dev_eui 0011223344556677", "set class A", "set join_type abp",
            "set overcurrent_alarm on", "set overcurrent_alarm_threshold 0", "set mc2_address DEADBEEF", "set button_lock_minutes 32767",
            "passwd 123456 abcdefgh", "passwd abcdefgh 123456", "export", "export --keys",
            "import {\"model\": \"WS52x-868M\", \"template\": 1, \"region\": \"EU868\", \"led\": false, \"report_interval\": 120}",
            "import {\"model\": \"WS52x-868M\", \"template\": 1, \"region\": \"RU864\", \"channels\": \"0-2\"}",
            "import", "{", "\"model\": \"WS52x-868M\", \"template\": 1,", "\"region\": \"EU868\",", "\"adr\": false", "}",
            "reboot", "factory-reset", "calibrate begin",
        };

        private const string Alphabet = " \t-_,.:;{}[]\"\\/*0123456789abcdefghijklmnopqrstuvwxyzABCDEFXYZ\u00e9\u0000\u001b\u2028\ud83d";

        private readonly ITestOutputHelper _output;

        public ConsoleFuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Random_and_mutated_lines_never_escape_never_write_without_a_login_and_keep_settings_valid()
        {
            int count = int.TryParse(Environment.GetEnvironmentVariable("WS52X_FUZZ"), out int n) && n > 0 ? n : 20_000;
            var random = new Random(52);
            var control = new RecordingControl();
            var rig = new ConsoleRig(control: control);
            var rules = rig.Config.Rules;
            int changes = 0;
            int errors = 0;
            int loggedInLines = 0;
            string password = "123456";
            for (int i = 0; i < count; i++)
            {
                string line = random.Next(10) == 0 ? "login " + password : Next(random);
                bool wasLoggedIn = rig.Config.Console.LoggedIn;
                byte[] before = ConsoleRig.Snapshot(rig.Current);
                int outputBefore = rig.Output.Lines.Count;
                rig.Output.Sink.OnLine(line);
                rig.Loop.RunUntilIdle();
                byte[] after = ConsoleRig.Snapshot(rig.Current);
                if (!before.AsSpan().SequenceEqual(after))
                {
                    Assert.True(wasLoggedIn, "settings changed without a login by: " + Printable(line));
                    changes++;
                }

                loggedInLines += wasLoggedIn ? 1 : 0;
                int answers = rig.Output.Lines.Count - outputBefore;
                if (rig.Output.Lines.Skip(outputBefore).Contains("password changed"))
                {
                    // The fuzz keeps knowing the password, so that it keeps reaching the writes.
                    password = line.Trim().Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)[2];
                }

                if (rig.Output.Lines.Skip(outputBefore).Any(l => l.StartsWith("factory reset: settings back", StringComparison.Ordinal)))
                {
                    password = "123456";
                }

                Assert.True(answers <= 60, answers + " lines answered " + Printable(line));
                errors += rig.Output.Lines.Skip(outputBefore).Count(l => l.StartsWith("error: ", StringComparison.Ordinal));
                string invalid = rules.CheckAll(rig.Current);
                Assert.True(invalid == null, invalid + " after " + Printable(line));

                if (i % 500 == 0)
                {
                    AssertStoredIsRunning(rig);
                    rig.Output.Lines.Clear();
                }

                if (rig.Config.Console.LockedUntilMicros > rig.Clock.NowMicros && random.Next(20) == 0)
                {
                    rig.Clock.Advance(rig.Config.Console.LockedUntilMicros - rig.Clock.NowMicros);
                }

                if (random.Next(200) == 0)
                {
                    // Time passes: idle logouts and lockouts run out.
                    rig.Clock.Advance(random.Next(2) == 0 ? 61_000_000L : 25L * 3600 * 1_000_000);
                }
            }

            AssertStoredIsRunning(rig);
            _output.WriteLine(count + " lines: " + loggedInLines + " while logged in, " + changes + " changed settings, " + errors +
                " errors, " + rig.Config.Store.Writes + " records written, " + control.Reboots.Count + " reboots");
            Assert.True(changes > count / 200 && errors > count / 4 && loggedInLines > count / 20, "the fuzz did not reach the console's writes");
        }

        private static string Next(Random random)
        {
            switch (random.Next(10))
            {
                case 0:
                    return RandomText(random, random.Next(0, 300));
                case 1:
                case 2:
                case 3:
                    return Corpus[random.Next(Corpus.Length)];
                default:
                    return Mutate(random, Corpus[random.Next(Corpus.Length)]);
            }
        }

        private static string Mutate(Random random, string line)
        {
            var s = new StringBuilder(line);
            int edits = 1 + random.Next(4);
            for (int e = 0; e < edits; e++)
            {
                int at = s.Length == 0 ? 0 : random.Next(s.Length);
                switch (random.Next(7))
                {
                    case 0 when s.Length > 0:
                        s[at] = Alphabet[random.Next(Alphabet.Length)];
                        break;
                    case 1:
                        s.Insert(at, RandomText(random, random.Next(1, 8)));
                        break;
                    case 2 when s.Length > 0:
                        s.Remove(at, Math.Min(s.Length - at, 1 + random.Next(6)));
                        break;
                    case 3:
                        s.Length = at;
                        break;
                    case 4:
                        s.Insert(at, " " + Corpus[random.Next(Corpus.Length)].Split(' ')[0] + " ");
                        break;
                    case 5:
                        s.Append(random.Next(3) == 0 ? new string('9', random.Next(1, 30)) : " --keys");
                        break;
                    default:
                        s.Insert(at, random.Next(2) == 0 ? "-" : "  ");
                        break;
                }
            }

            return s.ToString();
        }

        private static string RandomText(Random random, int length)
        {
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = random.Next(8) == 0 ? (char)random.Next(0, 0x10000) : Alphabet[random.Next(Alphabet.Length)];
            }

            return new string(chars);
        }

        private static void AssertStoredIsRunning(ConsoleRig rig)
        {
            byte[] stored = rig.Stored();
            Settings booted = new SettingsDefaults(ConsoleRig.SerialNumber, null).Create();
            if (stored != null)
            {
                Assert.Null(SettingsRecord.Read(stored, stored.Length, booted, rig.Config.Rules, out _, out string warnings));
                Assert.Null(warnings);
            }

            Assert.Equal(ConsoleRig.Snapshot(rig.Current), ConsoleRig.Snapshot(booted));
        }

        private static string Printable(string line) => "'" + string.Concat(line.Select(c => c >= ' ' && c < 127 ? c.ToString() : "\\u" + ((int)c).ToString("x4"))) + "'";
    }
}
