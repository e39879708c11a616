using Ws52x.Util;

namespace Ws52x.Codec
{
    /// <summary>
    /// Decoded values as the JSON the vendor's codec prints: the same field names, value formats and nesting
    /// (voltage 229.3, "on"/"off", "enable"/"disable", ipso_version "v0.1" for ff0101). For the host board's log and the
    /// decode tool; it builds strings, so it stays off hot paths.
    /// </summary>
    public static class VendorJson
    {
        /// <summary>
        /// The vendor decoder's object for an uplink: basic information first, then the report, then the power-outage
        /// alert (our name; the vendor's decoder rejects ff3f).
        /// </summary>
        public static string Uplink(UplinkValues v)
        {
            string s = "";
            BasicInformation b = v.Basic;
            ElectricalStatus e = v.Electrical;
            if (v.Has(UplinkValues.HasProtocolVersion)) s = Field(s, "ipso_version", Str("v" + (b.ProtocolVersion >> 4).ToString() + "." + (b.ProtocolVersion & 0xf).ToString()));
            if (v.Has(UplinkValues.HasSerialNumber)) s = Field(s, "sn", Str(Hex.ToHex(b.SerialNumber)));
            if (v.Has(UplinkValues.HasHardwareVersion)) s = Field(s, "hardware_version", Str("v" + b.HardwareMajor.ToString() + "." + b.HardwareMinor.ToString()));
            if (v.Has(UplinkValues.HasSoftwareVersion)) s = Field(s, "firmware_version", Str("v" + HexNumber(b.SoftwareMajor) + "." + HexNumber(b.SoftwareMinor)));
            if (v.Has(UplinkValues.HasPowerOn)) s = Field(s, "device_status", Str("on"));
            if (v.Has(UplinkValues.HasLoRaWanClass)) s = Field(s, "lorawan_class", Str(ClassName(b.LoRaWanClass)));
            if (v.Has(UplinkValues.HasOvercurrentAlarm)) s = Field(s, "current_alarm_config", "{\"enable\": " + Enable(b.OvercurrentAlarmEnabled) + ", \"threshold\": " + b.OvercurrentAlarmThresholdAmps.ToString() + "}");
            if (v.Has(UplinkValues.HasOvercurrentProtection)) s = Field(s, "over_current_protection", "{\"enable\": " + Enable(b.OvercurrentProtectionEnabled) + ", \"trip_current\": " + b.OvercurrentProtectionThresholdAmps.ToString() + "}");
            if (v.Has(UplinkValues.HasButtonLock)) s = Field(s, "child_lock_config", "{\"enable\": " + Enable(b.ButtonLockEnabled) + ", \"lock_time\": " + b.ButtonLockMinutes.ToString() + "}");
            if (v.Has(UplinkValues.HasPowerConsumptionRecording)) s = Field(s, "power_consumption_enable", Enable(b.PowerConsumptionRecording));
            if (v.Has(UplinkValues.HasSocketStatus)) s = Field(s, "socket_status", Str(e.SocketOn ? "on" : "off"));
            if (v.Has(UplinkValues.HasPowerFactor)) s = Field(s, "power_factor", e.PowerFactorPercent.ToString());
            if (v.Has(UplinkValues.HasCurrent)) s = Field(s, "current", e.CurrentMilliamps.ToString());
            if (v.Has(UplinkValues.HasVoltage)) s = Field(s, "voltage", Tenths(e.VoltageDeciVolts));
            if (v.Has(UplinkValues.HasEnergy)) s = Field(s, "power_consumption", e.EnergyWattHours.ToString());
            if (v.Has(UplinkValues.HasActivePower)) s = Field(s, "active_power", e.ActivePowerWatts.ToString());
            if (v.Has(UplinkValues.HasPowerOutage)) s = Field(s, "power_outage", Str("yes"));
            return "{" + s + "}";
        }

        /// <summary>The vendor encoder's input object for decoded downlink commands, in the encoder's own order.</summary>
        public static string Downlink(DownlinkCommands c)
        {
            string s = "";
            if (c.Contains(CommandKind.Reboot)) s = Field(s, "reboot", Str("yes"));
            if (c.Contains(CommandKind.ReportAttributes)) s = Field(s, "report_attribute", Str("yes"));
            if (c.Contains(CommandKind.EnquireElectricalStatus)) s = Field(s, "report_status", Str("yes"));
            if (c.Contains(CommandKind.ReportingInterval)) s = Field(s, "report_interval", c.ReportingIntervalSeconds.ToString());
            if (c.Contains(CommandKind.Switch)) s = Field(s, "socket_status", Str(c.SwitchOn ? "on" : "off"));
            if (c.Contains(CommandKind.AddDelayTask))
            {
                // The vendor's delay-task object shares socket_status with the plain switch; a downlink with both is ambiguous in its JSON.
                if (!c.Contains(CommandKind.Switch)) s = Field(s, "socket_status", Str(c.DelayOpens ? "on" : "off"));
                s = Field(s, "delay_time", c.DelaySeconds.ToString());
            }

            if (c.Contains(CommandKind.DeleteDelayTask)) s = Field(s, "cancel_delay_task", c.DeleteDelayTaskIndex.ToString());
            if (c.Contains(CommandKind.OvercurrentAlarm)) s = Field(s, "current_alarm_config", "{\"enable\": " + Enable(c.OvercurrentAlarmEnabled) + ", \"threshold\": " + c.OvercurrentAlarmThresholdAmps.ToString() + "}");
            if (c.Contains(CommandKind.OvercurrentProtection)) s = Field(s, "over_current_protection", "{\"enable\": " + Enable(c.OvercurrentProtectionEnabled) + ", \"trip_current\": " + c.OvercurrentProtectionThresholdAmps.ToString() + "}");
            if (c.Contains(CommandKind.ButtonLock)) s = Field(s, "child_lock_config", "{\"enable\": " + Enable(c.ButtonLockEnabled) + ", \"lock_time\": " + c.ButtonLockMinutes.ToString() + "}");
            if (c.Contains(CommandKind.PowerConsumptionRecording)) s = Field(s, "power_consumption_enable", Enable(c.PowerConsumptionRecording));
            if (c.Contains(CommandKind.ResetPowerConsumption)) s = Field(s, "reset_power_consumption", Str("yes"));
            if (c.Contains(CommandKind.LedMode)) s = Field(s, "led_indicator_enable", Enable(c.LedEnabled));
            return "{" + s + "}";
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

        private static string Field(string s, string name, string value) => (s.Length == 0 ? "" : s + ", ") + "\"" + name + "\": " + value;

        private static string Str(string value) => "\"" + value + "\"";

        private static string Enable(bool on) => on ? "\"enable\"" : "\"disable\"";

        // The vendor prints the software version bytes in hex: 01 14 is v1.14, 01 0a would be v1.a.
        private static string HexNumber(byte b) => b < 16 ? Hex.ToHex(new[] { b }, 0, 1).Substring(1) : Hex.ToHex(new[] { b }, 0, 1);

        // 2293 -> 229.3, 1000 -> 100 (JavaScript prints whole numbers without a fraction).
        private static string Tenths(int deci)
        {
            int whole = deci / 10;
            int tenth = deci % 10;
            return tenth == 0 ? whole.ToString() : whole.ToString() + "." + tenth.ToString();
        }
    }
}
