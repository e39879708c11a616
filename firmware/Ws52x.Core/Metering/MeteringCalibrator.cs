namespace Ws52x.Metering
{
    /// <summary>
    /// Calibration on a known load (the procedure in docs/metering.md): start it with the load running, let the meter
    /// collect windows for a while (a minute gives every quantity thousands of pulses), then give the true voltage,
    /// current and power. Each multiplier becomes true value × time / pulses over everything collected, so resistor
    /// tolerances and the chip's own spread are folded into the three numbers.
    /// </summary>
    internal sealed class MeteringCalibrator
    {
        /// <summary>Fewer pulses than this per quantity would make the calibration itself the largest error (±1 pulse).</summary>
        public const long MinPulses = 2000;

        private readonly PowerMeter _meter;
        private long _powerPulses;
        private long _powerSpan;
        private long _currentPulses;
        private long _currentSpan;
        private long _voltagePulses;
        private long _voltageSpan;

        public MeteringCalibrator(PowerMeter meter)
        {
            _meter = meter;
        }

        /// <summary>Why the last <see cref="Finish"/> failed, or null.</summary>
        public string Error { get; internal set; }

        /// <summary>Marks the start: only windows closed from now on count.</summary>
        public void Begin()
        {
            _powerPulses = _meter.PowerWindow.TotalPulses;
            _powerSpan = _meter.PowerWindow.TotalSpanMicros;
            _currentPulses = _meter.CurrentWindow.TotalPulses;
            _currentSpan = _meter.CurrentWindow.TotalSpanMicros;
            _voltagePulses = _meter.VoltageWindow.TotalPulses;
            _voltageSpan = _meter.VoltageWindow.TotalSpanMicros;
            Error = null;
        }

        /// <summary>
        /// Computes the multipliers from the true values (µV, µA, µW) and, only if all three are sound, puts them into the
        /// meter's calibration. False with <see cref="Error"/> otherwise; the calibration is then unchanged.
        /// </summary>
        public bool Finish(long trueMicrovolts, long trueMicroamps, long trueMicrowatts)
        {
            long p = _meter.PowerWindow.TotalPulses - _powerPulses;
            long i = _meter.CurrentWindow.TotalPulses - _currentPulses;
            long v = _meter.VoltageWindow.TotalPulses - _voltagePulses;
            if (trueMicrovolts <= 0 || trueMicroamps <= 0 || trueMicrowatts <= 0)
            {
                Error = "true voltage, current and power must all be above zero (use a resistive load of 500 W or more)";
                return false;
            }

            if (p < MinPulses || i < MinPulses || v < MinPulses)
            {
                Error = "not enough pulses yet (power " + p.ToString() + ", current " + i.ToString() + ", voltage " + v.ToString() +
                    ", need " + MinPulses.ToString() + " each): let the load run longer";
                return false;
            }

            long kp = Calibration.MultiplierFor(trueMicrowatts, p, _meter.PowerWindow.TotalSpanMicros - _powerSpan);
            long ki = Calibration.MultiplierFor(trueMicroamps, i, _meter.CurrentWindow.TotalSpanMicros - _currentSpan);
            long kv = Calibration.MultiplierFor(trueMicrovolts, v, _meter.VoltageWindow.TotalSpanMicros - _voltageSpan);
            Calibration cal = _meter.Calibration;

            // A board whose parts are right is within a few percent of the datasheet; a factor of two means a wrong load
            // figure or a wrong chip setting, and storing it would make every reading wrong.
            if (!Plausible(kp, ki, kv, cal))
            {
                Error = "the given values are more than a factor of two off what the chip measures: check the load figures and the chip setting";
                return false;
            }

            cal.PowerNanoWattsPerHz = kp;
            cal.CurrentNanoampsPerHz = ki;
            cal.VoltageNanovoltsPerHz = kv;
            Error = null;
            return true;
        }

        /// <summary>Each multiplier within a factor of two of <paramref name="near"/>'s, either way: what a sound calibration changes.</summary>
        internal static bool Plausible(long powerNanoWattsPerHz, long currentNanoampsPerHz, long voltageNanovoltsPerHz, Calibration near)
        {
            return Plausible(powerNanoWattsPerHz, near.PowerNanoWattsPerHz)
                && Plausible(currentNanoampsPerHz, near.CurrentNanoampsPerHz)
                && Plausible(voltageNanovoltsPerHz, near.VoltageNanovoltsPerHz);
        }

        private static bool Plausible(long candidate, long current)
        {
            return candidate > 0 && candidate < current * 2 && candidate * 2 > current;
        }
    }
}
