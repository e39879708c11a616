using Ws52x.Codec;
using Ws52x.Metering;

namespace Ws52x.Socket
{
    /// <summary>
    /// The status report (guide 4.2: socket status, power factor, current, voltage, energy, active power), built into a
    /// buffer owned here without allocation. The socket status is the relay's real state; with the relay open, current,
    /// power and power factor are 0. The energy is what storage holds (<see cref="EnergyStore.CommitForReport"/>), so a
    /// reported value survives any reboot. Other values are the newest measured (windows of 1-10 s); right after the
    /// relay closed they describe the new load only once <see cref="IsMeasured"/> (Reporting waits for it, at most 3 s).
    /// </summary>
    public sealed class StatusReport
    {
        private readonly MeteringService _metering;
        private readonly Relay _relay;
        private readonly byte[] _payload = new byte[UplinkEncoder.ElectricalStatusLength];

        public StatusReport(MeteringService metering, Relay relay)
        {
            _metering = metering;
            _relay = relay;
            Status = new ElectricalStatus();
        }

        /// <summary>The values of the newest report built.</summary>
        public ElectricalStatus Status { get; }

        public byte[] Payload => _payload;

        /// <summary>
        /// Whether the values would describe what flows now: a voltage, and with the relay closed a power and a current
        /// window that began after it closed (an open relay's current and power are 0 whatever was measured).
        /// </summary>
        public bool IsMeasured
        {
            get
            {
                PowerMeter meter = _metering.Meter;
                return _relay.IsOn ? meter.HasMeasuredLoad : meter.VoltageWindow.Closed > 0;
            }
        }

        /// <summary>
        /// Builds the report now; returns its length (26). <paramref name="atLeastMicroamps"/> is the current that set
        /// off an alarm or trip: the report carries it when the measured RMS current (a window up to 10 s long) has not
        /// caught up yet, so the server sees why it came.
        /// </summary>
        public int Build(long atLeastMicroamps)
        {
            _metering.Meter.Fill(Status);
            Status.SocketOn = _relay.IsOn;
            Status.EnergyWattHours = _metering.Store.CommitForReport();
            if (!Status.SocketOn)
            {
                // Nothing flows through an open relay, whatever the measuring windows (up to 10 s long) still hold.
                Status.CurrentMilliamps = 0;
                Status.ActivePowerWatts = 0;
                Status.PowerFactorPercent = 0;
            }

            else if (!_metering.Meter.HasMeasuredCurrent)
            {
                // CF1 was away on voltage since the relay closed: the fast current (CF power over voltage) is the newest word.
                long fast = (_metering.Meter.FastCurrentMicroamps + 500) / 1000;
                Status.CurrentMilliamps = fast > int.MaxValue ? int.MaxValue : (int)fast;
            }

            long milliamps = (atLeastMicroamps + 500) / 1000;
            if (milliamps > Status.CurrentMilliamps)
            {
                Status.CurrentMilliamps = milliamps > int.MaxValue ? int.MaxValue : (int)milliamps;
            }

            return UplinkEncoder.WriteElectricalStatus(Status, _payload, 0);
        }
    }
}
