using System;
using System.Linq;
using Ws52x.Config;
using Ws52x.Host.Board;
using Ws52x.Util;

namespace Ws52x.Tests.Config
{
    /// <summary>The stored settings record: round trip, its size, and what happens to records it cannot use.</summary>
    public class SettingsRecordTests
    {
        private static readonly SettingsRules Rules = new SettingsRules(16, "868M");

        private static Settings Defaults() => new SettingsDefaults(ConsoleRig.SerialNumber, "868M").Create();

        private static Settings Changed()
        {
            Settings s = Defaults();
            s.LoRaWan.Region = "RU864";
            s.LoRaWan.Channels = "0-2,5";
            s.LoRaWan.JoinType = JoinType.Abp;
            s.LoRaWan.Class = DeviceClass.A;
            s.LoRaWan.AppKey[3] = 0x99;
            s.LoRaWan.Multicast[2].Enabled = true;
            s.LoRaWan.Multicast[2].Address = 0xDEADBEEF;
            s.Socket.ReportingIntervalSeconds = 600;
            s.Socket.PowerRestore = PowerRestorePolicy.LastState;
            s.Socket.OvercurrentAlarmEnabled = true;
            s.Socket.OvercurrentAlarmThresholdAmps = 13;
            s.Password.Iterations = 1000;
            s.Password.Salt[0] = 1;
            s.Password.Hash[15] = 2;
            return s;
        }

        private static byte[] Record(Settings s, uint sequence = 7) => ConsoleRig.Snapshot(s, sequence);

        private static void AssertSame(Settings expected, Settings actual)
        {
            Assert.Equal(Record(expected), Record(actual));
        }

        [Fact]
        public void A_record_reads_back_into_the_same_settings()
        {
            Settings original = Changed();
            byte[] record = Record(original, 41);
            Settings read = Defaults();
            Assert.Null(SettingsRecord.Read(record, record.Length, read, Rules, out uint sequence, out string warnings));
            Assert.Null(warnings);
            Assert.Equal(41u, sequence);
            AssertSame(original, read);
            Assert.Equal("RU864", read.LoRaWan.Region);
            Assert.Equal(0xDEADBEEFu, read.LoRaWan.Multicast[2].Address);
        }

        [Fact]
        public void The_record_is_well_under_its_buffer()
        {
            int length = Record(Defaults()).Length;
            Assert.InRange(length, 400, 600);
            Settings longest = Defaults();
            longest.LoRaWan.Channels = string.Join(",", Enumerable.Range(0, 8).Select(c => (2 * c).ToString()));
            Assert.True(Record(longest).Length < SettingsRecord.MaxLength);
        }

        [Theory]
        [InlineData(0, "only 0 bytes")]
        [InlineData(5, "only 5 bytes")]
        public void A_short_record_is_refused(int length, string reason)
        {
            byte[] record = Record(Changed());
            Settings into = Defaults();
            Assert.Contains(reason, SettingsRecord.Read(record, length, into, Rules, out _, out _));
            AssertSame(Defaults(), into);
        }

        [Fact]
        public void A_record_of_another_format_or_kind_is_refused_whole()
        {
            byte[] record = Record(Changed());
            record[4] = 2;
            Settings into = Defaults();
            Assert.Equal("format 2, this firmware reads format 1", SettingsRecord.Read(record, record.Length, into, Rules, out _, out _));
            record[4] = 1;
            record[0] = (byte)'X';
            Assert.StartsWith("not a settings record", SettingsRecord.Read(record, record.Length, into, Rules, out _, out _));
            AssertSame(Defaults(), into);
        }

        [Fact]
        public void A_record_cut_anywhere_is_refused_whole_and_changes_nothing()
        {
            byte[] record = Record(Changed());
            for (int cut = 0; cut < record.Length; cut++)
            {
                Settings into = Defaults();
                Assert.NotNull(SettingsRecord.Read(record, cut, into, Rules, out _, out _));
                AssertSame(Defaults(), into);
            }
        }

        [Fact]
        public void Unknown_fields_are_skipped_and_missing_ones_keep_their_default()
        {
            // A later firmware's record: one field more (tag 200), and one we know left out (report_interval, tag 40).
            byte[] record = Record(Changed());
            var edited = record.Take(SettingsRecord.HeaderLength).ToList();
            int at = SettingsRecord.HeaderLength;
            int fields = 0;
            while (at < record.Length)
            {
                int size = record[at + 1];
                if (record[at] != 40)
                {
                    edited.AddRange(record.Skip(at).Take(2 + size));
                    fields++;
                }

                at += 2 + size;
            }

            edited.AddRange(new byte[] { 200, 3, 1, 2, 3 });
            edited[5] = (byte)(fields + 1);
            Settings into = Defaults();
            Assert.Null(SettingsRecord.Read(edited.ToArray(), edited.Count, into, Rules, out _, out string warnings));
            Assert.Null(warnings);
            Assert.Equal(1200, into.Socket.ReportingIntervalSeconds);
            Assert.Equal("RU864", into.LoRaWan.Region);
        }

        [Fact]
        public void A_field_out_of_range_falls_back_to_its_default_with_a_warning()
        {
            Settings s = Changed();
            s.Socket.ReportingIntervalSeconds = 5;
            s.LoRaWan.DataRate = 9;
            byte[] record = Record(s);
            Settings into = Defaults();
            Assert.Null(SettingsRecord.Read(record, record.Length, into, Rules, out _, out string warnings));
            Assert.Equal(1200, into.Socket.ReportingIntervalSeconds);
            Assert.Equal(2, into.LoRaWan.DataRate);
            Assert.Contains("report_interval 5 is outside 60-64800 s, default used", warnings);
            Assert.Contains("data_rate 9 is outside 0-6 on RU864, default used", warnings);
            Assert.Equal(600, Changed().Socket.ReportingIntervalSeconds);
            Assert.Equal(13, into.Socket.OvercurrentAlarmThresholdAmps);
        }

        [Fact]
        public void A_stored_region_the_board_cannot_use_falls_back_to_the_boards_default()
        {
            Settings s = Changed();
            s.LoRaWan.Region = "US915";
            byte[] record = Record(s);
            Settings into = Defaults();
            Assert.Null(SettingsRecord.Read(record, record.Length, into, Rules, out _, out string warnings));
            Assert.Equal("EU868", into.LoRaWan.Region);
            Assert.Contains("region US915 needs a -915M board", warnings);
        }

        [Fact]
        public void A_threshold_above_a_lower_rating_is_dropped_but_its_switch_stays_consistent()
        {
            byte[] record = Record(Changed());
            Settings into = Defaults();
            Assert.Null(SettingsRecord.Read(record, record.Length, into, new SettingsRules(10, "868M"), out _, out string warnings));
            Assert.Equal(10, into.Socket.OvercurrentAlarmThresholdAmps);
            Assert.True(into.Socket.OvercurrentAlarmEnabled);
            Assert.Contains("overcurrent_alarm_threshold 13 is outside 0-10 A", warnings);
        }

        [Fact]
        public void The_store_logs_a_refused_record_boots_on_defaults_and_keeps_it_until_the_next_save()
        {
            var storage = new MemoryStorage();
            byte[] bad = Record(Changed());
            bad[4] = 9;
            storage.Replace(SettingsStore.StorageKey, bad, bad.Length);
            var rig = new ConsoleRig(storage);
            Assert.Contains(rig.Output.Lines, l => l.EndsWith("config: warning: stored settings unreadable (format 9, this firmware reads format 1): factory defaults used", StringComparison.Ordinal));
            Assert.Equal("EU868", rig.Current.LoRaWan.Region);
            Assert.Equal(bad, rig.Stored());
            rig.Login();
            rig.One("set led off");
            Assert.Equal(1u, SettingsRecord.SequenceOf(rig.Stored(), rig.Stored().Length));
        }

        [Fact]
        public void The_store_says_where_its_settings_came_from()
        {
            var rig = new ConsoleRig();
            Assert.Contains(rig.Output.Lines, l => l.EndsWith("config: no stored settings: factory defaults, region EU868", StringComparison.Ordinal));
            rig.Login();
            rig.One("set region RU864");
            var again = rig.Reboot();
            Assert.Contains(again.Output.Lines, l => l.Contains("config: settings restored (save #1, ") && l.EndsWith("region RU864", StringComparison.Ordinal));
            Assert.Equal(1u, again.Config.Store.Sequence);
        }
    }
}
