using Ws52x.Diagnostics;
using Ws52x.Loop;
using Ws52x.Platform;

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

        public MeteringCalibrator Calibrator { get; }

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
            if (!Calibrator.Finish(trueMicrovolts, trueMicroamps, trueMicrowatts))
            {
                _log.Warn("metering", "calibration refused: " + Calibrator.Error);
                return false;
            }

            int length = Meter.Calibration.Write(_calibrationRecord);
            _storage.Replace(Calibration.StorageKey, _calibrationRecord, length);
            _log.Info("metering", "calibrated: " + Describe(Meter.Calibration));
            return true;
        }

        /// <summary>Forgets the stored calibration: back to the datasheet's constants for the board's parts.</summary>
        public void ClearCalibration()
        {
            _storage.Delete(Calibration.StorageKey);
            Meter.Calibration.CopyFrom(Calibration.FromDatasheet(Board));
            _log.Info("metering", "calibration cleared: " + Describe(Meter.Calibration));
        }

        private void LoadCalibration()
        {
            int length = _storage.Read(Calibration.StorageKey, _calibrationRecord);
            if (length < 0)
            {
                string chip = Board.Chip == MeteringChip.Bl0937 ? "BL0937" : "HLW8012";
                _log.Info("metering", chip + ", datasheet constants: " + Describe(Meter.Calibration));
            }
            else if (Meter.Calibration.TryRead(_calibrationRecord, length))
            {
                _log.Info("metering", "stored calibration: " + Describe(Meter.Calibration));
            }
            else
            {
                _log.Warn("metering", "stored calibration unreadable (" + length.ToString() + " bytes), using datasheet constants");
            }
        }

        private static string Describe(Calibration c)
        {
            return c.PowerNanoWattsPerHz.ToString() + " nW/Hz, " + c.CurrentNanoampsPerHz.ToString() + " nA/Hz, " +
                c.VoltageNanovoltsPerHz.ToString() + " nV/Hz";
        }
    }
}
