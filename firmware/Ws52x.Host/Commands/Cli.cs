using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;

namespace Ws52x.Host.Commands
{
    /// <summary>
    /// Shared command-line conventions. Every option parses its own value and, when the value is wrong, says in one
    /// plain line which option wants what; help shows the syntax an option accepts and its default as one would type
    /// it. A user error is one line "ws52x: ..." on stderr and exit code 2; output that cannot be written is one line
    /// and exit code 1; never a stack trace. Commands write to the invocation's output, not to Console directly.
    /// </summary>
    public static partial class Cli
    {
        public const int UsageError = 2;
        public const int OutputError = 1;

        /// <summary>How many characters of the user's input an error message repeats.</summary>
        public const int EchoLength = 32;

        public static int Invoke(RootCommand root, string[] args) => Invoke(root, args, Console.Out, Console.Error);

        /// <summary>Parses and runs <paramref name="args"/>, with the command's output and errors going to the given writers.</summary>
        public static int Invoke(RootCommand root, string[] args, TextWriter output, TextWriter error)
        {
            var watched = new WatchedWriter(output);
            try
            {
                ParseResult result = root.Parse(args);
                if (result.Errors.Count > 0)
                {
                    return Fail(error, BoundQuotes(result.Errors[0].Message));
                }

                return result.Invoke(new InvocationConfiguration { Output = watched, Error = error, EnableDefaultExceptionHandler = false });
            }
            catch (CliException e)
            {
                return Fail(error, e.Message);
            }
            catch (IOException e)
            {
                // Mostly stdout on a full disk (> /dev/full); stderr may work still, and if it does not there is nobody to tell.
                TryWriteLine(error, "ws52x: " + (watched.Failed ? "cannot write the output: " : "input/output error: ") + e.Message);
                return OutputError;
            }
            catch (Exception e)
            {
                // A bug of ours, not the user's: still one line (the tests catch it by its exit code and text).
                TryWriteLine(error, "ws52x: internal error, please report it: " + e.Message);
                return OutputError;
            }
        }

        /// <summary>Writes "ws52x: message" on <paramref name="error"/>; returns the usage error exit code.</summary>
        public static int Fail(TextWriter error, string message)
        {
            TryWriteLine(error, "ws52x: " + message);
            return UsageError;
        }

        /// <summary>Writes "ws52x: message" on <paramref name="error"/>; returns the exit code of a file that cannot be read or written.</summary>
        public static int FailIo(TextWriter error, string message)
        {
            TryWriteLine(error, "ws52x: " + message);
            return OutputError;
        }

        /// <summary>The user's text quoted for an error message, cut to its first <see cref="EchoLength"/> characters when longer.</summary>
        public static string Echo(string text)
        {
            text = text ?? "";
            if (text.Length <= EchoLength)
            {
                return "'" + text + "'";
            }

            return "'" + text.Substring(0, EchoLength) + "…' (" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
        }

        /// <summary>The single value given to an option, or "" when none was: what every custom parser starts from.</summary>
        public static string Token(ArgumentResult result)
        {
            return result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        }

        /// <summary>The option's value when it was given, else <paramref name="fallback"/> (defaults live in the description, as typed).</summary>
        public static T ValueOr<T>(ParseResult parse, Option<T> option, T fallback)
        {
            return parse.GetResult(option) == null ? fallback : parse.GetValue(option);
        }

        /// <summary>An on/off switch that takes no value.</summary>
        public static Option<bool> Flag(string name, string description)
        {
            return new Option<bool>(name) { Description = description, Arity = ArgumentArity.Zero };
        }

        /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> (help: &lt;min-max&gt;).</summary>
        public static Option<int> Integer(string name, string description, int min, int max, string unit = null)
        {
            return new Option<int>(name)
            {
                Description = description,
                HelpName = Range(min, max),
                CustomParser = r =>
                {
                    string t = Token(r);
                    if (TryParseWhole(t, false, out long v) && v >= min && v <= max)
                    {
                        return (int)v;
                    }

                    r.AddError(name + " takes a whole number from " + Range(min, max, " to ") + (unit == null ? "" : " " + unit) + " (got " + Echo(t) + ")");
                    return min;
                },
            };
        }

        /// <summary>The rating the tools assume when --rated-current is not given: the core's default metering board's.</summary>
        public static readonly int DefaultRatedCurrentAmps = new Ws52x.Metering.MeteringBoard().RatedCurrentMilliamps / 1000;

        /// <summary>--rated-current, 1-255 A: a board's rating bounds the overcurrent thresholds a downlink or a template may set.</summary>
        public static Option<int> RatedCurrent()
        {
            return Integer("--rated-current", "The board's rated current in A: the highest overcurrent threshold a downlink or a template may set (default: " +
                DefaultRatedCurrentAmps.ToString(CultureInfo.InvariantCulture) + ").", 1, 255, "A");
        }

        /// <summary>A whole number from 0 to 4294967295, in decimal or as 0x hex, such as a 32-bit frame counter.</summary>
        public static Option<long> UInt32(string name, string description)
        {
            return new Option<long>(name)
            {
                Description = description,
                HelpName = "0-4294967295|0x0-0xffffffff",
                CustomParser = r =>
                {
                    string t = Token(r);
                    if (TryParseWhole(t, true, out long v) && v <= uint.MaxValue)
                    {
                        return v;
                    }

                    r.AddError(name + " takes a whole number from 0 to 4294967295, decimal or 0x hex (got " + Echo(t) + ")");
                    return 0;
                },
            };
        }

        /// <summary>One of <paramref name="names"/> (any case), standing for the value at the same index.</summary>
        public static Option<T> Choice<T>(string name, string description, string[] names, T[] values)
        {
            return new Option<T>(name)
            {
                Description = description,
                HelpName = string.Join("|", names),
                Arity = ArgumentArity.ExactlyOne, // a bool choice (on|off) takes its value too
                CustomParser = r =>
                {
                    string t = Token(r);
                    for (int i = 0; i < names.Length; i++)
                    {
                        if (string.Equals(t, names[i], StringComparison.OrdinalIgnoreCase))
                        {
                            return values[i];
                        }
                    }

                    r.AddError(name + " takes " + OneOf(names) + " (got " + Echo(t) + ")");
                    return values[0];
                },
            };
        }

        /// <summary>Exactly <paramref name="length"/> bytes written as hex digits (help: &lt;N hex digits&gt;).</summary>
        public static Option<byte[]> HexBytes(string name, string description, int length)
        {
            string digits = (2 * length).ToString(CultureInfo.InvariantCulture) + " hex digits";
            return new Option<byte[]>(name)
            {
                Description = description,
                HelpName = digits,
                CustomParser = r =>
                {
                    string t = Token(r);
                    byte[] b = Ws52x.Util.Hex.Parse(t);
                    if (b != null && b.Length == length)
                    {
                        return b;
                    }

                    r.AddError(name + " takes " + length.ToString(CultureInfo.InvariantCulture) + (length == 1 ? " byte" : " bytes") + " as " + digits + " (got " + Echo(t) + ")");
                    return null;
                },
            };
        }

        /// <summary>
        /// A time span such as 90s, 20m, 24h or 1h30m, from <paramref name="min"/> to <paramref name="max"/>;
        /// <paramref name="range"/> says those bounds as typed (e.g. "from 1m to 1080m"), or is null when any span goes.
        /// </summary>
        public static Option<TimeSpan> Duration(string name, string description, TimeSpan min, TimeSpan max, string helpName, string range)
        {
            return new Option<TimeSpan>(name)
            {
                Description = description,
                HelpName = helpName,
                CustomParser = r =>
                {
                    string t = Token(r);
                    if (TryParseDuration(t, out TimeSpan span) && span >= min && span <= max)
                    {
                        return span;
                    }

                    r.AddError(name + " takes a time span such as 90s, 20m, 24h or 1h30m" + (range == null ? "" : ", " + range) + " (got " + Echo(t) + ")");
                    return min;
                },
            };
        }

        /// <summary>"a, b or c".</summary>
        public static string OneOf(string[] names)
        {
            return names.Length == 1 ? names[0] : string.Join(", ", names, 0, names.Length - 1) + " or " + names[names.Length - 1];
        }

        /// <summary>Parses a time span such as 90s, 20m, 24h, 2d, 500ms or 1h30m; false on anything else or zero.</summary>
        public static bool TryParseDuration(string text, out TimeSpan span)
        {
            span = TimeSpan.Zero;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            string s = text.Trim().ToLowerInvariant();
            int i = 0;
            double totalSeconds = 0;
            while (i < s.Length)
            {
                int start = i;
                while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.'))
                {
                    i++;
                }

                if (start == i || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value))
                {
                    return false;
                }

                int unitStart = i;
                while (i < s.Length && char.IsLetter(s[i]))
                {
                    i++;
                }

                double scale;
                switch (s.Substring(unitStart, i - unitStart))
                {
                    case "ms": scale = 0.001; break;
                    case "s": scale = 1; break;
                    case "m": case "min": scale = 60; break;
                    case "h": scale = 3600; break;
                    case "d": scale = 86400; break;
                    default: return false;
                }

                totalSeconds += value * scale;
            }

            if (totalSeconds <= 0 || totalSeconds > TimeSpan.MaxValue.TotalSeconds / 2)
            {
                return false;
            }

            span = TimeSpan.FromSeconds(totalSeconds);
            return true;
        }

        /// <summary>Digits only (or 0x and hex digits when <paramref name="hexToo"/>): no sign, no spaces, no decimal point.</summary>
        private static bool TryParseWhole(string text, bool hexToo, out long value)
        {
            if (hexToo && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && value >= 0;
            }

            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        private static string Range(long min, long max, string to = "-")
        {
            return min.ToString(CultureInfo.InvariantCulture) + to + max.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Shortens every 'quoted' part of a parser message (the user's tokens) as <see cref="Echo"/> does.</summary>
        private static string BoundQuotes(string message)
        {
            int open = message.IndexOf('\'');
            while (open >= 0)
            {
                int close = message.IndexOf('\'', open + 1);
                if (close < 0)
                {
                    break;
                }

                string quoted = message.Substring(open + 1, close - open - 1);
                string echoed = quoted.EndsWith("…", StringComparison.Ordinal) ? "'" + quoted + "'" : Echo(quoted);
                message = message.Substring(0, open) + echoed + message.Substring(close + 1);
                open = message.IndexOf('\'', open + echoed.Length);
            }

            return message;
        }

        private static void TryWriteLine(TextWriter writer, string line)
        {
            try
            {
                writer.WriteLine(line);
                writer.Flush();
            }
            catch (IOException)
            {
                // The error stream is gone too: the exit code is all that is left to say it.
            }
        }

        /// <summary>Passes writes through and remembers whether one failed, so an I/O error can be told apart from others.</summary>
        private sealed class WatchedWriter : TextWriter
        {
            private readonly TextWriter _inner;

            public WatchedWriter(TextWriter inner)
            {
                _inner = inner;
            }

            public bool Failed { get; private set; }

            public override System.Text.Encoding Encoding => _inner.Encoding;

            public override void Write(char value) => Guard(() => _inner.Write(value));

            public override void Write(string value) => Guard(() => _inner.Write(value));

            public override void Write(char[] buffer, int index, int count) => Guard(() => _inner.Write(buffer, index, count));

            public override void WriteLine(string value) => Guard(() => _inner.WriteLine(value));

            public override void Flush() => Guard(() => _inner.Flush());

            private void Guard(Action write)
            {
                try
                {
                    write();
                }
                catch (IOException)
                {
                    Failed = true;
                    throw;
                }
            }
        }
    }

    /// <summary>Bad user input found inside a command's action; becomes one error line and exit code 2.</summary>
    public sealed class CliException : Exception
    {
        public CliException(string message) : base(message)
        {
        }
    }
}
