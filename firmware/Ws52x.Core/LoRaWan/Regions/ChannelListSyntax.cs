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

        /// <summary>A comma or dash with no number where one was due.</summary>
        MissingNumber,

        /// <summary>A channel index beyond the region's channels.</summary>
        OutOfRange,

        /// <summary>A range whose end comes before its start ("40-1").</summary>
        ReversedRange,
    }

    /// <summary>
    /// The guide's channel-list syntax for US915/AU915/CN470 (and the channel indexes of any region): "1,40", "1-40",
    /// "1-40,60", "all", "null" (every channel off). Blanks are ignored. Indexes count from 0. A list is applied whole
    /// or not at all: on an error the mask is left as it was and the error says where (0-based character position).
    /// </summary>
    public static class ChannelListSyntax
    {
        /// <summary>
        /// Parses <paramref name="text"/> into <paramref name="mask"/> (bit i of word i/16 = channel i enabled) for a
        /// region with <paramref name="channelCount"/> channels. On failure nothing is written and
        /// <paramref name="position"/> is the offending character.
        /// </summary>
        public static ChannelListError Parse(string text, int channelCount, ushort[] mask, out int position)
        {
            position = 0;
            var parsed = new ushort[mask.Length];
            string word = Trimmed(text);
            if (word.Length == 0)
            {
                position = text == null ? 0 : text.Length;
                return ChannelListError.Empty;
            }

            if (IsWord(word, "all"))
            {
                SetRange(parsed, 0, channelCount - 1);
                Copy(parsed, mask);
                return ChannelListError.None;
            }

            if (IsWord(word, "null"))
            {
                Copy(parsed, mask);
                return ChannelListError.None;
            }

            int p = 0;
            int n = text.Length;
            while (true)
            {
                ChannelListError e = ReadNumber(text, ref p, channelCount, out int first);
                if (e != ChannelListError.None)
                {
                    position = p;
                    return e;
                }

                int last = first;
                SkipBlanks(text, ref p);
                if (p < n && text[p] == '-')
                {
                    p++;
                    int rangeAt = p;
                    e = ReadNumber(text, ref p, channelCount, out last);
                    if (e != ChannelListError.None)
                    {
                        position = p;
                        return e;
                    }

                    if (last < first)
                    {
                        position = rangeAt;
                        return ChannelListError.ReversedRange;
                    }

                    SkipBlanks(text, ref p);
                }

                SetRange(parsed, first, last);
                if (p >= n)
                {
                    break;
                }

                if (text[p] != ',')
                {
                    position = p;
                    return ChannelListError.BadCharacter;
                }

                p++;
            }

            Copy(parsed, mask);
            return ChannelListError.None;
        }

        /// <summary>One sentence for a user, with the 1-based column of the problem.</summary>
        public static string Describe(ChannelListError error, int position, int channelCount)
        {
            string at = " at character " + (position + 1).ToString();
            switch (error)
            {
                case ChannelListError.None: return "ok";
                case ChannelListError.Empty: return "empty channel list (use a list like 0-7,64, or all, or null)";
                case ChannelListError.BadCharacter: return "unexpected character" + at + " (digits, ',', '-', all or null)";
                case ChannelListError.MissingNumber: return "a channel number is missing" + at;
                case ChannelListError.OutOfRange: return "channel index out of range" + at + " (0-" + (channelCount - 1).ToString() + ")";
                default: return "range ends before it starts" + at;
            }
        }

        /// <summary>The mask back in the syntax, ranges folded ("0-7,64"); "null" when nothing is enabled.</summary>
        public static string Format(ushort[] mask, int channelCount)
        {
            string text = "";
            int ch = 0;
            while (ch < channelCount)
            {
                if (!IsSet(mask, ch))
                {
                    ch++;
                    continue;
                }

                int end = ch;
                while (end + 1 < channelCount && IsSet(mask, end + 1))
                {
                    end++;
                }

                text += (text.Length == 0 ? "" : ",") + ch.ToString() + (end > ch ? "-" + end.ToString() : "");
                ch = end + 1;
            }

            return text.Length == 0 ? "null" : text;
        }

        private static bool IsSet(ushort[] mask, int ch) => (mask[ch >> 4] & (1 << (ch & 15))) != 0;

        private static ChannelListError ReadNumber(string text, ref int p, int channelCount, out int value)
        {
            value = 0;
            SkipBlanks(text, ref p);
            if (p >= text.Length || text[p] == ',' || text[p] == '-')
            {
                return ChannelListError.MissingNumber;
            }

            int start = p;
            while (p < text.Length && text[p] >= '0' && text[p] <= '9')
            {
                // Saturate instead of overflowing: anything this long is out of range anyway.
                value = value > 100000 ? value : value * 10 + (text[p] - '0');
                p++;
            }

            if (p == start)
            {
                return ChannelListError.BadCharacter;
            }

            if (value >= channelCount)
            {
                p = start;
                return ChannelListError.OutOfRange;
            }

            return ChannelListError.None;
        }

        private static void SkipBlanks(string text, ref int p)
        {
            while (p < text.Length && (text[p] == ' ' || text[p] == '\t'))
            {
                p++;
            }
        }

        private static string Trimmed(string text)
        {
            int start = 0;
            if (text == null)
            {
                return "";
            }

            int end = text.Length;
            SkipBlanks(text, ref start);
            while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
            {
                end--;
            }

            return text.Substring(start, end - start);
        }

        private static bool IsWord(string word, string expected)
        {
            if (word.Length != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < word.Length; i++)
            {
                char c = word[i];
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

        private static void Copy(ushort[] from, ushort[] to)
        {
            for (int i = 0; i < to.Length; i++)
            {
                to[i] = from[i];
            }
        }
    }
}
