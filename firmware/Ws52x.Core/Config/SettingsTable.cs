namespace Ws52x.Config
{
    /// <summary>
    /// The one table of settings (guide 3.2 and 3.3): name, kind, range, unit, masking and when a change takes
    /// effect. The console (get/set/help), templates (export/import), the stored record and the docs table all walk
    /// it; <see cref="SettingsAccess"/> is the only place that maps an entry to its field of <see cref="Settings"/>.
    /// Tags are the record's field numbers: append new settings with new tags, never renumber.
    /// </summary>
    public static class SettingsTable
    {
        public const int DevEui = 0;
        public const int AppEui = 1;
        public const int AppPort = 2;
        public const int JoinType = 3;
        public const int AppKey = 4;
        public const int DevAddr = 5;
        public const int NwkSKey = 6;
        public const int AppSKey = 7;
        public const int DataRate = 8;
        public const int Confirmed = 9;
        public const int Rejoin = 10;
        public const int RejoinPackets = 11;
        public const int Adr = 12;
        public const int TxPower = 13;
        public const int Rx2DataRate = 14;
        public const int Rx2Frequency = 15;
        public const int Region = 16;
        public const int Channels = 17;
        public const int Class = 18;

        /// <summary>Multicast group g (0-3) field f (0 enabled, 1 address, 2 McNetSKey, 3 McAppSKey) is MulticastBase + 4g + f.</summary>
        public const int MulticastBase = 19;
        public const int MulticastFields = 4;

        public const int ReportingInterval = 35;
        public const int Led = 36;
        public const int PowerConsumption = 37;
        public const int PowerRestore = 38;
        public const int ButtonLock = 39;
        public const int ButtonLockMinutes = 40;
        public const int OvercurrentAlarm = 41;
        public const int OvercurrentAlarmThreshold = 42;
        public const int OvercurrentProtection = 43;
        public const int OvercurrentProtectionThreshold = 44;
        public const int PasswordIterations = 45;
        public const int PasswordSalt = 46;
        public const int PasswordHash = 47;

        private const int Rejoin_ = SettingFlags.NeedsRejoin;
        private const int Reboot_ = SettingFlags.NeedsReboot;
        private const int Secret_ = SettingFlags.Masked;

        private static readonly string[] JoinTypes = { "OTAA", "ABP" };
        private static readonly string[] Classes = { "A", "C" };
        private static readonly string[] RestorePolicies = { "off", "on", "last" };

        public static readonly SettingInfo[] All = Build();

        /// <summary>The entry of that name (any letter case), or null. Hidden entries are not found by name.</summary>
        public static SettingInfo Find(string name)
        {
            if (name == null)
            {
                return null;
            }

            string lower = name.ToLower();
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i].Name == lower && !All[i].Has(SettingFlags.Hidden))
                {
                    return All[i];
                }
            }

            return null;
        }

        /// <summary>The entry with that record tag, or null.</summary>
        public static SettingInfo FindTag(int tag)
        {
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i].Tag == tag)
                {
                    return All[i];
                }
            }

            return null;
        }

        private static SettingInfo[] Build()
        {
            var t = new SettingInfo[48];
            t[DevEui] = Entry(DevEui, 1, "dev_eui", SettingKind.Eui, SettingFlags.Identity | Rejoin_);
            t[AppEui] = Entry(AppEui, 2, "app_eui", SettingKind.Eui, Rejoin_);
            t[AppPort] = Number(AppPort, 3, "app_port", 1, 223, "", 0);
            t[JoinType] = Choice(JoinType, 4, "join_type", JoinTypes, Rejoin_);
            t[AppKey] = Entry(AppKey, 5, "app_key", SettingKind.Key, Secret_ | Rejoin_);
            t[DevAddr] = Entry(DevAddr, 6, "dev_addr", SettingKind.Address, SettingFlags.Identity | Rejoin_);
            t[NwkSKey] = Entry(NwkSKey, 7, "nwk_skey", SettingKind.Key, Secret_ | Rejoin_);
            t[AppSKey] = Entry(AppSKey, 8, "app_skey", SettingKind.Key, Secret_ | Rejoin_);
            t[DataRate] = Ranged(DataRate, 9, "data_rate", SettingRange.UplinkDataRate, "", 0);
            t[Confirmed] = Switch(Confirmed, 10, "confirmed", 0);
            t[Rejoin] = Switch(Rejoin, 11, "rejoin", 0);
            t[RejoinPackets] = Number(RejoinPackets, 12, "rejoin_packets", 4, 32, "packets", 0);
            t[Adr] = Switch(Adr, 13, "adr", 0);
            t[TxPower] = Ranged(TxPower, 14, "tx_power", SettingRange.TxPower, "", 0);
            t[Rx2DataRate] = Ranged(Rx2DataRate, 15, "rx2_data_rate", SettingRange.Rx2DataRate, "", Rejoin_);
            t[Rx2Frequency] = Ranged(Rx2Frequency, 16, "rx2_frequency", SettingRange.Rx2Frequency, "Hz", Rejoin_);
            t[Region] = Choice(Region, 17, "region", RegionNames(), Reboot_);
            t[Channels] = Entry(Channels, 18, "channels", SettingKind.ChannelList, Reboot_);
            t[Class] = Choice(Class, 19, "class", Classes, Reboot_);
            for (int g = 0; g < LoRaWanSettings.MulticastGroupCount; g++)
            {
                int id = MulticastBase + MulticastFields * g;
                string mc = "mc" + (g + 1).ToString();
                byte tag = (byte)(20 + MulticastFields * g);
                t[id] = Switch(id, tag, mc + "_enabled", Reboot_);
                t[id + 1] = Entry(id + 1, (byte)(tag + 1), mc + "_address", SettingKind.Address, Reboot_);
                t[id + 2] = Entry(id + 2, (byte)(tag + 2), mc + "_net_skey", SettingKind.Key, Secret_ | Reboot_);
                t[id + 3] = Entry(id + 3, (byte)(tag + 3), mc + "_app_skey", SettingKind.Key, Secret_ | Reboot_);
            }

            t[ReportingInterval] = Number(ReportingInterval, 40, "report_interval", 60, 64800, "s", 0);
            t[Led] = Switch(Led, 41, "led", 0);
            t[PowerConsumption] = Switch(PowerConsumption, 42, "power_consumption", 0);
            t[PowerRestore] = Choice(PowerRestore, 43, "power_restore", RestorePolicies, 0);
            t[ButtonLock] = Switch(ButtonLock, 44, "button_lock", 0);
            t[ButtonLockMinutes] = Number(ButtonLockMinutes, 45, "button_lock_minutes", 0, 32767, "min", 0);
            t[OvercurrentAlarm] = Switch(OvercurrentAlarm, 46, "overcurrent_alarm", 0);
            t[OvercurrentAlarmThreshold] = Ranged(OvercurrentAlarmThreshold, 47, "overcurrent_alarm_threshold", SettingRange.RatedCurrent, "A", 0);
            t[OvercurrentProtection] = Switch(OvercurrentProtection, 48, "overcurrent_protection", 0);
            t[OvercurrentProtectionThreshold] = Ranged(OvercurrentProtectionThreshold, 49, "overcurrent_protection_threshold", SettingRange.RatedCurrent, "A", 0);
            t[PasswordIterations] = Number(PasswordIterations, 60, "password_iterations", 0, 1000000, "", SettingFlags.Hidden);
            t[PasswordSalt] = Entry(PasswordSalt, 61, "password_salt", SettingKind.Key, SettingFlags.Hidden);
            t[PasswordHash] = Entry(PasswordHash, 62, "password_hash", SettingKind.Key, SettingFlags.Hidden);
            return t;
        }

        /// <summary>
        /// What setting <paramref name="id"/> is, in the guide's words (and the guide section), for help and docs. Kept
        /// out of the table so that its entries do not hold it for the device's whole life.
        /// </summary>
        public static string TitleOf(int id)
        {
            if (id >= MulticastBase && id < MulticastBase + MulticastFields * LoRaWanSettings.MulticastGroupCount)
            {
                string group = "Multicast Group " + ((id - MulticastBase) / MulticastFields + 1).ToString();
                switch ((id - MulticastBase) % MulticastFields)
                {
                    case 0: return group + " enabled (3.2.3)";
                    case 1: return group + " Multicast Address (3.2.3)";
                    case 2: return group + " McNetSKey (3.2.3)";
                    default: return group + " McAppSKey (3.2.3)";
                }
            }

            switch (id)
            {
                case DevEui: return "Device EUI: the board's own, from its serial number (3.2.1)";
                case AppEui: return "App EUI (JoinEUI) of the join server (3.2.1)";
                case AppPort: return "Application Port: FPort of uplinks and of the downlinks acted on (3.2.1)";
                case JoinType: return "Join Type: OTAA or ABP (3.2.1)";
                case AppKey: return "Application Key for OTAA (3.2.1)";
                case DevAddr: return "Device Address for ABP: digits 5-12 of the SN (3.2.1)";
                case NwkSKey: return "Network Session Key for ABP (3.2.1)";
                case AppSKey: return "Application Session Key for ABP (3.2.1)";
                case DataRate: return "Spread Factor: the data rate when ADR is off, the first one when on (3.2.1)";
                case Confirmed: return "Confirmed Mode: uplinks acknowledged, resent up to 3 times (3.2.1)";
                case Rejoin: return "Rejoin Mode: link checks and a new join when they go unanswered, OTAA only (3.2.1)";
                case RejoinPackets: return "Rejoin Mode: unanswered link checks before a new join (3.2.1)";
                case Adr: return "ADR Mode: the network server sets the data rate (3.2.1)";
                case TxPower: return "Tx Power index: 0 is the region's highest EIRP, each step 2 dB less (3.2.1)";
                case Rx2DataRate: return "RX2 Data Rate; -1 is the region's default (3.2.1)";
                case Rx2Frequency: return "RX2 Frequency; 0 is the region's default (3.2.1)";
                case Region: return "Support Frequency: the LoRaWAN region (3.2.2)";
                case Channels: return "Channel Plan: enabled channels, e.g. 0-7, 1-40,60, all, null; empty = the region's default (3.2.2)";
                case Class: return "LoRaWAN class: A, or C (always listening)";
                case ReportingInterval: return "Reporting Interval: 1-1080 min, in seconds as ff03 sets it (3.3)";
                case Led: return "LED Indicator (3.3)";
                case PowerConsumption: return "Power Consumption: energy counting on or off (3.3)";
                case PowerRestore: return "When Power is Restored, Socket: off, on, or its last state (3.3)";
                case ButtonLock: return "Button Lock: the button does nothing but the reset (3.3)";
                case ButtonLockMinutes: return "Button Lock time as ff25 carries it; 0 = until unlocked";
                case OvercurrentAlarm: return "Overcurrent Alarm: report when the current reaches the threshold (3.3)";
                case OvercurrentAlarmThreshold: return "Overcurrent Alarm threshold, up to the board's rated current (3.3)";
                case OvercurrentProtection: return "Overcurrent Protection: switch off when the current reaches the threshold (3.3)";
                case OvercurrentProtectionThreshold: return "Overcurrent Protection threshold, up to the board's rated current (3.3)";
                case PasswordIterations: return "PBKDF2 iterations of the stored password; 0 = factory default password";
                case PasswordSalt: return "salt of the stored password";
                case PasswordHash: return "hash of the stored password";
                default: return "";
            }
        }

        private static string[] RegionNames()
        {
            var names = new string[LoRaWan.Regions.KnownRegions.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = LoRaWan.Regions.KnownRegions.NameAt(i);
            }

            return names;
        }

        private static SettingInfo Entry(int id, byte tag, string name, SettingKind kind, int flags) =>
            new SettingInfo(id, tag, name, kind, SettingRange.Fixed, 0, 0, "", flags, null);

        private static SettingInfo Switch(int id, byte tag, string name, int flags) =>
            new SettingInfo(id, tag, name, SettingKind.Bool, SettingRange.Fixed, 0, 1, "", flags, null);

        private static SettingInfo Number(int id, byte tag, string name, int min, int max, string unit, int flags) =>
            new SettingInfo(id, tag, name, SettingKind.Integer, SettingRange.Fixed, min, max, unit, flags, null);

        private static SettingInfo Ranged(int id, byte tag, string name, SettingRange range, string unit, int flags) =>
            new SettingInfo(id, tag, name, SettingKind.Integer, range, 0, 0, unit, flags, null);

        private static SettingInfo Choice(int id, byte tag, string name, string[] choices, int flags) =>
            new SettingInfo(id, tag, name, SettingKind.Choice, SettingRange.Fixed, 0, choices.Length - 1, "", flags, choices);
    }
}
