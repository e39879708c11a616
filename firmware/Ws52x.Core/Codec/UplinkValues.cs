namespace Ws52x.Codec
{
    /// <summary>What a decoded uplink carried: which fields were present and their values.</summary>
    public sealed class UplinkValues
    {
        // Presence bits, one per field the uplink can carry.
        public const int HasProtocolVersion = 1 << 0;
        public const int HasSerialNumber = 1 << 1;
        public const int HasHardwareVersion = 1 << 2;
        public const int HasSoftwareVersion = 1 << 3;
        public const int HasPowerOn = 1 << 4;
        public const int HasOvercurrentAlarm = 1 << 5;
        public const int HasOvercurrentProtection = 1 << 6;
        public const int HasButtonLock = 1 << 7;
        public const int HasPowerConsumptionRecording = 1 << 8;
        public const int HasSocketStatus = 1 << 9;
        public const int HasPowerFactor = 1 << 10;
        public const int HasCurrent = 1 << 11;
        public const int HasVoltage = 1 << 12;
        public const int HasEnergy = 1 << 13;
        public const int HasActivePower = 1 << 14;
        public const int HasPowerOutage = 1 << 15;
        public const int HasLoRaWanClass = 1 << 16;

        /// <summary>The fields present, as Has* bits.</summary>
        public int Present;

        public readonly BasicInformation Basic = new BasicInformation();
        public readonly ElectricalStatus Electrical = new ElectricalStatus();

        public bool Has(int field) => (Present & field) != 0;

        public void Clear()
        {
            Present = 0;
        }
    }
}
