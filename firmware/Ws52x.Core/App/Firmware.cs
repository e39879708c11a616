using System;
using Ws52x.Codec;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.LoRaWan.Mac;
using Ws52x.Loop;
using Ws52x.Metering;

namespace Ws52x.App
{
    /// <summary>
    /// The firmware as one object: builds the event loop on the board's clock, starts each area, and runs.
    /// Areas register their timers and event sinks on <see cref="Loop"/>; nothing here knows a board.
    /// </summary>
    public sealed class Firmware
    {
        /// <summary>Loop health is logged this often unless set otherwise (the socket's default reporting interval).</summary>
        public const long DefaultStatusIntervalMicros = 20L * 60 * 1000000;

        private readonly BoardIo _board;
        private readonly LoopTimer _statusTimer;
        private long _statusIntervalMicros = DefaultStatusIntervalMicros;

        public Firmware(BoardIo board)
        {
            _board = board ?? throw new ArgumentNullException(nameof(board));
            Loop = new EventLoop(board.Clock, eventCapacity: 64, timerCapacity: 32);
            Log = new Log(board.Console, board.Clock);
            Loop.FaultHandler = OnFault;
            _statusTimer = new LoopTimer(OnStatusTimer);
            Settings = new Settings();
            DefaultIdentity(board.SerialNumber, Settings.LoRaWan);
        }

        /// <summary>The settings the areas read (the guide's defaults until the configuration area persists them).</summary>
        public Settings Settings { get; }

        /// <summary>The LoRaWAN MAC, when there is a radio; otherwise null.</summary>
        public LoRaWanMac Link { get; private set; }

        public EventLoop Loop { get; }

        /// <summary>The metering area, when the board has a metering chip (CF, CF1 and SEL); otherwise null.</summary>
        public MeteringService Metering { get; private set; }

        /// <summary>The LoRa radio (the SX127x driver when the board has its SPI); otherwise null.</summary>
        public Ws52x.Radio.IRadio Radio { get; private set; }

        /// <summary>The periodic report, when there is metering to report; otherwise null.</summary>
        public PeriodicReport Report { get; private set; }

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
            Log.Info("boot", "Ws52x firmware " + FirmwareInfo.SoftwareVersion + " on board '" + _board.Name + "'");
            if (_board.MeteringCf != null && _board.MeteringCf1 != null && _board.MeteringSel != null)
            {
                Metering = new MeteringService(_board.Metering, _board.MeteringCf, _board.MeteringCf1, _board.MeteringSel, _board.Storage, Log);
                Metering.Start(Loop, _board.PowerFail);
                Report = new PeriodicReport(Loop, Metering, Log);
                Report.Start();
            }
            else
            {
                Log.Warn("boot", "no metering chip on this board: no reports");
            }

            if (_board.RadioSpi != null)
            {
                Radio = new Ws52x.Radio.Sx127x.Sx127x(Loop, _board.RadioSpi, _board.RadioReset, _board.RadioDio0, _board.RadioDio1, null);
                Link = new LoRaWanMac(Loop, Radio, Settings, _board.Storage, _board.Random, Log, new LinkLog(Log)) { RadioObserver = new RadioStatus(Log) };
                Link.Start();
                if (Report != null)
                {
                    Report.Sent = SendReport;
                }
            }
            else
            {
                Log.Warn("boot", "no radio on this board");
            }

            ScheduleStatus();
        }

        /// <summary>Runs the loop until <paramref name="untilMicros"/> of board time, or until stopped.</summary>
        public void Run(long untilMicros = long.MaxValue)
        {
            Loop.Run(untilMicros);
        }

        // The report goes up on the application port (the socket application will own this hand-off).
        private void SendReport(ElectricalStatus status, byte[] payload, int length)
        {
            SendStatus sent = Link.Send(Settings.LoRaWan.ApplicationPort, payload, 0, length, Settings.LoRaWan.Confirmed, false);
            if (sent != SendStatus.Queued)
            {
                Log.Warn("report", "not sent: " + (sent == SendStatus.NotJoined ? "not joined yet" : sent == SendStatus.QueueFull ? "uplink queue full" : "too long for the data rate"));
            }
        }

        /// <summary>Guide 3.2.1: DevEUI defaults to the SN, the ABP DevAddr to its 5th-12th hex digits.</summary>
        private static void DefaultIdentity(byte[] serialNumber, LoRaWanSettings lorawan)
        {
            if (serialNumber == null || serialNumber.Length != 8)
            {
                return;
            }

            System.Array.Copy(serialNumber, lorawan.DevEui, 8);
            if (lorawan.DevAddr == 0)
            {
                lorawan.DevAddr = Ws52x.Util.Bytes.ReadUInt32BE(serialNumber, 2);
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
            Log.Info(
                "loop",
                "timers fired " + Loop.TimersFired.ToString() +
                ", events " + Loop.EventsDispatched.ToString() +
                ", dropped " + Loop.EventsDropped.ToString() +
                ", faults " + Loop.Faults.ToString() +
                ", max lateness " + (Loop.MaxLatenessMicros / 1000).ToString() + " ms");
        }

        private void OnFault(Exception fault)
        {
            Log.Warn("loop", "handler failed: " + fault.Message);
        }
    }
}
