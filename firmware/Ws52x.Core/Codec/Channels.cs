namespace Ws52x.Codec
{
    /// <summary>Channel and type bytes of the WS52x payload (guide chapter 4), by name.</summary>
    public static class Channels
    {
        public const byte Attribute = 0xff;

        // ff xx: basic information (uplink) and configuration (uplink echo and downlink).
        public const byte ProtocolVersion = 0x01;
        public const byte ReportingInterval = 0x03;
        public const byte HardwareVersion = 0x09;
        public const byte SoftwareVersion = 0x0a;
        public const byte PowerOn = 0x0b;
        public const byte LoRaWanClass = 0x0f;
        public const byte Reboot = 0x10;
        public const byte SerialNumber = 0x16;
        public const byte AddDelayTask = 0x22;
        public const byte DeleteDelayTask = 0x23;
        public const byte OvercurrentAlarm = 0x24;
        public const byte ButtonLock = 0x25;
        public const byte PowerConsumptionRecording = 0x26;
        public const byte ResetPowerConsumption = 0x27;
        public const byte EnquireElectricalStatus = 0x28;
        public const byte ReportAttributes = 0x2c;
        public const byte LedMode = 0x2f;
        public const byte OvercurrentProtection = 0x30;
        public const byte PowerOutage = 0x3f;

        // Sensor data: channel, type.
        public const byte VoltageChannel = 0x03;
        public const byte VoltageType = 0x74;
        public const byte ActivePowerChannel = 0x04;
        public const byte ActivePowerType = 0x80;
        public const byte PowerFactorChannel = 0x05;
        public const byte PowerFactorType = 0x81;
        public const byte EnergyChannel = 0x06;
        public const byte EnergyType = 0x83;
        public const byte CurrentChannel = 0x07;
        public const byte CurrentType = 0xc9;
        public const byte SocketChannel = 0x08;
        public const byte SocketType = 0x70;

        /// <summary>Byte 4 of ff22: what the delay task does when it runs.</summary>
        public const byte DelayTaskClose = 0x10;
        public const byte DelayTaskOpen = 0x11;

        /// <summary>ff25: bit 15 of the little-endian word enables the lock; the low 15 bits are the lock time in minutes.</summary>
        public const int ButtonLockEnableBit = 0x8000;
    }
}
