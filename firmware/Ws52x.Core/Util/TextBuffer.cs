namespace Ws52x.Util
{
    /// <summary>
    /// Text built in a fixed buffer that is reused, as a log line or a JSON object is: numbers and hex are written
    /// digit by digit, so appending allocates nothing (nanoFramework's mscorlib has no StringBuilder, and every
    /// <c>+</c> of strings makes a new one). What does not fit is cut, and <see cref="Overflowed"/> says so.
    /// </summary>
    public sealed class TextBuffer
    {
        private const string Digits = "0123456789abcdef";

        private readonly char[] _chars;
        private int _length;

        public TextBuffer(int capacity)
        {
            _chars = new char[capacity];
        }

        public int Length => _length;

        public int Capacity => _chars.Length;

        /// <summary>True once something did not fit (since the last <see cref="Clear"/>).</summary>
        public bool Overflowed { get; private set; }

        /// <summary>The buffer itself, valid for [0, <see cref="Length"/>): for a writer that takes characters.</summary>
        public char[] Chars => _chars;

        public TextBuffer Clear()
        {
            _length = 0;
            Overflowed = false;
            return this;
        }

        public TextBuffer Append(char c)
        {
            if (_length == _chars.Length)
            {
                Overflowed = true;
            }
            else
            {
                _chars[_length++] = c;
            }

            return this;
        }

        public TextBuffer Append(string text)
        {
            if (text != null)
            {
                for (int i = 0; i < text.Length; i++)
                {
                    Append(text[i]);
                }
            }

            return this;
        }

        /// <summary>A whole number in decimal, '-' first when negative.</summary>
        public TextBuffer Append(long value)
        {
            return Number(value, 1);
        }

        /// <summary>A whole number in decimal with at least <paramref name="digits"/> digits (leading zeros).</summary>
        public TextBuffer Number(long value, int digits)
        {
            if (value < 0)
            {
                Append('-');
                if (value == long.MinValue)
                {
                    return Append("9223372036854775808");
                }

                value = -value;
            }

            long scale = 1;
            int count = 1;
            while (scale <= value / 10 || count < digits)
            {
                scale *= 10;
                count++;
            }

            for (; scale > 0; scale /= 10)
            {
                Append((char)('0' + (int)(value / scale % 10)));
            }

            return this;
        }

        /// <summary>One lower-case hex digit of the low four bits of <paramref name="value"/>.</summary>
        public TextBuffer HexDigit(int value) => Append(Digits[value & 0xF]);

        /// <summary>Lower-case hex of data[offset..offset+count), no separators.</summary>
        public TextBuffer Hex(byte[] data, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                HexDigit(data[offset + i] >> 4).HexDigit(data[offset + i]);
            }

            return this;
        }

        /// <summary>A 32-bit value as eight lower-case hex digits (a DevAddr).</summary>
        public TextBuffer Hex32(uint value)
        {
            for (int shift = 28; shift >= 0; shift -= 4)
            {
                HexDigit((int)(value >> shift));
            }

            return this;
        }

        /// <summary>A frequency in Hz as MHz with three decimals ("868.100 MHz").</summary>
        public TextBuffer Mhz(int hz)
        {
            return Append(hz / 1000000).Append('.').Number(hz / 1000 % 1000, 3).Append(" MHz");
        }

        /// <summary>Board time as d.hh:mm:ss.mmm (days only when non-zero).</summary>
        public TextBuffer Time(long micros)
        {
            long ms = micros / 1000;
            long days = ms / 86400000;
            ms -= days * 86400000;
            if (days > 0)
            {
                Append(days).Append('.');
            }

            return Number(ms / 3600000, 2).Append(':').Number(ms / 60000 % 60, 2).Append(':').Number(ms / 1000 % 60, 2).Append('.').Number(ms % 1000, 3);
        }

        public override string ToString() => new string(_chars, 0, _length);
    }
}
