namespace Ws52x.Config
{
    /// <summary>
    /// Reads and writes one setting of a <see cref="Settings"/> by its <see cref="SettingsTable"/> id: the only code
    /// that knows which field each entry is. Writing does not validate (see <see cref="SettingsRules"/>).
    /// </summary>
    public static class SettingsAccess
    {
        public static void Read(Settings s, int id, SettingValue v)
        {
            LoRaWanSettings l = s.LoRaWan;
            SocketSettings k = s.Socket;
            v.Clear();
            if (id >= SettingsTable.MulticastBase && id < SettingsTable.MulticastBase + LoRaWanSettings.MulticastGroupCount * SettingsTable.MulticastFields)
            {
                int rel = id - SettingsTable.MulticastBase;
                MulticastGroupSettings g = l.Multicast[rel / SettingsTable.MulticastFields];
                switch (rel % SettingsTable.MulticastFields)
                {
                    case 0: v.Number = g.Enabled ? 1 : 0; break;
                    case 1: v.Number = (int)g.Address; break;
                    case 2: v.SetBytes(g.McNetSKey, 16); break;
                    default: v.SetBytes(g.McAppSKey, 16); break;
                }

                return;
            }

            switch (id)
            {
                case SettingsTable.DevEui: v.SetBytes(l.DevEui, 8); break;
                case SettingsTable.AppEui: v.SetBytes(l.AppEui, 8); break;
                case SettingsTable.AppPort: v.Number = l.ApplicationPort; break;
                case SettingsTable.JoinType: v.Number = (int)l.JoinType; break;
                case SettingsTable.AppKey: v.SetBytes(l.AppKey, 16); break;
                case SettingsTable.DevAddr: v.Number = (int)l.DevAddr; break;
                case SettingsTable.NwkSKey: v.SetBytes(l.NwkSKey, 16); break;
                case SettingsTable.AppSKey: v.SetBytes(l.AppSKey, 16); break;
                case SettingsTable.DataRate: v.Number = l.DataRate; break;
                case SettingsTable.Confirmed: v.Number = l.Confirmed ? 1 : 0; break;
                case SettingsTable.Rejoin: v.Number = l.RejoinMode ? 1 : 0; break;
                case SettingsTable.RejoinPackets: v.Number = l.RejoinPackets; break;
                case SettingsTable.Adr: v.Number = l.Adr ? 1 : 0; break;
                case SettingsTable.TxPower: v.Number = l.TxPowerIndex; break;
                case SettingsTable.Rx2DataRate: v.Number = l.Rx2DataRate; break;
                case SettingsTable.Rx2Frequency: v.Number = l.Rx2FrequencyHz; break;
                case SettingsTable.Region: v.Number = RegionIndex(l.Region); break;
                case SettingsTable.Channels: v.Text = l.Channels; break;
                case SettingsTable.Class: v.Number = l.Class == DeviceClass.C ? 1 : 0; break;
                case SettingsTable.ReportingInterval: v.Number = k.ReportingIntervalSeconds; break;
                case SettingsTable.Led: v.Number = k.LedEnabled ? 1 : 0; break;
                case SettingsTable.PowerConsumption: v.Number = k.PowerConsumptionEnabled ? 1 : 0; break;
                case SettingsTable.PowerRestore: v.Number = (int)k.PowerRestore; break;
                case SettingsTable.ButtonLock: v.Number = k.ButtonLock ? 1 : 0; break;
                case SettingsTable.ButtonLockMinutes: v.Number = k.ButtonLockMinutes; break;
                case SettingsTable.OvercurrentAlarm: v.Number = k.OvercurrentAlarmEnabled ? 1 : 0; break;
                case SettingsTable.OvercurrentAlarmThreshold: v.Number = k.OvercurrentAlarmThresholdAmps; break;
                case SettingsTable.OvercurrentProtection: v.Number = k.OvercurrentProtectionEnabled ? 1 : 0; break;
                case SettingsTable.OvercurrentProtectionThreshold: v.Number = k.OvercurrentProtectionThresholdAmps; break;
                case SettingsTable.PasswordIterations: v.Number = s.Password.Iterations; break;
                case SettingsTable.PasswordSalt: v.SetBytes(s.Password.Salt, 16); break;
                case SettingsTable.PasswordHash: v.SetBytes(s.Password.Hash, 16); break;
                default: throw new System.ArgumentOutOfRangeException("id");
            }
        }

        public static void Write(Settings s, int id, SettingValue v)
        {
            LoRaWanSettings l = s.LoRaWan;
            SocketSettings k = s.Socket;
            if (id >= SettingsTable.MulticastBase && id < SettingsTable.MulticastBase + LoRaWanSettings.MulticastGroupCount * SettingsTable.MulticastFields)
            {
                int rel = id - SettingsTable.MulticastBase;
                MulticastGroupSettings g = l.Multicast[rel / SettingsTable.MulticastFields];
                switch (rel % SettingsTable.MulticastFields)
                {
                    case 0: g.Enabled = v.Number != 0; break;
                    case 1: g.Address = (uint)v.Number; break;
                    case 2: System.Array.Copy(v.Bytes, g.McNetSKey, 16); break;
                    default: System.Array.Copy(v.Bytes, g.McAppSKey, 16); break;
                }

                return;
            }

            switch (id)
            {
                case SettingsTable.DevEui: System.Array.Copy(v.Bytes, l.DevEui, 8); break;
                case SettingsTable.AppEui: System.Array.Copy(v.Bytes, l.AppEui, 8); break;
                case SettingsTable.AppPort: l.ApplicationPort = v.Number; break;
                case SettingsTable.JoinType: l.JoinType = v.Number == 1 ? JoinType.Abp : JoinType.Otaa; break;
                case SettingsTable.AppKey: System.Array.Copy(v.Bytes, l.AppKey, 16); break;
                case SettingsTable.DevAddr: l.DevAddr = (uint)v.Number; break;
                case SettingsTable.NwkSKey: System.Array.Copy(v.Bytes, l.NwkSKey, 16); break;
                case SettingsTable.AppSKey: System.Array.Copy(v.Bytes, l.AppSKey, 16); break;
                case SettingsTable.DataRate: l.DataRate = v.Number; break;
                case SettingsTable.Confirmed: l.Confirmed = v.Number != 0; break;
                case SettingsTable.Rejoin: l.RejoinMode = v.Number != 0; break;
                case SettingsTable.RejoinPackets: l.RejoinPackets = v.Number; break;
                case SettingsTable.Adr: l.Adr = v.Number != 0; break;
                case SettingsTable.TxPower: l.TxPowerIndex = v.Number; break;
                case SettingsTable.Rx2DataRate: l.Rx2DataRate = v.Number; break;
                case SettingsTable.Rx2Frequency: l.Rx2FrequencyHz = v.Number; break;
                case SettingsTable.Region: l.Region = LoRaWan.Regions.KnownRegions.NameAt(v.Number) ?? "?"; break;
                case SettingsTable.Channels: l.Channels = v.Text ?? ""; break;
                case SettingsTable.Class: l.Class = v.Number == 1 ? DeviceClass.C : DeviceClass.A; break;
                case SettingsTable.ReportingInterval: k.ReportingIntervalSeconds = v.Number; break;
                case SettingsTable.Led: k.LedEnabled = v.Number != 0; break;
                case SettingsTable.PowerConsumption: k.PowerConsumptionEnabled = v.Number != 0; break;
                case SettingsTable.PowerRestore: k.PowerRestore = v.Number == 2 ? PowerRestorePolicy.LastState : v.Number == 1 ? PowerRestorePolicy.On : PowerRestorePolicy.Off; break;
                case SettingsTable.ButtonLock: k.ButtonLock = v.Number != 0; break;
                case SettingsTable.ButtonLockMinutes: k.ButtonLockMinutes = v.Number; break;
                case SettingsTable.OvercurrentAlarm: k.OvercurrentAlarmEnabled = v.Number != 0; break;
                case SettingsTable.OvercurrentAlarmThreshold: k.OvercurrentAlarmThresholdAmps = v.Number; break;
                case SettingsTable.OvercurrentProtection: k.OvercurrentProtectionEnabled = v.Number != 0; break;
                case SettingsTable.OvercurrentProtectionThreshold: k.OvercurrentProtectionThresholdAmps = v.Number; break;
                case SettingsTable.PasswordIterations: s.Password.Iterations = v.Number; break;
                case SettingsTable.PasswordSalt: System.Array.Copy(v.Bytes, s.Password.Salt, 16); break;
                case SettingsTable.PasswordHash: System.Array.Copy(v.Bytes, s.Password.Hash, 16); break;
                default: throw new System.ArgumentOutOfRangeException("id");
            }
        }

        /// <summary>Copies every setting, the password's hash included, from one instance into another.</summary>
        public static void Copy(Settings from, Settings to, SettingValue scratch)
        {
            if (from == to)
            {
                return;
            }

            for (int id = 0; id < SettingsTable.All.Length; id++)
            {
                Read(from, id, scratch);
                Write(to, id, scratch);
            }
        }

        /// <summary>A new instance with the same values.</summary>
        public static Settings Clone(Settings from)
        {
            var copy = new Settings();
            Copy(from, copy, new SettingValue());
            return copy;
        }

        /// <summary>Index of a region name (as the settings spell it) in <see cref="LoRaWan.Regions.KnownRegions"/>, or -1.</summary>
        public static int RegionIndex(string name)
        {
            for (int i = 0; i < LoRaWan.Regions.KnownRegions.Count; i++)
            {
                if (LoRaWan.Regions.KnownRegions.NameAt(i) == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
