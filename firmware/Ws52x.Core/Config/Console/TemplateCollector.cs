namespace Ws52x.Config.Console
{
    /// <summary>
    /// Gathers a template pasted over several console lines (as `export` prints it) until its closing brace, within
    /// <see cref="Template.MaxLength"/> characters. An empty line cancels. Strings are followed so that a brace inside a
    /// value does not end the template early.
    /// </summary>
    internal sealed class TemplateCollector
    {
        public const int NeedMore = 0;
        public const int Complete = 1;
        public const int Failed = -1;

        // Made when an import starts and let go when it ends: a template is pasted rarely, and 4096 characters kept
        // from boot would be 8 KB of heap for nothing.
        private char[] _text;
        private int _length;
        private int _depth;
        private bool _started;
        private bool _inString;
        private bool _escape;

        public bool Active { get; private set; }

        /// <summary>Why the last <see cref="Add"/> failed.</summary>
        public string Error { get; private set; }

        /// <summary>The template gathered, once <see cref="Add"/> said <see cref="Complete"/>.</summary>
        public string Text { get; private set; }

        public void Begin()
        {
            _text = new char[Template.MaxLength];
            Text = null;
            Active = true;
            _length = 0;
            _depth = 0;
            _started = false;
            _inString = false;
            _escape = false;
            Error = null;
        }

        public void Cancel()
        {
            Active = false;
            _length = 0;
            _text = null;
        }

        /// <summary>Adds one line; <see cref="NeedMore"/>, <see cref="Complete"/> (then read <see cref="Text"/>) or <see cref="Failed"/>.</summary>
        public int Add(string line)
        {
            if (line.Trim().Length == 0)
            {
                return Fail("import cancelled (empty line)");
            }

            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (!_started)
                {
                    if (c == ' ' || c == '\t')
                    {
                        continue;
                    }

                    if (c != '{')
                    {
                        return Fail("a template starts with '{'");
                    }

                    _started = true;
                }
                else if (_depth == 0)
                {
                    if (c == ' ' || c == '\t')
                    {
                        continue;
                    }

                    return Fail("text after the template's closing brace");
                }

                if (_length == _text.Length)
                {
                    return Fail("template longer than " + Template.MaxLength.ToString() + " characters");
                }

                _text[_length++] = c;
                Track(c);
            }

            if (_started && _depth == 0)
            {
                Text = new string(_text, 0, _length);
                Cancel();
                return Complete;
            }

            if (_length == _text.Length)
            {
                return Fail("template longer than " + Template.MaxLength.ToString() + " characters");
            }

            _text[_length++] = '\n';
            return NeedMore;
        }

        private void Track(char c)
        {
            if (_inString)
            {
                if (_escape)
                {
                    _escape = false;
                }
                else if (c == '\\')
                {
                    _escape = true;
                }
                else if (c == '"')
                {
                    _inString = false;
                }

                return;
            }

            if (c == '"')
            {
                _inString = true;
            }
            else if (c == '{' || c == '[')
            {
                _depth++;
            }
            else if (c == '}' || c == ']')
            {
                _depth--;
            }
        }

        private int Fail(string message)
        {
            Error = message;
            Cancel();
            return Failed;
        }
    }
}
