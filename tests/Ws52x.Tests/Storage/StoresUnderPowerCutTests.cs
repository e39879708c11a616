using System;
using System.IO;
using System.Linq;
using Ws52x.Config;
using Ws52x.Config.Storage;
using Ws52x.Diagnostics;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Storage;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.Mac;
using Ws52x.Metering;
using Ws52x.Platform;
using Ws52x.Tests.Config;

namespace Ws52x.Tests.Storage
{
    /// <summary>
    /// Issue 11 item 2 on the firmware's own save paths: the settings store, the energy store and the MAC's counters each
    /// save through the core journal on flash that loses power after every possible number of bytes, left in each way
    /// the flash may leave a torn write; the board then boots on what the flash holds and must find the old or the new
    /// record, never a mix and never the defaults.
    /// </summary>
    public class StoresUnderPowerCutTests
    {
        private static readonly TornWrite[] Kinds = { TornWrite.Prefix, TornWrite.ErasedTail, TornWrite.OldContent };

        [Fact]
        public void A_settings_save_cut_at_any_byte_boots_on_the_old_or_the_new_settings()
        {
            byte[] oldRecord = null;
            byte[] newRecord = null;
            int cases = Campaign(
                storage =>
                {
                    SettingsStore store = Settings(storage);
                    store.Current.Socket.ReportingIntervalSeconds = 600;
                    store.Current.LoRaWan.Region = "EU868";
                    store.Save();
                    oldRecord = ConsoleRig.Snapshot(store.Current);
                },
                storage =>
                {
                    SettingsStore store = Settings(storage);
                    store.Current.Socket.ReportingIntervalSeconds = 3600;
                    store.Current.Socket.LedEnabled = false;
                    store.Current.LoRaWan.Confirmed = true;
                    newRecord = ConsoleRig.Snapshot(store.Current);
                    store.Save();
                },
                storage =>
                {
                    byte[] booted = ConsoleRig.Snapshot(Settings(storage).Current);
                    Assert.True(booted.SequenceEqual(oldRecord) || booted.SequenceEqual(newRecord), "the board booted on neither the old nor the new settings");
                    return booted.SequenceEqual(newRecord);
                });
            Assert.True(cases > 3 * 300, cases + " cases"); // every byte of a ~420-byte record, three ways
        }

        [Fact]
        public void An_energy_save_cut_at_any_byte_boots_on_the_old_or_the_new_counter()
        {
            const long PulseNanojoules = 10_343_611_735; // one CF pulse of the HLW8012 with the datasheet's parts
            int cases = Campaign(
                storage => SaveEnergy(storage, 1000),
                storage => SaveEnergy(storage, 2000),
                storage =>
                {
                    var counter = new EnergyCounter();
                    var store = new EnergyStore(counter, storage, Silent());
                    store.Load();
                    long wh = counter.WattHours;
                    long oldWh = 1000 * PulseNanojoules / EnergyCounter.NanojoulesPerWattHour;
                    long newWh = 3000 * PulseNanojoules / EnergyCounter.NanojoulesPerWattHour;
                    Assert.True(wh == oldWh || wh == newWh, "restored " + wh + " Wh, neither " + oldWh + " nor " + newWh);
                    return wh == newWh;
                });
            Assert.True(cases > 3 * EnergyCounter.RecordLength, cases + " cases");

            void SaveEnergy(IKeyValueStorage storage, long pulses)
            {
                var counter = new EnergyCounter();
                var store = new EnergyStore(counter, storage, Silent());
                store.Load();
                counter.AddPulses(pulses, PulseNanojoules);
                store.SaveIfChanged();
            }
        }

        [Fact]
        public void A_frame_counter_save_cut_at_any_byte_boots_on_the_old_or_the_new_counters()
        {
            int cases = Campaign(
                storage => SaveCounters(storage, 16, 5),
                storage => SaveCounters(storage, 32, 9),
                storage =>
                {
                    var session = new Session();
                    var multicast = new[] { new Session(), new Session(), new Session(), new Session() };
                    Assert.True(new MacStore(storage).LoadCounters(out uint reserve, session, multicast), "the counters record is gone");
                    Assert.True((reserve, session.FCntDown) == (16u, 5u) || (reserve, session.FCntDown) == (32u, 9u),
                        "restored FCntUp reserve " + reserve + " and FCntDown " + session.FCntDown);
                    return reserve == 32;
                });
            Assert.True(cases > 10, cases + " cases");

            void SaveCounters(IKeyValueStorage storage, uint reserve, uint fCntDown)
            {
                var session = new Session();
                session.AcceptDownlink(fCntDown);
                new MacStore(storage).SaveCounters(reserve, session, new[] { new Session(), new Session(), new Session(), new Session() });
            }
        }

        /// <summary>
        /// Writes the old record, then for every byte count up to the new record's whole write and every way of tearing,
        /// runs the new save on flash that loses power there, boots a new journal on what is left and checks it. Returns
        /// the number of cases; both outcomes must have been seen.
        /// </summary>
        private static int Campaign(Action<IKeyValueStorage> writeOld, Action<IKeyValueStorage> writeNew, Func<IKeyValueStorage, bool> bootAndCheck)
        {
            var baseline = new MemoryFiles();
            writeOld(new RecordJournal(baseline));
            var probe = new MemoryFiles();
            Copy(baseline, probe);
            long before = probe.BytesWritten;
            writeNew(new RecordJournal(probe));
            long saveBytes = probe.BytesWritten - before;
            Assert.True(saveBytes > 0, "the new save wrote nothing");

            int cases = 0;
            int sawNew = 0;
            foreach (TornWrite kind in Kinds)
            {
                for (long cut = 0; cut <= saveBytes; cut++)
                {
                    var flash = new MemoryFiles();
                    Copy(baseline, flash);
                    var failing = new PowerCutFiles(flash);
                    failing.CutAfterBytes(cut, kind);
                    try
                    {
                        writeNew(new RecordJournal(failing));
                    }
                    catch (PowerCutException)
                    {
                        // The supply is gone: the save stops wherever it was.
                    }
                    catch (InvalidOperationException e) when (e.Message.Contains("power cut"))
                    {
                        // The same, as SettingsStore.Save tells its caller that nothing was stored.
                    }

                    if (bootAndCheck(new RecordJournal(flash)))
                    {
                        sawNew++;
                    }

                    cases++;
                }
            }

            Assert.InRange(sawNew, 1, cases - 1);
            return cases;
        }

        private static void Copy(MemoryFiles from, MemoryFiles to)
        {
            foreach (string name in from.Names)
            {
                to.Put(name, from.Content(name));
            }
        }

        private static SettingsStore Settings(IKeyValueStorage storage)
        {
            var store = new SettingsStore(storage, new SettingsDefaults(ConsoleRig.SerialNumber, null), new SettingsRules(16, null), Silent());
            store.Load();
            return store;
        }

        private static Log Silent() => new Log(new WriterConsole(TextWriter.Null), new Ws52x.Loop.VirtualClock());
    }
}
