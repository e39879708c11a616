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
    [Collection(Ws52x.Tests.Config.HeapMeasurements.Name)]
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
        public void Each_device_assembly_fits_in_what_nanoFramework_can_address()
        {
            var (core, application) = NanoCompileCheck.DeviceAssemblies();
            foreach (var (name, image) in new[] { ("Ws52x.Core", core), ("Ws52x.Application", application) })
            {
                var pe = new NanoPe(image);
                Assert.True(pe.ByteCode > 10 * 1024, name + " has only " + pe.ByteCode + " bytes of byte code: is the check compiling it?");
                Assert.True(pe.ByteCode <= NanoPe.TableLimit, name + " has " + pe.ByteCode + " bytes of byte code; nanoFramework addresses " + NanoPe.TableLimit + " per assembly (move sources to the other device assembly, docs/budget.md)");
                Assert.True(pe.Strings <= NanoPe.TableLimit, name + " has about " + pe.Strings + " bytes of strings; nanoFramework addresses " + NanoPe.TableLimit + " per assembly");
            }
        }

        [Fact]
        public void The_core_as_the_device_deploys_it_leaves_the_app_its_share_of_the_assembly_budget()
        {
            var (core, application) = NanoCompileCheck.DeviceAssemblies();
            long deployed = new NanoPe(core).EstimatedSize + new NanoPe(application).EstimatedSize;
            Assert.True(
                deployed + DeviceBudget.Esp32AppAllowanceBytes <= DeviceBudget.AssembliesLimitBytes,
                "Ws52x.Core and Ws52x.Application make about " + deployed + " bytes of .pe; with the app's " + DeviceBudget.Esp32AppAllowanceBytes + " that passes " + DeviceBudget.AssembliesLimitBytes);
        }

        [Fact]
        public void The_byte_code_count_is_the_metadata_processors()
        {
            // One method with each kind of operand the processor rewrites: a string, a call, a field, a branch, a switch,
            // ldtoken (an array initializer) and a try/finally. nanoFramework's MetadataProcessor, built from its sources
            // (docs/budget.md), wrote 96 bytes of byte code for this probe as Roslyn 4.14 compiles it (the tests' compiler;
            // another version may emit other IL, and this figure with it).
            const string source = @"
namespace P
{
    public class C
    {
        private int _f;
        private static readonly byte[] Data = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

        public string M(int x)
        {
            try
            {
                switch (x) { case 0: _f = 1; break; case 1: _f = 2; break; case 2: _f = 3; break; }
            }
            finally
            {
                _f++;
            }

            return x > Data.Length ? ""a"" : ToString();
        }
    }
}";
            var (image, errors) = NanoCompileCheck.Compile("Probe", new[] { NanoCompileCheck.Parse(source) });
            Assert.True(image != null, string.Join("\n", errors));
            Assert.Equal(96, new NanoPe(image).ByteCode);
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
