using Ws52x.Util;

using Ws52x.Codec;

namespace Ws52x.Host.Codec
{
    /// <summary>
    /// Writes downlinks from typed commands, in the order the vendor's encoder emits them (its
    /// {"current_alarm_config", "over_current_protection"} becomes ff30.. then ff24..), so that our bytes match it.
    /// Used by the `ws52x encode` tool and by tests; the socket itself only decodes downlinks.
    /// </summary>
    public static class DownlinkEncoder
    {
        /// <summary>Longest downlink this can write (every command once).</summary>
        public const int MaxLength = 48;

        private static readonly CommandKind[] VendorOrder =
        {
            CommandKind.Reboot,
            CommandKind.ReportAttributes,
            CommandKind.EnquireElectricalStatus,
            CommandKind.ReportingInterval,
            CommandKind.Switch,
            CommandKind.AddDelayTask,
            CommandKind.DeleteDelayTask,
            CommandKind.OvercurrentProtection,
            CommandKind.OvercurrentAlarm,
            CommandKind.ButtonLock,
            CommandKind.PowerConsumptionRecording,
            CommandKind.ResetPowerConsumption,
            CommandKind.LedMode,
        };

        /// <summary>Writes every command in <paramref name="commands"/>; returns the bytes written.</summary>
        public static int Write(DownlinkCommands commands, byte[] buffer, int offset)
        {
            int i = offset;
            for (int k = 0; k < VendorOrder.Length; k++)
            {
                if (commands.Contains(VendorOrder[k]))
                {
                    i = WriteOne(VendorOrder[k], commands, buffer, i);
                }
            }

            return i - offset;
        }

        private static int WriteOne(CommandKind kind, DownlinkCommands c, byte[] b, int i)
        {
            switch (kind)
            {
                case CommandKind.Switch:
                    b[i++] = Channels.SocketChannel;
                    b[i++] = c.SwitchOn ? (byte)1 : (byte)0;
                    b[i++] = c.SwitchGuideForm ? (byte)0x00 : (byte)0xff;
                    b[i++] = 0xff;
                    return i;
                case CommandKind.ReportingInterval:
                    i = Type(b, i, Channels.ReportingInterval);
                    Bytes.WriteUInt16LE(b, i, (uint)Clamp(c.ReportingIntervalSeconds, 0, 0xffff));
                    return i + 2;
                case CommandKind.AddDelayTask:
                    i = Type(b, i, Channels.AddDelayTask);
                    b[i++] = 0x00;
                    Bytes.WriteUInt16LE(b, i, (uint)Clamp(c.DelaySeconds, 0, 0xffff));
                    i += 2;
                    b[i++] = c.DelayOpens ? Channels.DelayTaskOpen : Channels.DelayTaskClose;
                    return i;
                case CommandKind.DeleteDelayTask:
                    i = Type(b, i, Channels.DeleteDelayTask);
                    b[i++] = (byte)c.DeleteDelayTaskIndex;
                    b[i++] = 0xff;
                    return i;
                case CommandKind.OvercurrentAlarm:
                    i = Type(b, i, Channels.OvercurrentAlarm);
                    b[i++] = c.OvercurrentAlarmEnabled ? (byte)1 : (byte)0;
                    b[i++] = (byte)Clamp(c.OvercurrentAlarmThresholdAmps, 0, 0xff);
                    return i;
                case CommandKind.OvercurrentProtection:
                    i = Type(b, i, Channels.OvercurrentProtection);
                    b[i++] = c.OvercurrentProtectionEnabled ? (byte)1 : (byte)0;
                    b[i++] = (byte)Clamp(c.OvercurrentProtectionThresholdAmps, 0, 0xff);
                    return i;
                case CommandKind.ButtonLock:
                    i = Type(b, i, Channels.ButtonLock);
                    Bytes.WriteUInt16LE(b, i, (uint)(Clamp(c.ButtonLockMinutes, 0, 0x7fff) | (c.ButtonLockEnabled ? Channels.ButtonLockEnableBit : 0)));
                    return i + 2;
                case CommandKind.PowerConsumptionRecording:
                    i = Type(b, i, Channels.PowerConsumptionRecording);
                    b[i++] = c.PowerConsumptionRecording ? (byte)1 : (byte)0;
                    return i;
                case CommandKind.LedMode:
                    i = Type(b, i, Channels.LedMode);
                    b[i++] = c.LedEnabled ? (byte)1 : (byte)0;
                    return i;
                case CommandKind.ResetPowerConsumption:
                    return Trigger(b, i, Channels.ResetPowerConsumption);
                case CommandKind.EnquireElectricalStatus:
                    return Trigger(b, i, Channels.EnquireElectricalStatus);
                case CommandKind.Reboot:
                    return Trigger(b, i, Channels.Reboot);
                case CommandKind.ReportAttributes:
                    return Trigger(b, i, Channels.ReportAttributes);
                default:
                    return i;
            }
        }

        private static int Type(byte[] b, int i, byte type)
        {
            b[i] = Channels.Attribute;
            b[i + 1] = type;
            return i + 2;
        }

        private static int Trigger(byte[] b, int i, byte type)
        {
            i = Type(b, i, type);
            b[i] = 0xff;
            return i + 1;
        }

        private static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;
    }
}
