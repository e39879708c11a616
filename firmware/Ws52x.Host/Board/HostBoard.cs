using System;
using System.Diagnostics;
using System.IO;
using System.Globalization;
using Ws52x.App;
using Ws52x.Codec;
using Ws52x.Config.Storage;
using Ws52x.Diagnostics;
using Ws52x.Host.Board.Metering;
using Ws52x.Host.Board.Radio;
using Ws52x.Host.Board.Storage;
using Ws52x.Loop;
using Ws52x.Metering;

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
            var metering = new MeteringBoard { Chip = options.Chip };
            Chip = new SimulatedMeteringChip(metering, options.Load, options.Seed) { Clock = clock };
            var console = new WriterConsole(output, options.ConsoleInput);
            Io = new BoardIo
            {
                Name = "host",
                Clock = clock,
                Console = console,
                SerialNumber = SerialNumberFromSeed(options.Seed),
                Storage = new RecordJournal(options.StateDirectory == null ? new MemoryFiles() : new DirectoryFiles(options.StateDirectory)),
                Random = new SeededRandom(options.Seed),
                Metering = metering,
                MeteringCf = Chip.Cf,
                MeteringCf1 = Chip.Cf1,
                MeteringSel = Chip.Sel,
            };
            Firmware = new Firmware(Io);

            // The radio model schedules on the firmware's own loop (one thread, one clock), so it is made after it.
            Air = new VirtualAir(Firmware.Loop, options.Seed);
            var radio = new Sx127xModel(Firmware.Loop, Air);
            Io.RadioSpi = radio;
            Io.RadioReset = radio.Reset;
            Io.RadioDio0 = radio.Dio0;
            Io.RadioDio1 = radio.Dio1;

            console.SinkHasRoom = () => Firmware.Config.Console.HasRoom;

            // With console input and no --duration, the run ends when the input does, once its lines are answered.
            if (options.ConsoleInput != null && !options.Duration.HasValue)
            {
                var stop = new LoopTimer(t =>
                {
                    if (Firmware.Config.Console.Idle)
                    {
                        Stop();
                    }
                    else
                    {
                        Firmware.Loop.ScheduleAfter(t, 1000);
                    }
                });
                console.InputEnded = () => Firmware.Loop.Post(new TimerPost(Firmware.Loop, stop), 0, 0, 0);
            }
        }

        public BoardIo Io { get; }

        public Firmware Firmware { get; }

        /// <summary>The virtual air the board's SX127x model transmits into.</summary>
        public VirtualAir Air { get; }

        /// <summary>The simulated metering chip and the load behind it.</summary>
        public SimulatedMeteringChip Chip { get; }

        /// <summary>Starts the firmware and runs it for the requested duration (or until <see cref="Stop"/>).</summary>
        public void Run()
        {
            _output.WriteLine("host: load '" + _options.Load.Name + "' (" + _options.Load.Description + "), " + Io.Metering.Chip + " metering");
            if (_options.StateDirectory != null)
            {
                _output.WriteLine("host: flash kept in '" + _options.StateDirectory + "': a run on it again is a reboot of this socket");
            }

            Firmware.Start();
            Firmware.Report.IntervalMicros = _options.ReportInterval.Ticks / 10;
            Firmware.Report.Sent = OnReport;
            long until = _options.Duration.HasValue
                ? Io.Clock.NowMicros + (long)(_options.Duration.Value.Ticks / 10)
                : long.MaxValue;
            var wall = Stopwatch.StartNew();
            Firmware.Run(until);
            ReportFlashWrites();
            _output.WriteLine(
                "host: ran " + Log.FormatTime(Io.Clock.NowMicros) + " of board time in " +
                wall.Elapsed.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + " s of host time");
        }

        // What the run wrote to the board's flash, per key: the figures the wear estimates in docs/storage.md come from.
        private void ReportFlashWrites()
        {
            if (Io.Storage is RecordJournal journal && journal.TotalReplaces > 0)
            {
                string line = "host: flash written: " + journal.TotalBytesWritten + " bytes in " + journal.TotalReplaces + " replaces";
                string separator = " (";
                for (int i = 0; i < journal.KeyCount; i++)
                {
                    string key = journal.KeyAt(i);
                    if (journal.Replaces(key) > 0)
                    {
                        line += separator + key + ": " + journal.Replaces(key) + ", " + journal.BytesWritten(key) + " bytes";
                        separator = "; ";
                    }
                }

                _output.WriteLine(line + ")");
            }
        }

        // The simulation's truth next to what the firmware reported, so that a user sees how well it measures.
        private void OnReport(ElectricalStatus reported, byte[] payload, int length)
        {
            LoadPoint truth = Chip.TrueLoad;
            _output.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "host: true load {0:0.0} V, {1:0} mA, {2:0.0} W, PF {3:0.00}, {4:0.0} Wh since start; reported {5:0.0} V, {6} mA, {7} W, PF {8:0.00}, {9} Wh",
                truth.Volts, truth.Amps * 1000, truth.Watts, truth.PowerFactor, Chip.TrueEnergyJoules / 3600,
                reported.VoltageDeciVolts / 10.0, reported.CurrentMilliamps, reported.ActivePowerWatts, reported.PowerFactorPercent / 100.0, reported.EnergyWattHours));
        }

        public void Stop()
        {
            Firmware.Loop.Stop();
        }

        public void Dispose()
        {
            _output.Flush();
        }

        /// <summary>
        /// The host board's SN: six bytes from the seed with the locally administered bit set (as an ESP32's MAC has
        /// Espressif's OUI there, so the DevEUI made from it cannot be anyone's real one), then two zero bytes.
        /// </summary>
        public static byte[] SerialNumberFromSeed(int seed)
        {
            var sn = new byte[8];
            new Random(seed ^ 0x5752).NextBytes(sn.AsSpan(0, 6));
            sn[0] = (byte)((sn[0] & 0xFC) | 0x02);
            return sn;
        }

        // Arms a timer from the loop's thread (a post from the console's reader thread).
        private sealed class TimerPost : IEventSink
        {
            private readonly EventLoop _loop;
            private readonly LoopTimer _timer;

            public TimerPost(EventLoop loop, LoopTimer timer)
            {
                _loop = loop;
                _timer = timer;
            }

            public void OnEvent(int code, int arg, long timestampMicros, object payload)
            {
                _loop.ScheduleAfter(_timer, 0);
            }
        }
    }
}
