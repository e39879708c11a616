using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Ws52x.Tests.Docs
{
    /// <summary>
    /// The README and the architecture page name only folders and files that exist, unless they say the thing is
    /// coming (on the same line, or in a table column headed "coming"). Links must resolve.
    /// </summary>
    public class DocumentationPathTests
    {
        private static readonly Regex Code = new Regex("`([A-Za-z0-9_.\\-/]+)`");
        private static readonly Regex Link = new Regex("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        private static readonly string[] Roots = { "firmware/", "tests/", "docs/", "hardware/", "nfproj-settings/" };

        [Theory]
        [InlineData("README.md")]
        [InlineData("docs/architecture.md")]
        public void Every_path_named_exists_or_is_marked_coming(string page)
        {
            string file = Path.Combine(Paths.RepoRoot, page);
            var missing = new List<string>();
            foreach (string[] cells in Cells(File.ReadAllLines(file)))
            {
                foreach (string cell in cells)
                {
                    foreach (Match m in Code.Matches(cell))
                    {
                        string path = m.Groups[1].Value;
                        if (LooksLikePath(path) && !Exists(path))
                        {
                            missing.Add(path + "  in: " + cell.Trim());
                        }
                    }

                    foreach (Match m in Link.Matches(cell))
                    {
                        string target = Path.Combine(Path.GetDirectoryName(file), m.Groups[1].Value);
                        if (!m.Groups[1].Value.Contains("://") && !File.Exists(target) && !Directory.Exists(target))
                        {
                            missing.Add(m.Groups[1].Value + "  (link) in: " + cell.Trim());
                        }
                    }
                }
            }

            Assert.True(missing.Count == 0, page + " names what does not exist (say it is coming, or fix it):\n" + string.Join("\n", missing));
        }

        /// <summary>
        /// The text units that must name only what exists: each sentence of a paragraph, each cell of a table row.
        /// A unit that says "coming", and every cell of a table column headed "coming", is left out.
        /// </summary>
        private static IEnumerable<string[]> Cells(string[] lines)
        {
            var paragraph = new List<string>();
            int comingColumn = -1;
            foreach (string line in lines.Append(""))
            {
                bool tableRow = line.TrimStart().StartsWith("|");
                if (tableRow || line.Trim().Length == 0)
                {
                    string text = string.Join(" ", paragraph);
                    paragraph.Clear();
                    yield return Regex.Split(text, "(?<=\\.)\\s+").Where(s => !Says(s, "coming")).ToArray();
                }
                else
                {
                    paragraph.Add(line);
                    comingColumn = -1;
                    continue;
                }

                if (!tableRow)
                {
                    comingColumn = -1;
                    continue;
                }

                string[] cells = line.Split('|');
                int header = Array.FindIndex(cells, c => c.Trim().Equals("coming", StringComparison.OrdinalIgnoreCase));
                if (header >= 0)
                {
                    comingColumn = header;
                    continue;
                }

                yield return cells.Where((c, i) => i != comingColumn && !Says(c, "coming")).ToArray();
            }
        }

        private static bool Says(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

        /// <summary>A repository path (firmware/..., docs/x.md) or a core folder or file (Socket/, Mac/ILoRaWanLink.cs).</summary>
        private static bool LooksLikePath(string token)
        {
            if (Roots.Any(token.StartsWith))
            {
                return true;
            }

            return Regex.IsMatch(token, "^([A-Z][A-Za-z0-9]*/)+([A-Z][A-Za-z0-9]*\\.cs)?$");
        }

        private static bool Exists(string token)
        {
            string root = Paths.RepoRoot;
            if (File.Exists(Path.Combine(root, token)) || Directory.Exists(Path.Combine(root, token)))
            {
                return true;
            }

            // A core folder or file named from inside the core (Loop/, Frames/, Mac/ILoRaWanLink.cs).
            string suffix = "/" + token.TrimEnd('/');
            string core = Path.Combine(root, "firmware", "Ws52x.Core");
            return Directory.EnumerateFileSystemEntries(core, "*", SearchOption.AllDirectories)
                .Select(p => p.Replace('\\', '/'))
                .Where(p => !p.Contains("/bin/") && !p.Contains("/obj/"))
                .Any(p => p.EndsWith(suffix, StringComparison.Ordinal));
        }
    }
}
