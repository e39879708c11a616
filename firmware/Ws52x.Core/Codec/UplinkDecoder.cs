using Ws52x.Util;

namespace Ws52x.Codec
{
    /// <summary>
    /// Decodes WS52x uplinks (basic information, the periodic / alarm report, the power-outage alert) into
    /// <see cref="UplinkValues"/>, for the host board's log, the decode tool and tests. Strict: a truncated field or an
    /// unknown channel rejects the uplink with the offending byte.
    /// </summary>
    public static class UplinkDecoder
    {
        public static bool TryDecode(byte[] d, int offset, int length, UplinkValues into, DecodeError error)
        {
            error.Clear();
            into.Clear();
            if (d == null || length <= 0 || offset < 0 || offset + length > d.Length)
            {
                error.Set(DecodeReason.Empty, 0, "empty uplink");
                return false;
            }

            int i = 0;
            while (i < length)
            {
                if (i + 2 > length)
                {
                    error.Set(DecodeReason.Truncated, length, "truncated: a channel needs a type byte");
                    return false;
                }

                int at = offset + i;
                byte channel = d[at];
                byte type = d[at + 1];
                int size = FieldSize(channel, type);
                if (size < 0)
                {
                    bool knownChannel = channel == Channels.Attribute || (channel >= Channels.VoltageChannel && channel <= Channels.SocketChannel);
                    error.Set(knownChannel ? DecodeReason.UnknownType : DecodeReason.UnknownChannel, knownChannel ? i + 1 : i, "unknown channel/type " + Hex.ToHex(d, at, 2));
                    return false;
                }

                if (i + 2 + size > length)
                {
                    error.Set(DecodeReason.Truncated, length, "truncated: " + Hex.ToHex(d, at, 2) + " needs " + Bytes.CountText(size));
                    return false;
                }

                Read(channel, type, d, at + 2, into);
                i += 2 + size;
            }

            return true;
        }

        /// <summary>Bytes of the value after a channel and type, or -1 for a pair no WS52x uplink carries.</summary>
        internal static int FieldSize(byte channel, byte type)
        {
            if (channel == Channels.Attribute)
            {
                switch (type)
                {
                    case Channels.ProtocolVersion: return 1;
                    case Channels.SerialNumber: return 8;
                    case Channels.HardwareVersion: return 2;
                    case Channels.SoftwareVersion: return 2;
                    case Channels.PowerOn: return 1;
                    case Channels.LoRaWanClass: return 1;
                    case Channels.OvercurrentAlarm: return 2;
                    case Channels.OvercurrentProtection: return 2;
                    case Channels.ButtonLock: return 2;
                    case Channels.PowerConsumptionRecording: return 1;
                    case Channels.PowerOutage: return 1;
                    default: return -1;
                }
            }

            if (channel == Channels.SocketChannel && type == Channels.SocketType) return 1;
            if (channel == Channels.PowerFactorChannel && type == Channels.PowerFactorType) return 1;
            if (channel == Channels.CurrentChannel && type == Channels.CurrentType) return 2;
            if (channel == Channels.VoltageChannel && type == Channels.VoltageType) return 2;
            if (channel == Channels.EnergyChannel && type == Channels.EnergyType) return 4;
            if (channel == Channels.ActivePowerChannel && type == Channels.ActivePowerType) return 4;
            return -1;
        }

        private static void Read(byte channel, byte type, byte[] d, int v, UplinkValues o)
        {
            BasicInformation b = o.Basic;
            ElectricalStatus e = o.Electrical;
            if (channel != Channels.Attribute)
            {
                switch (channel)
                {
                    case Channels.SocketChannel: e.SocketOn = d[v] == 1; o.Present |= UplinkValues.HasSocketStatus; break;
                    case Channels.PowerFactorChannel: e.PowerFactorPercent = d[v]; o.Present |= UplinkValues.HasPowerFactor; break;
                    case Channels.CurrentChannel: e.CurrentMilliamps = Bytes.ReadUInt16LE(d, v); o.Present |= UplinkValues.HasCurrent; break;
                    case Channels.VoltageChannel: e.VoltageDeciVolts = Bytes.ReadUInt16LE(d, v); o.Present |= UplinkValues.HasVoltage; break;
                    case Channels.EnergyChannel: e.EnergyWattHours = Bytes.ReadUInt32LE(d, v); o.Present |= UplinkValues.HasEnergy; break;
                    case Channels.ActivePowerChannel: e.ActivePowerWatts = Bytes.ReadUInt32LE(d, v); o.Present |= UplinkValues.HasActivePower; break;
                }

                return;
            }

            switch (type)
            {
                case Channels.ProtocolVersion: b.ProtocolVersion = d[v]; o.Present |= UplinkValues.HasProtocolVersion; break;
                case Channels.SerialNumber: System.Array.Copy(d, v, b.SerialNumber, 0, 8); o.Present |= UplinkValues.HasSerialNumber; break;
                case Channels.HardwareVersion: b.HardwareMajor = d[v]; b.HardwareMinor = (byte)(d[v + 1] >> 4); o.Present |= UplinkValues.HasHardwareVersion; break;
                case Channels.SoftwareVersion: b.SoftwareMajor = d[v]; b.SoftwareMinor = d[v + 1]; o.Present |= UplinkValues.HasSoftwareVersion; break;
                case Channels.PowerOn: b.PowerOn = true; o.Present |= UplinkValues.HasPowerOn; break;
                case Channels.LoRaWanClass: b.LoRaWanClass = d[v]; o.Present |= UplinkValues.HasLoRaWanClass; break;
                case Channels.OvercurrentAlarm: b.OvercurrentAlarmEnabled = d[v] == 1; b.OvercurrentAlarmThresholdAmps = d[v + 1]; o.Present |= UplinkValues.HasOvercurrentAlarm; break;
                case Channels.OvercurrentProtection: b.OvercurrentProtectionEnabled = d[v] == 1; b.OvercurrentProtectionThresholdAmps = d[v + 1]; o.Present |= UplinkValues.HasOvercurrentProtection; break;
                case Channels.ButtonLock:
                    int word = Bytes.ReadUInt16LE(d, v);
                    b.ButtonLockEnabled = (word & Channels.ButtonLockEnableBit) != 0;
                    b.ButtonLockMinutes = word & 0x7fff;
                    o.Present |= UplinkValues.HasButtonLock;
                    break;
                case Channels.PowerConsumptionRecording: b.PowerConsumptionRecording = d[v] == 1; o.Present |= UplinkValues.HasPowerConsumptionRecording; break;
                case Channels.PowerOutage: o.Present |= UplinkValues.HasPowerOutage; break;
            }
        }
    }
}
