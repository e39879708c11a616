using System;
using System.Linq;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// dotnet run -c Release --project tests/Ws52x.Benchmarks [-- [--quick] [name ...]]
    /// Runs every benchmark (or those named) and prints one line per figure.
    /// </summary>
    public static class Program
    {
        /// <summary>Every benchmark of the project; each area adds its own here.</summary>
        public static IBenchmark[] All => new IBenchmark[]
        {
            new EventLoopBenchmark(),
            new CodecBenchmark(),
            new LoRaWanBenchmark(),
            new MacBenchmark(),
            new RadioBenchmark(),
            new MeteringBenchmark(),
            new StorageBenchmark(),
            new DeviceBudgetBenchmark(),
            new BudgetBreakdown(),
            new ConfigBenchmark(),
            new ProtectionBenchmark(),
            new HandlerBenchmark(),
            new NetworkServerBenchmark(),
            new BoardDayBenchmark(),
            new FleetBenchmark(),
        };

        public static int Main(string[] args)
        {
            bool quick = args.Contains("--quick");
            string[] names = args.Where(a => !a.StartsWith("--")).ToArray();
            var unknown = names.Where(n => All.All(b => b.Name != n)).ToArray();
            if (unknown.Length > 0)
            {
                Console.Error.WriteLine("benchmarks: unknown '" + unknown[0] + "'; known: " + string.Join(", ", All.Select(b => b.Name)));
                return 2;
            }

            foreach (IBenchmark b in All.Where(b => names.Length == 0 || names.Contains(b.Name)))
            {
                b.Run(quick);
            }

            return 0;
        }
    }
}
