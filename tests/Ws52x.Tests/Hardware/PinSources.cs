using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Ws52x.Tests.Hardware
{
    /// <summary>One pin as one source states it: the PinMap name (or the part's pin), its GPIO, and what else the row says.</summary>
    public sealed record PinRow(string Name, int Gpio, string Direction, string Notes);

    /// <summary>
    /// Reads the pin assignments out of each place that states them: PinMap.cs, the Markdown tables of hardware/, the
    /// schematic SVG. Functions of text, so the checks can be shown to fail on bad input.
    /// </summary>
    public static class PinSources
    {
        /// <summary>Integer constants of PinMap.cs that are not pins.</summary>
        public static readonly string[] NotPins = { "SpiBus", "ConsoleBaud" };

        /// <summary>ESP32 strapping pins: their level at reset selects the boot mode, flash voltage or timing.</summary>
        public static readonly int[] Strapping = { 0, 2, 5, 12, 15 };

        /// <summary>GPIO 6-11 are the module's flash; 1 and 3 are UART0 (the debugger and flashing).</summary>
        public static readonly int[] Forbidden = { 1, 3, 6, 7, 8, 9, 10, 11 };

        /// <summary>The RFM95 and metering tables name the part's pins; these are the PinMap names they stand for.</summary>
        public static readonly Dictionary<string, string> PartPins = new Dictionary<string, string>
        {
            ["SCK"] = "RadioSck",
            ["MISO"] = "RadioMiso",
            ["MOSI"] = "RadioMosi",
            ["NSS"] = "RadioNss",
            ["RESET"] = "RadioReset",
            ["DIO0"] = "RadioDio0",
            ["DIO1"] = "RadioDio1",
            ["CF"] = "MeteringCf",
            ["CF1"] = "MeteringCf1",
            ["SEL"] = "MeteringSel",
        };

        private static readonly Regex IntConstant = new Regex(@"public\s+const\s+int\s+(?<name>\w+)\s*=\s*(?<value>\d+)\s*;");

        public static List<PinRow> FromPinMap(string source)
        {
            return IntConstant.Matches(source)
                .Select(m => new PinRow(m.Groups["name"].Value, int.Parse(m.Groups["value"].Value), null, null))
                .Where(p => !NotPins.Contains(p.Name))
                .ToList();
        }

        /// <summary>Rows of the Markdown table whose header has the given columns, as cell arrays (header and rule skipped).</summary>
        public static List<string[]> Table(string markdown, params string[] header)
        {
            var rows = new List<string[]>();
            bool inside = false;
            foreach (string raw in markdown.Split('\n'))
            {
                string line = raw.Trim();
                if (!line.StartsWith("|", StringComparison.Ordinal))
                {
                    inside = false;
                    continue;
                }

                string[] cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                if (!inside)
                {
                    inside = header.Length <= cells.Length && header.Select((h, i) => string.Equals(h, cells[i], StringComparison.OrdinalIgnoreCase)).All(b => b);
                    continue;
                }

                if (cells.All(c => c.Trim('-', ':').Length == 0))
                {
                    continue;
                }

                rows.Add(cells);
            }

            return rows;
        }

        /// <summary>hardware/esp32-pins.md: | signal | GPIO | PinMap | dir | notes |.</summary>
        public static List<PinRow> FromPinTable(string markdown)
        {
            return Table(markdown, "signal", "GPIO", "PinMap", "dir", "notes")
                .Select(c => new PinRow(c[2], ParseGpio(c[1]), c[3], c.Length > 4 ? c[4] : string.Empty))
                .ToList();
        }

        /// <summary>A part's table whose first column is the part's pin and whose second is the ESP32 GPIO ("—" = none).</summary>
        public static List<PinRow> FromPartTable(string markdown, string firstColumn)
        {
            return Table(markdown, firstColumn, "ESP32 GPIO")
                .Where(c => PartPins.ContainsKey(c[0]))
                .Select(c => new PinRow(PartPins[c[0]], ParseGpio(c[1]), null, null))
                .ToList();
        }

        /// <summary>The schematic's ESP32 pins: every &lt;g class="esp32-pin" data-gpio data-signal&gt;.</summary>
        public static List<PinRow> FromSchematic(string svg)
        {
            return XDocument.Parse(svg).Descendants()
                .Where(e => e.Name.LocalName == "g" && (string)e.Attribute("class") == "esp32-pin")
                .Select(e => new PinRow((string)e.Attribute("data-signal"), ParseGpio((string)e.Attribute("data-gpio")), null, null))
                .ToList();
        }

        private static int ParseGpio(string cell)
        {
            return int.TryParse(cell, out int gpio) ? gpio : -1;
        }
    }
}
