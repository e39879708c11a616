using System;
using System.CommandLine;
using System.Globalization;

namespace Ws52x.Host.Commands
{
    /// <summary>Shared command-line conventions: one clear error line on stderr and exit code 2 for bad input.</summary>
    public static class Cli
    {
        public const int UsageError = 2;

        public static int Invoke(RootCommand root, string[] args)
        {
            ParseResult result = root.Parse(args);
            if (result.Errors.Count > 0)
            {
                return Fail(result.Errors[0].Message);
            }

            try
            {
                return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (CliException e)
            {
                return Fail(e.Message);
            }
        }

        /// <summary>The single value given to an option, or "" when none was: what every custom parser starts from.</summary>
        public static string Token(System.CommandLine.Parsing.ArgumentResult result)
        {
            return result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        }

        public static int Fail(string message)
        {
            Console.Error.WriteLine("ws52x: " + message);
            return UsageError;
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
    }

    /// <summary>Bad user input found inside a command's action; becomes one error line and exit code 2.</summary>
    public sealed class CliException : Exception
    {
        public CliException(string message) : base(message)
        {
        }
    }
}
