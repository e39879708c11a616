namespace Ws52x.Config
{
    /// <summary>
    /// The guide's channel syntax (3.2.2): "1,40" enables channels 1 and 40, "1-40" channels 1 to 40, "1-40,60" both,
    /// "all" every channel and "null" none; indices start at 0. Parsed into a bit mask (bit i of byte i/8 = channel i).
    /// <para>The MAC branch will have its own reader of this syntax for the channel mask it applies; this one validates
    /// and normalises the setting, and the two are to become one at integration.</para>
    /// </summary>
    public static class ChannelListSyntax
    {
        /// <summary>The largest plan (CN470): 96 channels, 12 bytes of mask.</summary>
        public const int MaxChannels = 96;
        public const int MaskLength = MaxChannels / 8;

        /// <summary>Longest text accepted (the longest normal form, every other of 96 channels, is 134 characters).</summary>
        public const int MaxTextLength = 200;

        /// <summary>
        /// Parses <paramref name="text"/> for a plan of <paramref name="channelCount"/> channels into
        /// <paramref name="mask"/> (at least <see cref="MaskLength"/> bytes). Returns null, or why the text is not valid
        /// (the mask is then undefined).
        /// </summary>
        public static string TryParse(string text, int channelCount, byte[] mask)
        {
            System.Array.Clear(mask, 0, MaskLength);
            if (text == null || text.Length == 0)
            {
                return "empty channel list (use all, null, or e.g. 0-7)";
            }

            if (text.Length > MaxTextLength)
            {
                return "channel list longer than " + MaxTextLength.ToString() + " characters";
            }

            string trimmed = text.Trim().ToLower();
            if (trimmed == "all")
            {
                for (int c = 0; c < channelCount; c++)
                {
                    Set(mask, c);
                }

                return null;
            }

            if (trimmed == "null")
            {
                return null;
            }

            int i = 0;
            while (true)
            {
                int first = Number(trimmed, ref i);
                if (first < 0)
                {
                    return "expected a channel number at position " + (i + 1).ToString() + " of '" + text + "'";
                }

                int last = first;
                SkipSpaces(trimmed, ref i);
                if (i < trimmed.Length && trimmed[i] == '-')
                {
                    i++;
                    last = Number(trimmed, ref i);
                    if (last < 0)
                    {
                        return "expected the end of the range at position " + (i + 1).ToString() + " of '" + text + "'";
                    }

                    if (last < first)
                    {
                        return "range " + first.ToString() + "-" + last.ToString() + " runs backwards";
                    }
                }

                if (last >= channelCount)
                {
                    return "channel " + last.ToString() + " is outside 0-" + (channelCount - 1).ToString() + " of this region";
                }

                for (int c = first; c <= last; c++)
                {
                    Set(mask, c);
                }

                SkipSpaces(trimmed, ref i);
                if (i == trimmed.Length)
                {
                    return null;
                }

                if (trimmed[i] != ',')
                {
                    return "unexpected '" + trimmed[i].ToString() + "' at position " + (i + 1).ToString() + " of '" + text + "'";
                }

                i++;
            }
        }

        /// <summary>The shortest text for a mask: "all", "null", or ranges such as "0-7,16".</summary>
        public static string Format(byte[] mask, int channelCount)
        {
            int enabled = Count(mask, channelCount);
            if (enabled == channelCount)
            {
                return "all";
            }

            if (enabled == 0)
            {
                return "null";
            }

            string s = "";
            int c = 0;
            while (c < channelCount)
            {
                if (!IsSet(mask, c))
                {
                    c++;
                    continue;
                }

                int start = c;
                while (c + 1 < channelCount && IsSet(mask, c + 1))
                {
                    c++;
                }

                s += (s.Length == 0 ? "" : ",") + start.ToString() + (c > start ? "-" + c.ToString() : "");
                c++;
            }

            return s;
        }

        public static int Count(byte[] mask, int channelCount)
        {
            int n = 0;
            for (int c = 0; c < channelCount; c++)
            {
                if (IsSet(mask, c))
                {
                    n++;
                }
            }

            return n;
        }

        public static bool IsSet(byte[] mask, int channel) => (mask[channel >> 3] & (1 << (channel & 7))) != 0;

        private static void Set(byte[] mask, int channel)
        {
            mask[channel >> 3] |= (byte)(1 << (channel & 7));
        }

        private static void SkipSpaces(string s, ref int i)
        {
            while (i < s.Length && s[i] == ' ')
            {
                i++;
            }
        }

        // A channel number of at most three digits after optional spaces; -1 when there is none.
        private static int Number(string s, ref int i)
        {
            SkipSpaces(s, ref i);
            int value = 0;
            int digits = 0;
            while (i < s.Length && s[i] >= '0' && s[i] <= '9' && digits < 4)
            {
                value = value * 10 + (s[i] - '0');
                digits++;
                i++;
            }

            return digits == 0 || digits > 3 ? -1 : value;
        }
    }
}
