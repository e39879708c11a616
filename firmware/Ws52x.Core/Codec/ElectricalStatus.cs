namespace Ws52x.Codec
{
    /// <summary>
    /// The periodic / alarm report (guide 4.2) in the payload's own units. Values outside a field's range are
    /// clamped by the encoder, never wrapped.
    /// </summary>
    public sealed class ElectricalStatus
    {
        /// <summary>08 70: true = open (supplying power).</summary>
        public bool SocketOn;

        /// <summary>03 74: voltage in 0.1 V (UINT16).</summary>
        public int VoltageDeciVolts;

        /// <summary>07 c9: current in mA (UINT16).</summary>
        public int CurrentMilliamps;

        /// <summary>05 81: power factor in % (UINT8, 0-100).</summary>
        public int PowerFactorPercent;

        /// <summary>04 80: active power in W (UINT32; the vendor decoder reads it signed, so it is kept below 2^31).</summary>
        public long ActivePowerWatts;

        /// <summary>06 83: energy (power consumption) in Wh (UINT32).</summary>
        public long EnergyWattHours;

        public void CopyFrom(ElectricalStatus other)
        {
            SocketOn = other.SocketOn;
            VoltageDeciVolts = other.VoltageDeciVolts;
            CurrentMilliamps = other.CurrentMilliamps;
            PowerFactorPercent = other.PowerFactorPercent;
            ActivePowerWatts = other.ActivePowerWatts;
            EnergyWattHours = other.EnergyWattHours;
        }
    }
}
