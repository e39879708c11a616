using System;
using System.Text.Json;
using Ws52x.Codec;

namespace Ws52x.Host.Commands
{
    /// <summary>Reads the vendor encoder's JSON input object into the core's typed downlink commands.</summary>
    public static class VendorObject
    {
        public static DownlinkCommands ToCommands(string json, bool guideForm)
        {
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(json).RootElement;
            }
            catch (JsonException e)
            {
                // The parser's own message speaks of LineNumber and BytePositionInLine; the argument is one line.
                long at = (e.BytePositionInLine ?? 0) + 1;
                throw new CliException("encode: not JSON: it breaks at character " + at.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CliException("encode: expected a JSON object such as {\"socket_status\":\"on\"}");
            }

            var c = new DownlinkCommands();
            bool hasDelay = root.TryGetProperty("delay_time", out JsonElement delay);
            foreach (JsonProperty p in root.EnumerateObject())
            {
                switch (p.Name)
                {
                    case "socket_status":
                        bool on = OnOff(p);
                        if (hasDelay)
                        {
                            c.DelayOpens = on;
                        }
                        else
                        {
                            c.SwitchOn = on;
                            c.SwitchGuideForm = guideForm;
                            c.Add(CommandKind.Switch);
                        }

                        break;
                    case "delay_time":
                        c.DelaySeconds = Int(p, 0, 65535);
                        c.Add(CommandKind.AddDelayTask);
                        break;
                    case "report_interval":
                        c.ReportingIntervalSeconds = Int(p, 0, 65535);
                        c.Add(CommandKind.ReportingInterval);
                        break;
                    case "cancel_delay_task":
                        c.DeleteDelayTaskIndex = Int(p, 0, 255);
                        c.Add(CommandKind.DeleteDelayTask);
                        break;
                    case "current_alarm_config":
                        c.OvercurrentAlarmEnabled = Enable(Member(p, "enable"));
                        c.OvercurrentAlarmThresholdAmps = Int(Member(p, "threshold"), 0, 255);
                        c.Add(CommandKind.OvercurrentAlarm);
                        break;
                    case "over_current_protection":
                        c.OvercurrentProtectionEnabled = Enable(Member(p, "enable"));
                        c.OvercurrentProtectionThresholdAmps = Int(Member(p, "trip_current"), 0, 255);
                        c.Add(CommandKind.OvercurrentProtection);
                        break;
                    case "child_lock_config":
                        c.ButtonLockEnabled = Enable(Member(p, "enable"));
                        c.ButtonLockMinutes = p.Value.TryGetProperty("lock_time", out _) ? Int(Member(p, "lock_time"), 0, 0x7fff) : 0;
                        c.Add(CommandKind.ButtonLock);
                        break;
                    case "power_consumption_enable":
                        c.PowerConsumptionRecording = Enable(p);
                        c.Add(CommandKind.PowerConsumptionRecording);
                        break;
                    case "led_indicator_enable":
                        c.LedEnabled = Enable(p);
                        c.Add(CommandKind.LedMode);
                        break;
                    case "reset_power_consumption":
                        Yes(p);
                        c.Add(CommandKind.ResetPowerConsumption);
                        break;
                    case "report_status":
                        Yes(p);
                        c.Add(CommandKind.EnquireElectricalStatus);
                        break;
                    case "report_attribute":
                        Yes(p);
                        c.Add(CommandKind.ReportAttributes);
                        break;
                    case "reboot":
                        Yes(p);
                        c.Add(CommandKind.Reboot);
                        break;
                    default:
                        throw new CliException("encode: unknown field " + Cli.Echo(p.Name));
                }
            }

            if (c.Count == 0)
            {
                throw new CliException("encode: the object has no command");
            }

            return c;
        }

        private static JsonProperty Member(JsonProperty parent, string name)
        {
            if (parent.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty p in parent.Value.EnumerateObject())
                {
                    if (p.Name == name)
                    {
                        return p;
                    }
                }
            }

            throw new CliException("encode: " + parent.Name + " needs '" + name + "'");
        }

        private static int Int(JsonProperty p, int min, int max)
        {
            if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetInt32(out int v) || v < min || v > max)
            {
                throw new CliException("encode: " + p.Name + " must be a whole number from " + min + " to " + max);
            }

            return v;
        }

        private static bool OnOff(JsonProperty p) => Word(p, "on", "off");

        private static bool Enable(JsonProperty p) => Word(p, "enable", "disable");

        private static void Yes(JsonProperty p)
        {
            if (p.Value.ValueKind != JsonValueKind.String || p.Value.GetString() != "yes")
            {
                throw new CliException("encode: " + p.Name + " must be \"yes\"");
            }
        }

        private static bool Word(JsonProperty p, string yes, string no)
        {
            string s = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
            if (s == yes)
            {
                return true;
            }

            if (s == no)
            {
                return false;
            }

            throw new CliException("encode: " + p.Name + " must be \"" + yes + "\" or \"" + no + "\"");
        }
    }
}
