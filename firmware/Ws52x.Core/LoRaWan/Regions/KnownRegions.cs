namespace Ws52x.LoRaWan.Regions
{
    /// <summary>
    /// The regions the firmware knows, by the names of the guide's "Support Frequency" setting and the settings' order
    /// (the stored record keeps the index). A device uses one region, so only that one is built: <see cref="At"/> keeps
    /// the last region it built and hands the same instance to everyone who asks for it (the MAC, the settings' checks);
    /// asking for another builds that one in its place. Regions never change once built, so sharing is safe.
    /// </summary>
    public static class KnownRegions
    {
        public const int Count = 11;

        /// <summary>The model suffix of a board that does not say (the -868M model, guide 3.2.2).</summary>
        public const string DefaultBand = "868M";

        private static Region _current;

        /// <summary>EU868, US915, AU915, AS923-1..4, CN470, KR920, IN865, RU864, in that order; null past the end.</summary>
        public static string NameAt(int index)
        {
            switch (index)
            {
                case 0: return "EU868";
                case 1: return "US915";
                case 2: return "AU915";
                case 3: return "AS923-1";
                case 4: return "AS923-2";
                case 5: return "AS923-3";
                case 6: return "AS923-4";
                case 7: return "CN470";
                case 8: return "KR920";
                case 9: return "IN865";
                case 10: return "RU864";
                default: return null;
            }
        }

        /// <summary>The index of that name (any letter case; "AS923" is AS923-1), or -1.</summary>
        public static int IndexOf(string name)
        {
            if (name == null)
            {
                return -1;
            }

            if (SameName(name, "AS923"))
            {
                return 3;
            }

            for (int i = 0; i < Count; i++)
            {
                if (SameName(name, NameAt(i)))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The region of that name (any letter case; "AS923" is AS923-1), or null.</summary>
        public static Region Find(string name)
        {
            int index = IndexOf(name);
            return index < 0 ? null : At(index);
        }

        /// <summary>The region at <paramref name="index"/>: the one built last when it is that one, else built now.</summary>
        public static Region At(int index)
        {
            Region current = _current;
            if (current == null || current.Index != index)
            {
                current = Create(index);
                _current = current;
            }

            return current;
        }

        /// <summary>A new instance of the region at <paramref name="index"/>, left out of the shared one (tools, messages).</summary>
        public static Region Create(int index)
        {
            Region r;
            switch (index)
            {
                case 0: r = RegionTables.Eu868(); break;
                case 1: r = RegionTables.Us915(); break;
                case 2: r = RegionTables.Au915(); break;
                case 3: case 4: case 5: case 6: r = RegionTables.As923(index - 2, NameAt(index)); break;
                case 7: r = RegionTables.Cn470(); break;
                case 8: r = RegionTables.Kr920(); break;
                case 9: r = RegionTables.In865(); break;
                case 10: r = RegionTables.Ru864(); break;
                default: throw new System.ArgumentOutOfRangeException("index");
            }

            r.Index = index;
            return r;
        }

        /// <summary>Every region, each built anew: for tools and tests, never for the device's own use.</summary>
        public static Region[] CreateAll()
        {
            var all = new Region[Count];
            for (int i = 0; i < Count; i++)
            {
                all[i] = Create(i);
            }

            return all;
        }

        /// <summary>The names, comma-separated, for messages.</summary>
        public static string NameList() => NameList(null);

        /// <summary>The names of the regions a radio of this band serves (all when null), comma-separated.</summary>
        public static string NameList(string band)
        {
            string list = "";
            for (int i = 0; i < Count; i++)
            {
                if (band == null || Create(i).RadioBand == band)
                {
                    list += (list.Length == 0 ? "" : ", ") + NameAt(i);
                }
            }

            return list;
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
