using Ws52x.Config;
using Ws52x.Metering;

namespace Ws52x.Socket
{
    /// <summary>Told when the overcurrent watch acted: whether it opened the relay, whether the alarm fired, and the current.</summary>
    public delegate void OvercurrentHandler(bool tripped, bool alarmed, long microamps);

    /// <summary>
    /// Overcurrent alarm (ff24) and protection (ff30) on every metering sample, from the metering's fast current
    /// (<see cref="PowerMeter.FastCurrentMicroamps"/>, refreshed every 10 ms from at most the last 100 ms).
    ///
    /// Protection: the first sample at or above the threshold opens the relay in the same loop turn, so the trip
    /// follows the sample that sees the step with no further hop; on the ESP32, where the loop may run 20-30 ms late,
    /// the late sample still holds every pulse counted meanwhile (the counters keep counting), so lateness delays the
    /// trip by the lateness and nothing more. The socket stays off until switched on again.
    ///
    /// Alarm: once when the current reaches the threshold, then not again until it has stayed below
    /// <see cref="AlarmRearmPercent"/> % of the threshold for <see cref="AlarmRearmMicros"/>, so a load hovering at
    /// the threshold (the fast estimate is ±5 %) sends one alarm per overload, not one per sample.
    ///
    /// The check allocates nothing; a trip or an alarm calls <see cref="Acted"/>, which reports.
    /// </summary>
    public sealed class OvercurrentWatch
    {
        public const int AlarmRearmPercent = 90;
        public const long AlarmRearmMicros = 5000000;

        private readonly PowerMeter _meter;
        private readonly ISettingsStore _settings;
        private readonly Relay _relay;
        private long _lastSampleMicros = long.MinValue;
        private bool _alarmArmed = true;
        private long _belowSince = -1;

        public OvercurrentWatch(PowerMeter meter, ISettingsStore settings, Relay relay)
        {
            _meter = meter;
            _settings = settings;
            _relay = relay;
        }

        public OvercurrentHandler Acted { get; set; }

        /// <summary>Whether the next overload will send the alarm.</summary>
        public bool AlarmArmed => _alarmArmed;

        public int Trips { get; private set; }

        public int Alarms { get; private set; }

        /// <summary>Checks after every metering sample, in the same loop turn (the meter calls it: no timer of its own).</summary>
        public void Start()
        {
            _meter.Sampled = Check;
        }

        /// <summary>One check of the newest sample (the timer's work; tests drive it too).</summary>
        internal void Check()
        {
            long at = _meter.FastCurrentMicros;
            if (at == _lastSampleMicros)
            {
                return;
            }

            _lastSampleMicros = at;
            Evaluate(_meter.FastCurrentMicroamps, at);
        }

        /// <summary>The decision for one current reading taken at <paramref name="at"/> (the benchmark times this).</summary>
        internal void Evaluate(long current, long at)
        {
            SocketSettings s = _settings.Current.Socket;

            bool tripped = false;
            if (s.OvercurrentProtectionEnabled && _relay.IsOn && current >= (long)s.OvercurrentProtectionThresholdAmps * 1000000)
            {
                tripped = true;
                Trips++;
            }

            bool alarmed = false;
            if (!s.OvercurrentAlarmEnabled)
            {
                _alarmArmed = true;
                _belowSince = -1;
            }
            else
            {
                long threshold = (long)s.OvercurrentAlarmThresholdAmps * 1000000;
                if (_alarmArmed)
                {
                    if (current >= threshold)
                    {
                        alarmed = true;
                        _alarmArmed = false;
                        _belowSince = -1;
                        Alarms++;
                    }
                }
                else if (current * 100 < threshold * AlarmRearmPercent)
                {
                    if (_belowSince < 0)
                    {
                        _belowSince = at;
                    }
                    else if (at - _belowSince >= AlarmRearmMicros)
                    {
                        _alarmArmed = true;
                        _belowSince = -1;
                    }
                }
                else
                {
                    _belowSince = -1;
                }
            }

            if (tripped)
            {
                _relay.Switch(false, SwitchCause.Protection);
            }

            if (tripped || alarmed)
            {
                OvercurrentHandler acted = Acted;
                if (acted != null)
                {
                    acted(tripped, alarmed, current);
                }
            }
        }
    }
}
