using Ws52x.Codec;
using Ws52x.Loop;
using Ws52x.Platform;

namespace Ws52x.Metering
{
    /// <summary>Told on the loop right after each sample of the counters (the overcurrent watch checks there).</summary>
    public delegate void MeterSampledHandler();

    /// <summary>
    /// The HLW8012 / BL0937 driver: reads CF (active power) and CF1 (current or voltage, by SEL) as running pulse counts
    /// every <see cref="TickMicros"/>, and turns them into the report's values, the energy counter and the fast current
    /// estimate for overcurrent protection. Integer arithmetic in micro-units; nothing is allocated per tick.
    ///
    /// CF1 schedule: current is what protection and reports need most, so CF1 stays on current and visits voltage for one
    /// window (~1.5 s) every <see cref="VoltageRefreshMicros"/> (every <see cref="HighLoadVoltageRefreshMicros"/> at high
    /// load, where a stale mains voltage costs less than a blind spot for protection). After every SEL switch the
    /// first <see cref="SettleMicros"/> of CF1 are discarded.
    /// </summary>
    public sealed class PowerMeter
    {
        public const long TickMicros = 10000;

        /// <summary>Used for the CF-based current estimate until the first voltage window closes.</summary>
        public const long NominalMicrovolts = 230000000;

        public const long SettleMicros = 50000;
        public const long VoltageRefreshMicros = 10000000;
        public const long HighLoadVoltageRefreshMicros = 60000000;

        /// <summary>The longest CF1 stays on one quantity waiting for a window to close (a near-zero current never closes one).</summary>
        public const long MaxDwellMicros = 20000000;

        // The fast estimate looks back at most 100 ms and only as far as it needs for 20 pulses (±5 %).
        private const int FastIntervals = 10;
        private const long FastMinPulses = 20;

        private readonly MeteringBoard _board;
        private readonly IPulseInput _cf;
        private readonly IPulseInput _cf1;
        private readonly IDigitalOutput _sel;
        private readonly LoopTimer _tick;
        private readonly RecentRate _fastCf = new RecentRate(FastIntervals) { KeepBounds = false };
        private readonly RecentRate _fastCf1 = new RecentRate(FastIntervals) { KeepBounds = false };

        private bool _voltageMode;
        private long _modeSince;
        private long _settledAt;
        private long _lastVoltageAt = long.MinValue;
        private long _lastCfCount;
        private bool _currentClosedSinceSwitch;
        private bool _voltageStartedHighLoad;
        private int _powerClosedAtChange;
        private int _currentClosedAtChange;
        private EventLoop _loop;

        internal PowerMeter(MeteringBoard board, Calibration calibration, IPulseInput cf, IPulseInput cf1, IDigitalOutput sel)
        {
            _board = board;
            Calibration = calibration;
            _cf = cf;
            _cf1 = cf1;
            _sel = sel;
            _tick = new LoopTimer(OnTick);
            PowerWindow = new PulseWindow();
            CurrentWindow = new PulseWindow();
            VoltageWindow = new PulseWindow(1000, 1500000);
            Energy = new EnergyCounter();
        }

        internal Calibration Calibration { get; }

        public EnergyCounter Energy { get; }

        public PulseWindow PowerWindow { get; }

        public PulseWindow CurrentWindow { get; }

        public PulseWindow VoltageWindow { get; }

        /// <summary>Whether CF1 carries voltage now (false: current).</summary>
        public bool VoltageMode => _voltageMode;

        /// <summary>Called after every sample of the counters, in the same loop turn (one timer for both, not two).</summary>
        public MeterSampledHandler Sampled { get; set; }

        public long NowMicros { get; private set; }

        /// <summary>Active power in µW.</summary>
        public long PowerMicrowatts => PowerWindow.Value(Calibration.PowerNanoWattsPerHz, NowMicros);

        /// <summary>RMS current in µA.</summary>
        public long CurrentMicroamps => CurrentWindow.Value(Calibration.CurrentNanoampsPerHz, NowMicros);

        /// <summary>RMS voltage in µV (0 until the first voltage window).</summary>
        public long VoltageMicrovolts => VoltageWindow.Value(Calibration.VoltageNanovoltsPerHz, NowMicros);

        /// <summary>
        /// Current estimate refreshed every tick from the newest readings that hold 20 pulses (at most 100 ms): CF1 itself
        /// while it carries current, otherwise CF power over the last voltage. In µA; within ±5 % at high load, meant for
        /// protection, not for reports.
        /// </summary>
        public long FastCurrentMicroamps { get; private set; }

        /// <summary>
        /// Set while overcurrent protection is on. Voltage visits come as rarely as at high load at every load, so a step
        /// of the load is far less likely to meet one (CF alone is slower to see it than CF1 on current), and the fast
        /// current keeps the bounds of every pair of readings (<see cref="RecentRate"/>), which see a step sooner but cost
        /// about 20 divisions a tick, not worth it for the alarm alone. Only the source in use keeps them: CF1 while it
        /// carries current, CF otherwise (bounds from fewer pairs are looser, never wrong, and those after a step count).
        /// </summary>
        public bool ProtectionOn { get; set; }

        /// <summary>A quarter of the rated current or more: where voltage visits get rarer so protection sees current.</summary>
        public bool IsHighLoad => FastCurrentMicroamps >= (long)_board.RatedCurrentMilliamps * 250;

        /// <summary>
        /// Whether power and current have each been measured over a window that began after the latest
        /// <see cref="ExpectNewLoad"/> (or since start), and voltage at all: the report's values describe what flows now.
        /// </summary>
        public bool HasMeasuredLoad => HasMeasuredPower && HasMeasuredCurrent && VoltageWindow.Closed > 0;

        /// <summary>Power measured over a window that began after the latest <see cref="ExpectNewLoad"/>.</summary>
        public bool HasMeasuredPower => PowerWindow.Closed > _powerClosedAtChange;

        /// <summary>Current measured over a window that began after the latest <see cref="ExpectNewLoad"/> (CF1 may be away on voltage).</summary>
        public bool HasMeasuredCurrent => CurrentWindow.Closed > _currentClosedAtChange;

        /// <summary>
        /// The relay just closed on a load: power and current start fresh windows that close within about a second
        /// (<see cref="PulseWindow.StartOver"/>), so a reading of the new load comes quickly; until then the last values stay.
        /// </summary>
        public void ExpectNewLoad()
        {
            PowerWindow.StartOver();
            CurrentWindow.StartOver();
            _powerClosedAtChange = PowerWindow.Closed;
            _currentClosedAtChange = CurrentWindow.Closed;
        }

        /// <summary>When <see cref="FastCurrentMicroamps"/> was computed.</summary>
        public long FastCurrentMicros { get; private set; }

        /// <summary>
        /// Power factor in percent: P / (V · I), clamped to 0–100; 0 with no current or voltage, and 0 once power or
        /// current has stopped (a load that switched itself off), where both only fall as bounds whose ratio means nothing.
        /// </summary>
        public int PowerFactorPercent
        {
            get
            {
                long v = VoltageMicrovolts;
                long i = CurrentMicroamps;
                long p = PowerMicrowatts;
                if (v <= 0 || i <= 0 || PowerWindow.Stopped(NowMicros) || CurrentWindow.Stopped(NowMicros))
                {
                    return 0;
                }

                // µW · 10^8 / (µV · µA) = percent; both sides stay below 2^63 for 20 A at 250 V.
                long va = v * i;
                long pf = (p * 100000000 + va / 2) / va;
                return pf > 100 ? 100 : (int)pf;
            }
        }

        /// <summary>Starts sampling on the loop: the tick armed, CF1 on voltage first so that the CF-based current has a voltage.</summary>
        public void Start(EventLoop loop)
        {
            _loop = loop;
            Begin(loop.NowMicros);
            loop.SchedulePeriodic(_tick, loop.NowMicros + TickMicros, TickMicros);
        }

        private void Begin(long nowMicros)
        {
            NowMicros = nowMicros;
            _lastCfCount = _cf.Read(out _, out _);
            PowerWindow.Reset(nowMicros);
            CurrentWindow.Reset(nowMicros);
            VoltageWindow.Reset(nowMicros);
            _powerClosedAtChange = 0;
            _currentClosedAtChange = 0;
            _lastVoltageAt = long.MinValue;
            SelectVoltage(nowMicros);
        }

        /// <summary>Fills the report's electrical fields (not the socket status) in the report's units.</summary>
        public void Fill(ElectricalStatus status)
        {
            status.VoltageDeciVolts = (int)((VoltageMicrovolts + 50000) / 100000);
            status.CurrentMilliamps = (int)((CurrentMicroamps + 500) / 1000);
            status.ActivePowerWatts = (PowerMicrowatts + 500000) / 1000000;
            status.PowerFactorPercent = PowerFactorPercent;
            status.EnergyWattHours = Energy.WattHours;
        }

        /// <summary>One sample: public so that tests and benchmarks can drive it without a loop.</summary>
        public void Sample(long nowMicros)
        {
            NowMicros = nowMicros;
            long cfCount = _cf.Read(out long cfRead, out long cfEdge);
            PowerWindow.Sample(cfCount, cfRead, cfEdge);
            bool cf1InUse = !_voltageMode && _fastCf1.Filled >= 3;
            _fastCf.KeepBounds = ProtectionOn && !cf1InUse;
            _fastCf1.KeepBounds = ProtectionOn;
            _fastCf.Add(cfCount, cfRead);
            Energy.AddPulses(cfCount - _lastCfCount, Calibration.PowerNanoWattsPerHz);
            _lastCfCount = cfCount;

            long cf1Count = _cf1.Read(out long cf1Read, out long cf1Edge);
            bool settled = nowMicros >= _settledAt;
            bool closed = false;
            if (settled)
            {
                PulseWindow window = _voltageMode ? VoltageWindow : CurrentWindow;
                closed = window.Sample(cf1Count, cf1Read, cf1Edge);
                if (!_voltageMode)
                {
                    _currentClosedSinceSwitch |= closed;
                    _fastCf1.Add(cf1Count, cf1Read);
                }
            }

            UpdateFastCurrent(nowMicros);
            if (settled)
            {
                Schedule(nowMicros, closed);
            }
        }

        private void OnTick(LoopTimer timer)
        {
            Sample(_loop.NowMicros);
            MeterSampledHandler sampled = Sampled;
            if (sampled != null)
            {
                sampled();
            }
        }

        private void UpdateFastCurrent(long now)
        {
            long fast;
            if (!_voltageMode && _fastCf1.Filled >= 3)
            {
                fast = _fastCf1.Value(Calibration.CurrentNanoampsPerHz, FastMinPulses);
            }
            else
            {
                long volts = VoltageWindow.Pulses > 0 ? VoltageMicrovolts : NominalMicrovolts;
                long watts = _fastCf.Value(Calibration.PowerNanoWattsPerHz, FastMinPulses);
                fast = volts > 0 ? watts * 1000000 / volts : 0;
            }

            FastCurrentMicroamps = fast;
            FastCurrentMicros = now;
        }

        private void Schedule(long now, bool closed)
        {
            long dwell = now - _modeSince;
            bool highLoad = IsHighLoad;
            if (_voltageMode)
            {
                if (closed || dwell >= MaxDwellMicros)
                {
                    _lastVoltageAt = now;
                    SelectCurrent(now);
                }
                else if (highLoad && !_voltageStartedHighLoad)
                {
                    // The load rose while CF1 was away: protection is better served by current now than by this window.
                    SelectCurrent(now);
                }

                return;
            }

            long refresh = highLoad || ProtectionOn ? HighLoadVoltageRefreshMicros : VoltageRefreshMicros;
            bool voltageDue = _lastVoltageAt == long.MinValue || now - _lastVoltageAt >= refresh;

            // Leave current only with a fresh current value in hand (or after waiting long enough for one).
            if (voltageDue && (_currentClosedSinceSwitch || dwell >= MaxDwellMicros))
            {
                SelectVoltage(now);
            }
        }

        private void SelectCurrent(long now)
        {
            _voltageMode = false;
            _sel.Write(_board.SelHighMeansCurrent);
            VoltageWindow.Pause(now);
            _modeSince = now;
            _settledAt = now + SettleMicros;
            CurrentWindow.Resume(_settledAt);
            _currentClosedSinceSwitch = false;
            _fastCf1.Clear();
        }

        private void SelectVoltage(long now)
        {
            _voltageMode = true;
            _voltageStartedHighLoad = IsHighLoad;
            _sel.Write(!_board.SelHighMeansCurrent);
            CurrentWindow.Pause(now);
            _modeSince = now;
            _settledAt = now + SettleMicros;
            VoltageWindow.Resume(_settledAt);
        }
    }
}
