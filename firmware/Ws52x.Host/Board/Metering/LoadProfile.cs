using System;

namespace Ws52x.Host.Board.Metering
{
    /// <summary>
    /// What is plugged into the simulated socket: the true RMS voltage, RMS current and power factor over time,
    /// piecewise constant so that the simulated chip can integrate its pulse trains exactly.
    /// </summary>
    public abstract class LoadProfile
    {
        protected LoadProfile(string name, string description)
        {
            Name = name;
            Description = description;
        }

        public string Name { get; }

        public string Description { get; }

        /// <summary>The name users type after --load (also what --help shows as the default).</summary>
        public override string ToString() => Name;

        /// <summary>The load at <paramref name="micros"/>; <paramref name="nextChangeMicros"/> is when it next changes (long.MaxValue: never).</summary>
        public abstract LoadPoint At(long micros, out long nextChangeMicros);
    }

    /// <summary>True values of a load: RMS volts and amps, and the power factor; active power follows.</summary>
    public readonly struct LoadPoint
    {
        public LoadPoint(double volts, double amps, double powerFactor)
        {
            Volts = volts;
            Amps = amps;
            PowerFactor = powerFactor;
        }

        public double Volts { get; }

        public double Amps { get; }

        public double PowerFactor { get; }

        public double Watts => Volts * Amps * PowerFactor;

        /// <summary>A load drawing <paramref name="watts"/> at <paramref name="volts"/> with power factor <paramref name="powerFactor"/>.</summary>
        public static LoadPoint FromWatts(double watts, double powerFactor, double volts = 230.0)
        {
            return new LoadPoint(volts, watts <= 0 ? 0 : watts / (volts * powerFactor), powerFactor);
        }

        public override string ToString()
        {
            return FormattableString.Invariant($"{Volts:0.0} V, {Amps * 1000:0} mA, {Watts:0.0} W, PF {PowerFactor:0.00}");
        }
    }

    /// <summary>A load that never changes.</summary>
    public sealed class ConstantLoad : LoadProfile
    {
        private readonly LoadPoint _point;

        public ConstantLoad(string name, string description, LoadPoint point)
            : base(name, description)
        {
            _point = point;
        }

        public override LoadPoint At(long micros, out long nextChangeMicros)
        {
            nextChangeMicros = long.MaxValue;
            return _point;
        }
    }

    /// <summary>A load that switches between two states on a fixed cycle (kettle, compressor), or once (a step).</summary>
    public sealed class CyclingLoad : LoadProfile
    {
        private readonly LoadPoint _first;
        private readonly LoadPoint _second;
        private readonly long _firstMicros;
        private readonly long _secondMicros;

        /// <param name="secondMicros">How long the second state lasts; long.MaxValue makes it a single step.</param>
        public CyclingLoad(string name, string description, LoadPoint first, long firstMicros, LoadPoint second, long secondMicros)
            : base(name, description)
        {
            _first = first;
            _second = second;
            _firstMicros = firstMicros;
            _secondMicros = secondMicros;
        }

        public override LoadPoint At(long micros, out long nextChangeMicros)
        {
            if (_secondMicros == long.MaxValue)
            {
                bool before = micros < _firstMicros;
                nextChangeMicros = before ? _firstMicros : long.MaxValue;
                return before ? _first : _second;
            }

            long period = _firstMicros + _secondMicros;
            long cycleStart = micros - (micros % period);
            long inCycle = micros - cycleStart;
            if (inCycle < _firstMicros)
            {
                nextChangeMicros = cycleStart + _firstMicros;
                return _first;
            }

            nextChangeMicros = cycleStart + period;
            return _second;
        }
    }
}
