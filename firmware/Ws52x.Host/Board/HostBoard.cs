using System;
using System.Diagnostics;
using System.IO;
using Ws52x.App;
using Ws52x.Diagnostics;
using Ws52x.Loop;

namespace Ws52x.Host.Board
{
    /// <summary>
    /// The host board: the firmware's core on virtual hardware. It only wires interfaces to host stand-ins;
    /// every line it prints while running comes from the core.
    /// </summary>
    public sealed class HostBoard : IDisposable
    {
        private readonly HostBoardOptions _options;
        private readonly TextWriter _output;

        public HostBoard(HostBoardOptions options, TextWriter output)
        {
            _options = options;
            _output = output;
            ILoopClock clock = options.Speed == HostBoardOptions.MaxSpeed
                ? new VirtualClock()
                : new RealTimeClock(new StopwatchClock(), options.Speed);
            Io = new BoardIo
            {
                Name = "host",
                Clock = clock,
                Console = new WriterConsole(output),
                Storage = new MemoryStorage(),
                Random = new SeededRandom(options.Seed),
            };
            Firmware = new Firmware(Io);
        }

        public BoardIo Io { get; }

        public Firmware Firmware { get; }

        /// <summary>Starts the firmware and runs it for the requested duration (or until <see cref="Stop"/>).</summary>
        public void Run()
        {
            Firmware.Start();
            long until = _options.Duration.HasValue
                ? Io.Clock.NowMicros + (long)(_options.Duration.Value.Ticks / 10)
                : long.MaxValue;
            var wall = Stopwatch.StartNew();
            Firmware.Run(until);
            _output.WriteLine(
                "host: ran " + Log.FormatTime(Io.Clock.NowMicros) + " of board time in " +
                wall.Elapsed.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + " s of host time");
        }

        public void Stop()
        {
            Firmware.Loop.Stop();
        }

        public void Dispose()
        {
            _output.Flush();
        }
    }
}
