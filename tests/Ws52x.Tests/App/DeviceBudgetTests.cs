using System.Linq;
using Ws52x.Benchmarks;
using Ws52x.Tests.Portability;

namespace Ws52x.Tests.App
{
    /// <summary>
    /// The device budget (docs/budget.md) as a regression test: boot heap within 48 KB, nothing allocated per loop turn,
    /// metering sample, uplink or downlink, and the core, compiled as the device build compiles it, small enough to leave
    /// the ESP32 app its share of 200 KB.
    /// </summary>
    public class DeviceBudgetTests
    {
        [Fact]
        public void Every_measured_figure_is_within_its_limit()
        {
            var figures = DeviceBudget.Measure(quick: true);
            Assert.Contains(figures, f => f.Name.StartsWith("boot heap: static tables + allocated") && f.Value > 1000);
            var over = figures.Where(f => !f.WithinLimit).Select(f => f.Name + ": " + f.Value + " " + f.Unit + " (limit " + f.Limit + ")").ToList();
            Assert.True(over.Count == 0, "over the device budget:\n" + string.Join("\n", over));
        }

        [Fact]
        public void The_core_as_the_device_compiles_it_leaves_the_app_its_share_of_the_assembly_budget()
        {
            long core = NanoCompileCheck.CoreAssembly().Length;
            Assert.True(core > 10 * 1024, "the core compiled to only " + core + " bytes: is the check compiling it?");
            Assert.True(
                core + DeviceBudget.Esp32AppAllowanceBytes <= DeviceBudget.AssembliesLimitBytes,
                "Ws52x.Core compiles to " + core + " bytes of IL for nanoFramework; with the app's " + DeviceBudget.Esp32AppAllowanceBytes + " that passes " + DeviceBudget.AssembliesLimitBytes);
        }

        [Fact]
        public void The_per_operation_measure_sees_an_allocation()
        {
            BudgetFigure figure = DeviceBudget.PerOperation("allocates", () => System.GC.KeepAlive(new byte[10]), 1000);
            Assert.False(figure.WithinLimit);
            Assert.True(figure.Value >= 10, figure.Value.ToString());
        }
    }
}
