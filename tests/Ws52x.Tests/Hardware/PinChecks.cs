using System.Collections.Generic;
using System.Linq;

namespace Ws52x.Tests.Hardware
{
    /// <summary>The rules behind <see cref="PinAgreementTests"/>: each returns one sentence per problem.</summary>
    public static class PinChecks
    {
        /// <summary>No GPIO twice, none of the module's flash or UART0 pins.</summary>
        public static List<string> Assignment(IReadOnlyList<PinRow> pins)
        {
            var problems = pins.GroupBy(p => p.Gpio).Where(g => g.Count() > 1)
                .Select(g => "GPIO " + g.Key + " is used by " + string.Join(" and ", g.Select(p => p.Name)))
                .ToList();
            problems.AddRange(pins.Where(p => PinSources.Forbidden.Contains(p.Gpio))
                .Select(p => p.Name + " is on GPIO " + p.Gpio + ", which the module reserves (flash on 6-11, UART0 on 1 and 3)"));
            return problems;
        }

        /// <summary>The other source names every PinMap pin exactly once, with the same GPIO, and nothing else.</summary>
        public static List<string> Agreement(IReadOnlyList<PinRow> pinMap, IReadOnlyList<PinRow> other, string where)
        {
            var problems = new List<string>();
            foreach (PinRow pin in pinMap)
            {
                var named = other.Where(o => o.Name == pin.Name).ToList();
                if (named.Count == 0)
                {
                    problems.Add(pin.Name + " (GPIO " + pin.Gpio + ") is missing from " + where);
                }
                else if (named.Count == 1 && named[0].Gpio != pin.Gpio)
                {
                    problems.Add(pin.Name + ": PinMap.cs says GPIO " + pin.Gpio + ", " + where + " says " + named[0].Gpio);
                }
            }

            problems.AddRange(other.GroupBy(o => o.Name).Where(g => g.Count() > 1)
                .Select(g => g.Key + " is named " + g.Count() + " times in " + where));
            problems.AddRange(other.Where(o => pinMap.All(p => p.Name != o.Name)).Select(o => o.Name).Distinct()
                .Select(n => n + " is in " + where + " but not in PinMap.cs"));
            return problems;
        }

        /// <summary>Every row of a part's table matches PinMap (the part uses only some of the pins).</summary>
        public static List<string> Subset(IReadOnlyList<PinRow> pinMap, IReadOnlyList<PinRow> part, string where)
        {
            return part.Where(r => pinMap.All(p => p.Name != r.Name || p.Gpio != r.Gpio))
                .Select(r => r.Name + ": " + where + " says GPIO " + r.Gpio + ", PinMap.cs says " + string.Join(", ", pinMap.Where(p => p.Name == r.Name).Select(p => p.Gpio)))
                .ToList();
        }

        /// <summary>Strapping pins carry a "strapping:" reason; 16/17 name the WROVER caveat; GPIO 34-39 are inputs.</summary>
        public static List<string> Justified(IReadOnlyList<PinRow> table)
        {
            var problems = new List<string>();
            foreach (PinRow row in table)
            {
                string notes = row.Notes ?? string.Empty;
                if (PinSources.Strapping.Contains(row.Gpio) && !notes.Contains("strapping:"))
                {
                    problems.Add(row.Name + " is on GPIO " + row.Gpio + ", a strapping pin: say why it is safe (\"strapping: ...\")");
                }

                if ((row.Gpio == 16 || row.Gpio == 17) && !notes.Contains("WROVER"))
                {
                    problems.Add(row.Name + " is on GPIO " + row.Gpio + ", which WROVER modules give to the PSRAM: say so");
                }

                if (row.Gpio >= 34 && row.Gpio <= 39 && row.Direction != "in")
                {
                    problems.Add(row.Name + " is on GPIO " + row.Gpio + ", an input-only pin, as '" + row.Direction + "'");
                }
            }

            return problems;
        }
    }
}
