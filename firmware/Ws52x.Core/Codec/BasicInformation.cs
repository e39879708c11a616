namespace Ws52x.Codec
{
    /// <summary>The basic information uplink (guide 4.1), sent after every join.</summary>
    public sealed class BasicInformation
    {
        /// <summary>ff01: protocol version byte (01 = V1).</summary>
        public byte ProtocolVersion = 1;

        /// <summary>ff16: the 8-byte serial number (16 hex digits).</summary>
        public readonly byte[] SerialNumber = new byte[8];

        /// <summary>ff09: hardware version, major and minor (01 40 = V1.4).</summary>
        public byte HardwareMajor = 1;
        public byte HardwareMinor;

        /// <summary>ff0a: software version, major and minor as two bytes (01 14 = V1.14).</summary>
        public byte SoftwareMajor = 1;
        public byte SoftwareMinor;

        /// <summary>ff0b: include the "device is on" marker.</summary>
        public bool PowerOn = true;

        /// <summary>
        /// ff0f: the LoRaWAN class as the vendor decoder reads it (0 A, 1 B, 2 C, 3 C-to-B); -1 leaves the field out,
        /// as the guide's 4.1 example does.
        /// </summary>
        public int LoRaWanClass = -1;

        /// <summary>ff24: overcurrent alarm.</summary>
        public bool OvercurrentAlarmEnabled;
        public int OvercurrentAlarmThresholdAmps;

        /// <summary>ff30: overcurrent protection.</summary>
        public bool OvercurrentProtectionEnabled;
        public int OvercurrentProtectionThresholdAmps;

        /// <summary>ff25: button lock and its lock time in minutes (0 = until unlocked).</summary>
        public bool ButtonLockEnabled;
        public int ButtonLockMinutes;

        /// <summary>ff26: power-consumption recording.</summary>
        public bool PowerConsumptionRecording = true;
    }
}
