using Ws52x.App;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.LoRaWan.Mac;
using Ws52x.Loop;
using Ws52x.Metering;
using Ws52x.Platform;

namespace Ws52x.Socket
{
    /// <summary>A request the socket raises for another area to carry out (the factory reset, wired by the firmware).</summary>
    public delegate void SocketRequestHandler();

    /// <summary>
    /// What a WS52x owner sees and does (guide 2.4, 3.3, 4): the relay and its power-restore policy, the button and its
    /// lock, the LED, the reports, overcurrent alarm and protection, the delay task, the outage alert, and every
    /// downlink. All on the event loop; it hears the MAC through <see cref="ILoRaWanEvents"/> and sends through
    /// <see cref="ILoRaWanLink"/>. docs/socket.md describes each behaviour and its timing.
    /// </summary>
    public sealed class SocketApplication : ILoRaWanEvents, IPowerButtonEvents, IMainsEvents
    {
        /// <summary>Guide 2.4 note 2: after this many join requests the LED stops showing network status.</summary>
        public const int NetworkStatusMaxJoinRequests = 32;

        /// <summary>How long the LED keeps blinking quickly after the reset was asked for, if nothing restarts the board.</summary>
        public const long ResetBlinkMicros = 3000000;

        private readonly EventLoop _loop;
        private readonly ISettingsStore _settings;
        private readonly IBoardControl _control;
        private readonly Log _log;
        private readonly DownlinkHandler _downlinks;
        private readonly LoopTimer _resetBlinkEnd;
        private bool _networkStatusShown = true;
        private bool _joinedSinceBoot;
        private bool _batching;
        private bool _batchSwitched;
        private long _armedIntervalMicros;

        public SocketApplication(EventLoop loop, BoardIo board, ISettingsStore settings, MeteringService metering, ILoRaWanLink link, Log log)
        {
            _loop = loop;
            _settings = settings;
            _control = board.Control;
            _log = log;
            Metering = metering;
            Relay = new Relay(board.Relay) { Changed = OnRelayChanged };
            RelayStore = new RelayStateStore(board.Storage, loop, log);
            Led = new StatusLed(loop, board.Led);
            Delay = new DelayTask(loop, Relay);
            Lock = new ButtonLock(loop, settings, log);
            var sender = new UplinkSender(link, settings, log);
            Sender = sender;
            Reporting = new Reporting(
                loop, sender, new StatusReport(metering, Relay), new BasicInformationReport(board.SerialNumber, board.PowerFail != null), settings, log);
            Overcurrent = new OvercurrentWatch(metering.Meter, settings, Relay) { Acted = OnOvercurrent };
            _downlinks = new DownlinkHandler(this, settings, metering.Board.RatedCurrentMilliamps / 1000, log);
            _resetBlinkEnd = new LoopTimer(OnResetBlinkEnd);
        }

        public Relay Relay { get; }

        public RelayStateStore RelayStore { get; }

        public StatusLed Led { get; }

        public DelayTask Delay { get; }

        public ButtonLock Lock { get; }

        public Reporting Reporting { get; }

        public UplinkSender Sender { get; }

        public OvercurrentWatch Overcurrent { get; }

        public MeteringService Metering { get; }

        public DownlinkHandler Downlinks => _downlinks;

        public PowerButton Button { get; private set; }

        public MainsMonitor Mains { get; private set; }

        public bool MainsLost { get; private set; }

        /// <summary>Raised when the button was held past 10 s and released; the firmware wires the configuration's reset.</summary>
        public SocketRequestHandler FactoryResetRequested { get; set; }

        /// <summary>
        /// Guide 3.3 "When Power is Restored, Socket": drives the relay from the policy and the last persisted state.
        /// The firmware calls it first, before the button, the MAC or protection can switch anything.
        /// </summary>
        public void RestorePower()
        {
            PowerRestorePolicy policy = _settings.Current.Socket.PowerRestore;
            bool found = RelayStore.Load(out bool last, out bool softReboot);
            bool on = PowerRestore.Decide(policy, found && last, softReboot);
            _log.Info("relay", softReboot
                ? "restarted by command: socket stays " + OnOff(on)
                : "power restored, policy " + PowerRestore.Name(policy) + (found ? ", last state " + OnOff(last) : ", no last state") + ": socket " + OnOff(on));
            Relay.Switch(on, SwitchCause.Restore);
            if (softReboot)
            {
                RelayStore.ClearSoftReboot();
            }

            UpdateLedBase();
        }

        /// <summary>Starts the button, the mains monitor, the overcurrent watch (after metering) and the periodic report.</summary>
        public void Start(IDigitalInput button, IDigitalInput powerFail)
        {
            ApplySettings(false);
            Button = new PowerButton(_loop, button, this);
            Mains = new MainsMonitor(_loop, powerFail, this);
            Overcurrent.Start();
        }

        /// <summary>
        /// Brings everything in line with <see cref="ISettingsStore.Current"/>: call after the console or a template
        /// changed settings. <paramref name="restartLock"/>: a new ff25 restarts a timed lock.
        /// </summary>
        public void ApplySettings(bool restartLock)
        {
            SocketSettings s = _settings.Current.Socket;
            if (Metering.Meter.Energy.Recording != s.PowerConsumptionEnabled)
            {
                // Saved at once, so the value recording stopped at is the one reports carry from now on.
                Metering.SetRecording(s.PowerConsumptionEnabled);
                Metering.Store.SaveIfChanged();
            }

            // While protection is on, CF1 visits voltage once a minute instead of every 10 s, and the fast current keeps
            // its pair bounds (docs/socket.md, timing).
            Metering.Meter.ProtectionOn = s.OvercurrentProtectionEnabled;
            Lock.Apply(restartLock);
            UpdateLedBase();
            long interval = Reporting.IntervalMicros;
            if (interval != _armedIntervalMicros)
            {
                _armedIntervalMicros = interval;
                Reporting.Restart();
            }
        }

        /// <summary>Saves what must survive (energy, the relay state with the soft-reboot mark) and restarts the board.</summary>
        public void Reboot(string reason)
        {
            Metering.Store.SaveIfChanged(); // a save the flash refuses is logged; the restart goes ahead
            RelayStore.MarkSoftReboot(Relay.IsOn);
            if (_control == null)
            {
                _log.Warn("socket", "reboot asked (" + reason + ") but this board cannot restart itself");
                return;
            }

            _log.Info("socket", "rebooting: " + reason);
            _control.Reboot(reason);
        }

        // ---- LoRaWAN MAC events ----

        public void OnJoinRequestSent(int attempt)
        {
            if (attempt > NetworkStatusMaxJoinRequests)
            {
                _networkStatusShown = false;
            }

            if (_networkStatusShown && _settings.Current.Socket.LedEnabled)
            {
                Led.Play(LedPattern.JoinRequest);
            }
        }

        public void OnJoined()
        {
            if (_networkStatusShown && _settings.Current.Socket.LedEnabled)
            {
                Led.Play(LedPattern.Joined);
            }

            _networkStatusShown = false;
            Sender.Drain(); // what waited from before a rejoin goes first
            Reporting.SendBasicInformation(!_joinedSinceBoot);
            _joinedSinceBoot = true;
            Reporting.SendStatusWhenMeasured("report"); // right after boot the meter has no reading yet
            Reporting.Restart();
        }

        public void OnUplinkDone(int port, UplinkOutcome outcome)
        {
            if (outcome == UplinkOutcome.Failed)
            {
                _log.Warn("uplink", "port " + port.ToString() + ": no acknowledgement");
            }

            Sender.Drain(); // a slot of the MAC's queue is free
        }

        public void OnDownlink(int port, byte[] payload, int offset, int length, bool multicast)
        {
            _downlinks.Handle(port, payload, offset, length, multicast);
        }

        public void OnLinkLost()
        {
            _log.Warn("lorawan", "network lost: the MAC rejoins");
        }

        // ---- Button ----

        public void OnPress(long heldMicros)
        {
            if (_settings.Current.Socket.ButtonLock)
            {
                _log.Info("button", "press ignored: button locked");
                return;
            }

            Relay.Switch(!Relay.IsOn, SwitchCause.Button);
        }

        public void OnResetArmed()
        {
            _log.Info("button", "held 10 s: release to reset to factory defaults");
            Led.Play(LedPattern.Reset);
        }

        public void OnResetReleased(long heldMicros)
        {
            _log.Info("button", "released after " + (heldMicros / 1000000).ToString() + " s: factory reset");
            _loop.ScheduleAfter(_resetBlinkEnd, ResetBlinkMicros);
            SocketRequestHandler reset = FactoryResetRequested;
            if (reset == null)
            {
                _log.Warn("button", "factory reset is not wired on this board");
                return;
            }

            reset();
        }

        public void OnHoldIgnored(long heldMicros)
        {
            _log.Info("button", "held " + (heldMicros / 1000).ToString() + " ms: too long for a press, too short for a reset");
        }

        // ---- Mains ----

        public void OnMainsLost(long timestampMicros)
        {
            MainsLost = true;
            RelayStore.SetFrozen(true);
            Lock.SavesFrozen = true;
            Reporting.SendOutageAlert();
            _log.Warn("mains", "lost: outage alert sent; nothing more is written to flash");
        }

        public void OnMainsBack(long timestampMicros)
        {
            MainsLost = false;
            RelayStore.SetFrozen(false);
            Lock.SavesFrozen = false;
            _log.Info("mains", "back before the supply ran out");
        }

        // ---- Downlink batches: one status report for a frame, however many of its commands ask for one ----

        internal void BeginBatch()
        {
            _batching = true;
            _batchSwitched = false;
        }

        internal void EndBatch(bool report, bool basic)
        {
            _batching = false;
            if (_batchSwitched && Relay.IsOn)
            {
                Reporting.SendStatusWhenMeasured("report");
            }
            else if (report || _batchSwitched)
            {
                Reporting.SendStatus("report", 0);
            }

            if (basic)
            {
                Reporting.SendBasicInformation(false);
            }
        }

        private void OnRelayChanged(bool on, SwitchCause cause)
        {
            _log.Info("relay", "socket " + OnOff(on) + " (" + SwitchCauses.Name(cause) + ")");
            if (on)
            {
                Metering.Meter.ExpectNewLoad(); // a reading of the new load within about a second
            }

            UpdateLedBase();
            RelayStore.Changed(on);
            if (cause == SwitchCause.Restore || cause == SwitchCause.Protection)
            {
                return; // restore: the join sends the state; protection: the trip's own report follows
            }

            if (_batching)
            {
                _batchSwitched = true;
                return;
            }

            if (on)
            {
                Reporting.SendStatusWhenMeasured("report"); // once the meter has measured the load, at most 3 s
            }
            else
            {
                Reporting.SendStatus("report", 0); // nothing flows through an open relay: the zeros are already true
            }
        }

        private void OnOvercurrent(bool tripped, bool alarmed, long microamps)
        {
            SocketSettings s = _settings.Current.Socket;
            string amps = (microamps / 1000000).ToString() + "." + (microamps / 100000 % 10).ToString() + " A";
            if (tripped)
            {
                _log.Warn("overcurrent", amps + " reached the protection threshold of " + s.OvercurrentProtectionThresholdAmps.ToString() + " A: relay opened");
            }

            if (alarmed)
            {
                _log.Warn("overcurrent", amps + " reached the alarm threshold of " + s.OvercurrentAlarmThresholdAmps.ToString() + " A");
            }

            Reporting.SendStatus(tripped ? "trip report" : "alarm report", microamps);
        }

        private void OnResetBlinkEnd(LoopTimer timer)
        {
            Led.Stop(LedPattern.Reset);
        }

        private void UpdateLedBase()
        {
            Led.SetBase(Relay.IsOn && _settings.Current.Socket.LedEnabled);
        }

        private static string OnOff(bool on) => on ? "on" : "off";
    }
}
