using System;
using System.Globalization;
using Ws52x.App;
using Ws52x.Codec;
using Ws52x.Host.Board.Metering;
using Ws52x.Config;
using Ws52x.Config.Storage;
using Ws52x.Diagnostics;
using Ws52x.Loop;
using Ws52x.Metering;

namespace Ws52x.Host.Board
{
    /// <summary>The host board as a user sees it from outside: settings given on the command line, what was written to
    /// flash, and the simulation's truth next to what the socket reports.</summary>
    public sealed partial class HostBoard
    {
        /// <summary>
        /// The board's SN: six bytes from the seed with the locally administered bit set (as an ESP32's MAC has
        /// Espressif's OUI there, so the DevEUI made from it cannot be anyone's real one), then two zero bytes.
        /// </summary>
        public static byte[] SerialNumberFromSeed(int seed)
        {
            var sn = new byte[8];
            new Random(seed ^ 0x5752).NextBytes(sn.AsSpan(0, 6));
            sn[0] = (byte)((sn[0] & 0xFC) | 0x02);
            return sn;
        }

        // Settings given as options (--interval, --region, --class...) are what the owner would have configured: saved into the stored record
        // before the first boot, so the firmware loads them as its own. An option not given leaves the stored value.
        private void ApplyOptionSettings()
        {
            Settings settings = Settings.Current;
            bool given = LoRaWanProvisioning.Apply(_options, settings.LoRaWan, settings);
            if (_options.ReportInterval.HasValue)
            {
                settings.Socket.ReportingIntervalSeconds = (int)_options.ReportInterval.Value.TotalSeconds;
                given = true;
            }

            if (given)
            {
                Settings.Save(); // a new board with no options keeps "no stored settings" until something is set
            }
        }

        // The configuration area's own store over the board's flash, while no firmware runs.
        private SettingsStore OfflineSettings()
        {
            if (_offlineSettings == null)
            {
                MeteringBoard metering = Io.Metering ?? new MeteringBoard();
                var log = new Log(new WriterConsole(System.IO.TextWriter.Null), Clock);
                _offlineSettings = new SettingsStore(Flash, new SettingsDefaults(Io.SerialNumber, Io.RadioBand),
                    new SettingsRules(metering.RatedCurrentMilliamps / 1000, Io.RadioBand), log);
                _offlineSettings.Load();
            }

            return _offlineSettings;
        }

        // What the run wrote to the board's flash, per key: the figures the wear estimates in docs/storage.md come from.
        private void ReportFlashWrites()
        {
            RecordJournal journal = Flash as RecordJournal ?? Storage?.Journal;
            if (journal == null || journal.TotalReplaces == 0)
            {
                return;
            }

            string line = "host: flash written: " + journal.TotalBytesWritten.ToString(CultureInfo.InvariantCulture) + " bytes in " +
                journal.TotalReplaces.ToString(CultureInfo.InvariantCulture) + " replaces";
            string separator = " (";
            for (int i = 0; i < journal.KeyCount; i++)
            {
                string key = journal.KeyAt(i);
                if (journal.Replaces(key) > 0)
                {
                    line += separator + key + ": " + journal.Replaces(key).ToString(CultureInfo.InvariantCulture) + ", " +
                        journal.BytesWritten(key).ToString(CultureInfo.InvariantCulture) + " bytes";
                    separator = "; ";
                }
            }

            _output.WriteLine(line + ")");
        }

        // The serial console on standard input (--console): lines wait while the console's queue is full, and without
        // --duration the run ends when the input does, once its lines are answered.
        private void WireConsole()
        {
            Console.SinkHasRoom = () => Firmware == null || Firmware.Config.Console.HasRoom;
            if (_options.ConsoleInput == null || _options.Duration.HasValue)
            {
                return;
            }

            Console.InputEnded = () =>
            {
                Firmware running = Firmware;
                running?.Loop.Post(new StopWhenIdle(this, running), 0, 0, 0);
            };
        }

        // Posted from the console's reader thread; on the loop it waits until the console has answered every line.
        private sealed class StopWhenIdle : IEventSink
        {
            private readonly HostBoard _board;
            private readonly Firmware _firmware;
            private readonly LoopTimer _check;

            public StopWhenIdle(HostBoard board, Firmware firmware)
            {
                _board = board;
                _firmware = firmware;
                _check = new LoopTimer(Check);
            }

            public void OnEvent(int code, int arg, long timestampMicros, object payload) => Check(_check);

            private void Check(LoopTimer timer)
            {
                if (_firmware.Config.Console.Idle)
                {
                    _board.Stop();
                }
                else
                {
                    _firmware.Loop.ScheduleAfter(_check, 1000);
                }
            }
        }

        // The simulation's truth next to what the firmware reported, so that a user sees how well it measures.
        private void OnReport(ElectricalStatus reported, byte[] payload, int length)
        {
            Chip.AdvanceTo(Clock.NowMicros);
            LoadPoint truth = Chip.TrueLoad;
            _output.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "host: true load {0:0.0} V, {1:0} mA, {2:0.0} W, PF {3:0.00}, {4:0.0} Wh since start; reported {5:0.0} V, {6} mA, {7} W, PF {8:0.00}, {9} Wh",
                truth.Volts, truth.Amps * 1000, truth.Watts, truth.PowerFactor, Chip.TrueEnergyJoules / 3600,
                reported.VoltageDeciVolts / 10.0, reported.CurrentMilliamps, reported.ActivePowerWatts, reported.PowerFactorPercent / 100.0, reported.EnergyWattHours));
        }

        private void OnRelayPin(bool closed)
        {
            RelayChangedAtMicros = Clock.NowMicros;
            Chip.SetRelay(closed);
            TraceCurrent();
        }
    }
}
