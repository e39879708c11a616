using Ws52x.Diagnostics;
using Ws52x.Loop;
using Ws52x.Platform;

namespace Ws52x.Metering
{
    /// <summary>
    /// Keeps the energy counter across reboots and power cuts with bounded flash wear: a save at most every
    /// <see cref="SaveIntervalMicros"/> (10 min) when the counter changed, plus one when the power-fail detector reports
    /// mains loss (the hold-up capacitor gives the ESP32 tens of milliseconds, enough for one small record).
    /// Storage replaces records atomically, so a cut during a save leaves the old or the new counter.
    ///
    /// What an unannounced cut (no power-fail signal: a board without the detector) can lose is what was counted
    /// since the last save: at most 10 minutes of consumption, 613 Wh at 16 A and 230 V. A reset or a change of the
    /// recording switch is saved in the same slots, so the same bound applies to them. The stored value only moves
    /// forward between resets, so the reported energy never goes backwards.
    /// </summary>
    public sealed class EnergyStore : IEdgeSink, IEventSink
    {
        public const string StorageKey = "metering.energy";

        public const long SaveIntervalMicros = 10L * 60 * 1000000;

        private const int EventPowerFail = 1;
        private const int EventPowerBack = 2;

        private readonly EnergyCounter _counter;
        private readonly IKeyValueStorage _storage;
        private readonly Log _log;
        private readonly byte[] _record = new byte[EnergyCounter.RecordLength];
        private readonly LoopTimer _saveTimer;
        private EventLoop _loop;
        private uint _savedGeneration;
        private bool _powerFailSaved;

        public EnergyStore(EnergyCounter counter, IKeyValueStorage storage, Log log)
        {
            _counter = counter;
            _storage = storage;
            _log = log;
            _saveTimer = new LoopTimer(OnSaveTimer);
        }

        /// <summary>Restores the counter; a missing or unreadable record starts from zero, and says so.</summary>
        public void Load()
        {
            int length = _storage.Read(StorageKey, _record);
            if (length < 0)
            {
                _log.Info("energy", "no stored energy counter, starting at 0 Wh");
            }
            else if (!_counter.TryRead(_record, length))
            {
                _log.Warn("energy", "stored energy counter unreadable (" + length.ToString() + " bytes), starting at 0 Wh");
            }
            else
            {
                _log.Info("energy", "restored " + _counter.WattHours.ToString() + " Wh, recording " + (_counter.Recording ? "on" : "off"));
            }

            _savedGeneration = _counter.Generation;
        }

        /// <summary>Arms the periodic save and, when the board has one, the power-fail detector (low = mains lost).</summary>
        public void Start(EventLoop loop, IDigitalInput powerFail)
        {
            _loop = loop;
            loop.SchedulePeriodic(_saveTimer, loop.NowMicros + SaveIntervalMicros, SaveIntervalMicros);
            if (powerFail != null)
            {
                powerFail.SetEdgeSink(this);
            }
        }

        /// <summary>Saves now if the counter changed since the last save; returns whether it wrote.</summary>
        public bool SaveIfChanged()
        {
            if (_counter.Generation == _savedGeneration)
            {
                return false;
            }

            int length = _counter.Write(_record);
            _storage.Replace(StorageKey, _record, length);
            _savedGeneration = _counter.Generation;
            return true;
        }

        public void OnEdge(IDigitalInput pin, bool level, long timestampMicros)
        {
            _loop.Post(this, level ? EventPowerBack : EventPowerFail, 0, timestampMicros);
        }

        public void OnEvent(int code, int arg, long timestampMicros, object payload)
        {
            if (code == EventPowerBack)
            {
                _powerFailSaved = false;
                return;
            }

            // One save per outage: a detector that chatters while the supply collapses must not wear the flash.
            if (code == EventPowerFail && !_powerFailSaved)
            {
                _powerFailSaved = true;
                SaveIfChanged();
                _log.Warn("energy", "power fail: counter saved at " + _counter.WattHours.ToString() + " Wh");
            }
        }

        private void OnSaveTimer(LoopTimer timer)
        {
            SaveIfChanged();
        }
    }
}
