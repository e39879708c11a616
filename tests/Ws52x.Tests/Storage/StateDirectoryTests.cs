using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Ws52x.Config.Storage;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Metering;
using Ws52x.Host.Board.Storage;
using Ws52x.Host.Network;
using Ws52x.Host.Scenario;
using Ws52x.Metering;
using Ws52x.Tests.Host;

namespace Ws52x.Tests.Storage
{
    /// <summary>`ws52x run --state DIR`: the board's flash kept in a folder, so a second run is a reboot of the same socket.</summary>
    public sealed class StateDirectoryTests : IClassFixture<TempFolder>
    {
        private readonly TempFolder _temp;

        public StateDirectoryTests(TempFolder temp) => _temp = temp;

        [Fact]
        public void A_second_run_on_the_same_folder_continues_the_energy_counter()
        {
            string dir = Path.Combine(_temp.Path, "socket");
            string first = RunBoard(dir);
            Assert.Contains("energy: no stored energy counter, starting at 0 Wh", first);
            Assert.Contains("host: flash kept in '" + dir + "'", first);

            // What the first run left on its flash: the counter of its last save (at 20 min, 2 kW: about 666 Wh).
            var counter = new EnergyCounter();
            var record = new byte[EnergyCounter.RecordLength];
            int n = new RecordJournal(new DirectoryFiles(dir)).Read(EnergyStore.StorageKey, record);
            Assert.True(counter.TryRead(record, n), "no energy record in " + dir);
            Assert.InRange(counter.WattHours, 660, 670);
            Assert.True(File.Exists(Path.Combine(dir, EnergyStore.StorageKey + ".a")));

            // The run says what it wrote to flash, key by key: each energy save is one 22-byte record behind a 16-byte
            // header, and the keys' bytes add up to the total.
            Match written = Regex.Match(first, @"host: flash written: (\d+) bytes in (\d+) replaces \((.*)\)");
            Assert.True(written.Success, first);
            MatchCollection keys = Regex.Matches(written.Groups[3].Value, @"([a-z.]+): (\d+), (\d+) bytes");
            Match energy = keys.Single(k => k.Groups[1].Value == EnergyStore.StorageKey);
            int saves = int.Parse(energy.Groups[2].Value);
            Assert.True(saves >= 1);
            Assert.Equal(saves * (16 + EnergyCounter.RecordLength), int.Parse(energy.Groups[3].Value));
            Assert.Equal(int.Parse(written.Groups[1].Value), keys.Sum(k => int.Parse(k.Groups[3].Value)));
            Assert.Equal(int.Parse(written.Groups[2].Value), keys.Sum(k => int.Parse(k.Groups[2].Value)));

            string second = RunBoard(dir);
            Assert.Contains("energy: restored " + counter.WattHours + " Wh, recording on", second);
            Assert.DoesNotContain("no stored energy counter", second);
            Assert.InRange(ReportedWattHours(second) - counter.WattHours, 660, 670);
            Assert.InRange(ReportedWattHours(first), 660, 670);
        }

        [Fact]
        public void Without_a_folder_every_run_starts_from_an_empty_flash()
        {
            Assert.Contains("energy: no stored energy counter", RunBoard(null));
            Assert.Contains("energy: no stored energy counter", RunBoard(null));
        }

        [Fact]
        public void A_file_given_as_the_folder_is_a_usage_error()
        {
            string file = Path.Combine(Directory.CreateDirectory(Path.Combine(_temp.Path, "f")).FullName, "not-a-folder");
            File.WriteAllText(file, "x");
            HostProcess.AssertUsageError("--state", file, "--speed", "max", "--duration", "1m");
            HostProcess.AssertUsageError("--state", "", "--speed", "max", "--duration", "1m");
        }

        [Fact]
        public void A_folder_that_cannot_be_made_is_an_io_failure_in_one_line()
        {
            string file = Path.Combine(Directory.CreateDirectory(Path.Combine(_temp.Path, "g")).FullName, "plain-file");
            File.WriteAllText(file, "x");
            var r = HostProcess.Run("--state", Path.Combine(file, "below"), "--speed", "max", "--duration", "1m");
            Assert.Equal(1, r.ExitCode);
            string[] lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.StartsWith("ws52x: --state: cannot make the folder '", lines[0]);
            Assert.Equal("", r.Stdout);
            Assert.Throws<StateDirectoryException>(() => new DirectoryFiles(file));
        }

        /// <summary>25 minutes of a 2 kW heater on the host board, in-process on the virtual clock; returns its output.</summary>
        private static string RunBoard(string stateDirectory) => RunBoard(stateDirectory, null, null, out _);

        /// <summary>The same with a scenario (null: the built-in press) and an AppKey; <paramref name="device"/> is the socket as the built-in server knows it.</summary>
        internal static string RunBoard(string stateDirectory, string scenario, string appKey, out NetworkDevice device)
        {
            var output = new StringWriter();
            var options = new HostBoardOptions
            {
                Speed = HostBoardOptions.MaxSpeed,
                Duration = TimeSpan.FromMinutes(25),
                Load = LoadProfiles.Find("heater"),
                StateDirectory = stateDirectory,
                Scenario = scenario == null ? null : ScenarioFile.Parse(scenario, "test"),
                AppKey = appKey == null ? null : Ws52x.Util.Hex.Parse(appKey),
            };
            using (var board = new HostBoard(options, output))
            {
                board.Run();
                device = board.Network.Devices[0];
            }

            return output.ToString();
        }

        /// <summary>The energy of the last report, as the host prints it ("reported ..., N Wh").</summary>
        private static long ReportedWattHours(string output)
        {
            Match last = Regex.Matches(output, @"reported .*, (\d+) Wh").Last();
            return long.Parse(last.Groups[1].Value);
        }
    }
}
