namespace Ws52x.Config
{
    /// <summary>
    /// What the settings need to know about one LoRaWAN region ("Support Frequency", guide 3.2.2): its name, which
    /// radio variant (model suffix) can use it, how many channels its plan has, and the ranges and defaults of the
    /// region-dependent settings. Values from the LoRaWAN Regional Parameters (RP002-1.0.x; CN470 in its 1.0.x form).
    /// </summary>
    public sealed class RegionInfo
    {
        public readonly string Name;

        /// <summary>The WS52x model suffix whose radio serves this region: "868M", "915M" or "470M".</summary>
        public readonly string Band;

        /// <summary>Channels of the plan: 16 for the dynamic plans, 72 for US915/AU915, 96 for CN470.</summary>
        public readonly int ChannelCount;

        /// <summary>Highest LoRa uplink data rate (the lowest is DR0).</summary>
        public readonly int MaxUplinkDataRate;

        /// <summary>The guide's default "Spread Factor", SF10 at 125 kHz: DR2, or DR0 on US915.</summary>
        public readonly int DefaultDataRate;

        /// <summary>Highest TX power index (0 is the region's maximum EIRP, each step 2 dB less).</summary>
        public readonly int MaxTxPowerIndex;

        /// <summary>RX2 defaults of the region.</summary>
        public readonly int Rx2DataRate;
        public readonly int Rx2FrequencyHz;

        /// <summary>The LoRa data rates a downlink (and so RX2) may use.</summary>
        public readonly int MinDownlinkDataRate;
        public readonly int MaxDownlinkDataRate;

        /// <summary>The band's edges, for an RX2 frequency typed by hand.</summary>
        public readonly int MinFrequencyHz;
        public readonly int MaxFrequencyHz;

        public RegionInfo(
            string name, string band, int channels, int maxUplinkDr, int defaultDr, int maxTxPower,
            int rx2Dr, int rx2Hz, int minDownlinkDr, int maxDownlinkDr, int minHz, int maxHz)
        {
            Name = name;
            Band = band;
            ChannelCount = channels;
            MaxUplinkDataRate = maxUplinkDr;
            DefaultDataRate = defaultDr;
            MaxTxPowerIndex = maxTxPower;
            Rx2DataRate = rx2Dr;
            Rx2FrequencyHz = rx2Hz;
            MinDownlinkDataRate = minDownlinkDr;
            MaxDownlinkDataRate = maxDownlinkDr;
            MinFrequencyHz = minHz;
            MaxFrequencyHz = maxHz;
        }

        /// <summary>The data rate as spreading factor and bandwidth ("SF10BW125"), for help texts.</summary>
        public string DataRateName(int dr)
        {
            bool americas = Name == "US915" || Name == "AU915";
            if (dr >= 8 && americas && dr <= 13)
            {
                return "SF" + (20 - dr).ToString() + "BW500";
            }

            if (Name == "US915")
            {
                return dr <= 3 ? "SF" + (10 - dr).ToString() + "BW125" : dr == 4 ? "SF8BW500" : "-";
            }

            if (dr <= 5)
            {
                return "SF" + (12 - dr).ToString() + "BW125";
            }

            if (dr == 6)
            {
                return americas ? "SF8BW500" : "SF7BW250";
            }

            return "-";
        }
    }

    /// <summary>
    /// The configuration's table of regions. The LoRaWAN MAC keeps its own region tables (LoRaWan/Regions); this one
    /// holds only what validating and defaulting the settings needs, and the two are to be merged into one at
    /// integration.
    /// </summary>
    public static class RegionTable
    {
        /// <summary>The model suffix of a board that does not say (the -868M model, guide 3.2.2).</summary>
        public const string DefaultBand = "868M";

        public static readonly RegionInfo[] All =
        {
            new RegionInfo("EU868", "868M", 16, 6, 2, 7, 0, 869525000, 0, 6, 863000000, 870000000),
            new RegionInfo("US915", "915M", 72, 4, 0, 14, 8, 923300000, 8, 13, 902000000, 928000000),
            new RegionInfo("AU915", "915M", 72, 6, 2, 14, 8, 923300000, 8, 13, 915000000, 928000000),
            new RegionInfo("AS923-1", "915M", 16, 6, 2, 7, 2, 923200000, 0, 6, 915000000, 928000000),
            new RegionInfo("AS923-2", "915M", 16, 6, 2, 7, 2, 921400000, 0, 6, 915000000, 928000000),
            new RegionInfo("AS923-3", "915M", 16, 6, 2, 7, 2, 916600000, 0, 6, 915000000, 928000000),
            new RegionInfo("AS923-4", "915M", 16, 6, 2, 7, 2, 917300000, 0, 6, 915000000, 928000000),
            new RegionInfo("CN470", "470M", 96, 5, 2, 7, 0, 505300000, 0, 5, 470000000, 510000000),
            new RegionInfo("KR920", "915M", 16, 5, 2, 7, 0, 921900000, 0, 5, 920900000, 923300000),
            new RegionInfo("IN865", "868M", 16, 5, 2, 10, 2, 866550000, 0, 5, 865000000, 867000000),
            new RegionInfo("RU864", "868M", 16, 6, 2, 7, 0, 869100000, 0, 6, 864000000, 870000000),
        };

        /// <summary>The region of that name (any letter case), or null.</summary>
        public static RegionInfo Find(string name)
        {
            if (name == null)
            {
                return null;
            }

            string upper = name.ToUpper();
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i].Name == upper)
                {
                    return All[i];
                }
            }

            return null;
        }

        /// <summary>The region a board of this model suffix starts on: EU868 (-868M), AU915 (-915M, guide 3.2.2), CN470 (-470M).</summary>
        public static string DefaultFor(string band)
        {
            if (band == "915M")
            {
                return "AU915";
            }

            return band == "470M" ? "CN470" : "EU868";
        }

        /// <summary>True for the suffixes a WS52x comes in.</summary>
        public static bool IsBand(string band)
        {
            return band == "868M" || band == "915M" || band == "470M";
        }

        /// <summary>"EU868, US915, ..." for messages and help.</summary>
        public static string Names()
        {
            string s = "";
            for (int i = 0; i < All.Length; i++)
            {
                s += (i == 0 ? "" : ", ") + All[i].Name;
            }

            return s;
        }
    }
}
