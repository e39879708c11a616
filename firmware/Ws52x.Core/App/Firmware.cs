using System;
using Ws52x.Config;
using Ws52x.Config.Console;
using Ws52x.Config.Storage;
using Ws52x.Diagnostics;
using Ws52x.LoRaWan.Mac;
using Ws52x.Loop;
using Ws52x.Metering;
using Ws52x.Platform;
using Ws52x.Socket;

namespace Ws52x.App
{
    /// <summary>Gives the link the application will send through, around the MAC.</summary>
    public delegate ILoRaWanLink LinkWrapHandler(ILoRaWanLink mac);

    /// <summary>
    /// The firmware as one object: builds the event loop on the board's clock, starts each area, and runs.
    /// Areas register their timers and event sinks on <see cref="Loop"/>; nothing here knows a board.
    /// </summary>
    public sealed class Firmware : ISettingsObserver
    {
        /// <summary>Loop health is logged this often unless set otherwise (the socket's default reporting interval).</summary>
        public const long DefaultStatusIntervalMicros = 20L * 60 * 1000000;

        private readonly BoardIo _board;
        private readonly LoopTimer _statusTimer;
        private long _statusIntervalMicros = DefaultStatusIntervalMicros;
        private SocketStatus _socketStatus;

        public Firmware(BoardIo board)
        {
            _board = board ?? throw new ArgumentNullException(nameof(board));
            Loop = new EventLoop(board.Clock, eventCapacity: 64, timerCapacity: 32);
            Log = new Log(board.Console, board.Clock);
            if (board.Storage is RecordJournal journal && journal.Log == null)
            {
                journal.Log = Log; // torn or damaged copies found in storage are reported in the firmware's log
            }

            Loop.FaultHandler = OnFault;
            _statusTimer = new LoopTimer(OnStatusTimer);
            Config = new ConfigService(board, Loop, Log,
                board.Control == null ? null : new SavingRestart(this, board.Control, false),
                board.Control == null ? null : new SavingRestart(this, board.Control, true));
        }

        public EventLoop Loop { get; }

        /// <summary>Settings, console, factory reset and status lines; the settings are loaded first thing in <see cref="Start"/>.</summary>
        public ConfigService Config { get; }

        /// <summary>The metering area, when the board has a metering chip (CF, CF1 and SEL); otherwise null.</summary>
        public MeteringService Metering { get; private set; }

        /// <summary>The radio (an SX127x), when the board has the radio's SPI; otherwise null.</summary>
        public Ws52x.Radio.IRadio Radio { get; private set; }

        /// <summary>The LoRaWAN MAC, when the board has a radio and no stand-in <see cref="Link"/> was set; otherwise null.</summary>
        internal LoRaWanMac Mac { get; private set; }

        /// <summary>The MAC's figures a board may read (null without a MAC).</summary>
        public IMacFigures MacFigures => Mac;

        /// <summary>The Class A receive window the MAC is in or waiting for (None without a MAC).</summary>
        public ReceiveWindow MacWindow => Mac == null ? ReceiveWindow.None : Mac.Window;

        /// <summary>The socket application (relay, button, LED, reports, protection), when the board has metering; otherwise null.</summary>
        public SocketApplication Socket { get; private set; }

        /// <summary>Where the application's uplinks go: the LoRaWAN MAC, or a stand-in a test board sets before <see cref="Start"/>.</summary>
        public ILoRaWanLink Link { get; set; }

        /// <summary>A board's view of the application's uplinks to the MAC (the host board records and traces them); null = none.</summary>
        public LinkWrapHandler WrapLink { get; set; }

        /// <summary>Told of every relay switch from boot on, the power-restore one included (the host board's trace). Set before <see cref="Start"/>.</summary>
        public RelaySwitchedHandler RelaySwitched { get; set; }

        /// <summary>The settings the areas read: the configuration area's persistent store unless a test sets another before <see cref="Start"/>.</summary>
        public ISettingsStore Settings { get; set; }

        public Log Log { get; }

        /// <summary>How often the loop's health line is logged; 0 turns it off.</summary>
        public long StatusIntervalMicros
        {
            get => _statusIntervalMicros;
            set
            {
                _statusIntervalMicros = value < 0 ? 0 : value;
                if (_statusTimer.IsScheduled || _statusIntervalMicros == 0)
                {
                    Loop.Cancel(_statusTimer);
                    ScheduleStatus();
                }
            }
        }

        /// <summary>Logs the boot banner and arms the firmware's own timers.</summary>
        public void Start()
        {
            Log.Line("boot").Append("Ws52x firmware ").Append(FirmwareInfo.SoftwareVersion).Append(" on board '").Append(_board.Name).Append('\'');
            Log.End();
            Config.Load();
            Config.Store.Subscribe(this);
            if (Settings == null)
            {
                Settings = Config.Store;
            }

            // The MAC first (the socket sends through it), then the socket, then the MAC starts: a session restored at boot
            // is announced to a socket that exists.
            var linkEvents = new LinkEvents();
            if (_board.RadioSpi != null)
            {
                var sx127x = new Ws52x.Radio.Sx127x.Sx127x(Loop, _board.RadioSpi, _board.RadioReset, _board.RadioDio0, _board.RadioDio1, null);
                Radio = sx127x;
                if (Link == null)
                {
                    Mac = new LoRaWanMac(Loop, Radio, Settings.Current, _board.Storage, _board.Random, Log, linkEvents) { RadioObserver = new RadioStatus(Log) };
                    Link = WrapLink == null ? Mac : WrapLink(Mac);
                    string[] keys = LoRaWanMac.StorageKeys;
                    for (int i = 0; i < keys.Length; i++)
                    {
                        Config.Reset.EraseOnReset(keys[i]);
                    }

                    Config.Status.Register(new MacStatus(Mac));
                }
                else
                {
                    sx127x.SetEvents(new RadioStatus(Log));
                }
            }
            else
            {
                Log.Warn("boot", "no radio on this board");
            }

            if (_board.MeteringCf != null && _board.MeteringCf1 != null && _board.MeteringSel != null)
            {
                StartSocket();
                linkEvents.Target = Socket;
            }
            else
            {
                Log.Warn("boot", "no metering chip on this board: no reports");
                linkEvents.Target = new LinkLog(Log);
            }

            if (Mac != null)
            {
                Mac.Start();
            }
            else if (Radio != null)
            {
                Radio.Reset();
            }

            ScheduleStatus();
            Config.Start();
        }

        /// <summary>Runs the loop until <paramref name="untilMicros"/> of board time, or until stopped.</summary>
        public void Run(long untilMicros = long.MaxValue)
        {
            Loop.Run(untilMicros);
        }

        // Settings, metering, then the socket: the power-restore policy drives the relay before anything else can switch
        // it (button, downlink, delay task, protection all start after). The power-fail detector is shared: the outage
        // alert hears it first, then the energy store saves.
        private void StartSocket()
        {
            Metering = new MeteringService(_board.Metering, _board.MeteringCf, _board.MeteringCf1, _board.MeteringSel, _board.Storage, Log);
            Socket = new SocketApplication(Loop, _board, Settings, Metering, Link, Log);
            _socketStatus = new SocketStatus(Socket, Settings, Loop);
            Socket.Relay.Switched = OnRelaySwitched;
            Socket.RestorePower();
            InputFanOut powerFail = _board.PowerFail == null ? null : new InputFanOut(_board.PowerFail);
            IDigitalInput alertTap = powerFail == null ? null : powerFail.Open();
            IDigitalInput energyTap = powerFail == null ? null : powerFail.Open();
            Metering.Start(Loop, energyTap);
            Config.Status.Register(_socketStatus);
            Config.Status.Register(new MeteringStatus(Metering));
            Config.Console.Register(new CalibrateCommand(Metering));
            Socket.FactoryResetRequested = OnFactoryResetRequested;
            Socket.Start(_board.Button, alertTap);
        }

        // The console's status hears every switch; then the board (the host's trace).
        private void OnRelaySwitched(bool on, SwitchCause cause)
        {
            _socketStatus.OnSwitched(on, cause);
            RelaySwitchedHandler board = RelaySwitched;
            if (board != null)
            {
                board(on, cause);
            }
        }

        // The button held past 10 s: the configuration's reset (settings to defaults, session dropped), then a reboot.
        private void OnFactoryResetRequested()
        {
            Config.Reset.Run("button held for 10 s");
        }

        // The console, a template import or a downlink saved settings: the socket applies what takes effect at once.
        void ISettingsObserver.OnSettingsChanged(Settings current)
        {
            if (Socket != null)
            {
                Socket.ApplySettings(false);
            }
        }

        private void ScheduleStatus()
        {
            if (_statusIntervalMicros > 0)
            {
                Loop.SchedulePeriodic(_statusTimer, Loop.NowMicros + _statusIntervalMicros, _statusIntervalMicros);
            }
        }

        private void OnStatusTimer(LoopTimer timer)
        {
            Log.Line("loop").Append("timers fired ").Append(Loop.TimersFired).Append(", events ").Append(Loop.EventsDispatched)
                .Append(", dropped ").Append(Loop.EventsDropped).Append(", faults ").Append(Loop.Faults)
                .Append(", max lateness ").Append(Loop.MaxLatenessMicros / 1000).Append(" ms");
            Log.End();
        }

        private void OnFault(Exception fault)
        {
            Log.Warning("loop").Append("handler failed: ").Append(fault.Message);
            Log.End();
        }

        /// <summary>
        /// How the console's reboot and the factory reset restart the board. The console's reboot is the owner's, as
        /// ff10ff is (keepsSocket): it goes through the socket, which saves the energy and keeps the
        /// relay as it was. The factory reset saves the energy (the reset keeps the counter) and restarts without the
        /// mark, so the defaults apply.
        /// </summary>
        private sealed class SavingRestart : IBoardControl
        {
            private readonly Firmware _firmware;
            private readonly IBoardControl _board;
            private readonly bool _keepsSocket;

            public SavingRestart(Firmware firmware, IBoardControl board, bool keepsSocket)
            {
                _firmware = firmware;
                _board = board;
                _keepsSocket = keepsSocket;
            }

            public void Reboot(string reason)
            {
                if (_keepsSocket && _firmware.Socket != null)
                {
                    _firmware.Socket.Reboot(reason);
                    return;
                }

                if (_firmware.Metering != null)
                {
                    _firmware.Metering.Store.SaveIfChanged();
                }

                _board.Reboot(reason);
            }
        }
    }
}
