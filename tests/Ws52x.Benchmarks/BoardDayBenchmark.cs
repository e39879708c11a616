using System.Diagnostics;
using System.IO;
using Ws52x.Host.Board;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// A day of the whole host board at max speed, as `ws52x run --speed max --duration 24h` runs it: metering, the
    /// 20-minute reports, the LoRaWAN MAC on the modelled SX127x, the virtual air, the gateway and the network server
    /// (logs to a null writer). Goal: at most 3 s of host time on the 2-core build machine. The same day in quick mode.
    /// </summary>
    public sealed class BoardDayBenchmark : IBenchmark
    {
        private const long Day = 24L * 3600 * 1_000_000;

        public string Name => "day";

        public void Run(bool quick)
        {
            RunDay(out _); // JIT and first-touch costs are not the board's
            // Wall time, and CPU time too: on a machine shared with other builds the CPU time is the steadier figure.
            System.TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            HostBoard board = RunDay(out long timers);
            watch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Measure.Print(Name, "host seconds for 24 h of board life", watch.Elapsed.TotalSeconds, "s");
            Measure.Print(Name, "host CPU seconds for the same day", cpu.TotalSeconds, "s");
            Measure.Print(Name, "reports decoded by the network server", board.Network.Counters.ApplicationUplinks, "uplinks");
            Measure.Print(Name, "uplinks the server accepted (with MAC answers)", board.Network.Counters.Uplinks, "uplinks");
            Measure.Print(Name, "loop timers fired", timers, "timers");
        }

        private static HostBoard RunDay(out long timers)
        {
            var options = new HostBoardOptions { Speed = HostBoardOptions.MaxSpeed, Duration = System.TimeSpan.FromTicks(Day * 10) };
            var board = new HostBoard(options, TextWriter.Null);
            board.Run();
            timers = board.Firmware.Loop.TimersFired;
            return board;
        }
    }
}
