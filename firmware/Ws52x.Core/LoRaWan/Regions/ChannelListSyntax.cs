namespace Ws52x.LoRaWan.Regions
{
    /// <summary>Why a channel list (guide 3.2.2) was refused.</summary>
    public enum ChannelListError
    {
        None = 0,

        /// <summary>Nothing but blanks.</summary>
        Empty,

        /// <summary>A character that is not a digit, ',', '-' or a blank.</summary>
        BadCharacter,

        /// <summary>A comma or dash with no number where one was due, or a number of more than three digits.</summary>
        MissingNumber,

        /// <summary>A channel index beyond the region's channels.</summary>
        OutOfRange,

        /// <summary>A range whose end comes before its start ("40-1").</summary>
        ReversedRange,

        /// <summary>More than <see cref="ChannelListSyntax.MaxTextLength"/> characters.</summary>
        TooLong,
    }

    /// <summary>
    /// The guide's channel-list syntax (3.2.2), for the channel settings and the channel plan the MAC applies: "1,40"
    /// enables channels 1 and 40, "1-40" channels 1 to 40, "1-40,60" both, "all" every channel, "null" none; indexes count
    /// from 0, blanks are ignored. A list is applied whole or not at all: on an error the mask is left as it was and the
    /// error says where (0-based character position). The mask has bit i of word i/16 for channel i.
    /// </summary>
    internal static class ChannelListSyntax
    {
        /// <summary>The largest plan (CN470): 96 channels, six 16-bit mask words.</summary>
        public const int MaxChannels = 96;
        public const int MaskWords = MaxChannels / 16;

        /// <summary>Longest text accepted (the longest normal form, every other of 96 channels, is 134 characters).</summary>
        public const int MaxTextLength = 200;

        /// <summary>
        /// Parses <paramref name="text"/> into <paramref name="mask"/> (<see cref="MaskWords"/> words) for a region with
        /// <paramref name="channelCount"/> channels. On failure nothing is written and <paramref name="position"/> is the
        /// offending character.
        /// </summary>
        public static ChannelListError Parse(string text, int channelCount, ushort[] mask, out int position)
        {
            position = 0;
            if (text != null && text.Length > MaxTextLength)
            {
                return ChannelListError.TooLong;
            }

            int p = 0;
            int n = text == null ? 0 : text.Length;
            SkipBlanks(text, ref p);
            int end = n;
            while (end > p && IsBlank(text[end - 1]))
            {
                end--;
            }

            if (p == end)
            {
                position = n;
                return ChannelListError.Empty;
            }

            // Check everything first, then write: a list is taken whole or not at all.
            bool all = IsWord(text, p, end, "all");
            if (all || IsWord(text, p, end, "null"))
            {
                for (int w = 0; w < mask.Length; w++)
                {
                    mask[w] = 0;
                }

                SetRange(mask, 0, all ? channelCount - 1 : -1);
                return ChannelListError.None;
            }

            for (int pass = 0; pass < 2; pass++)
            {
                if (pass == 1)
                {
                    for (int w = 0; w < mask.Length; w++)
                    {
                        mask[w] = 0;
                    }
                }

                p = 0;
                while (true)
                {
                    ChannelListError e = ReadNumber(text, ref p, channelCount, out int first);
                    int last = first;
                    if (e == ChannelListError.None)
                    {
                        SkipBlanks(text, ref p);
                        if (p < n && text[p] == '-')
                        {
                            p++;
                            int rangeAt = p;
                            e = ReadNumber(text, ref p, channelCount, out last);
                            if (e == ChannelListError.None && last < first)
                            {
                                p = rangeAt;
                                e = ChannelListError.ReversedRange;
                            }

                            SkipBlanks(text, ref p);
                        }
                    }

                    if (e == ChannelListError.None && p < n && text[p] != ',')
                    {
                        e = ChannelListError.BadCharacter;
                    }

                    if (e != ChannelListError.None)
                    {
                        position = p;
                        return e;
                    }

                    if (pass == 1)
                    {
                        SetRange(mask, first, last);
                    }

                    if (p >= n)
                    {
                        break;
                    }

                    p++;
                }
            }

            return ChannelListError.None;
        }

        /// <summary>Parses, and answers null when the list is valid or one sentence saying why not.</summary>
        public static string Check(string text, int channelCount, ushort[] mask)
        {
            ChannelListError e = Parse(text, channelCount, mask, out int position);
            return e == ChannelListError.None ? null : Describe(e, position, channelCount, text);
        }

        /// <summary>One sentence for a user, with the 1-based position of the problem in <paramref name="text"/>.</summary>
        public static string Describe(ChannelListError error, int position, int channelCount, string text)
        {
            string at = " at position " + (position + 1).ToString() + " of '" + text + "'";
            switch (error)
            {
                case ChannelListError.None: return null;
                case ChannelListError.Empty: return "empty channel list (use all, null, or e.g. 0-7)";
                case ChannelListError.TooLong: return "channel list longer than " + MaxTextLength.ToString() + " characters";
                case ChannelListError.BadCharacter: return "unexpected '" + text[position].ToString() + "'" + at;
                case ChannelListError.MissingNumber:
                    int before = position - 1;
                    while (before >= 0 && IsBlank(text[before]))
                    {
                        before--;
                    }

                    return "expected " + (before >= 0 && text[before] == '-' ? "the end of the range" : "a channel number") + at;
                case ChannelListError.OutOfRange:
                    return "channel " + Digits(text, position) + " is outside 0-" + (channelCount - 1).ToString() + " of this region";
                default:
                    // ReversedRange: position is the range's end; its start is the number before the dash.
                    int dash = text.LastIndexOf('-', position - 1);
                    int start = dash - 1;
                    while (start > 0 && (IsBlank(text[start]) || IsDigit(text[start - 1])))
                    {
                        start--;
                    }

                    while (start < dash && IsBlank(text[start]))
                    {
                        start++;
                    }

                    return "range " + Digits(text, start) + "-" + Digits(text, position) + " runs backwards";
            }
        }

        /// <summary>The shortest text for a mask: "all", "null", or ranges such as "0-7,16".</summary>
        public static string Format(ushort[] mask, int channelCount)
        {
            int enabled = 0;
            for (int ch = 0; ch < channelCount; ch++)
            {
                enabled += IsSet(mask, ch) ? 1 : 0;
            }

            if (enabled == 0 || enabled == channelCount)
            {
                return enabled == 0 ? "null" : "all";
            }

            string text = "";
            int c = 0;
            while (c < channelCount)
            {
                if (!IsSet(mask, c))
                {
                    c++;
                    continue;
                }

                int end = c;
                while (end + 1 < channelCount && IsSet(mask, end + 1))
                {
                    end++;
                }

                text += (text.Length == 0 ? "" : ",") + c.ToString() + (end > c ? "-" + end.ToString() : "");
                c = end + 1;
            }

            return text;
        }

        public static bool IsSet(ushort[] mask, int channel) => (mask[channel >> 4] & (1 << (channel & 15))) != 0;

        // A channel index of one to three digits after optional blanks.
        private static ChannelListError ReadNumber(string text, ref int p, int channelCount, out int value)
        {
            value = 0;
            SkipBlanks(text, ref p);
            int start = p;
            while (p < text.Length && IsDigit(text[p]))
            {
                value = value * 10 + (text[p] - '0');
                p++;
                if (p - start > 3)
                {
                    p = start;
                    return ChannelListError.MissingNumber;
                }
            }

            if (p == start)
            {
                return p >= text.Length || text[p] == ',' || text[p] == '-' ? ChannelListError.MissingNumber : ChannelListError.BadCharacter;
            }

            if (value >= channelCount)
            {
                p = start;
                return ChannelListError.OutOfRange;
            }

            return ChannelListError.None;
        }

        private static string Digits(string text, int p)
        {
            int end = p;
            while (end < text.Length && IsDigit(text[end]))
            {
                end++;
            }

            return text.Substring(p, end - p);
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsBlank(char c) => c == ' ' || c == '\t';

        private static void SkipBlanks(string text, ref int p)
        {
            while (text != null && p < text.Length && IsBlank(text[p]))
            {
                p++;
            }
        }

        private static bool IsWord(string text, int start, int end, string expected)
        {
            if (end - start != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                char c = text[start + i];
                if (c >= 'A' && c <= 'Z')
                {
                    c = (char)(c + 32);
                }

                if (c != expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static void SetRange(ushort[] mask, int first, int last)
        {
            for (int ch = first; ch <= last; ch++)
            {
                mask[ch >> 4] |= (ushort)(1 << (ch & 15));
            }
        }
    }
}
