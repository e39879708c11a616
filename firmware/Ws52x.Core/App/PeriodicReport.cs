using Ws52x.Codec;
using Ws52x.Diagnostics;
using Ws52x.Loop;
using Ws52x.Metering;
using Ws52x.Util;

namespace Ws52x.App
{
    /// <summary>Called with each report built: the status it carries and its payload bytes.</summary>
    public delegate void ReportHandler(ElectricalStatus status, byte[] payload, int length);

    /// <summary>
    /// The periodic report (guide 4.2: socket status, power factor, current, voltage, energy, power every reporting
    /// interval, 20 min by default). The payload is built into a buffer owned here, without allocation; until the
    /// LoRaWAN MAC lands it is logged (hex and the vendor decoder's view) and handed to <see cref="Sent"/>.
    /// </summary>
    public sealed class PeriodicReport
    {
        public const long DefaultIntervalMicros = 20L * 60 * 1000000;

        private readonly EventLoop _loop;
        private readonly MeteringService _metering;
        private readonly Log _log;
        private readonly LoopTimer _timer;
        private readonly ElectricalStatus _status = new ElectricalStatus();
        private readonly byte[] _payload = new byte[UplinkEncoder.ElectricalStatusLength];
        private readonly UplinkValues _decoded = new UplinkValues();
        private readonly DecodeError _error = new DecodeError();
        private long _intervalMicros = DefaultIntervalMicros;

        public PeriodicReport(EventLoop loop, MeteringService metering, Log log)
        {
            _loop = loop;
            _metering = metering;
            _log = log;
            _timer = new LoopTimer(OnTimer);
            SocketOn = true;
        }

        /// <summary>The relay state the report carries (the socket application will own it).</summary>
        public bool SocketOn { get; set; }

        public ReportHandler Sent { get; set; }

        public int Count { get; private set; }

        public long IntervalMicros
        {
            get => _intervalMicros;
            set
            {
                _intervalMicros = value;
                if (_timer.IsScheduled)
                {
                    _loop.Cancel(_timer);
                    Start();
                }
            }
        }

        public void Start()
        {
            _loop.SchedulePeriodic(_timer, _loop.NowMicros + _intervalMicros, _intervalMicros);
        }

        /// <summary>Builds the report now into the owned buffer; returns its length (26).</summary>
        public int Build()
        {
            _metering.Meter.Fill(_status);
            _status.SocketOn = SocketOn;
            return UplinkEncoder.WriteElectricalStatus(_status, _payload, 0);
        }

        private void OnTimer(LoopTimer timer)
        {
            int length = Build();
            Count++;
            string view = UplinkDecoder.TryDecode(_payload, 0, length, _decoded, _error) ? VendorJson.Uplink(_decoded) : _error.ToString();
            _log.Info("report", Hex.ToHex(_payload, 0, length) + " " + view);
            ReportHandler sent = Sent;
            if (sent != null)
            {
                sent(_status, _payload, length);
            }
        }
    }
}
