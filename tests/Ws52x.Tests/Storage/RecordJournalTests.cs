using System;
using System.Collections.Generic;
using System.IO;
using Ws52x.Config.Storage;
using Ws52x.Diagnostics;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Storage;
using Ws52x.Loop;
using Ws52x.Util;
using static Ws52x.Tests.Storage.PowerCutReplay;

namespace Ws52x.Tests.Storage
{
    public class RecordJournalTests
    {
        private static byte[] Value(string text) => System.Text.Encoding.ASCII.GetBytes(text);

        private static void Put(RecordJournal journal, string key, string text) => journal.Replace(key, Value(text), text.Length);

        private static string Text(RecordJournal journal, string key)
        {
            byte[] value = Get(journal, key);
            return value == null ? null : System.Text.Encoding.ASCII.GetString(value);
        }

        [Fact]
        public void Replace_read_delete_round_trip()
        {
            var files = new MemoryFiles();
            var journal = new RecordJournal(files);
            Assert.Null(Text(journal, "settings"));
            Assert.False(journal.Delete("settings"));
            Put(journal, "settings", "old-value");
            Assert.Equal("old-value", Text(journal, "settings"));
            journal.Replace("settings", Value("new!xx"), 4);
            Assert.Equal("new!", Text(journal, "settings"));
            Put(journal, "empty", "");
            Assert.Equal(0, journal.Read("empty", new byte[0]));
            Assert.True(journal.Delete("settings"));
            Assert.False(journal.Delete("settings"));
            Assert.Null(Text(journal, "settings"));
            Put(journal, "settings", "back");
            Assert.Equal("back", Text(new RecordJournal(files), "settings"));
        }

        [Fact]
        public void A_value_longer_than_the_buffer_is_not_copied_and_its_length_is_returned()
        {
            var journal = new RecordJournal(new MemoryFiles());
            Put(journal, "k", "123456");
            var small = new byte[] { 9, 9, 9 };
            Assert.Equal(6, journal.Read("k", small));
            Assert.Equal(new byte[] { 9, 9, 9 }, small);
        }

        [Fact]
        public void Replaces_alternate_between_the_two_slots_with_rising_generations()
        {
            var files = new MemoryFiles();
            var journal = new RecordJournal(files);
            Put(journal, "k", "one");
            Assert.Equal(new[] { "k.a" }, files.Names);
            Put(journal, "k", "two");
            Put(journal, "k", "three");
            Assert.Equal(new[] { "k.a", "k.b" }, files.Names);
            Assert.Equal(3u, Generation(files.Content("k.a")));
            Assert.Equal(2u, Generation(files.Content("k.b")));
            Assert.Equal("three", Text(new RecordJournal(files), "k"));

            // A reboot carries on from the newest copy: the next write goes to the older slot.
            var rebooted = new RecordJournal(files);
            Put(rebooted, "k", "four");
            Assert.Equal(4u, Generation(files.Content("k.b")));
            Assert.Equal("four", Text(new RecordJournal(files), "k"));
        }

        [Fact]
        public void When_both_slots_are_complete_the_higher_generation_wins_in_either_slot_and_across_the_wrap()
        {
            foreach (var (a, b, winner) in new[] { (4u, 5u, "b"), (5u, 4u, "a"), (0xFFFFFFFFu, 0u, "b"), (0u, 0xFFFFFFFFu, "a") })
            {
                var files = new MemoryFiles();
                files.Put("k.a", Record(a, "a"));
                files.Put("k.b", Record(b, "b"));
                var journal = new RecordJournal(files);
                Assert.Equal(winner, Text(journal, "k"));

                // The next replace overwrites the loser and becomes the newest.
                Put(journal, "k", "next");
                Assert.Equal(winner == "a" ? "a" : "b", Text(Only(files, winner == "a" ? "k.a" : "k.b"), "k"));
                Assert.Equal("next", Text(new RecordJournal(files), "k"));
            }
        }

        [Fact]
        public void Delete_removes_the_older_copy_first_so_a_cut_between_leaves_the_old_value()
        {
            var files = new MemoryFiles();
            var journal = new RecordJournal(files);
            Put(journal, "k", "older");
            Put(journal, "k", "newest"); // in k.b
            var cutter = new PowerCutFiles(files);
            var deleted = new List<string>();
            cutter.Observer = (op, write, length) => deleted.Add(write ? "write" : "delete");
            cutter.CutAt(1, 0, TornWrite.Prefix);
            Assert.Throws<PowerCutException>(() => new RecordJournal(cutter).Delete("k"));
            Assert.Equal(new[] { "delete", "delete" }, deleted); // k.a went; the cut came before k.b
            Assert.Equal(new[] { "k.b" }, files.Names);
            Assert.Equal("newest", Text(new RecordJournal(files), "k"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("Settings")]
        [InlineData(".hidden")]
        [InlineData("-dash")]
        [InlineData("a/b")]
        [InlineData("a\\b")]
        [InlineData("a b")]
        [InlineData("ü")]
        [InlineData("k\n")]
        [InlineData("abcdefghijklmnopqrstuvwxyz0123456")] // 33 characters
        public void Keys_that_would_not_make_safe_file_names_are_refused_with_a_clear_message(string key)
        {
            var journal = new RecordJournal(new MemoryFiles());
            var e = Assert.Throws<ArgumentException>(() => journal.Replace(key, new byte[1], 1));
            Assert.Contains("storage key '", e.Message);
            Assert.Contains("1 to 32 of a-z, 0-9, '.', '_', '-'", e.Message);
            Assert.Throws<ArgumentException>(() => journal.Read(key, new byte[1]));
            Assert.Throws<ArgumentNullException>(() => journal.Read(null, new byte[1]));
            Assert.Throws<ArgumentNullException>(() => journal.Delete(null));
        }

        [Theory]
        [InlineData("metering.energy")]
        [InlineData("metering.cal")]
        [InlineData("lorawan.counters")]
        [InlineData("0_config-v2")]
        [InlineData("abcdefghijklmnopqrstuvwxyz012345")] // 32 characters
        public void The_firmwares_keys_are_accepted(string key)
        {
            var journal = new RecordJournal(new MemoryFiles());
            journal.Replace(key, new byte[] { 7 }, 1);
            Assert.Equal(new byte[] { 7 }, Get(journal, key));
        }

        [Fact]
        public void Record_lengths_are_bounded()
        {
            var journal = new RecordJournal(new MemoryFiles());
            var data = new byte[RecordJournal.MaxRecordLength + 1];
            journal.Replace("k", data, RecordJournal.MaxRecordLength);
            Assert.Equal(RecordJournal.MaxRecordLength, journal.Read("k", data));
            Assert.Throws<ArgumentOutOfRangeException>(() => journal.Replace("k", data, data.Length));
            Assert.Throws<ArgumentOutOfRangeException>(() => journal.Replace("k", new byte[2], 3));
            Assert.Throws<ArgumentOutOfRangeException>(() => journal.Replace("k", new byte[2], -1));
            Assert.Throws<ArgumentNullException>(() => journal.Replace("k", null, 0));
        }

        [Fact]
        public void A_file_longer_than_any_record_is_unreadable_not_read()
        {
            var files = new MemoryFiles();
            files.Put("k.a", new byte[JournalRecord.HeaderLength + RecordJournal.MaxRecordLength + 1]);
            var journal = new RecordJournal(files);
            Assert.Null(Get(journal, "k"));
            Assert.Equal(1, journal.UnreadableCopies);
        }

        [Fact]
        public void Writes_are_counted_per_key_in_replaces_and_bytes_with_headers()
        {
            var journal = new RecordJournal(new MemoryFiles());
            for (int i = 0; i < 5; i++)
            {
                journal.Replace("metering.energy", RecordShapes.Energy(i), Ws52x.Metering.EnergyCounter.RecordLength);
            }

            journal.Replace("config.settings", new byte[500], 500);
            journal.Delete("config.settings");
            Assert.Equal(5, journal.Replaces("metering.energy"));
            Assert.Equal(5 * (16 + 22), journal.BytesWritten("metering.energy"));
            Assert.Equal(1, journal.Replaces("config.settings"));
            Assert.Equal(516, journal.BytesWritten("config.settings"));
            Assert.Equal(0, journal.Replaces("never.written"));
            Assert.Equal(6, journal.TotalReplaces);
            Assert.Equal(5 * 38 + 516, journal.TotalBytesWritten);
        }

        [Fact]
        public void A_torn_copy_found_at_boot_is_reported_in_the_firmwares_log()
        {
            var files = new MemoryFiles();
            var journal = new RecordJournal(files);
            Put(journal, "metering.energy", "v1");
            Put(journal, "metering.energy", "v2");
            byte[] newest = files.Content("metering.energy.b");
            files.Put("metering.energy.b", newest.AsSpan(0, newest.Length - 1).ToArray());

            var output = new StringWriter();
            var rebooted = new RecordJournal(files) { Log = new Log(new WriterConsole(output), new VirtualClock()) };
            Assert.Equal("v1", Text(rebooted, "metering.energy"));
            Assert.Equal(1, rebooted.UnreadableCopies);
            Assert.Contains("storage: warning: 'metering.energy.b' is torn by a power cut or damaged; 'metering.energy' reads generation 1 from 'metering.energy.a'", output.ToString());
        }

        [Fact]
        public void A_newest_copy_damaged_while_running_is_passed_over_for_the_older_one()
        {
            var files = new MemoryFiles();
            var journal = new RecordJournal(files);
            Put(journal, "k", "v1");
            Put(journal, "k", "v2");
            Assert.Equal("v2", Text(journal, "k"));
            Damage(files, "k.b");
            Assert.Equal("v1", Text(journal, "k"));
            Assert.Equal(1, journal.UnreadableCopies);

            // The damaged slot is the one the next replace overwrites.
            Put(journal, "k", "v3");
            Assert.Equal("v3", Text(new RecordJournal(files), "k"));
            Assert.Equal("v1", Text(Only(files, "k.a"), "k"));
        }

        [Fact]
        public void Both_copies_damaged_read_as_absent_and_each_is_counted_once()
        {
            var files = new MemoryFiles();
            var journal = new RecordJournal(files);
            Put(journal, "k", "v1");
            Put(journal, "k", "v2");
            Damage(files, "k.b");
            Assert.Equal("v1", Text(journal, "k"));
            Damage(files, "k.a");
            Assert.Null(Text(journal, "k"));
            Assert.Equal(2, journal.UnreadableCopies); // k.b was found at the first look, k.a at the second

            Put(journal, "k", "v3");
            Assert.Equal("v3", Text(new RecordJournal(files), "k"));
        }

        private static void Damage(MemoryFiles files, string slot)
        {
            byte[] copy = files.Content(slot);
            copy[^1] ^= 0x01;
            files.Put(slot, copy);
        }

        internal static uint Generation(byte[] file) => Bytes.ReadUInt32LE(file, 8);

        /// <summary>A complete slot file of generation <paramref name="generation"/>.</summary>
        internal static byte[] Record(uint generation, string text)
        {
            var file = new byte[JournalRecord.HeaderLength + text.Length];
            int n = JournalRecord.Encode(file, generation, Value(text), text.Length);
            return file.AsSpan(0, n).ToArray();
        }

        /// <summary>A journal on a copy of <paramref name="files"/> holding only the slot named.</summary>
        private static RecordJournal Only(MemoryFiles files, string slot)
        {
            var copy = new MemoryFiles();
            copy.Put(slot, files.Content(slot));
            return new RecordJournal(copy);
        }
    }
}
