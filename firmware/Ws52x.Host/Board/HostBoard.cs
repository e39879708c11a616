using System;
using System.Diagnostics;
using System.IO;
using System.Globalization;
using Ws52x.App;
using Ws52x.Codec;
using Ws52x.Diagnostics;
using Ws52x.Host.Board.Metering;
using Ws52x.Host.Board.Radio;
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
            Io = new BoardIo
            {
                Name = "host",
                Clock = clock,
                Console = new WriterConsole(output),
                Storage = new MemoryStorage(),
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

            // LoRaWAN: the run options become the device's settings; a gateway and the network server hear it on the air.
            LoRaWanProvisioning.Apply(options, Firmware.Settings.LoRaWan);
            Network = LoRaWanProvisioning.StartNetwork(Firmware.Loop, Air, options, Firmware.Settings.LoRaWan, Io.Console, out VirtualGateway gateway);
            Gateway = gateway;
        }

        public BoardIo Io { get; }

        public Firmware Firmware { get; }

        /// <summary>The virtual air the board's SX127x model transmits into.</summary>
        public VirtualAir Air { get; }

        /// <summary>The gateway in range of the board.</summary>
        public VirtualGateway Gateway { get; }

        /// <summary>The network server behind <see cref="Gateway"/>, with the board's device registered.</summary>
        public Ws52x.Host.Network.NetworkServer Network { get; }

        /// <summary>The simulated metering chip and the load behind it.</summary>
        public SimulatedMeteringChip Chip { get; }

        /// <summary>Starts the firmware and runs it for the requested duration (or until <see cref="Stop"/>).</summary>
        public void Run()
        {
            _output.WriteLine("host: load '" + _options.Load.Name + "' (" + _options.Load.Description + "), " + Io.Metering.Chip + " metering");
            Firmware.Start();
            Firmware.Report.IntervalMicros = _options.ReportInterval.Ticks / 10;
            Firmware.Report.Sent += OnReport;
            long until = _options.Duration.HasValue
                ? Io.Clock.NowMicros + (long)(_options.Duration.Value.Ticks / 10)
                : long.MaxValue;
            var wall = Stopwatch.StartNew();
            Firmware.Run(until);
            _output.WriteLine(
                "host: ran " + Log.FormatTime(Io.Clock.NowMicros) + " of board time in " +
                wall.Elapsed.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + " s of host time");
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
            Network.Dispose();
            _output.Flush();
        }
    }
}
