namespace Ws52x.Util
{
    /// <summary>Hex text to bytes and back, for logs, consoles and tests. Parsing writes into a caller-owned buffer.</summary>
    public static class Hex
    {
        private const string Digits = "0123456789abcdef";

        /// <summary>
        /// Parses hex digits (either case; spaces, ':' and '-' between bytes allowed, optional 0x prefix) into
        /// <paramref name="output"/>. Returns the byte count, or -1 for an odd digit count, a non-hex character or
        /// more bytes than fit.
        /// </summary>
        public static int TryParse(string text, byte[] output)
        {
            if (text == null)
            {
                return -1;
            }

            int start = 0;
            if (text.Length >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
            {
                start = 2;
            }

            int count = 0;
            int high = -1;
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ' || c == ':' || c == '-')
                {
                    if (high >= 0)
                    {
                        return -1;
                    }

                    continue;
                }

                int v = DigitValue(c);
                if (v < 0)
                {
                    return -1;
                }

                if (high < 0)
                {
                    high = v;
                    continue;
                }

                if (count == output.Length)
                {
                    return -1;
                }

                output[count++] = (byte)((high << 4) | v);
                high = -1;
            }

            return high >= 0 ? -1 : count;
        }

        /// <summary>Parses hex into a new array of exactly the right size; null when the text is not hex.</summary>
        public static byte[] Parse(string text)
        {
            var buffer = new byte[text == null ? 0 : text.Length / 2 + 1];
            int n = TryParse(text, buffer);
            if (n < 0)
            {
                return null;
            }

            var result = new byte[n];
            System.Array.Copy(buffer, result, n);
            return result;
        }

        /// <summary>Lower-case hex of data[offset..offset+count), no separators.</summary>
        public static string ToHex(byte[] data, int offset, int count)
        {
            var chars = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                byte b = data[offset + i];
                chars[2 * i] = Digits[b >> 4];
                chars[2 * i + 1] = Digits[b & 0xF];
            }

            return new string(chars);
        }

        public static string ToHex(byte[] data) => ToHex(data, 0, data.Length);

        /// <summary>"0x" and two upper-case digits, the way datasheets write register values (error messages, logs).</summary>
        public static string ByteLiteral(int value)
        {
            const string upper = "0123456789ABCDEF";
            return "0x" + upper[(value >> 4) & 0xF].ToString() + upper[value & 0xF].ToString();
        }

        /// <summary>The value of one hex digit (either case), or -1.</summary>
        public static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
