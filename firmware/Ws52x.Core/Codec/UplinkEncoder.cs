using Ws52x.Util;

namespace Ws52x.Codec
{
    /// <summary>
    /// Writes WS52x uplinks into a caller-owned buffer, allocation-free. Each value is clamped to its field's range
    /// (a 70 A reading is sent as 65535 mA, not as 4464 mA), so a decoder never sees a wrapped value.
    /// </summary>
    public static class UplinkEncoder
    {
        /// <summary>Length of the periodic / alarm report.</summary>
        public const int ElectricalStatusLength = 26;

        /// <summary>Length of the basic information uplink with ff0b (and without ff0f).</summary>
        public const int BasicInformationLength = 39;

        /// <summary>Length of the basic information uplink with ff0b and ff0f: the buffer a sender needs.</summary>
        public const int BasicInformationMaxLength = BasicInformationLength + 3;

        public const int PowerOutageLength = 3;

        /// <summary>
        /// The periodic / alarm report, in the guide's order: socket status, power factor, current, voltage, energy,
        /// active power. Returns the bytes written (26).
        /// </summary>
        public static int WriteElectricalStatus(ElectricalStatus status, byte[] buffer, int offset)
        {
            int i = offset;
            buffer[i++] = Channels.SocketChannel;
            buffer[i++] = Channels.SocketType;
            buffer[i++] = status.SocketOn ? (byte)1 : (byte)0;
            buffer[i++] = Channels.PowerFactorChannel;
            buffer[i++] = Channels.PowerFactorType;
            buffer[i++] = (byte)Clamp(status.PowerFactorPercent, 0, 100);
            buffer[i++] = Channels.CurrentChannel;
            buffer[i++] = Channels.CurrentType;
            Bytes.WriteUInt16LE(buffer, i, (uint)Clamp(status.CurrentMilliamps, 0, 0xffff));
            i += 2;
            buffer[i++] = Channels.VoltageChannel;
            buffer[i++] = Channels.VoltageType;
            Bytes.WriteUInt16LE(buffer, i, (uint)Clamp(status.VoltageDeciVolts, 0, 0xffff));
            i += 2;
            buffer[i++] = Channels.EnergyChannel;
            buffer[i++] = Channels.EnergyType;
            Bytes.WriteUInt32LE(buffer, i, (uint)Clamp(status.EnergyWattHours, 0, 0xffffffffL));
            i += 4;
            buffer[i++] = Channels.ActivePowerChannel;
            buffer[i++] = Channels.ActivePowerType;
            Bytes.WriteUInt32LE(buffer, i, (uint)Clamp(status.ActivePowerWatts, 0, 0x7fffffffL));
            i += 4;
            return i - offset;
        }

        /// <summary>
        /// Basic information in the guide's order: ff01, ff16, ff09, ff0a, ff0b (when <see cref="BasicInformation.PowerOn"/>),
        /// ff0f (when <see cref="BasicInformation.LoRaWanClass"/> is set), ff24, ff30, ff25, ff26. Returns the bytes
        /// written (36, plus 3 for ff0b, plus 3 for ff0f).
        /// </summary>
        public static int WriteBasicInformation(BasicInformation info, byte[] buffer, int offset)
        {
            int i = offset;
            i = Attribute(buffer, i, Channels.ProtocolVersion);
            buffer[i++] = info.ProtocolVersion;
            i = Attribute(buffer, i, Channels.SerialNumber);
            System.Array.Copy(info.SerialNumber, 0, buffer, i, 8);
            i += 8;
            i = Attribute(buffer, i, Channels.HardwareVersion);
            buffer[i++] = info.HardwareMajor;
            buffer[i++] = (byte)(Clamp(info.HardwareMinor, 0, 15) << 4);
            i = Attribute(buffer, i, Channels.SoftwareVersion);
            buffer[i++] = info.SoftwareMajor;
            buffer[i++] = info.SoftwareMinor;
            if (info.PowerOn)
            {
                i = Attribute(buffer, i, Channels.PowerOn);
                buffer[i++] = 0xff;
            }

            if (info.LoRaWanClass >= 0)
            {
                i = Attribute(buffer, i, Channels.LoRaWanClass);
                buffer[i++] = (byte)Clamp(info.LoRaWanClass, 0, 0xff);
            }

            i = Attribute(buffer, i, Channels.OvercurrentAlarm);
            buffer[i++] = info.OvercurrentAlarmEnabled ? (byte)1 : (byte)0;
            buffer[i++] = (byte)Clamp(info.OvercurrentAlarmThresholdAmps, 0, 0xff);
            i = Attribute(buffer, i, Channels.OvercurrentProtection);
            buffer[i++] = info.OvercurrentProtectionEnabled ? (byte)1 : (byte)0;
            buffer[i++] = (byte)Clamp(info.OvercurrentProtectionThresholdAmps, 0, 0xff);
            i = Attribute(buffer, i, Channels.ButtonLock);
            int lockWord = Clamp(info.ButtonLockMinutes, 0, 0x7fff) | (info.ButtonLockEnabled ? Channels.ButtonLockEnableBit : 0);
            Bytes.WriteUInt16LE(buffer, i, (uint)lockWord);
            i += 2;
            i = Attribute(buffer, i, Channels.PowerConsumptionRecording);
            buffer[i++] = info.PowerConsumptionRecording ? (byte)1 : (byte)0;
            return i - offset;
        }

        /// <summary>The power-outage alert ff3fff (guide 4.3), sent from the hold-up energy after mains is lost.</summary>
        public static int WritePowerOutage(byte[] buffer, int offset)
        {
            buffer[offset] = Channels.Attribute;
            buffer[offset + 1] = Channels.PowerOutage;
            buffer[offset + 2] = 0xff;
            return PowerOutageLength;
        }

        private static int Attribute(byte[] buffer, int i, byte type)
        {
            buffer[i] = Channels.Attribute;
            buffer[i + 1] = type;
            return i + 2;
        }

        internal static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;

        internal static long Clamp(long value, long min, long max) => value < min ? min : value > max ? max : value;
    }
}
