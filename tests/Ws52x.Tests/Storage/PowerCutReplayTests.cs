using System;
using System.Collections.Generic;
using System.Linq;
using Ws52x.Host.Board.Storage;
using Ws52x.Platform;
using Xunit.Abstractions;
using static Ws52x.Tests.Storage.RecordShapes;

namespace Ws52x.Tests.Storage
{
    /// <summary>The firmware's records as workloads for <see cref="PowerCutReplay"/>, and the check every board's run makes.</summary>
    public static class ReplayWorkloads
    {
        public static IEnumerable<object[]> Names => new[] { "settings", "energy", "counters" }.Select(w => new object[] { w });

        public static (StorageStep[] Setup, StorageStep[] Steps) Get(string name) => name switch
        {
            // Settings grow, shrink, go and come back, beside an energy record that must stay as it is.
            "settings" => (
                new[] { StorageStep.Replace(SettingsKey, Settings(300, 1)), StorageStep.Replace(EnergyKey, Energy(100)) },
                new[]
                {
                    StorageStep.Replace(SettingsKey, Settings(600, 2)),
                    StorageStep.Replace(SettingsKey, Settings(450, 3)),
                    StorageStep.Delete(SettingsKey),
                    StorageStep.Replace(SettingsKey, Settings(300, 4)),
                }),
            "energy" => (
                new[] { StorageStep.Replace(EnergyKey, Energy(0)), StorageStep.Replace(SettingsKey, Settings(400, 9)) },
                new[]
                {
                    StorageStep.Replace(EnergyKey, Energy(1)),
                    StorageStep.Replace(EnergyKey, Energy(2)),
                    StorageStep.Replace(EnergyKey, Energy(3000)),
                }),
            "counters" => (
                // Nothing stored yet: the first write of a key is cut too.
                Array.Empty<StorageStep>(),
                Enumerable.Range(1, 6).Select(i => StorageStep.Replace(CountersKey, Counters((uint)(16 * i), (uint)i, (ushort)(i / 2)))).ToArray()),
            _ => throw new ArgumentException(name),
        };

        public static void Check(ITestOutputHelper output, ReplayTarget target, string workload)
        {
            var (setup, steps) = Get(workload);
            ReplayReport report = PowerCutReplay.Run(target, setup, steps);
            output.WriteLine(target.Name + (target.RebootAfterSetup ? " (reboot after setup)" : "") + ", " + workload + ": " + report);
            Assert.True(report.Failures.Count == 0, report.Failures.Count + " failures, first:\n" + string.Join("\n", report.Failures.Take(10)));
            Assert.True(report.OldSeen > 0 && report.NewSeen > 0, "the campaign should see both outcomes: " + report);
        }
    }

    /// <summary>On the host's files in memory: every way a torn write can be left, with and without a reboot before the steps.</summary>
    public sealed class MemoryReplayTests
    {
        private readonly ITestOutputHelper _output;

        public MemoryReplayTests(ITestOutputHelper output) => _output = output;

        [Theory]
        [MemberData(nameof(ReplayWorkloads.Names), MemberType = typeof(ReplayWorkloads))]
        public void Memory_files_give_old_or_new_after_a_cut_anywhere(string workload)
        {
            foreach (bool reboot in new[] { false, true })
            {
                var target = new ReplayTarget("memory", () => new MemoryFiles(), TornWrite.Prefix, TornWrite.ErasedTail, TornWrite.OldContent) { RebootAfterSetup = reboot };
                ReplayWorkloads.Check(_output, target, workload);
            }
        }

        [Fact]
        public void The_campaign_fails_a_store_that_overwrites_in_place()
        {
            var (setup, steps) = ReplayWorkloads.Get("energy");
            var target = new ReplayTarget("overwrite in place", () => new MemoryFiles()) { Journal = files => new OverwriteInPlace(files) };
            ReplayReport report = PowerCutReplay.Run(target, setup, steps);
            Assert.Contains(report.Failures, f => f.Contains("neither the old") && f.Contains("torn at 0/"));
        }

        /// <summary>What a naive store does: one file per key, rewritten in place.</summary>
        private sealed class OverwriteInPlace : IKeyValueStorage
        {
            private readonly IFileStore _files;

            public OverwriteInPlace(IFileStore files) => _files = files;

            public int Read(string key, byte[] buffer) => _files.Read(key, buffer, 0, buffer.Length);

            public void Replace(string key, byte[] data, int length) => _files.Write(key, data, 0, length);

            public bool Delete(string key)
            {
                bool existed = _files.Read(key, Array.Empty<byte>(), 0, 0) >= 0;
                _files.Delete(key);
                return existed;
            }
        }
    }

    /// <summary>
    /// On the host's folder (--state) and on the ESP32 adapter compiled for the host. Torn writes are left as prefixes:
    /// the other ways are the same bytes in a file, replayed in memory.
    /// </summary>
    public sealed class FileSystemReplayTests : IClassFixture<TempFolder>
    {
        private readonly TempFolder _temp;
        private readonly ITestOutputHelper _output;

        public FileSystemReplayTests(TempFolder temp, ITestOutputHelper output)
        {
            _temp = temp;
            _output = output;
        }

        [Theory]
        [MemberData(nameof(ReplayWorkloads.Names), MemberType = typeof(ReplayWorkloads))]
        public void Host_folder_gives_old_or_new_after_a_cut_anywhere(string workload)
        {
            string name = "folder-" + workload;
            var files = new DirectoryFiles(_temp.Empty(name), syncToDisk: false);
            ReplayWorkloads.Check(_output, new ReplayTarget("host folder", () => { _temp.Empty(name); return files; }), workload);
        }

        [Theory]
        [MemberData(nameof(ReplayWorkloads.Names), MemberType = typeof(ReplayWorkloads))]
        public void Esp32_adapter_gives_old_or_new_after_a_cut_anywhere(string workload)
        {
            string name = "esp32-" + workload;
            IFileStore files = Esp32FlashStorage.Open(_temp.Empty(name));
            ReplayWorkloads.Check(_output, new ReplayTarget("esp32 adapter", () => { _temp.Empty(name); return files; }), workload);
        }
    }
}
