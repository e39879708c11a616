using Ws52x.Codec;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.Loop;
using Ws52x.Metering;

namespace Ws52x.Socket
{
    /// <summary>Called with each status report handed to the MAC: the values it carries and its bytes.</summary>
    public delegate void ReportHandler(ElectricalStatus status, byte[] payload, int length);

    /// <summary>
    /// What the socket sends: the status report every reporting interval (guide 3.3: 1-1080 min, default 20; ff03 sets
    /// it in seconds) and on demand (a switch, an alarm, ff28), basic information after a join and on ff2c, and the
    /// power-outage alert. The interval restarts when it is changed and after each join, so the next periodic report
    /// comes one full interval after the one just sent. The report of a switch on (and the join's) waits until the meter
    /// has measured what flows now, at most <see cref="MeasureWaitMicros"/>, so it shows the load, not 0 W.
    /// </summary>
    public sealed class Reporting
    {
        /// <summary>The longest a status report waits for the meter to measure the state it reports.</summary>
        public const long MeasureWaitMicros = 3000000;

        private readonly EventLoop _loop;
        private readonly UplinkSender _sender;
        private readonly StatusReport _status;
        private readonly BasicInformationReport _basic;
        private readonly ISettingsStore _settings;
        private readonly Log _log;
        private readonly LoopTimer _periodic;
        private readonly byte[] _alert = new byte[UplinkEncoder.PowerOutageLength];
        private readonly LoopTimer _waitForMeter;
        private string _waitingWhat;
        private long _waitingSince;

        public Reporting(EventLoop loop, UplinkSender sender, StatusReport status, BasicInformationReport basic, ISettingsStore settings, Log log)
        {
            _log = log;
            _loop = loop;
            _sender = sender;
            _status = status;
            _basic = basic;
            _settings = settings;
            _periodic = new LoopTimer(OnPeriodic);
            _waitForMeter = new LoopTimer(OnWaitForMeter);
        }

        /// <summary>The host board's hook: each status report sent, next to the simulation's truth.</summary>
        public ReportHandler StatusSent { get; set; }

        public int StatusReports { get; private set; }

        public StatusReport Status => _status;

        /// <summary>The reporting interval now in force, in µs.</summary>
        public long IntervalMicros
        {
            get
            {
                long seconds = _settings.Current.Socket.ReportingIntervalSeconds;
                if (seconds < DownlinkDecoder.MinReportingIntervalSeconds)
                {
                    seconds = DownlinkDecoder.MinReportingIntervalSeconds;
                }
                else if (seconds > DownlinkDecoder.MaxReportingIntervalSeconds)
                {
                    seconds = DownlinkDecoder.MaxReportingIntervalSeconds;
                }

                return seconds * 1000000;
            }
        }

        /// <summary>Whether a status report waits for the meter (<see cref="SendStatusWhenMeasured"/>).</summary>
        public bool ReportWaiting => _waitingWhat != null;

        /// <summary>When the next periodic report is due, in loop time.</summary>
        public long NextPeriodicMicros => _periodic.Deadline;

        /// <summary>(Re)starts the periodic report: the first one interval from now.</summary>
        public void Restart()
        {
            long interval = IntervalMicros;
            _loop.SchedulePeriodic(_periodic, _loop.NowMicros + interval, interval);
        }

        /// <summary>
        /// The status report once the meter has measured the state it reports (<see cref="StatusReport.IsMeasured"/>),
        /// checked every metering tick, or <see cref="MeasureWaitMicros"/> after the first request, whichever comes first.
        /// A report sent meanwhile for another reason carries the newer state and takes its place.
        /// </summary>
        public void SendStatusWhenMeasured(string what)
        {
            if (_status.IsMeasured)
            {
                SendStatus(what, 0);
                return;
            }

            if (_waitingWhat == null)
            {
                _waitingSince = _loop.NowMicros;
                _loop.SchedulePeriodic(_waitForMeter, _loop.NowMicros + PowerMeter.TickMicros, PowerMeter.TickMicros);
            }

            _waitingWhat = what;
        }

        /// <summary>Builds and sends the status report now; <paramref name="what"/> names the reason in the log.</summary>
        public void SendStatus(string what, long atLeastMicroamps)
        {
            if (_waitingWhat != null)
            {
                _waitingWhat = null; // this report carries the newer state
                _loop.Cancel(_waitForMeter);
            }

            if (_sender.HasLinkButNotJoined)
            {
                _log.Line("uplink").Append(what).Append(" not sent: not joined yet (the join sends one)");
                _log.End();
            }
            else
            {
                int length = _status.Build(atLeastMicroamps);
                StatusReports++;
                _sender.Send(what, _status.Payload, length, false);
                ReportHandler sent = StatusSent;
                if (sent != null)
                {
                    sent(_status.Status, _status.Payload, length);
                }
            }
        }

        public void SendBasicInformation(bool powerOn)
        {
            int length = _basic.Build(_settings.Current, powerOn);
            _sender.Send("basic information", _basic.Payload, length, false);
        }

        /// <summary>ff3fff, unconfirmed and ahead of everything queued.</summary>
        public void SendOutageAlert()
        {
            int length = UplinkEncoder.WritePowerOutage(_alert, 0);
            _sender.Send("power outage alert", _alert, length, true);
        }

        private void OnWaitForMeter(LoopTimer timer)
        {
            if (_status.IsMeasured || _loop.NowMicros - _waitingSince >= MeasureWaitMicros)
            {
                SendStatus(_waitingWhat, 0);
            }
        }

        private void OnPeriodic(LoopTimer timer)
        {
            SendStatus("report", 0);
        }
    }
}
