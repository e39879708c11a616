using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Globalization;
using Ws52x.App;
using Ws52x.Codec;
using Ws52x.Config;
using Ws52x.Config.Storage;
using Ws52x.Diagnostics;
using Ws52x.Host.Board.Metering;
using Ws52x.Host.Board.Radio;
using Ws52x.Host.Board.Storage;
using Ws52x.Host.Network;
using Ws52x.Host.Network.SemtechUdp;
using Ws52x.Host.Scenario;
using Ws52x.Host.Trace;
using Ws52x.LoRaWan.Mac;
using Ws52x.Loop;
using Ws52x.Metering;
using Ws52x.Platform;
using Ws52x.Socket;

namespace Ws52x.Host.Board
{
    /// <summary>
    /// The host board: the firmware's core on virtual hardware. It only wires interfaces to host stand-ins; every line
    /// it prints while running comes from the core, except the "host:" lines that say what the simulation did.
    ///
    /// What outlives a firmware is the board's: the clock, the flash (settings, energy, session), the metering
    /// chip and its load, the pins, and the world around it: the virtual air, the gateway and the network server, on the
    /// board's own loop (<see cref="World"/>). A reboot (ff10ff, factory reset) or a mains cut ends the running firmware
    /// and the board boots a new one on the same flash; the world and the stimuli (scenario lines, tests) run between
    /// turns of the firmware's loop, in time order (<see cref="BoardClock"/>).
    /// </summary>
    public sealed partial class HostBoard : IDisposable
    {
        private readonly HostBoardOptions _options;
        private readonly TextWriter _output;
        private readonly PriorityQueue<Action, (long, long)> _stimuli = new PriorityQueue<Action, (long, long)>();
        private long _stimulusSequence;
        private string _rebootReason;
        private bool _stopRequested;
        private long _tracedMilliamps = -1;
        private long _loadWatchAt = long.MaxValue;
        private SettingsStore _offlineSettings;
        private Sx127xModel _radio;

        public HostBoard(HostBoardOptions options, TextWriter output)
        {
            _options = options;
            _output = output;
            Clock = options.Clock ?? (options.Speed == HostBoardOptions.MaxSpeed
                ? new VirtualClock()
                : new RealTimeClock(new StopwatchClock(), options.Speed));
            World = new EventLoop(Clock, eventCapacity: 64, timerCapacity: 256);
            Air = new VirtualAir(World, options.Seed);
            WatchAirForTrace();
            var metering = new MeteringBoard { Chip = options.Chip };
            Chip = new SimulatedMeteringChip(metering, options.Load, options.Seed) { Clock = Clock };
            Chip.SetRelay(false);
            if (options.StateDirectory == null)
            {
                Storage = new MemoryStorage();
                Flash = Storage;
            }
            else
            {
                Flash = new RecordJournal(new DirectoryFiles(options.StateDirectory));
            }

            Relay = new VirtualOutput("relay") { Changed = OnRelayPin };
            Led = new VirtualOutput("led") { Changed = OnLedPin };
            Button = new SimPin(Clock, "button");
            Button.Drive(true); // idle high: pressed = low
            PowerFail = new SimPin(Clock, "power-fail");
            PowerFail.Drive(true); // mains present
            Control = new HostBoardControl(RequestReboot);
            Trace = options.Trace;
            Console = new WriterConsole(output, options.ConsoleInput);
            Io = new BoardIo
            {
                Name = "host",
                Clock = new BoardClock(Clock, World),
                RadioBand = LoRaWanProvisioning.BandOf(options),
                Console = Console,
                Storage = Flash,
                Random = new SeededRandom(options.Seed),
                Control = Control,
                SerialNumber = SerialNumberFromSeed(options.Seed),
                Relay = Relay,
                Led = Led,
                Button = Button,
                PowerFail = PowerFail,
                Metering = metering,
                MeteringCf = Chip.Cf,
                MeteringCf1 = Chip.Cf1,
                MeteringSel = Chip.Sel,
            };
            WireConsole();

            // The owner's configuration from the command line, then the network that knows the socket by it.
            ApplyOptionSettings();
            if (!options.StandInLink)
            {
                Gateway = LoRaWanProvisioning.StartGateway(World, Air, options, Settings.Current.LoRaWan, Console, out NetworkServer network, out SemtechUdpBridge bridge);
                Network = network;
                Bridge = bridge;
                if (network != null && options.StateDirectory != null)
                {
                    _networkState = new NetworkStateKeeper(network, options.StateDirectory, _output);
                }
            }
        }

        private readonly NetworkStateKeeper _networkState;

        public ILoopClock Clock { get; }

        public BoardIo Io { get; }

        /// <summary>The running firmware; null while the board has no supply.</summary>
        public Firmware Firmware { get; private set; }

        /// <summary>The running firmware's socket application (null while unpowered).</summary>
        public SocketApplication Socket => Firmware?.Socket;

        /// <summary>The link the running firmware sends through (null while unpowered).</summary>
        public LoggingLink Link { get; private set; }

        /// <summary>The board's world: the air, the gateway and the network server run on this loop, across the firmware's reboots.</summary>
        public EventLoop World { get; }

        /// <summary>The virtual air the board's SX127x model transmits into.</summary>
        public VirtualAir Air { get; }

        /// <summary>The gateway in range of the board (null with a stand-in link).</summary>
        public VirtualGateway Gateway { get; }

        /// <summary>The network server behind <see cref="Gateway"/>, with the board's socket registered (null with a stand-in link).</summary>
        public NetworkServer Network { get; }

        /// <summary>The Semtech UDP forwarder to a real network server (--gateway-udp); then <see cref="Network"/> is null.</summary>
        public SemtechUdpBridge Bridge { get; }

        /// <summary>The simulated metering chip and the load behind the relay.</summary>
        public SimulatedMeteringChip Chip { get; }

        /// <summary>The board's flash: kept across reboots and mains cuts (files in --state's folder, or in memory).</summary>
        public IKeyValueStorage Flash { get; }

        /// <summary>The flash when it is in memory (the tests' power cuts clone it); null with --state.</summary>
        public MemoryStorage Storage { get; }

        /// <summary>
        /// The settings as the firmware's configuration area keeps them: the running firmware's store, or, while the board
        /// is dark (before its first boot, during a mains cut), the same stored record read and saved by the same code, so
        /// what a test or a command-line option saves here is what the next boot loads.
        /// </summary>
        public ISettingsStore Settings => Firmware != null ? (ISettingsStore)Firmware.Config.Store : OfflineSettings();

        /// <summary>The board's serial console (standard input with --console).</summary>
        public WriterConsole Console { get; }

        public VirtualOutput Relay { get; }

        public VirtualOutput Led { get; }

        public SimPin Button { get; }

        public SimPin PowerFail { get; }

        public HostBoardControl Control { get; }

        /// <summary>The --trace writer, or null.</summary>
        public TraceWriter Trace { get; }

        /// <summary>Board time of the relay pin's newest change (protection latency is measured against it).</summary>
        public long RelayChangedAtMicros { get; private set; } = -1;

        /// <summary>Every application payload handed to the link, over all boots.</summary>
        public List<HostUplink> Uplinks { get; } = new List<HostUplink>();

        /// <summary>Firmwares booted so far (1 after <see cref="Start"/>).</summary>
        public int Boots { get; private set; }

        /// <summary>Starts the firmware, plays the scenario and runs for the requested duration (or until <see cref="Stop"/>).</summary>
        public void Run()
        {
            _output.WriteLine("host: load '" + _options.Load.Name + "' (" + _options.Load.Description + "), " + (Io.Metering.Chip == MeteringChip.Bl0937 ? "BL0937" : "HLW8012") + " metering");
            IReadOnlyList<ScenarioStep> scenario = _options.Scenario;
            if (scenario == null)
            {
                _output.WriteLine("host: no --scenario: the owner presses the button at 1 s (a new socket starts off)");
                scenario = ScenarioFile.Parse("1s press", "built-in scenario");
            }

            if (_options.StateDirectory != null)
            {
                _output.WriteLine("host: flash kept in '" + _options.StateDirectory + "': a run on it again is a reboot of this socket");
            }

            Start();
            Play(scenario);
            long until = _options.Duration.HasValue
                ? Clock.NowMicros + (long)(_options.Duration.Value.Ticks / 10)
                : long.MaxValue;
            var wall = Stopwatch.StartNew();
            RunUntil(until);
            ReportFlashWrites();
            _output.WriteLine(
                "host: ran " + Log.FormatTime(Clock.NowMicros) + " of board time in " +
                wall.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s of host time");
        }

        /// <summary>Boots the first firmware (mains on).</summary>
        public void Start()
        {
            Boot();
            TraceCurrent();
            WatchLoad();
        }

        /// <summary>Schedules each scenario step at its board time (from the board's start).</summary>
        public void Play(IReadOnlyList<ScenarioStep> steps)
        {
            foreach (ScenarioStep step in steps)
            {
                ScenarioStep s = step;
                At(s.AtMicros, () =>
                {
                    _output.WriteLine("host: scenario line " + s.Line + ": " + s.Text);
                    s.Apply(this);
                });
            }
        }

        /// <summary>Runs <paramref name="micros"/> of board time from now.</summary>
        public void RunFor(long micros) => RunUntil(Clock.NowMicros + micros);

        /// <summary>
        /// Runs the firmware (rebooting it when it asks, leaving the board dark while mains is off) and the stimuli in
        /// time order until board time <paramref name="untilMicros"/>.
        /// </summary>
        public void RunUntil(long untilMicros)
        {
            while (!_stopRequested)
            {
                long next = _stimuli.TryPeek(out _, out (long At, long Seq) key) ? key.At : long.MaxValue;
                long target = Math.Min(next, untilMicros);
                if (Firmware != null)
                {
                    // Returns at target, or earlier when the world is due first (BoardClock).
                    Firmware.Run(target);
                }
                else
                {
                    long wake = Math.Min(target, World.NextDeadlineMicros);
                    if (Clock.NowMicros < wake && !Clock.WaitUntil(wake) && wake == long.MaxValue)
                    {
                        return;
                    }
                }

                World.Run(Clock.NowMicros);
                if (_rebootReason != null)
                {
                    Reboot();
                    continue;
                }

                while (_stimuli.TryPeek(out Action action, out key) && key.At <= Clock.NowMicros)
                {
                    _stimuli.Dequeue();
                    action();
                }

                bool pending = (Firmware != null && Firmware.Loop.HasPendingEvents) || World.HasPendingEvents || World.NextDeadlineMicros <= Clock.NowMicros;
                if (!pending && Clock.NowMicros >= untilMicros)
                {
                    return;
                }

                bool anythingAhead = _stimuli.Count > 0 || World.NextDeadlineMicros != long.MaxValue
                    || (Firmware != null && Firmware.Loop.NextDeadlineMicros != long.MaxValue);
                if (!pending && !anythingAhead)
                {
                    return; // nothing will ever happen again on a virtual clock
                }
            }
        }

        /// <summary>Runs <paramref name="action"/> at board time <paramref name="micros"/>, between loop turns.</summary>
        public void At(long micros, Action action)
        {
            _stimuli.Enqueue(action, (micros, _stimulusSequence++));
        }

        public void Stop()
        {
            _stopRequested = true;
            Firmware?.Loop.Stop();
        }

        public void Dispose()
        {
            _radioTrace?.Stop(); // a window still open ends with the run
            _networkState?.Save();
            Network?.Dispose();
            Bridge?.Dispose();
            _output.Flush();
        }

        private void Boot()
        {
            _offlineSettings = null; // the firmware loads the stored record itself
            _rebootReason = null;
            var firmware = new Firmware(Io) { RelaySwitched = OnRelaySwitched };
            if (_options.StandInLink)
            {
                Link = new LoggingLink(_output, Clock, Uplinks, Boots + 1);
                firmware.Link = Trace == null ? Link : new TracingLink(Link, Trace, Clock);
            }
            else
            {
                int boot = Boots + 1;
                firmware.WrapLink = mac =>
                {
                    ILoRaWanLink recorded = new RecordingLink(mac, Clock, Uplinks, boot);
                    return Trace == null ? recorded : new TracingLink(recorded, Trace, Clock);
                };
            }

            // The radio chip is the board's, but its model schedules on the firmware's own loop, so it is made after it.
            var radio = new Sx127xModel(firmware.Loop, Air);
            _radio = radio;
            _radioTrace?.Watch(radio);
            Io.RadioSpi = radio;
            Io.RadioReset = radio.Reset;
            Io.RadioDio0 = radio.Dio0;
            Io.RadioDio1 = radio.Dio1;

            Firmware = firmware; // before Start: the console's reader may hand in lines (or their end) as soon as it starts
            firmware.Start();
            Boots++;
            SocketApplication socket = firmware.Socket;
            if (socket != null)
            {
                socket.Reporting.StatusSent = OnReport;
                if (Link != null)
                {
                    Link.PretendJoin = _options.PretendJoin;
                    Link.Start(firmware.Loop, socket);
                }
            }
        }

        // IBoardControl.Reboot, called inside a loop handler: the loop stops after it and RunUntil boots anew.
        private void RequestReboot(string reason)
        {
            _rebootReason = reason;
            Firmware?.Loop.Stop();
        }

        private void Reboot()
        {
            _output.WriteLine("host: reboot (" + _rebootReason + "): a new firmware starts on the same flash");
            PowerDown();
            Boot();
        }

        // What the board's pins do when the processor resets or loses its supply: everything back low, nobody listening.
        private void PowerDown()
        {
            Firmware = null;
            Link = null;
            _radioTrace?.Stop();
            if (_radio != null)
            {
                Air.Detach(_radio); // an unpowered chip hears nothing
                _radio = null;
            }

            Button.SetEdgeSink(null);
            PowerFail.SetEdgeSink(null);
            Relay.Reset();
            Led.Reset();
        }
    }
}
