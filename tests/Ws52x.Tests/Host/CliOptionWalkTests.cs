using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text.RegularExpressions;

namespace Ws52x.Tests.Host
{
    /// <summary>
    /// Every option of every ws52x command, found by walking the command tree (so a new option is covered without
    /// touching this test): a bad value is one plain line naming the option and exit code 2, never a .NET type
    /// name; help shows the syntax each option accepts and a default that the option itself accepts.
    /// </summary>
    public class CliOptionWalkTests
    {
        private static readonly string[] BadValues = { "abc", "99999999999999999999", "7.0", "-1", "" };

        /// <summary>
        /// Options whose value is any name (a folder, a file): most text is a good value there, and a good value would start
        /// a board that runs until stopped, so these get values that are wrong for that option in particular.
        /// </summary>
        private static readonly Dictionary<string, string[]> BadValuesOf = new Dictionary<string, string[]>
        {
            // A file where a folder belongs, and no name at all.
            ["--state"] = new[] { typeof(CliOptionWalkTests).Assembly.Location, "" },
            // A folder where a file belongs, a file that is not there, and no name at all.
            ["--trace"] = new[] { System.IO.Path.GetTempPath(), "" },
            ["--scenario"] = new[] { System.IO.Path.GetTempPath(), "no-such-scenario.txt", "" },
            // Any host name is a good value (it starts a board at real time): ports out of range, and no name at all.
            ["--gateway-udp"] = new[] { "localhost:0", "localhost:99999999999999999999", "localhost:7.0", ":1700", "" },
        };

        /// <summary>What a command needs besides the option under test: its arguments and required options.</summary>
        private static readonly Dictionary<string, string> GoodValues = new Dictionary<string, string>
        {
            ["--sf"] = "7",
            ["--bytes"] = "13",
        };

        /// <summary>Each command as the words that invoke it ([] for the root), with the command itself.</summary>
        public static IEnumerable<(string[] Path, Command Command)> Commands()
        {
            return Below(new string[0], Ws52x.Host.Program.BuildRoot());
        }

        // Subcommands at any depth (template validate), so that a nested command's options are walked too.
        private static IEnumerable<(string[] Path, Command Command)> Below(string[] path, Command command)
        {
            yield return (path, command);
            foreach (Command sub in command.Subcommands)
            {
                foreach (var nested in Below(path.Append(sub.Name).ToArray(), sub))
                {
                    yield return nested;
                }
            }
        }

        private static IEnumerable<Option> UserOptions(Command c) =>
            c.Options.Where(o => o.Name != "--help" && o.Name != "--version" && !(o is System.CommandLine.Help.HelpOption));

        private static bool TakesValue(Option o) => o.Arity.MaximumNumberOfValues > 0;

        /// <summary>The command's words, a valid value for each of its arguments and required options other than <paramref name="except"/>.</summary>
        private static List<string> BaseArgs(string[] path, Command c, Option except)
        {
            var args = new List<string>(path);
            foreach (Argument a in c.Arguments)
            {
                args.Add(a.Name == "json" ? "{\"socket_status\":\"on\"}" : "087001");
            }

            foreach (Option o in UserOptions(c).Where(o => o.Required && o != except))
            {
                args.Add(o.Name);
                args.Add(GoodValues[o.Name]);
            }

            return args;
        }

        [Fact]
        public void Every_option_of_every_command_refuses_a_bad_value_in_one_plain_line_naming_it()
        {
            int checkedCases = 0;
            foreach (var (path, command) in Commands())
            {
                foreach (Option option in UserOptions(command))
                {
                    string[] values = !TakesValue(option) ? new[] { "abc" }
                        : BadValuesOf.TryGetValue(option.Name, out string[] own) ? own : BadValues;
                    foreach (string bad in values)
                    {
                        List<string> args = BaseArgs(path, command, option);
                        args.Add(option.Name);
                        args.Add(bad);
                        string shown = "ws52x " + string.Join(" ", args);
                        var r = HostProcess.InProcess(args.ToArray());
                        Assert.True(r.ExitCode == 2, shown + ": exit code " + r.ExitCode + "\n" + r.Stderr);
                        string[] lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                        Assert.True(lines.Length == 1, shown + ": " + lines.Length + " lines\n" + r.Stderr);
                        Assert.StartsWith("ws52x: ", lines[0]);
                        Assert.DoesNotContain("System.", lines[0]);
                        Assert.Equal("", r.Stdout);
                        if (TakesValue(option) && bad != "-1")
                        {
                            Assert.True(lines[0].Contains(option.Name), shown + ": the message does not name the option: " + lines[0]);
                        }

                        checkedCases++;
                    }
                }
            }

            Assert.True(checkedCases > 100, checkedCases + " cases");
        }

        [Fact]
        public void Help_shows_each_option_with_the_syntax_it_accepts_and_a_default_it_accepts()
        {
            foreach (var (path, command) in Commands())
            {
                var help = HostProcess.InProcess(path.Concat(new[] { "--help" }).ToArray());
                Assert.Equal(0, help.ExitCode);
                Assert.DoesNotContain("[default:", help.Stdout);
                Assert.DoesNotContain("System.", help.Stdout);
                foreach (Option option in UserOptions(command).Where(TakesValue))
                {
                    // The syntax was set for the option, not derived from its name or its .NET type.
                    Assert.False(string.IsNullOrEmpty(option.HelpName), option.Name + " has no syntax in help");
                    Assert.Contains(option.Name + " <" + option.HelpName + ">", help.Stdout);
                    Assert.DoesNotMatch("[A-Z][a-z]+[0-9]*\\|[A-Z]", option.HelpName);

                    Match d = Regex.Match(option.Description ?? "", "\\(default: ([^,)]+)");
                    if (d.Success)
                    {
                        List<string> args = BaseArgs(path, command, option);
                        args.Add(option.Name);
                        args.Add(d.Groups[1].Value);
                        var parse = Ws52x.Host.Program.BuildRoot().Parse(args);
                        Assert.True(parse.Errors.Count == 0, option.Name + " does not accept its own default '" + d.Groups[1].Value + "': "
                            + string.Join("; ", parse.Errors.Select(e => e.Message)));
                    }
                }
            }
        }
    }
}
