using Ws52x.Codec;
using Ws52x.Diagnostics;

namespace Ws52x.Metering
{
    /// <summary>The metering area's line on the console's `status`: what the meter reads now and whether it counts energy.</summary>
    internal sealed class MeteringStatus : IStatusSource
    {
        private readonly MeteringService _metering;
        private readonly ElectricalStatus _status = new ElectricalStatus();

        public MeteringStatus(MeteringService metering)
        {
            _metering = metering;
        }

        public string StatusArea => "metering";

        public string StatusLine()
        {
            _metering.Meter.Fill(_status);
            int dv = _status.VoltageDeciVolts;
            return (dv / 10).ToString() + "." + (dv % 10).ToString() + " V, " + _status.CurrentMilliamps.ToString() + " mA, " +
                _status.ActivePowerWatts.ToString() + " W, PF " + _status.PowerFactorPercent.ToString() + "%, " +
                _status.EnergyWattHours.ToString() + " Wh, recording " + (_metering.Meter.Energy.Recording ? "on" : "off");
        }
    }
}
