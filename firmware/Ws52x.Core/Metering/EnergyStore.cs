using System;
using Ws52x.Diagnostics;
using Ws52x.Loop;
using Ws52x.Platform;

namespace Ws52x.Metering
{
    /// <summary>
    /// Keeps the energy counter across reboots and power cuts so that the socket never reports less energy than it
    /// reported before (a socket that bills energy must not go backwards), with bounded flash wear.
    ///
    /// The rule: a report carries <see cref="CommitForReport"/>, the watt-hours storage holds. Before a report, the
    /// counter is saved if its watt-hours moved and the last save is at least <see cref="MinReportSaveGapMicros"/>
    /// (1 min) old; otherwise the report carries the value saved less than a minute ago. Either way what was reported
    /// is on flash before it is sent, so a reboot at any moment restores at least that much.
    ///
    /// Besides, the counter is saved <see cref="SaveIntervalMicros"/> (10 min) after the last save when it changed, so
    /// an unannounced cut loses at most 10 minutes of consumption that was never reported; and once when the power-fail
    /// detector reports mains loss, after which nothing is written until mains is back (the hold-up capacitors are for
    /// the outage alert). ff27 (reset) and a controlled reboot save at once.
    ///
    /// Writes per day under a steady load: one per report when the interval is 10 min or less, else 144 (every
    /// 10 min); nothing when nothing is consumed. Storage replaces records atomically, so a cut during a save leaves
    /// the old or the new counter.
    /// </summary>
    public sealed class EnergyStore : IEdgeSink, IEventSink
    {
        public const string StorageKey = "metering.energy";

        public const long SaveIntervalMicros = 10L * 60 * 1000000;

        /// <summary>Two reports closer than this share one save: the bound on report-driven writes (1,440 a day).</summary>
        public const long MinReportSaveGapMicros = 60L * 1000000;

        /// <summary>Mains must stay back this long before saves resume: a detector chattering as the supply collapses is one outage.</summary>
        public const long PowerBackMicros = 1000000;

        private const int EventPowerFail = 1;
        private const int EventPowerBack = 2;

        private readonly EnergyCounter _counter;
        private readonly IKeyValueStorage _storage;
        private readonly Log _log;
        private readonly byte[] _record = new byte[EnergyCounter.RecordLength];
        private readonly LoopTimer _saveTimer;
        private readonly LoopTimer _powerBack;
        private EventLoop _loop;
        private uint _savedGeneration;
        private long _savedWattHours;
        private long _lastSaveMicros = long.MinValue;
        private bool _powerFailing;

        internal EnergyStore(EnergyCounter counter, IKeyValueStorage storage, Log log)
        {
            _counter = counter;
            _storage = storage;
            _log = log;
            _saveTimer = new LoopTimer(OnSaveTimer);
            _powerBack = new LoopTimer(OnPowerBack);
        }

        /// <summary>The watt-hours storage holds: never more than the counter, and what reports may carry.</summary>
        public long DurableWattHours => _savedWattHours;

        /// <summary>Records written since boot (the wear figure docs/socket.md quotes).</summary>
        public int Writes { get; private set; }

        /// <summary>True from mains loss until mains is back: nothing is written meanwhile.</summary>
        public bool PowerFailing => _powerFailing;

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
                _log.Warning("energy").Append("stored energy counter unreadable (").Append(length).Append(" bytes), starting at 0 Wh");
                _log.End();
            }
            else
            {
                _log.Line("energy").Append("restored ").Append(_counter.WattHours).Append(" Wh, recording ").Append(_counter.Recording ? "on" : "off");
                _log.End();
            }

            _savedGeneration = _counter.Generation;
            _savedWattHours = _counter.WattHours;
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

        /// <summary>
        /// The energy a report may carry now: saves first when the counter has new watt-hours and the last save is at
        /// least a minute old (and mains is not failing), then returns <see cref="DurableWattHours"/>. Allocation-free.
        /// </summary>
        public long CommitForReport()
        {
            if (_counter.WattHours != _savedWattHours && !_powerFailing
                && (_lastSaveMicros == long.MinValue || Now - _lastSaveMicros >= MinReportSaveGapMicros))
            {
                Save();
            }

            return _savedWattHours;
        }

        /// <summary>Saves now if the counter changed since the last save (and mains is not failing); returns whether it wrote.</summary>
        public bool SaveIfChanged()
        {
            if (_counter.Generation == _savedGeneration || _powerFailing)
            {
                return false;
            }

            return Save();
        }

        public void OnEdge(IDigitalInput pin, bool level, long timestampMicros)
        {
            _loop.Post(this, level ? EventPowerBack : EventPowerFail, 0, timestampMicros);
        }

        public void OnEvent(int code, int arg, long timestampMicros, object payload)
        {
            if (code == EventPowerBack)
            {
                if (_powerFailing)
                {
                    _loop.Schedule(_powerBack, timestampMicros + PowerBackMicros);
                }

                return;
            }

            // One save per outage: a detector that chatters while the supply collapses must not wear the flash.
            _loop.Cancel(_powerBack);
            if (code == EventPowerFail && !_powerFailing)
            {
                SaveIfChanged();
                _powerFailing = true;
                _log.Warning("energy").Append("power fail: counter saved at ").Append(_counter.WattHours).Append(" Wh, no more writes until mains is back");
                _log.End();
            }
        }

        private void OnPowerBack(LoopTimer timer)
        {
            _powerFailing = false;
            _log.Info("energy", "mains back: saves resume");
        }

        private long Now => _loop == null ? 0 : _loop.NowMicros;

        /// <summary>
        /// Writes the counter; a write the flash refuses is logged and changes nothing else: reports keep carrying what
        /// flash holds (<see cref="DurableWattHours"/>), the next report or the 10-minute timer tries again, and the
        /// callers (a downlink, the power-fail input, a restart) go on.
        /// </summary>
        private bool Save()
        {
            int length = _counter.Write(_record);
            try
            {
                _storage.Replace(StorageKey, _record, length);
            }
            catch (Exception e)
            {
                _log.Warn("energy", "counter not saved (" + e.Message + "): reports keep the last saved value until a save succeeds");
                return false;
            }

            _savedGeneration = _counter.Generation;
            _savedWattHours = _counter.WattHours;
            _lastSaveMicros = Now;
            Writes++;

            // Every save restarts the 10-minute clock: with reports every 10 min or less, the timer never needs to write.
            if (_loop != null && _saveTimer.IsScheduled)
            {
                _loop.SchedulePeriodic(_saveTimer, _lastSaveMicros + SaveIntervalMicros, SaveIntervalMicros);
            }

            return true;
        }

        private void OnSaveTimer(LoopTimer timer)
        {
            SaveIfChanged();
        }
    }
}
