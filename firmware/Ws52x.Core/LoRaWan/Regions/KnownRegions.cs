namespace Ws52x.LoRaWan.Regions
{
    /// <summary>The regions the firmware knows, by the names of the guide's "Support Frequency" setting.</summary>
    public static class KnownRegions
    {
        private static Region[] _all;

        /// <summary>EU868, US915, AU915, AS923-1..4, CN470, KR920, IN865, RU864, in that order.</summary>
        public static Region[] All
        {
            get
            {
                if (_all == null)
                {
                    _all = new[]
                    {
                        RegionTables.Eu868(), RegionTables.Us915(), RegionTables.Au915(),
                        RegionTables.As923(1), RegionTables.As923(2), RegionTables.As923(3), RegionTables.As923(4),
                        RegionTables.Cn470(), RegionTables.Kr920(), RegionTables.In865(), RegionTables.Ru864(),
                    };
                }

                return _all;
            }
        }

        /// <summary>The region of that name (any letter case; "AS923" is AS923-1), or null.</summary>
        public static Region Find(string name)
        {
            if (name == null)
            {
                return null;
            }

            if (SameName(name, "AS923"))
            {
                name = "AS923-1";
            }

            Region[] all = All;
            for (int i = 0; i < all.Length; i++)
            {
                if (SameName(name, all[i].Name))
                {
                    return all[i];
                }
            }

            return null;
        }

        /// <summary>The names, comma-separated, for messages.</summary>
        public static string NameList()
        {
            Region[] all = All;
            string list = "";
            for (int i = 0; i < all.Length; i++)
            {
                list += (i == 0 ? "" : ", ") + all[i].Name;
            }

            return list;
        }

        // ASCII case-insensitive: region names are plain letters, digits and '-'.
        private static bool SameName(string a, string b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                char x = a[i];
                char y = b[i];
                if (x >= 'a' && x <= 'z')
                {
                    x = (char)(x - 32);
                }

                if (y >= 'a' && y <= 'z')
                {
                    y = (char)(y - 32);
                }

                if (x != y)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
