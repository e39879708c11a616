namespace Ws52x.Util
{
    /// <summary>
    /// Writes a JSON object one member per line (two-space indent), into a buffer of fixed capacity: the settings
    /// template as the console prints it. Strings are escaped so that <see cref="JsonReader"/> reads them back exactly.
    /// Past the capacity nothing more is written and <see cref="Overflowed"/> says so.
    /// </summary>
    public sealed class JsonWriter
    {
        private readonly char[] _buffer;
        private int _length;
        private int _depth;
        private bool _first;

        public JsonWriter(int capacity)
        {
            _buffer = new char[capacity];
        }

        public bool Overflowed { get; private set; }

        public void BeginObject()
        {
            Append('{');
            _depth++;
            _first = true;
        }

        public void EndObject()
        {
            _depth--;
            NewLine();
            Append('}');
            _first = false;
        }

        public void Member(string name, string value)
        {
            Name(name);
            Quoted(value);
        }

        public void Member(string name, long value)
        {
            Name(name);
            Append(value.ToString());
        }

        public void Member(string name, bool value)
        {
            Name(name);
            Append(value ? "true" : "false");
        }

        public override string ToString() => new string(_buffer, 0, _length);

        private void Name(string name)
        {
            if (!_first)
            {
                Append(',');
            }

            _first = false;
            NewLine();
            Quoted(name);
            Append(": ");
        }

        private void NewLine()
        {
            Append('\n');
            for (int i = 0; i < _depth; i++)
            {
                Append("  ");
            }
        }

        private void Quoted(string s)
        {
            Append('"');
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '"' || c == '\\')
                {
                    Append('\\');
                    Append(c);
                }
                else if (c < ' ')
                {
                    Append("\\u00");
                    Append(Hex.ToHex(new byte[] { (byte)c }));
                }
                else
                {
                    Append(c);
                }
            }

            Append('"');
        }

        private void Append(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                Append(s[i]);
            }
        }

        private void Append(char c)
        {
            if (_length == _buffer.Length)
            {
                Overflowed = true;
                return;
            }

            _buffer[_length++] = c;
        }
    }
}
