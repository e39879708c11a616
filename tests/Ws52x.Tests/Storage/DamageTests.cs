using System;
using System.Collections.Generic;
using Ws52x.Config.Storage;
using Ws52x.Host.Board.Storage;
using Ws52x.Platform;
using Xunit.Abstractions;
using static Ws52x.Tests.Storage.PowerCutReplay;
using static Ws52x.Tests.Storage.RecordShapes;

namespace Ws52x.Tests.Storage
{
    /// <summary>
    /// Damaged flash: a bit flipped anywhere in a stored slot file is recognised, never read as a value. A damaged newest
    /// copy falls back to the older one (the value before the last replace), a damaged lone copy reads as absent, and the
    /// journal counts (and logs) the unreadable copy each time.
    /// </summary>
    public sealed class DamageTests : IClassFixture<TempFolder>
    {
        private readonly TempFolder _temp;
        private readonly ITestOutputHelper _output;

        public DamageTests(TempFolder temp, ITestOutputHelper output)
        {
            _temp = temp;
            _output = output;
        }

        public static IEnumerable<object[]> Shapes => new[]
        {
            new object[] { SettingsKey, Settings(600, 1), Settings(600, 2) },
            new object[] { SettingsKey, Settings(300, 3), Settings(550, 4) },
            new object[] { EnergyKey, Energy(10), Energy(11) },
            new object[] { CountersKey, Counters(16, 3, 1), Counters(32, 3, 1) },
        };

        [Theory]
        [MemberData(nameof(Shapes))]
        public void Every_bit_flip_in_memory_files_is_recognised(string key, byte[] older, byte[] newer)
        {
            int cases = Flip(() => new MemoryFiles(), key, older, newer, everyBit: true);
            _output.WriteLine(key + ", " + newer.Length + " bytes: " + cases + " single-bit flips recognised");
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void A_bit_flip_in_every_byte_is_recognised_in_the_host_folder_and_by_the_esp32_adapter(string key, byte[] older, byte[] newer)
        {
            string folder = _temp.Empty("folder");
            var directory = new DirectoryFiles(folder, syncToDisk: false);
            Flip(() => { _temp.Empty("folder"); return directory; }, key, older, newer, everyBit: false);
            IFileStore esp32 = Esp32FlashStorage.Open(_temp.Empty("esp32"));
            Flip(() => { _temp.Empty("esp32"); return esp32; }, key, older, newer, everyBit: false);
        }

        /// <summary>Flips each bit (or one bit per byte) of the newest copy, then of the older one, then of a lone copy.</summary>
        private static int Flip(Func<IFileStore> empty, string key, byte[] older, byte[] newer, bool everyBit)
        {
            int cases = 0;
            foreach (string damaged in new[] { "newest", "older", "lone" })
            {
                // Where the copies are: a lone copy in slot a; after two replaces, the older in a and the newest in b.
                string slot = damaged == "newest" ? key + ".b" : key + ".a";
                byte[] expected = damaged switch { "newest" => older, "older" => newer, _ => null };
                IFileStore files = empty();
                var journal = new RecordJournal(files);
                journal.Replace(key, damaged == "lone" ? newer : older, damaged == "lone" ? newer.Length : older.Length);
                if (damaged != "lone")
                {
                    journal.Replace(key, newer, newer.Length);
                }

                byte[] good = ReadFile(files, slot);
                int bits = good.Length * 8;
                for (int bit = 0; bit < bits; bit += everyBit ? 1 : 9)
                {
                    byte[] bad = (byte[])good.Clone();
                    bad[bit / 8] ^= (byte)(1 << (bit % 8));
                    files.Write(slot, bad, 0, bad.Length);
                    var rebooted = new RecordJournal(files);
                    byte[] read = Get(rebooted, key);
                    Assert.True(Same(read, expected), damaged + " copy, bit " + bit + " flipped: read " + (read == null ? "absent" : read.Length + " bytes"));
                    Assert.Equal(1, rebooted.UnreadableCopies);
                    cases++;
                }
            }

            return cases;
        }

        private static byte[] ReadFile(IFileStore files, string name)
        {
            var buffer = new byte[JournalRecord.HeaderLength + RecordJournal.MaxRecordLength];
            int n = files.Read(name, buffer, 0, buffer.Length);
            return buffer.AsSpan(0, n).ToArray();
        }
    }
}
