namespace Ws52x.Util
{
    /// <summary>
    /// A strict, bounded JSON reader (RFC 8259) for documents a user types or pastes (settings templates): one token
    /// at a time, no objects built. Strict: no comments, no trailing commas, no single quotes, no leading zeros, no
    /// control characters in strings, nothing after the document. Bounded: document length, nesting depth and string
    /// length have limits. Numbers are whole (fractions and exponents are refused: no setting has them). Every error
    /// says what was expected and at which character offset (0-based); after an error the reader stays there.
    /// </summary>
    internal sealed class JsonReader
    {
        public const int MaxDocumentLength = 8192;
        public const int MaxDepth = 8;
        public const int MaxStringLength = 256;

        private const int ExpectValue = 0;
        private const int ExpectValueOrEndArray = 1;
        private const int ExpectNameOrEndObject = 2;
        private const int ExpectName = 3;
        private const int ExpectCommaOrEnd = 4;
        private const int ExpectEnd = 5;

        private readonly string _text;
        private readonly bool[] _inObject = new bool[MaxDepth];
        private readonly char[] _chars = new char[MaxStringLength];
        private int _pos;
        private int _depth;
        private int _expect;

        public JsonReader(string text)
        {
            _text = text ?? "";
            if (_text.Length > MaxDocumentLength)
            {
                Fail(0, "document longer than " + MaxDocumentLength.ToString() + " characters (" + _text.Length.ToString() + ")");
            }
        }

        public JsonToken Token { get; private set; }

        /// <summary>The string or property name just read.</summary>
        public string Text { get; private set; }

        /// <summary>The number just read.</summary>
        public long Number { get; private set; }

        /// <summary>Where the token (or the error) starts, as a 0-based character offset.</summary>
        public int Offset { get; private set; }

        /// <summary>"offset N: what was wrong", after <see cref="JsonToken.Error"/>.</summary>
        public string Error { get; private set; }

        /// <summary>Nesting depth after the token: 1 inside the top-level object.</summary>
        public int Depth => _depth;

        public JsonToken Read()
        {
            if (Token == JsonToken.Error || Token == JsonToken.EndOfDocument)
            {
                return Token;
            }

            SkipWhitespace();
            Offset = _pos;
            switch (_expect)
            {
                case ExpectEnd:
                    return _pos == _text.Length ? Set(JsonToken.EndOfDocument) : Fail(_pos, "text after the end of the document");
                case ExpectCommaOrEnd:
                    if (_pos == _text.Length)
                    {
                        return Fail(_pos, "document ends inside " + (_inObject[_depth - 1] ? "an object" : "an array"));
                    }

                    char c = _text[_pos];
                    if (c == ',')
                    {
                        _pos++;
                        _expect = _inObject[_depth - 1] ? ExpectName : ExpectValue;
                        return Read();
                    }

                    if ((c == '}' && _inObject[_depth - 1]) || (c == ']' && !_inObject[_depth - 1]))
                    {
                        return Close();
                    }

                    return Fail(_pos, _inObject[_depth - 1] ? "expected ',' or '}'" : "expected ',' or ']'");
                case ExpectNameOrEndObject:
                    if (_pos < _text.Length && _text[_pos] == '}')
                    {
                        return Close();
                    }

                    return ReadName();
                case ExpectName:
                    return ReadName();
                case ExpectValueOrEndArray:
                    if (_pos < _text.Length && _text[_pos] == ']')
                    {
                        return Close();
                    }

                    return ReadValue();
                default:
                    return ReadValue();
            }
        }

        /// <summary>Skips the value that follows a property name, however deep; false on an error.</summary>
        public bool SkipValue()
        {
            JsonToken t = Read();
            if (t != JsonToken.StartObject && t != JsonToken.StartArray)
            {
                return t != JsonToken.Error && t != JsonToken.EndOfDocument;
            }

            int depth = _depth - 1;
            while (_depth > depth)
            {
                if (Read() == JsonToken.Error)
                {
                    return false;
                }
            }

            return true;
        }

        private JsonToken ReadName()
        {
            if (_pos >= _text.Length || _text[_pos] != '"')
            {
                return Fail(_pos, "expected a property name in double quotes");
            }

            if (!ReadString())
            {
                return Token;
            }

            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != ':')
            {
                return Fail(_pos, "expected ':' after the name \"" + Text + "\"");
            }

            _pos++;
            _expect = ExpectValue;
            return Set(JsonToken.PropertyName);
        }

        private JsonToken ReadValue()
        {
            if (_pos >= _text.Length)
            {
                return Fail(_pos, _depth == 0 ? "empty document" : "expected a value");
            }

            char c = _text[_pos];
            switch (c)
            {
                case '{':
                case '[':
                    if (_depth == MaxDepth)
                    {
                        return Fail(_pos, "nested deeper than " + MaxDepth.ToString() + " levels");
                    }

                    _inObject[_depth++] = c == '{';
                    _pos++;
                    _expect = c == '{' ? ExpectNameOrEndObject : ExpectValueOrEndArray;
                    return Set(c == '{' ? JsonToken.StartObject : JsonToken.StartArray);
                case '"':
                    return ReadString() ? AfterValue(JsonToken.String) : Token;
                case 't':
                    return Literal("true", JsonToken.True);
                case 'f':
                    return Literal("false", JsonToken.False);
                case 'n':
                    return Literal("null", JsonToken.Null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    return Fail(_pos, "expected a value, found '" + Printable(c) + "'");
            }
        }

        private JsonToken Close()
        {
            bool wasObject = _inObject[--_depth];
            _pos++;
            return AfterValue(wasObject ? JsonToken.EndObject : JsonToken.EndArray);
        }

        private JsonToken AfterValue(JsonToken token)
        {
            _expect = _depth == 0 ? ExpectEnd : ExpectCommaOrEnd;
            return Set(token);
        }

        private JsonToken Literal(string word, JsonToken token)
        {
            int start = _pos;
            for (int i = 0; i < word.Length; i++)
            {
                if (_pos + i >= _text.Length || _text[_pos + i] != word[i])
                {
                    return Fail(start, "expected a value (true, false, null, a number, a string, an object or an array)");
                }
            }

            _pos += word.Length;
            if (_pos < _text.Length && IsWordChar(_text[_pos]))
            {
                return Fail(start, "expected a value (true, false, null, a number, a string, an object or an array)");
            }

            return AfterValue(token);
        }

        private JsonToken ReadNumber()
        {
            int start = _pos;
            bool negative = _text[_pos] == '-';
            if (negative)
            {
                _pos++;
            }

            int digitsStart = _pos;
            long value = 0;
            while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
            {
                if (_pos - digitsStart == 18)
                {
                    return Fail(start, "number with more than 18 digits");
                }

                value = value * 10 + (_text[_pos] - '0');
                _pos++;
            }

            int digits = _pos - digitsStart;
            if (digits == 0)
            {
                return Fail(start, "'-' without digits");
            }

            if (digits > 1 && _text[digitsStart] == '0')
            {
                return Fail(start, "number with a leading zero");
            }

            if (_pos < _text.Length && (_text[_pos] == '.' || _text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                return Fail(start, "only whole numbers are allowed (no fraction or exponent)");
            }

            if (_pos < _text.Length && IsWordChar(_text[_pos]))
            {
                return Fail(_pos, "unexpected '" + Printable(_text[_pos]) + "' in a number");
            }

            Number = negative ? -value : value;
            return AfterValue(JsonToken.Number);
        }

        // Reads "..." at _pos into Text; false (Token = Error) when it is not a valid string.
        private bool ReadString()
        {
            int start = _pos;
            _pos++;
            int n = 0;
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    Fail(start, "string not closed");
                    return false;
                }

                char c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    Text = new string(_chars, 0, n);
                    return true;
                }

                if (c < ' ')
                {
                    Fail(_pos, "control character in a string (write it as an escape)");
                    return false;
                }

                if (n == MaxStringLength)
                {
                    Fail(start, "string longer than " + MaxStringLength.ToString() + " characters");
                    return false;
                }

                if (c != '\\')
                {
                    _chars[n++] = c;
                    _pos++;
                    continue;
                }

                if (_pos + 1 >= _text.Length)
                {
                    Fail(_pos, "string not closed");
                    return false;
                }

                char e = _text[_pos + 1];
                _pos += 2;
                switch (e)
                {
                    case '"': _chars[n++] = '"'; break;
                    case '\\': _chars[n++] = '\\'; break;
                    case '/': _chars[n++] = '/'; break;
                    case 'b': _chars[n++] = '\b'; break;
                    case 'f': _chars[n++] = '\f'; break;
                    case 'n': _chars[n++] = '\n'; break;
                    case 'r': _chars[n++] = '\r'; break;
                    case 't': _chars[n++] = '\t'; break;
                    case 'u':
                        int code = 0;
                        for (int i = 0; i < 4; i++)
                        {
                            int d = _pos < _text.Length ? Hex.DigitValue(_text[_pos]) : -1;
                            if (d < 0)
                            {
                                Fail(_pos, "\\u needs four hex digits");
                                return false;
                            }

                            code = (code << 4) | d;
                            _pos++;
                        }

                        _chars[n++] = (char)code;
                        break;
                    default:
                        Fail(_pos - 2, "unknown escape '\\" + Printable(e) + "'");
                        return false;
                }
            }
        }

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    return;
                }

                _pos++;
            }
        }

        private JsonToken Set(JsonToken token)
        {
            Token = token;
            return token;
        }

        private JsonToken Fail(int offset, string message)
        {
            Offset = offset;
            Error = "offset " + offset.ToString() + ": " + message;
            Token = JsonToken.Error;
            return Token;
        }

        private static bool IsWordChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';

        private static string Printable(char c) => c >= ' ' && c <= '~' ? c.ToString() : "\\u" + Hex.ToHex(new byte[] { (byte)(c >> 8), (byte)c });
    }
}
