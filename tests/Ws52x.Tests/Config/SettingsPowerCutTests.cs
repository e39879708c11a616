using System.Collections.Generic;
using Ws52x.Config;

namespace Ws52x.Tests.Config
{
    /// <summary>
    /// Power cuts at the settings level: a storage that fails in the middle of a Replace and keeps the old value, as
    /// IKeyValueStorage promises. (The byte-by-byte torn-write campaign of a settings save on the real journal is
    /// Storage/StoresUnderPowerCutTests; this shows what the settings layer does with old-or-new.)
    /// </summary>
    public class SettingsPowerCutTests
    {
        private static readonly string[] Changes =
        {
            "set report_interval 600", "set region RU864", "set app_key 000102030405060708090A0B0C0D0E0F",
            "set channels 0-2", "set overcurrent_alarm on", "set mc2_enabled on", "set led off", "passwd 123456 s3cret!!",
        };

        [Fact]
        public void A_cut_during_any_save_leaves_the_old_or_the_new_settings_and_a_failed_save_changes_nothing()
        {
            for (int cutAt = 0; cutAt < Changes.Length; cutAt++)
            {
                var storage = new CuttableStorage();
                var rig = new ConsoleRig(storage);
                rig.Login();
                var records = new List<byte[]> { null };
                for (int i = 0; i < Changes.Length; i++)
                {
                    if (i == cutAt)
                    {
                        storage.WritesBeforeCut = 0;
                    }

                    byte[] before = ConsoleRig.Snapshot(rig.Current);
                    var reply = rig.Type(Changes[i]);
                    if (i >= cutAt)
                    {
                        Assert.Contains(reply, l => l.StartsWith("error: storage failed (power cut during the write); nothing changed"));
                        Assert.Equal(before, ConsoleRig.Snapshot(rig.Current));
                        break;
                    }

                    records.Add(ConsoleRig.Snapshot(rig.Current));
                }

                // Power back: the board boots on the last complete save.
                storage.WritesBeforeCut = -1;
                var booted = rig.Reboot();
                byte[] expected = records[records.Count - 1] ?? ConsoleRig.Snapshot(new SettingsDefaults(ConsoleRig.SerialNumber, null).Create());
                Assert.Equal(expected, ConsoleRig.Snapshot(booted.Current));
            }
        }

        [Fact]
        public void Saving_the_same_settings_again_writes_nothing()
        {
            var storage = new CuttableStorage();
            var rig = new ConsoleRig(storage);
            rig.Login();
            rig.One("set report_interval 600");
            Assert.Equal(1, storage.Writes);
            for (int i = 0; i < 100; i++)
            {
                rig.Current.Socket.ReportingIntervalSeconds = 600;
                rig.Config.Store.Save();
            }

            Assert.Equal(1, storage.Writes);
            Assert.Equal(100, rig.Config.Store.UnchangedSaves);
            rig.Current.Socket.ReportingIntervalSeconds = 900;
            rig.Config.Store.Save();
            Assert.Equal(2, storage.Writes);
            Assert.Equal(2u, rig.Config.Store.Sequence);
        }

        [Fact]
        public void Save_refuses_invalid_settings_and_logs_why()
        {
            var storage = new CuttableStorage();
            var rig = new ConsoleRig(storage);
            rig.Current.Socket.ReportingIntervalSeconds = 30;
            Assert.Throws<System.InvalidOperationException>(() => rig.Config.Store.Save()); // the writer must know: it changed Current
            Assert.Equal(0, storage.Writes);
            Assert.Contains(rig.Output.Lines, l => l.EndsWith("config: warning: settings not saved: report_interval 30 is outside 60-64800 s"));
        }
    }
}
