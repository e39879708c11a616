using Ws52x.Util;

namespace Ws52x.Codec
{
    /// <summary>
    /// Decodes a WS52x downlink (guide 4.4 and the vendor's newer commands) into typed commands. Atomic: the whole
    /// downlink is checked before anything is written, so a truncated field, an unknown channel or type, or a value out
    /// of range rejects it all with the offending byte's offset, and the caller's commands stay as they were.
    /// </summary>
    public sealed class DownlinkDecoder
    {
        /// <summary>Guide 3.3: reporting interval 1-1080 min.</summary>
        public const int MinReportingIntervalSeconds = 60;
        public const int MaxReportingIntervalSeconds = 1080 * 60;

        private readonly int _ratedCurrentAmps;

        /// <param name="ratedCurrentAmps">The board's rated current: the highest alarm / protection threshold accepted.</param>
        public DownlinkDecoder(int ratedCurrentAmps)
        {
            _ratedCurrentAmps = ratedCurrentAmps < 1 ? 1 : ratedCurrentAmps > 255 ? 255 : ratedCurrentAmps;
        }

        public int RatedCurrentAmps => _ratedCurrentAmps;

        /// <summary>
        /// Decodes data[offset..offset+length). On success fills <paramref name="into"/> (cleared first) and returns true;
        /// otherwise leaves it untouched, describes the problem in <paramref name="error"/> and returns false.
        /// </summary>
        public bool TryDecode(byte[] data, int offset, int length, DownlinkCommands into, DecodeError error)
        {
            error.Clear();
            if (data == null || length <= 0 || offset < 0 || offset + length > data.Length)
            {
                error.Set(DecodeReason.Empty, 0, "empty downlink");
                return false;
            }

            if (!Walk(data, offset, length, null, error))
            {
                return false;
            }

            into.Clear();
            Walk(data, offset, length, into, error);
            return true;
        }

        // One pass over the downlink: checks everything, and writes into 'apply' when it is not null.
        private bool Walk(byte[] d, int offset, int length, DownlinkCommands apply, DecodeError error)
        {
            int count = 0;
            int i = 0;
            while (i < length)
            {
                int at = offset + i;
                byte channel = d[at];
                if (channel == Channels.SocketChannel)
                {
                    if (!Need(i, 4, length, "08 (open/close) needs 3 bytes", error)
                        || !Flag(d, at + 1, i + 1, "socket status must be 00 (close) or 01 (open)", error))
                    {
                        return false;
                    }

                    bool guideForm = d[at + 2] == 0x00 && d[at + 3] == 0xff;
                    bool vendorForm = d[at + 2] == 0xff && d[at + 3] == 0xff;
                    if (!guideForm && !vendorForm)
                    {
                        return Fail(error, DecodeReason.BadConstant, i + 2, "08 (open/close) must end with 00 ff or ff ff");
                    }

                    if (apply != null)
                    {
                        apply.SwitchOn = d[at + 1] == 1;
                        apply.SwitchGuideForm = guideForm;
                        apply.Add(CommandKind.Switch);
                    }

                    i += 4;
                }
                else if (channel == Channels.Attribute)
                {
                    if (!Need(i, 2, length, "ff needs a type byte", error))
                    {
                        return false;
                    }

                    int used = Attribute(d, at, i, length, apply, error);
                    if (used < 0)
                    {
                        return false;
                    }

                    i += used;
                }
                else
                {
                    return Fail(error, DecodeReason.UnknownChannel, i, "unknown channel 0x" + Hex.ToHex(d, at, 1));
                }

                if (++count > DownlinkCommands.MaxCommands)
                {
                    return Fail(error, DecodeReason.TooManyCommands, i, "more than " + DownlinkCommands.MaxCommands.ToString() + " commands");
                }
            }

            return true;
        }

        // Checks (and applies) one ff command starting at d[at]; returns its length, or -1 with the error set.
        private int Attribute(byte[] d, int at, int i, int length, DownlinkCommands apply, DecodeError error)
        {
            byte type = d[at + 1];
            int v = at + 2;
            int vi = i + 2;
            switch (type)
            {
                case Channels.ReportingInterval:
                {
                    if (!Need(i, 4, length, "ff03 (reporting interval) needs 2 bytes", error))
                    {
                        return -1;
                    }

                    int seconds = Bytes.ReadUInt16LE(d, v);
                    if (seconds < MinReportingIntervalSeconds || seconds > MaxReportingIntervalSeconds)
                    {
                        return FailLength(error, DecodeReason.OutOfRange, vi, "reporting interval " + seconds.ToString() + " s is outside 60-64800 s (1-1080 min)");
                    }

                    if (apply != null)
                    {
                        apply.ReportingIntervalSeconds = seconds;
                        apply.Add(CommandKind.ReportingInterval);
                    }

                    return 4;
                }

                case Channels.AddDelayTask:
                {
                    if (!Need(i, 6, length, "ff22 (delay task) needs 4 bytes", error))
                    {
                        return -1;
                    }

                    if (d[v] != 0x00)
                    {
                        return FailLength(error, DecodeReason.BadConstant, vi, "ff22 byte 1 must be 00");
                    }

                    int delay = Bytes.ReadUInt16LE(d, v + 1);
                    if (delay == 0)
                    {
                        return FailLength(error, DecodeReason.OutOfRange, vi + 1, "delay time must be 1-65535 s");
                    }

                    byte action = d[v + 3];
                    if (action != Channels.DelayTaskClose && action != Channels.DelayTaskOpen)
                    {
                        return FailLength(error, DecodeReason.OutOfRange, vi + 3, "delay task action must be 10 (close) or 11 (open)");
                    }

                    if (apply != null)
                    {
                        apply.DelaySeconds = delay;
                        apply.DelayOpens = action == Channels.DelayTaskOpen;
                        apply.Add(CommandKind.AddDelayTask);
                    }

                    return 6;
                }

                case Channels.DeleteDelayTask:
                {
                    if (!Need(i, 4, length, "ff23 (delete delay task) needs 2 bytes", error))
                    {
                        return -1;
                    }

                    if (d[v] != 0x00)
                    {
                        return FailLength(error, DecodeReason.OutOfRange, vi, "the socket has one delay task, number 00");
                    }

                    if (d[v + 1] != 0xff)
                    {
                        return FailLength(error, DecodeReason.BadConstant, vi + 1, "ff23 must end with ff");
                    }

                    if (apply != null)
                    {
                        apply.DeleteDelayTaskIndex = 0;
                        apply.Add(CommandKind.DeleteDelayTask);
                    }

                    return 4;
                }

                case Channels.OvercurrentAlarm:
                case Channels.OvercurrentProtection:
                {
                    bool alarm = type == Channels.OvercurrentAlarm;
                    if (!Need(i, 4, length, alarm ? "ff24 (overcurrent alarm) needs 2 bytes" : "ff30 (overcurrent protection) needs 2 bytes", error)
                        || !Flag(d, v, vi, "enable must be 00 or 01", error))
                    {
                        return -1;
                    }

                    bool enabled = d[v] == 1;
                    int amps = d[v + 1];
                    if (amps > _ratedCurrentAmps || (enabled && amps < 1))
                    {
                        return FailLength(error, DecodeReason.OutOfRange, vi + 1, "current threshold " + amps.ToString() + " A is outside 1-" + _ratedCurrentAmps.ToString() + " A (the board's rating)");
                    }

                    if (apply != null)
                    {
                        if (alarm)
                        {
                            apply.OvercurrentAlarmEnabled = enabled;
                            apply.OvercurrentAlarmThresholdAmps = amps;
                            apply.Add(CommandKind.OvercurrentAlarm);
                        }
                        else
                        {
                            apply.OvercurrentProtectionEnabled = enabled;
                            apply.OvercurrentProtectionThresholdAmps = amps;
                            apply.Add(CommandKind.OvercurrentProtection);
                        }
                    }

                    return 4;
                }

                case Channels.ButtonLock:
                {
                    if (!Need(i, 4, length, "ff25 (button lock) needs 2 bytes", error))
                    {
                        return -1;
                    }

                    int word = Bytes.ReadUInt16LE(d, v);
                    if (apply != null)
                    {
                        apply.ButtonLockEnabled = (word & Channels.ButtonLockEnableBit) != 0;
                        apply.ButtonLockMinutes = word & 0x7fff;
                        apply.Add(CommandKind.ButtonLock);
                    }

                    return 4;
                }

                case Channels.PowerConsumptionRecording:
                case Channels.LedMode:
                {
                    if (!Need(i, 3, length, "ff" + Hex.ToHex(d, at + 1, 1) + " needs 1 byte", error)
                        || !Flag(d, v, vi, "enable must be 00 or 01", error))
                    {
                        return -1;
                    }

                    if (apply != null)
                    {
                        if (type == Channels.LedMode)
                        {
                            apply.LedEnabled = d[v] == 1;
                            apply.Add(CommandKind.LedMode);
                        }
                        else
                        {
                            apply.PowerConsumptionRecording = d[v] == 1;
                            apply.Add(CommandKind.PowerConsumptionRecording);
                        }
                    }

                    return 3;
                }

                case Channels.ResetPowerConsumption:
                case Channels.EnquireElectricalStatus:
                case Channels.Reboot:
                case Channels.ReportAttributes:
                {
                    if (!Need(i, 3, length, "ff" + Hex.ToHex(d, at + 1, 1) + " needs 1 byte (ff)", error))
                    {
                        return -1;
                    }

                    if (d[v] != 0xff)
                    {
                        return FailLength(error, DecodeReason.BadConstant, vi, "ff" + Hex.ToHex(d, at + 1, 1) + " must be followed by ff");
                    }

                    if (apply != null)
                    {
                        apply.Add(type == Channels.ResetPowerConsumption ? CommandKind.ResetPowerConsumption
                            : type == Channels.EnquireElectricalStatus ? CommandKind.EnquireElectricalStatus
                            : type == Channels.Reboot ? CommandKind.Reboot
                            : CommandKind.ReportAttributes);
                    }

                    return 3;
                }

                default:
                    return FailLength(error, DecodeReason.UnknownType, i + 1, "unknown command type ff" + Hex.ToHex(d, at + 1, 1));
            }
        }

        private static bool Need(int i, int size, int length, string what, DecodeError error)
        {
            if (i + size <= length)
            {
                return true;
            }

            error.Set(DecodeReason.Truncated, length, "truncated: " + what);
            return false;
        }

        private static bool Flag(byte[] d, int at, int index, string what, DecodeError error)
        {
            if (d[at] <= 1)
            {
                return true;
            }

            error.Set(DecodeReason.OutOfRange, index, what);
            return false;
        }

        private static bool Fail(DecodeError error, DecodeReason reason, int index, string message)
        {
            error.Set(reason, index, message);
            return false;
        }

        private static int FailLength(DecodeError error, DecodeReason reason, int index, string message)
        {
            error.Set(reason, index, message);
            return -1;
        }
    }
}
