namespace Ws52x.Config
{
    /// <summary>The shape of a setting's value, which decides how it is typed, shown, stored and put in a template.</summary>
    public enum SettingKind
    {
        /// <summary>on/off; JSON true/false.</summary>
        Bool = 0,

        /// <summary>A whole number in a range, with a unit.</summary>
        Integer = 1,

        /// <summary>One of a few names (join type, class, restore policy, region).</summary>
        Choice = 2,

        /// <summary>8 bytes as 16 hex digits, as the EUI reads.</summary>
        Eui = 3,

        /// <summary>16 bytes as 32 hex digits: an AES key (shown masked).</summary>
        Key = 4,

        /// <summary>A 32-bit address as 8 hex digits (DevAddr, McAddr).</summary>
        Address = 5,

        /// <summary>The guide's channel syntax ("1-40,60", "all", "null"); empty means the region's default plan.</summary>
        ChannelList = 6,
    }

    /// <summary>Where an integer's range comes from when it is not fixed.</summary>
    public enum SettingRange
    {
        Fixed = 0,

        /// <summary>DR0 to the region's highest uplink data rate.</summary>
        UplinkDataRate = 1,

        /// <summary>0 to the region's highest TX power index.</summary>
        TxPower = 2,

        /// <summary>-1 (the region's default) or the region's downlink data rates.</summary>
        Rx2DataRate = 3,

        /// <summary>0 (the region's default) or a frequency in the region's band, in Hz.</summary>
        Rx2Frequency = 4,

        /// <summary>0 to the board's rated current in A (MeteringBoard.RatedCurrentMilliamps).</summary>
        RatedCurrent = 5,
    }

    /// <summary>What a setting is beyond its value: how it is shown, shared and when a change takes effect.</summary>
    public static class SettingFlags
    {
        /// <summary>A secret: shown as ***** unless asked for explicitly while logged in.</summary>
        public const int Masked = 1;

        /// <summary>Used from the next join (OTAA) or session start (ABP) on.</summary>
        public const int NeedsRejoin = 2;

        /// <summary>Used from the next boot on.</summary>
        public const int NeedsReboot = 4;

        /// <summary>The board's own identity: set by hand only, never copied to another board by a template.</summary>
        public const int Identity = 8;

        /// <summary>Stored with the settings but never shown or set as one (the password's hash).</summary>
        public const int Hidden = 16;
    }

    /// <summary>
    /// One entry of <see cref="SettingsTable"/>: everything the console, templates, storage and docs know about a
    /// setting, so that none of them has code of its own per setting.
    /// </summary>
    public sealed class SettingInfo
    {
        /// <summary>Index in <see cref="SettingsTable.All"/>; <see cref="SettingsAccess"/> switches on it.</summary>
        public readonly int Id;

        /// <summary>Its number in the stored record. Never reused for another setting, so old records stay readable.</summary>
        public readonly byte Tag;

        /// <summary>The console and template name (lower case, words joined by '_').</summary>
        public readonly string Name;

        public readonly SettingKind Kind;
        public readonly SettingRange Range;

        /// <summary>Bounds of a <see cref="SettingRange.Fixed"/> integer.</summary>
        public readonly int Min;
        public readonly int Max;

        /// <summary>Unit of an integer ("s", "A", "Hz"), or "".</summary>
        public readonly string Unit;

        public readonly int Flags;

        /// <summary>The names of a <see cref="SettingKind.Choice"/>, lower case, in the order of their numbers.</summary>
        public readonly string[] Choices;

        public SettingInfo(int id, byte tag, string name, SettingKind kind, SettingRange range, int min, int max, string unit, int flags, string[] choices)
        {
            Id = id;
            Tag = tag;
            Name = name;
            Kind = kind;
            Range = range;
            Min = min;
            Max = max;
            Unit = unit;
            Flags = flags;
            Choices = choices;
        }

        /// <summary>What it is, in the guide's words (and the guide section).</summary>
        public string Title => SettingsTable.TitleOf(Id);

        public bool Has(int flag) => (Flags & flag) != 0;

        /// <summary>Whether a template carries it: everything shown except the board's identity.</summary>
        public bool InTemplate => (Flags & (SettingFlags.Hidden | SettingFlags.Identity)) == 0;

        /// <summary>When a change takes effect, for replies and docs.</summary>
        public string TakesEffect
        {
            get
            {
                if (Has(SettingFlags.NeedsReboot))
                {
                    return "after a reboot";
                }

                return Has(SettingFlags.NeedsRejoin) ? "at the next join" : "at once";
            }
        }
    }
}
