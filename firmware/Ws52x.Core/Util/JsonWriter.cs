namespace Ws52x.Util
{
    /// <summary>
    /// Writes a JSON object one member per line (two-space indent), into a buffer of fixed capacity: the settings
    /// template as the console prints it. Strings are escaped so that <see cref="JsonReader"/> reads them back exactly.
    /// Past the capacity nothing more is written and <see cref="Overflowed"/> says so.
    /// </summary>
    internal sealed class JsonWriter
    {
        private readonly TextBuffer _text;
        private int _depth;
        private bool _first;

        public JsonWriter(int capacity)
        {
            _text = new TextBuffer(capacity);
        }

        public bool Overflowed => _text.Overflowed;

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
            _text.Append(value);
        }

        public void Member(string name, bool value)
        {
            Name(name);
            Append(value ? "true" : "false");
        }

        public override string ToString() => _text.ToString();

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
                    _text.HexDigit(c >> 4).HexDigit(c);
                }
                else
                {
                    Append(c);
                }
            }

            Append('"');
        }

        private void Append(string s) => _text.Append(s);

        private void Append(char c) => _text.Append(c);
    }
}
