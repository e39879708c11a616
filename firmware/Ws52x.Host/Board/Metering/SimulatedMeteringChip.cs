using System;
using Ws52x.Metering;
using Ws52x.Platform;

namespace Ws52x.Host.Board.Metering
{
    /// <summary>
    /// A simulated HLW8012 / BL0937: the pulse trains the chip puts on CF and CF1 for a load, through the chip's own
    /// transfer function and the board's true resistors (which may differ from what the firmware assumes), read through
    /// the same pulse-input interface as the ESP32 counter. The chip side is written in the datasheet's forward
    /// direction (value → frequency), independently of the firmware's inverse.
    ///
    /// Realism: each output's frequency wanders by up to ±<see cref="NoisePpm"/> in 100 ms steps (deterministic from the
    /// seed), and CF1 keeps its old quantity for <see cref="SelLatencyMicros"/> after SEL changes. Pulse phases are
    /// integrated exactly between changes, so the count at any read time does not depend on how often it is read.
    ///
    /// The chip sits before the relay: with the relay open it still sees the mains voltage but no current; with mains
    /// off it sees nothing.
    /// </summary>
    public sealed class SimulatedMeteringChip
    {
        private const long NoiseStepMicros = 100000;

        private readonly MeteringChip _chip;
        private readonly double _vref;
        private readonly double _shuntOhms;
        private readonly double _dividerRatio;
        private readonly ulong _seed;

        private long _now;
        private double _cfPhase;
        private double _cf1Phase;
        private long _cfLastEdge = -1;
        private long _cf1LastEdge = -1;
        private bool _selHigh;
        private bool _cf1CurrentNow;
        private bool _cf1CurrentPending;
        private long _cf1SwitchAt = long.MaxValue;
        private LoadProfile _load;
        private bool _relayClosed = true;
        private bool _mainsOn = true;

        public SimulatedMeteringChip(MeteringBoard trueBoard, LoadProfile load, int seed)
        {
            _chip = trueBoard.Chip;
            _vref = _chip == MeteringChip.Bl0937 ? 1.218 : 2.43;
            _shuntOhms = trueBoard.ShuntOhms;
            _dividerRatio = trueBoard.DividerRatio;
            SelHighMeansCurrent = _chip == MeteringChip.Hlw8012;
            _seed = (ulong)seed * 0x9E3779B97F4A7C15UL + 1;
            _load = load;
            _cf1CurrentNow = _selHigh == SelHighMeansCurrent;
            Cf = new Output(this, false);
            Cf1 = new Output(this, true);
            Sel = new SelPin(this);
        }

        /// <summary>The chip's SEL polarity (datasheet): a board that inverts SEL in hardware is modelled in the board setting instead.</summary>
        public bool SelHighMeansCurrent { get; }

        public double NoisePpm { get; set; } = 1000;

        public long SelLatencyMicros { get; set; } = 20000;

        /// <summary>Whether reads also give the time of the newest edge (a board with edge capture); the ESP32 counter does not.</summary>
        public bool EdgeTimestamps { get; set; }

        /// <summary>Where the simulation's time comes from (the board's loop clock).</summary>
        public IMonotonicClock Clock { get; set; }

        public IPulseInput Cf { get; }

        public IPulseInput Cf1 { get; }

        public IDigitalOutput Sel { get; }

        /// <summary>True energy delivered to the load since start, in joules.</summary>
        public double TrueEnergyJoules { get; private set; }

        public LoadProfile Load => _load;

        /// <summary>What the chip measures now: the load behind a closed relay, with mains on.</summary>
        public LoadPoint TrueLoad => Effective(_load.At(_now, out _));

        /// <summary>Whether the relay connects the load (true unless a board says otherwise).</summary>
        public bool RelayClosed => _relayClosed;

        public bool MainsOn => _mainsOn;

        /// <summary>When the load profile next changes by itself (a kettle's cycle), from the chip's time; long.MaxValue: never.</summary>
        public long NextLoadChangeMicros
        {
            get
            {
                _load.At(_now, out long next);
                return next;
            }
        }

        /// <summary>SEL changes so far (a test tells a voltage visit by it).</summary>
        public int SelSwitches { get; private set; }

        /// <summary>The relay opened or closed now.</summary>
        public void SetRelay(bool closed)
        {
            AdvanceTo(Clock.NowMicros);
            _relayClosed = closed;
        }

        /// <summary>Mains went off or came back now.</summary>
        public void SetMains(bool on)
        {
            AdvanceTo(Clock.NowMicros);
            _mainsOn = on;
        }

        /// <summary>Swaps the load at the current time (tests step a load this way).</summary>
        public void SetLoad(LoadProfile load)
        {
            AdvanceTo(Clock.NowMicros);
            _load = load;
        }

        /// <summary>CF frequency for an active power, in Hz: the chip's forward transfer function.</summary>
        public double PowerHz(double watts)
        {
            double vi = watts * _shuntOhms / _dividerRatio;
            return _chip == MeteringChip.Bl0937
                ? vi * 1721506.0 / (_vref * _vref)
                : vi * 3579000.0 * 24.0 / (_vref * _vref * 64.0);
        }

        public double CurrentHz(double amps)
        {
            double shuntVolts = amps * _shuntOhms;
            return _chip == MeteringChip.Bl0937
                ? shuntVolts * 94638.0 / _vref
                : shuntVolts * 3579000.0 * 24.0 / (_vref * 512.0);
        }

        public double VoltageHz(double volts)
        {
            double pinVolts = volts / _dividerRatio;
            return _chip == MeteringChip.Bl0937
                ? pinVolts * 15397.0 / _vref
                : pinVolts * 3579000.0 / (_vref * 256.0);
        }

        public void AdvanceTo(long micros)
        {
            while (_now < micros)
            {
                LoadPoint load = Effective(_load.At(_now, out long next));
                long step = _now / NoiseStepMicros;
                long end = Math.Min(micros, Math.Min(next, (step + 1) * NoiseStepMicros));
                if (_cf1SwitchAt > _now && _cf1SwitchAt < end)
                {
                    end = _cf1SwitchAt;
                }

                if (_now >= _cf1SwitchAt)
                {
                    _cf1CurrentNow = _cf1CurrentPending;
                    _cf1SwitchAt = long.MaxValue;
                }

                double cf = PowerHz(load.Watts) * Wander(0, step);
                double cf1 = (_cf1CurrentNow ? CurrentHz(load.Amps) : VoltageHz(load.Volts)) * Wander(1, step);
                Integrate(ref _cfPhase, ref _cfLastEdge, cf, end);
                Integrate(ref _cf1Phase, ref _cf1LastEdge, cf1, end);
                TrueEnergyJoules += load.Watts * (end - _now) / 1e6;
                _now = end;
            }

            if (_now >= _cf1SwitchAt)
            {
                _cf1CurrentNow = _cf1CurrentPending;
                _cf1SwitchAt = long.MaxValue;
            }
        }

        private LoadPoint Effective(LoadPoint load)
        {
            if (!_mainsOn)
            {
                return new LoadPoint(0, 0, load.PowerFactor);
            }

            return _relayClosed ? load : new LoadPoint(load.Volts, 0, load.PowerFactor);
        }

        private void Integrate(ref double phase, ref long lastEdge, double hz, long end)
        {
            double after = phase + hz * (end - _now) / 1e6;
            double edges = Math.Floor(after);
            if (edges > Math.Floor(phase) && hz > 0)
            {
                lastEdge = _now + (long)Math.Ceiling((edges - phase) / hz * 1e6);
            }

            phase = after;
        }

        private double Wander(int channel, long step)
        {
            ulong z = _seed + (ulong)channel * 0xBF58476D1CE4E5B9UL + (ulong)step * 0x94D049BB133111EBUL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            double u = (z >> 11) * (1.0 / (1UL << 53)) * 2.0 - 1.0;
            return 1.0 + u * NoisePpm * 1e-6;
        }

        private void WriteSel(bool high)
        {
            AdvanceTo(Clock.NowMicros);
            if (high == _selHigh)
            {
                return;
            }

            _selHigh = high;
            SelSwitches++;
            _cf1CurrentPending = high == SelHighMeansCurrent;
            _cf1SwitchAt = _now + SelLatencyMicros;
        }

        private long Read(bool cf1, out long readMicros, out long lastEdgeMicros)
        {
            AdvanceTo(Clock.NowMicros);
            readMicros = _now;
            lastEdgeMicros = EdgeTimestamps ? (cf1 ? _cf1LastEdge : _cfLastEdge) : -1;
            return (long)Math.Floor(cf1 ? _cf1Phase : _cfPhase);
        }

        private sealed class Output : IPulseInput
        {
            private readonly SimulatedMeteringChip _chip;
            private readonly bool _cf1;

            public Output(SimulatedMeteringChip chip, bool cf1)
            {
                _chip = chip;
                _cf1 = cf1;
            }

            public long Read(out long readMicros, out long lastEdgeMicros) => _chip.Read(_cf1, out readMicros, out lastEdgeMicros);
        }

        private sealed class SelPin : IDigitalOutput
        {
            private readonly SimulatedMeteringChip _chip;

            public SelPin(SimulatedMeteringChip chip)
            {
                _chip = chip;
            }

            public void Write(bool high) => _chip.WriteSel(high);
        }
    }
}
