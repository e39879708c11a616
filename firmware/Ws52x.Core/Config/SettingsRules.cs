using Ws52x.LoRaWan.Regions;

namespace Ws52x.Config
{
    /// <summary>
    /// Whether a setting's value is allowed: fixed ranges from <see cref="SettingsTable"/>, the region's ranges for the
    /// region-dependent ones, the board's rated current for the overcurrent thresholds, and the few rules between
    /// settings. Every check answers with a reason a user can act on, or null.
    /// </summary>
    public sealed class SettingsRules
    {
        private readonly ushort[] _mask = new ushort[ChannelListSyntax.MaskWords];
        private readonly SettingValue _value = new SettingValue();

        /// <param name="ratedCurrentAmps">The board's rated current (MeteringBoard.RatedCurrentMilliamps / 1000), the
        /// highest overcurrent threshold; the same bound DownlinkDecoder applies to ff24 and ff30.</param>
        /// <param name="band">The board's model suffix ("868M", "915M", "470M"); regions of another band are refused.</param>
        public SettingsRules(int ratedCurrentAmps, string band)
        {
            RatedCurrentAmps = ratedCurrentAmps < 1 ? 1 : ratedCurrentAmps > 255 ? 255 : ratedCurrentAmps;
            Band = KnownRegions.IsBand(band) ? band : KnownRegions.DefaultBand;
        }

        public int RatedCurrentAmps { get; }

        public string Band { get; }

        /// <summary>The template "model" of this board: "WS52x-" and its band.</summary>
        public string Model => "WS52x-" + Band;

        /// <summary>
        /// Checks one value for <paramref name="info"/> as it would stand in <paramref name="context"/> (whose region decides
        /// the region-dependent ranges). A channel list is rewritten in its shortest form. Null when allowed.
        /// </summary>
        public string Check(SettingInfo info, SettingValue value, Settings context)
        {
            Region region = KnownRegions.Find(context.LoRaWan.Region) ?? KnownRegions.At(0);
            switch (info.Kind)
            {
                case SettingKind.Bool:
                    return value.Number == 0 || value.Number == 1 ? null : info.Name + " must be on or off";
                case SettingKind.Choice:
                    if (value.Number < 0 || value.Number >= info.Choices.Length)
                    {
                        return info.Name + " must be one of " + SettingText.ChoiceList(info);
                    }

                    if (info.Id == SettingsTable.Region)
                    {
                        string band = KnownRegions.At(value.Number).RadioBand;
                        if (band != Band)
                        {
                            return "region " + KnownRegions.NameAt(value.Number) + " needs a -" + band + " board; this board is -" + Band + " (" + RegionsOfBand() + ")";
                        }
                    }

                    return null;
                case SettingKind.Eui:
                    return value.ByteCount == 8 ? null : info.Name + " must be 8 bytes";
                case SettingKind.Key:
                    return value.ByteCount == 16 ? null : info.Name + " must be 16 bytes";
                case SettingKind.Address:
                    return null;
                case SettingKind.ChannelList:
                    return CheckChannels(info, value, region);
                default:
                    return CheckInteger(info, value.Number, region);
            }
        }

        /// <summary>Checks every setting of <paramref name="s"/> and the rules between them; the first reason, or null.</summary>
        public string CheckAll(Settings s)
        {
            for (int id = 0; id < SettingsTable.All.Length; id++)
            {
                SettingInfo info = SettingsTable.All[id];
                SettingsAccess.Read(s, id, _value);
                string channelsBefore = _value.Text;
                string reason = Check(info, _value, s);
                if (reason != null)
                {
                    return reason;
                }

                if (info.Kind == SettingKind.ChannelList && _value.Text != channelsBefore)
                {
                    return info.Name + " is not in its shortest form (" + _value.Text + ")";
                }
            }

            return CheckBetween(s);
        }

        /// <summary>The rules between settings; the first reason, or null.</summary>
        public string CheckBetween(Settings s)
        {
            return CheckBetween(s, out int _, out int _);
        }

        /// <summary>
        /// The rules between settings; on a failure <paramref name="firstId"/>..<paramref name="lastId"/> are the ids of
        /// the settings involved (what a damaged record puts back to defaults).
        /// </summary>
        public string CheckBetween(Settings s, out int firstId, out int lastId)
        {
            SocketSettings k = s.Socket;
            firstId = SettingsTable.OvercurrentAlarm;
            lastId = SettingsTable.OvercurrentAlarmThreshold;
            if (k.OvercurrentAlarmEnabled && k.OvercurrentAlarmThresholdAmps < 1)
            {
                return "overcurrent_alarm is on, so overcurrent_alarm_threshold must be at least 1 A";
            }

            firstId = SettingsTable.OvercurrentProtection;
            lastId = SettingsTable.OvercurrentProtectionThreshold;
            if (k.OvercurrentProtectionEnabled && k.OvercurrentProtectionThresholdAmps < 1)
            {
                return "overcurrent_protection is on, so overcurrent_protection_threshold must be at least 1 A";
            }

            firstId = SettingsTable.PasswordIterations;
            lastId = SettingsTable.PasswordHash;
            int iterations = s.Password.Iterations;
            if (iterations != 0 && iterations < PasswordRules.MinIterations)
            {
                return "the stored password hash has too few iterations (" + iterations.ToString() + ")";
            }

            firstId = -1;
            lastId = -1;
            return null;
        }

        /// <summary>The allowed values as text ("60-64800 s", "0-7 on EU868"); region-dependent ones for the
        /// region of <paramref name="context"/>, or described in general when it is null.</summary>
        public string RangeText(SettingInfo info, Settings context)
        {
            Region region = context == null ? null : KnownRegions.Find(context.LoRaWan.Region);
            string unit = info.Unit.Length == 0 ? "" : " " + info.Unit;
            switch (info.Kind)
            {
                case SettingKind.Bool:
                    return "on or off";
                case SettingKind.Choice:
                    return info.Id == SettingsTable.Region && context != null ? RegionsOfBand() : SettingText.ChoiceList(info);
                case SettingKind.Eui:
                    return "16 hex digits";
                case SettingKind.Key:
                    return "32 hex digits";
                case SettingKind.Address:
                    return "8 hex digits";
                case SettingKind.ChannelList:
                    return region == null ? "channel list of the region (16, 72 or 96 channels)" : "channels 0-" + (region.MaxChannels - 1).ToString() + ", all, null, or empty";
            }

            switch (info.Range)
            {
                case SettingRange.UplinkDataRate:
                    return region == null ? "the region's uplink data rates (DR0 up to DR4-DR6)" : "0-" + region.MaxUplinkDataRate.ToString() + " on " + region.Name;
                case SettingRange.TxPower:
                    return region == null ? "0 up to the region's lowest power (7, 10 or 14)" : "0-" + region.MaxTxPowerIndex.ToString() + " on " + region.Name;
                case SettingRange.Rx2DataRate:
                    return region == null ? "-1 or the region's downlink data rates" : "-1 or " + region.MinDownlinkDataRate.ToString() + "-" + region.MaxDownlinkDataRate.ToString() + " on " + region.Name;
                case SettingRange.Rx2Frequency:
                    return region == null ? "0 or a frequency in the region's band, in Hz" : "0 or " + region.MinFrequencyHz.ToString() + "-" + region.MaxFrequencyHz.ToString() + unit + " on " + region.Name;
                case SettingRange.RatedCurrent:
                    return "0-" + RatedCurrentAmps.ToString() + unit + " (the board's rating)";
                default:
                    return info.Min.ToString() + "-" + info.Max.ToString() + unit;
            }
        }

        /// <summary>The regions this board's band can use, for messages.</summary>
        public string RegionsOfBand() => KnownRegions.NameList(Band);

        private string CheckInteger(SettingInfo info, int v, Region region)
        {
            int min = info.Min;
            int max = info.Max;
            switch (info.Range)
            {
                case SettingRange.UplinkDataRate:
                    max = region.MaxUplinkDataRate;
                    break;
                case SettingRange.TxPower:
                    max = region.MaxTxPowerIndex;
                    break;
                case SettingRange.Rx2DataRate:
                    if (v == -1)
                    {
                        return null;
                    }

                    min = region.MinDownlinkDataRate;
                    max = region.MaxDownlinkDataRate;
                    break;
                case SettingRange.Rx2Frequency:
                    if (v == 0)
                    {
                        return null;
                    }

                    min = region.MinFrequencyHz;
                    max = region.MaxFrequencyHz;
                    break;
                case SettingRange.RatedCurrent:
                    max = RatedCurrentAmps;
                    break;
            }

            if (v >= min && v <= max)
            {
                return null;
            }

            string where = info.Range == SettingRange.Fixed || info.Range == SettingRange.RatedCurrent ? "" : " on " + region.Name;
            return info.Name + " " + v.ToString() + " is outside " +
                (info.Range == SettingRange.Rx2DataRate ? "-1 or " : info.Range == SettingRange.Rx2Frequency ? "0 or " : "") +
                min.ToString() + "-" + max.ToString() + (info.Unit.Length == 0 ? "" : " " + info.Unit) + where +
                (info.Range == SettingRange.RatedCurrent ? " (the board's rating)" : "");
        }

        private string CheckChannels(SettingInfo info, SettingValue value, Region region)
        {
            string text = value.Text ?? "";
            if (text.Length == 0)
            {
                return null;
            }

            string reason = ChannelListSyntax.Check(text, region.MaxChannels, _mask);
            if (reason != null)
            {
                return info.Name + ": " + reason + " (" + region.Name + " has channels 0-" + (region.MaxChannels - 1).ToString() + ")";
            }

            value.Text = ChannelListSyntax.Format(_mask, region.MaxChannels);
            return null;
        }
    }
}
