using System;
using Ws52x.Diagnostics;
using Ws52x.Loop;
using Ws52x.Platform;
using Ws52x.Util;

namespace Ws52x.Metering
{
    /// <summary>
    /// The metering area as the firmware sees it: the driver, its stored calibration, the energy counter and its
    /// persistence, and the guide's recording switch (ff26) and energy reset (ff27).
    /// </summary>
    public sealed class MeteringService
    {
        private readonly IKeyValueStorage _storage;
        private readonly Log _log;
        private readonly byte[] _calibrationRecord = new byte[Calibration.RecordLength];
        private readonly Calibration _previous = new Calibration();

        public MeteringService(MeteringBoard board, IPulseInput cf, IPulseInput cf1, IDigitalOutput sel, IKeyValueStorage storage, Log log)
        {
            Board = board ?? new MeteringBoard();
            _storage = storage;
            _log = log;
            Meter = new PowerMeter(Board, Calibration.FromDatasheet(Board), cf, cf1, sel);
            Store = new EnergyStore(Meter.Energy, storage, log);
            Calibrator = new MeteringCalibrator(Meter);
        }

        public MeteringBoard Board { get; }

        public PowerMeter Meter { get; }

        public EnergyStore Store { get; }

        internal MeteringCalibrator Calibrator { get; }

        /// <summary>Restores calibration and energy, then starts sampling and the save schedule.</summary>
        public void Start(EventLoop loop, IDigitalInput powerFail)
        {
            LoadCalibration();
            Store.Load();
            Store.Start(loop, powerFail);
            Meter.Start(loop);
        }

        /// <summary>The guide's ff26: power consumption recording on or off.</summary>
        public void SetRecording(bool enabled)
        {
            Meter.Energy.Recording = enabled;
            _log.Info("energy", "recording " + (enabled ? "on" : "off"));
        }

        /// <summary>The guide's ff27: the energy counter back to zero (saved in the next save slot).</summary>
        public void ResetEnergy()
        {
            Meter.Energy.Reset();
            _log.Info("energy", "counter reset to 0 Wh");
        }

        /// <summary>Ends a calibration started with <see cref="MeteringCalibrator.Begin"/> and stores it; false with the calibrator's reason.</summary>
        public bool FinishCalibration(long trueMicrovolts, long trueMicroamps, long trueMicrowatts)
        {
            _previous.CopyFrom(Meter.Calibration);
            if (!Calibrator.Finish(trueMicrovolts, trueMicroamps, trueMicrowatts))
            {
                _log.Warn("metering", "calibration refused: " + Calibrator.Error);
                return false;
            }

            int length = Meter.Calibration.Write(_calibrationRecord);
            try
            {
                _storage.Replace(Calibration.StorageKey, _calibrationRecord, length);
            }
            catch (Exception e)
            {
                // Not on flash, so not in use either: a calibration that a reboot would silently undo helps nobody.
                Meter.Calibration.CopyFrom(_previous);
                Calibrator.Error = "storage failed (" + e.Message + "); nothing changed";
                _log.Warn("metering", "calibration refused: " + Calibrator.Error);
                return false;
            }

            Describe(_log.Line("metering").Append("calibrated: "), Meter.Calibration);
            return true;
        }

        /// <summary>
        /// Forgets the stored calibration: back to the datasheet's constants for the board's parts. False, with the
        /// calibrator's <see cref="MeteringCalibrator.Error"/>, when the flash refuses the delete: the calibration then
        /// stays in use, as it stays on flash.
        /// </summary>
        public bool ClearCalibration()
        {
            try
            {
                _storage.Delete(Calibration.StorageKey);
            }
            catch (Exception e)
            {
                // Cleared in memory only, the old calibration would come back at the next boot without a word.
                Calibrator.Error = "storage failed (" + e.Message + "); nothing changed";
                _log.Warn("metering", "calibration not cleared: " + Calibrator.Error);
                return false;
            }

            Meter.Calibration.CopyFrom(Calibration.FromDatasheet(Board));
            Describe(_log.Line("metering").Append("calibration cleared: "), Meter.Calibration);
            return true;
        }

        private void LoadCalibration()
        {
            // The meter holds the datasheet constants here. A record more than a factor of two off them was made for other
            // parts (a board built or set up for the other chip): applying it would make every reading wrong.
            var stored = new Calibration();
            int length = _storage.Read(Calibration.StorageKey, _calibrationRecord);
            if (length < 0)
            {
                Describe(_log.Line("metering").Append(Board.Chip == MeteringChip.Bl0937 ? "BL0937" : "HLW8012").Append(", datasheet constants: "), Meter.Calibration);
            }
            else if (stored.TryRead(_calibrationRecord, length)
                && MeteringCalibrator.Plausible(stored.PowerNanoWattsPerHz, stored.CurrentNanoampsPerHz, stored.VoltageNanovoltsPerHz, Meter.Calibration))
            {
                Meter.Calibration.CopyFrom(stored);
                Describe(_log.Line("metering").Append("stored calibration: "), Meter.Calibration);
            }
            else
            {
                _log.Warning("metering").Append("stored calibration unreadable or not for this board (").Append(length).Append(" bytes), using datasheet constants");
                _log.End();
            }
        }

        // Ends the log line with the calibration's constants.
        private void Describe(TextBuffer line, Calibration c)
        {
            line.Append(c.PowerNanoWattsPerHz).Append(" nW/Hz, ").Append(c.CurrentNanoampsPerHz).Append(" nA/Hz, ").Append(c.VoltageNanovoltsPerHz).Append(" nV/Hz");
            _log.End();
        }
    }
}
