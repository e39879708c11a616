using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Ws52x.Tests.Hardware
{
    /// <summary>
    /// PinMap.cs, the tables in hardware/ and the schematic state the same wiring: each pin named once, no GPIO used
    /// twice, no flash or UART0 pin, input-only pins used as inputs, and every strapping or WROVER-reserved pin justified.
    /// </summary>
    public class PinAgreementTests
    {
        private static string Read(params string[] path) => File.ReadAllText(Path.Combine(new[] { Paths.RepoRoot }.Concat(path).ToArray()));

        private static List<PinRow> PinMap => PinSources.FromPinMap(Read("firmware", "Ws52x.Esp32", "PinMap.cs"));

        [Fact]
        public void PinMap_uses_each_GPIO_once_and_none_of_the_reserved_ones()
        {
            Assert.True(PinMap.Count >= 16, "PinMap.cs pins not found");
            var problems = PinChecks.Assignment(PinMap);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void The_pin_table_names_each_pin_once_as_PinMap_does_and_justifies_the_delicate_ones()
        {
            var table = PinSources.FromPinTable(Read("hardware", "esp32-pins.md"));
            var problems = PinChecks.Agreement(PinMap, table, "hardware/esp32-pins.md").Concat(PinChecks.Justified(table)).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void The_schematic_draws_each_pin_once_as_PinMap_does()
        {
            var drawn = PinSources.FromSchematic(Read("hardware", "schematic", "ws52x-diy.svg"));
            var problems = PinChecks.Agreement(PinMap, drawn, "the schematic");
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [InlineData("rfm95-wiring.md", "RFM95/96 pin", 7)]
        [InlineData("metering-wiring.md", "chip pin", 3)]
        public void Each_parts_table_gives_the_GPIOs_PinMap_gives(string file, string firstColumn, int expectedRows)
        {
            var rows = PinSources.FromPartTable(Read("hardware", file), firstColumn);
            Assert.Equal(expectedRows, rows.Count);
            var problems = PinChecks.Subset(PinMap, rows, "hardware/" + file);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void The_app_readme_lists_the_same_GPIOs()
        {
            var readme = PinSources.Table(Read("firmware", "Ws52x.Esp32", "README.md"), "signal", "GPIO", "notes");
            var gpios = readme.Select(c => int.Parse(c[1])).OrderBy(g => g).ToArray();
            Assert.Equal(PinMap.Select(p => p.Gpio).OrderBy(g => g).ToArray(), gpios);
        }

        [Fact]
        public void The_checks_name_a_pin_used_twice_a_missing_pin_and_an_unjustified_strapping_pin()
        {
            var pinMap = new List<PinRow> { new PinRow("Relay", 16, null, null), new PinRow("Led", 16, null, null), new PinRow("Button", 6, null, null) };
            var assignment = PinChecks.Assignment(pinMap);
            Assert.Contains(assignment, p => p.Contains("GPIO 16") && p.Contains("Relay") && p.Contains("Led"));
            Assert.Contains(assignment, p => p.Contains("GPIO 6") && p.Contains("flash"));

            var table = new List<PinRow> { new PinRow("Relay", 17, "out", "WROVER: PSRAM"), new PinRow("Button", 0, "in", "the boot button"), new PinRow("Extra", 21, "out", ""), new PinRow("Extra", 22, "out", "") };
            var agreement = PinChecks.Agreement(new List<PinRow> { new PinRow("Relay", 16, null, null), new PinRow("Button", 0, null, null), new PinRow("Led", 2, null, null) }, table, "t");
            Assert.Contains(agreement, p => p.Contains("Relay") && p.Contains("17") && p.Contains("16"));
            Assert.Contains(agreement, p => p.Contains("Led") && p.Contains("missing"));
            Assert.Contains(agreement, p => p.Contains("Extra") && p.Contains("2 times"));

            var justified = PinChecks.Justified(new List<PinRow> { new PinRow("Button", 0, "in", "the boot button"), new PinRow("PowerFail", 35, "out", ""), new PinRow("Relay", 16, "out", "") });
            Assert.Contains(justified, p => p.Contains("GPIO 0") && p.Contains("strapping"));
            Assert.Contains(justified, p => p.Contains("GPIO 35") && p.Contains("input-only"));
            Assert.Contains(justified, p => p.Contains("GPIO 16") && p.Contains("WROVER"));
        }
    }
}
