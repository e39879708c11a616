using Ws52x.Util;

namespace Ws52x.Codec
{
    /// <summary>
    /// Decoded values as the JSON the vendor's codec prints: the same field names, value formats and nesting
    /// (voltage 229.3, "on"/"off", "enable"/"disable", ipso_version "v0.1" for ff0101). For the log and the decode tool:
    /// <see cref="WriteUplink"/> and <see cref="WriteDownlink"/> append to a caller's buffer (a log line, say) and
    /// allocate nothing;
    /// <see cref="Uplink"/> and <see cref="Downlink"/> write into one buffer kept for them and make one string.
    /// </summary>
    public static class VendorJson
    {
        /// <summary>Longest JSON an uplink or downlink makes (every field at its widest), in characters.</summary>
        public const int MaxLength = 640;

        private static readonly object Lock = new object();
        private static TextBuffer _shared;

        public static string Uplink(UplinkValues v)
        {
            lock (Lock)
            {
                return WriteUplink(v, Shared().Clear()).ToString();
            }
        }

        public static string Downlink(DownlinkCommands c)
        {
            lock (Lock)
            {
                return WriteDownlink(c, Shared().Clear()).ToString();
            }
        }

        /// <summary>Appends the vendor decoder's JSON for an uplink to <paramref name="b"/>.</summary>
        public static TextBuffer WriteUplink(UplinkValues v, TextBuffer b)
        {
            BasicInformation i = v.Basic;
            ElectricalStatus e = v.Electrical;
            b.Append('{');
            if (v.Has(UplinkValues.HasProtocolVersion)) Name(b, "ipso_version").Append("\"v").Append(i.ProtocolVersion >> 4).Append('.').Append(i.ProtocolVersion & 0xf).Append('"');
            if (v.Has(UplinkValues.HasSerialNumber)) Name(b, "sn").Append('"').Hex(i.SerialNumber, 0, i.SerialNumber.Length).Append('"');
            if (v.Has(UplinkValues.HasHardwareVersion)) Name(b, "hardware_version").Append("\"v").Append(i.HardwareMajor).Append('.').Append(i.HardwareMinor).Append('"');
            if (v.Has(UplinkValues.HasSoftwareVersion)) HexNumber(HexNumber(Name(b, "firmware_version").Append("\"v"), i.SoftwareMajor).Append('.'), i.SoftwareMinor).Append('"');
            if (v.Has(UplinkValues.HasPowerOn)) Str(b, "device_status", "on");
            if (v.Has(UplinkValues.HasLoRaWanClass)) Str(b, "lorawan_class", ClassName(i.LoRaWanClass));
            if (v.Has(UplinkValues.HasOvercurrentAlarm)) Setting(b, "current_alarm_config", i.OvercurrentAlarmEnabled, "threshold", i.OvercurrentAlarmThresholdAmps);
            if (v.Has(UplinkValues.HasOvercurrentProtection)) Setting(b, "over_current_protection", i.OvercurrentProtectionEnabled, "trip_current", i.OvercurrentProtectionThresholdAmps);
            if (v.Has(UplinkValues.HasButtonLock)) Setting(b, "child_lock_config", i.ButtonLockEnabled, "lock_time", i.ButtonLockMinutes);
            if (v.Has(UplinkValues.HasPowerConsumptionRecording)) Enable(Name(b, "power_consumption_enable"), i.PowerConsumptionRecording);
            if (v.Has(UplinkValues.HasSocketStatus)) Str(b, "socket_status", e.SocketOn ? "on" : "off");
            if (v.Has(UplinkValues.HasPowerFactor)) Name(b, "power_factor").Append(e.PowerFactorPercent);
            if (v.Has(UplinkValues.HasCurrent)) Name(b, "current").Append(e.CurrentMilliamps);
            if (v.Has(UplinkValues.HasVoltage)) Tenths(Name(b, "voltage"), e.VoltageDeciVolts);
            if (v.Has(UplinkValues.HasEnergy)) Name(b, "power_consumption").Append(e.EnergyWattHours);
            if (v.Has(UplinkValues.HasActivePower)) Name(b, "active_power").Append(e.ActivePowerWatts);
            if (v.Has(UplinkValues.HasPowerOutage)) Str(b, "power_outage", "yes");
            return b.Append('}');
        }

        /// <summary>Appends the vendor encoder's JSON for what a downlink asks to <paramref name="b"/>.</summary>
        public static TextBuffer WriteDownlink(DownlinkCommands c, TextBuffer b)
        {
            b.Append('{');
            if (c.Contains(CommandKind.Reboot)) Str(b, "reboot", "yes");
            if (c.Contains(CommandKind.ReportAttributes)) Str(b, "report_attribute", "yes");
            if (c.Contains(CommandKind.EnquireElectricalStatus)) Str(b, "report_status", "yes");
            if (c.Contains(CommandKind.ReportingInterval)) Name(b, "report_interval").Append(c.ReportingIntervalSeconds);
            if (c.Contains(CommandKind.Switch)) Str(b, "socket_status", c.SwitchOn ? "on" : "off");
            if (c.Contains(CommandKind.AddDelayTask))
            {
                // The vendor's delay-task object shares socket_status with the plain switch; a downlink with both is ambiguous in its JSON.
                if (!c.Contains(CommandKind.Switch)) Str(b, "socket_status", c.DelayOpens ? "on" : "off");
                Name(b, "delay_time").Append(c.DelaySeconds);
            }

            if (c.Contains(CommandKind.DeleteDelayTask)) Name(b, "cancel_delay_task").Append(c.DeleteDelayTaskIndex);
            if (c.Contains(CommandKind.OvercurrentAlarm)) Setting(b, "current_alarm_config", c.OvercurrentAlarmEnabled, "threshold", c.OvercurrentAlarmThresholdAmps);
            if (c.Contains(CommandKind.OvercurrentProtection)) Setting(b, "over_current_protection", c.OvercurrentProtectionEnabled, "trip_current", c.OvercurrentProtectionThresholdAmps);
            if (c.Contains(CommandKind.ButtonLock)) Setting(b, "child_lock_config", c.ButtonLockEnabled, "lock_time", c.ButtonLockMinutes);
            if (c.Contains(CommandKind.PowerConsumptionRecording)) Enable(Name(b, "power_consumption_enable"), c.PowerConsumptionRecording);
            if (c.Contains(CommandKind.ResetPowerConsumption)) Str(b, "reset_power_consumption", "yes");
            if (c.Contains(CommandKind.LedMode)) Enable(Name(b, "led_indicator_enable"), c.LedEnabled);
            return b.Append('}');
        }

        // Made at first use, not at boot: only a board that logs or decodes JSON holds it.
        private static TextBuffer Shared()
        {
            if (_shared == null)
            {
                _shared = new TextBuffer(MaxLength);
            }

            return _shared;
        }

        // The vendor decoder's class map; anything else it prints as "unknown".
        private static string ClassName(int c)
        {
            switch (c)
            {
                case 0: return "Class A";
                case 1: return "Class B";
                case 2: return "Class C";
                case 3: return "Class CtoB";
                default: return "unknown";
            }
        }

        // "name": (after ", " unless it is the first member, right after the object's '{': the object may follow
        // other text in the buffer).
        private static TextBuffer Name(TextBuffer b, string name)
        {
            if (b.Length > 0 && b.Chars[b.Length - 1] != '{')
            {
                b.Append(", ");
            }

            return b.Append('"').Append(name).Append("\": ");
        }

        private static void Str(TextBuffer b, string name, string value) => Name(b, name).Append('"').Append(value).Append('"');

        private static TextBuffer Enable(TextBuffer b, bool on) => b.Append(on ? "\"enable\"" : "\"disable\"");

        // The three settings the guide reports and sets as {"enable": ..., "<what>": n}.
        private static void Setting(TextBuffer b, string name, bool on, string what, int value)
        {
            Enable(Name(b, name).Append("{\"enable\": "), on).Append(", \"").Append(what).Append("\": ").Append(value).Append('}');
        }

        // The vendor prints the software version bytes in hex: 01 14 is v1.14, 01 0a would be v1.a.
        private static TextBuffer HexNumber(TextBuffer b, byte value)
        {
            return value >= 16 ? b.HexDigit(value >> 4).HexDigit(value) : b.HexDigit(value);
        }

        // 2293 -> 229.3, 1000 -> 100 (JavaScript prints whole numbers without a fraction).
        private static void Tenths(TextBuffer b, int deci)
        {
            if (deci < 0)
            {
                b.Append('-');
                deci = -deci;
            }

            b.Append(deci / 10);
            if (deci % 10 != 0)
            {
                b.Append('.').Append(deci % 10);
            }
        }
    }
}
