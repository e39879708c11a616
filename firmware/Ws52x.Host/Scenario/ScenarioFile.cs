using System;
using System.Collections.Generic;
using System.IO;
using Ws52x.Host.Board;
using Ws52x.Host.Commands;

namespace Ws52x.Host.Scenario
{
    /// <summary>One timed stimulus: board time, the line it came from, and what the board does then.</summary>
    public sealed record ScenarioStep(long AtMicros, int Line, string Text, Action<HostBoard> Apply);

    /// <summary>
    /// A scenario (ws52x run --scenario FILE): one stimulus a line, board time first ("10m downlink 85 ff24010a",
    /// "12m press", "20m5s mains on", "30m gateway off", "31m console status"), '#' starts a comment (in a console line
    /// too), blank lines are skipped, times never go back. The whole file is checked before anything runs; the first bad
    /// line is the error.
    /// </summary>
    public static class ScenarioFile
    {
        /// <summary>Reads and parses a file; I/O problems are <see cref="IOException"/>s, bad lines <see cref="ScenarioException"/>s.</summary>
        public static IReadOnlyList<ScenarioStep> Load(string path)
        {
            return Parse(File.ReadAllText(path), path);
        }

        public static IReadOnlyList<ScenarioStep> Parse(string text, string name)
        {
            var steps = new List<ScenarioStep>();
            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            long previous = 0;
            for (int n = 0; n < lines.Length; n++)
            {
                string line = lines[n];
                int hash = line.IndexOf('#');
                string content = (hash >= 0 ? line.Substring(0, hash) : line).Trim();
                if (content.Length == 0)
                {
                    continue;
                }

                try
                {
                    ScenarioStep step = ParseLine(content, n + 1, previous);
                    previous = step.AtMicros;
                    steps.Add(step);
                }
                catch (ScenarioException e)
                {
                    throw new ScenarioException(name + " line " + (n + 1) + ": " + e.Message);
                }
            }

            return steps;
        }

        private static ScenarioStep ParseLine(string content, int line, long previous)
        {
            string[] words = content.Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
            if (!TryParseTime(words[0], out long at))
            {
                throw new ScenarioException("a line starts with the board time, such as 10m or 20m5s (got '" + ScenarioVerbs.Shorten(words[0]) + "')");
            }

            if (at < previous)
            {
                throw new ScenarioException(words[0] + " is earlier than the line before");
            }

            if (words.Length < 2)
            {
                throw new ScenarioException("a verb must follow the time (" + ScenarioVerbs.Names + ")");
            }

            ScenarioVerbs.Verb verb = ScenarioVerbs.Find(words[1]);
            if (verb == null)
            {
                throw new ScenarioException("unknown verb '" + ScenarioVerbs.Shorten(words[1]) + "' (known: " + ScenarioVerbs.Names + ")");
            }

            string[] args;
            if (verb.RestOfLine)
            {
                // After the time, the verb and the blanks that follow it, as written.
                string rest = content.Substring(content.IndexOf(words[1], words[0].Length, StringComparison.Ordinal) + words[1].Length).Trim();
                args = rest.Length == 0 ? new string[0] : new[] { rest };
                return new ScenarioStep(at, line, words[0] + " " + words[1] + (rest.Length == 0 ? "" : " " + rest), verb.Parse(args));
            }

            args = new string[words.Length - 2];
            Array.Copy(words, 2, args, 0, args.Length);
            return new ScenarioStep(at, line, string.Join(" ", words), verb.Parse(args));
        }

        /// <summary>A duration as --duration takes it, or zero ("0", "0s").</summary>
        internal static bool TryParseTime(string text, out long micros)
        {
            micros = 0;
            if (Cli.TryParseDuration(text, out TimeSpan span))
            {
                micros = span.Ticks / 10;
                return true;
            }

            return System.Text.RegularExpressions.Regex.IsMatch(text, "^0+(ms|s|m|min|h|d)?$");
        }
    }
}
