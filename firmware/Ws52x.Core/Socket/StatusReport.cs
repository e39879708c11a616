using Ws52x.Codec;
using Ws52x.Metering;

namespace Ws52x.Socket
{
    /// <summary>
    /// The status report (guide 4.2: socket status, power factor, current, voltage, energy, active power), built into a
    /// buffer owned here without allocation. The socket status is the relay's real state; with the relay open, current,
    /// power and power factor are 0. The energy is what storage holds (<see cref="EnergyStore.CommitForReport"/>), so a
    /// reported value survives any reboot. Other values are the newest measured (windows of 1-10 s), so a report sent
    /// the moment the relay closes still shows the load as it was.
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

            long milliamps = (atLeastMicroamps + 500) / 1000;
            if (milliamps > Status.CurrentMilliamps)
            {
                Status.CurrentMilliamps = milliamps > int.MaxValue ? int.MaxValue : (int)milliamps;
            }

            return UplinkEncoder.WriteElectricalStatus(Status, _payload, 0);
        }
    }
}
