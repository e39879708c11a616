using System;
using System.Linq;

namespace Ws52x.Tests.Config
{
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class HeapMeasurements
    {
        /// <summary>
        /// Tests that read the process's heap size or count what the firmware allocates, which other tests running
        /// alongside would disturb: besides their own allocations, a test on another region makes the next
        /// KnownRegions.Find on the measured thread build its region again (about 2 KB that the device, with one region,
        /// never allocates; it pushed the budget run past its limit now and then).
        /// </summary>
        public const string Name = "Heap measurements";
    }

    /// <summary>The console allocates per command only: what it keeps does not grow with the lines it handles.</summary>
    [Collection(HeapMeasurements.Name)]
    public class ConsoleMemoryTests
    {
        [Fact]
        public void Console_memory_does_not_grow_with_the_lines_it_handles()
        {
            var rig = new ConsoleRig();
            rig.Login();
            string[] lines = { "get", "status", "set led off", "set led on", "export", "help", "get nonsense", "set report_interval 5" };
            for (int i = 0; i < 2000; i++)
            {
                rig.Output.Sink.OnLine(lines[i % lines.Length]);
                rig.Loop.RunUntilIdle();
            }

            rig.Output.Lines.Clear();
            GC.Collect();
            long before = GC.GetTotalMemory(true);
            for (int i = 0; i < 20000; i++)
            {
                rig.Output.Sink.OnLine(lines[i % lines.Length]);
                rig.Loop.RunUntilIdle();
                if (rig.Output.Lines.Count > 1000)
                {
                    rig.Output.Lines.Clear();
                }
            }

            rig.Output.Lines.Clear();
            long after = GC.GetTotalMemory(true);
            Assert.True(after - before < 256 * 1024, "retained " + (after - before) + " bytes after 20000 lines");
        }

    }
}
