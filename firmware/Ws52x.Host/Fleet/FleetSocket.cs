using System;
using System.IO;
using Ws52x.App;
using Ws52x.Config;
using Ws52x.Config.Storage;
using Ws52x.Diagnostics;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Metering;
using Ws52x.Host.Board.Radio;
using Ws52x.Loop;
using Ws52x.Metering;

namespace Ws52x.Host.Fleet
{
    /// <summary>
    /// One socket of a fleet: the real firmware (<see cref="Firmware"/>, on its own loop) on its own board parts: flash in
    /// memory, a simulated metering chip with its load, a modelled SX127x on the fleet's air, pins. It powers up at its
    /// boot time with the owner's configuration already saved (the supply on at power-up, the fleet's region, class and
    /// reporting interval), and a firmware that asks for a reboot gets a new one on the same flash. It prints nothing.
    /// </summary>
    public sealed class FleetSocket : IScheduledLoop
    {
        private readonly FleetRun _fleet;
        private readonly ILoopClock _clock;
        private readonly BoardIo _io;
        private string _rebootReason;

        internal FleetSocket(FleetRun fleet, int index, LoadProfile load, double[] pathLossDb)
        {
            _fleet = fleet;
            Index = index;
            Load = load;
            PathLossDb = pathLossDb;
            Slot = new SchedulerSlot(this);
            _clock = fleet.Scheduler.ClockFor(this);
            int seed = fleet.Options.Seed * 7919 + index;
            var metering = new MeteringBoard();
            Chip = new SimulatedMeteringChip(metering, load, seed) { Clock = _clock };
            Chip.SetRelay(false);
            Storage = new MemoryStorage();
            var button = new SimPin(_clock, "button");
            button.Drive(true);
            var powerFail = new SimPin(_clock, "power-fail");
            powerFail.Drive(true);
            var relay = new VirtualOutput("relay") { Changed = closed => Chip.SetRelay(closed) };
            _io = new BoardIo
            {
                Name = "fleet-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Clock = _clock,
                RadioBand = LoRaWanProvisioning.BandOf(fleet.BoardOptions),
                Console = new WriterConsole(TextWriter.Null),
                Storage = Storage,
                Random = new SeededRandom(seed),
                Control = new HostBoardControl(reason => { _rebootReason = reason; Firmware?.Loop.Stop(); }),
                SerialNumber = HostBoard.SerialNumberFromSeed(seed),
                Relay = relay,
                Led = new VirtualOutput("led"),
                Button = button,
                PowerFail = powerFail,
                Metering = metering,
                MeteringCf = Chip.Cf,
                MeteringCf1 = Chip.Cf1,
                MeteringSel = Chip.Sel,
            };
            Settings = Configure();
        }

        public int Index { get; }

        public LoadProfile Load { get; }

        /// <summary>Path loss to each gateway of the fleet, in dB (distance and walls).</summary>
        public double[] PathLossDb { get; }

        public SimulatedMeteringChip Chip { get; }

        public MemoryStorage Storage { get; }

        /// <summary>The LoRaWAN settings the socket was configured with (its DevEUI and keys; the server registers them).</summary>
        public LoRaWanSettings Settings { get; }

        /// <summary>The running firmware; null before the socket's boot time.</summary>
        public Firmware Firmware { get; private set; }

        /// <summary>The socket's radio chip (a new one at each boot).</summary>
        public Sx127xModel Radio { get; private set; }

        public int Boots { get; private set; }

        public SchedulerSlot Slot { get; }

        public EventLoop Loop => Firmware?.Loop;

        public void Boot()
        {
            _rebootReason = null;
            var firmware = new Firmware(_io) { StatusIntervalMicros = 0 };
            var radio = new Sx127xModel(firmware.Loop, _fleet.Air, _io.Name);
            _io.RadioSpi = radio;
            _io.RadioReset = radio.Reset;
            _io.RadioDio0 = radio.Dio0;
            _io.RadioDio1 = radio.Dio1;
            for (int g = 0; g < _fleet.Gateways.Count; g++)
            {
                _fleet.Air.SetPathLoss(radio, _fleet.Gateways[g], PathLossDb[g]);
            }

            if (Radio != null)
            {
                _fleet.Air.Detach(Radio);
            }

            Radio = radio;
            Firmware = firmware;
            _fleet.Statistics.OnBoot(this, radio);
            firmware.Start();
            Boots++;
        }

        public void AfterTurn()
        {
            if (_rebootReason != null)
            {
                Boot();
            }
        }

        // The owner's configuration, saved before the first power-up as the configuration area keeps it.
        private LoRaWanSettings Configure()
        {
            var log = new Log(new WriterConsole(TextWriter.Null), _clock);
            var store = new SettingsStore(Storage, new SettingsDefaults(_io.SerialNumber, _io.RadioBand),
                new SettingsRules(_io.Metering.RatedCurrentMilliamps / 1000, _io.RadioBand), log);
            store.Load();
            Settings settings = store.Current;
            settings.Socket.PowerRestore = PowerRestorePolicy.On; // plugged in and switched on
            settings.Socket.ReportingIntervalSeconds = (int)(_fleet.Options.ReportIntervalMicros / 1_000_000);
            LoRaWanProvisioning.Apply(_fleet.BoardOptions, settings.LoRaWan, settings);

            // An AppKey of its own, as an integrator registers them. With the guide's one key for all, a socket listening in
            // its join window accepts a neighbour's JoinAccept (LoRaWAN 1.0 does not name the device in it) and then talks
            // with keys the server never derived (about 120 of 1000 sockets did in the first hour of a trial street).
            new Random(_fleet.Options.Seed * 31 + Index).NextBytes(settings.LoRaWan.AppKey);
            store.Save();
            return settings.LoRaWan;
        }
    }
}
