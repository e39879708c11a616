using Ws52x.Loop;
using Ws52x.Platform;

namespace Ws52x.Socket
{
    /// <summary>What the power-fail detector says, on the loop.</summary>
    public interface IMainsEvents
    {
        void OnMainsLost(long timestampMicros);

        void OnMainsBack(long timestampMicros);
    }

    /// <summary>
    /// The power-fail detector (hardware 1.2 and later, guide 4.3): low = mains lost. Loss is believed at the first
    /// falling edge (the hold-up time is short); return only once the input has stayed high for
    /// <see cref="MainsBackMicros"/>, so a detector that chatters while the supply collapses makes one outage, one alert.
    /// The firmware runs, so mains is there at boot: an input that reads low then is not wired (or has no pull-up), and
    /// the monitor ignores it until it has read high once, rather than take every downlink for one sent during an outage.
    /// </summary>
    public sealed class MainsMonitor : IEdgeSink, IEventSink
    {
        public const long MainsBackMicros = 1000000;

        private readonly EventLoop _loop;
        private readonly IMainsEvents _events;
        private readonly LoopTimer _back;
        private bool _lost;
        private bool _armed;

        public MainsMonitor(EventLoop loop, IDigitalInput pin, IMainsEvents events)
        {
            _loop = loop;
            _events = events;
            _back = new LoopTimer(OnBack);
            if (pin != null)
            {
                _armed = pin.Read();
                pin.SetEdgeSink(this);
            }
        }

        public bool MainsLost => _lost;

        /// <summary>False while the input has not read high since boot: its edges are ignored.</summary>
        public bool Armed => _armed;

        /// <summary>Interrupt context: only posts.</summary>
        public void OnEdge(IDigitalInput pin, bool level, long timestampMicros)
        {
            _loop.Post(this, level ? 1 : 0, 0, timestampMicros);
        }

        public void OnEvent(int code, int arg, long timestampMicros, object payload)
        {
            if (code == 1)
            {
                _armed = true;
                if (_lost)
                {
                    _loop.Schedule(_back, timestampMicros + MainsBackMicros);
                }

                return;
            }

            _loop.Cancel(_back);
            if (_armed && !_lost)
            {
                _lost = true;
                _events.OnMainsLost(timestampMicros);
            }
        }

        private void OnBack(LoopTimer timer)
        {
            _lost = false;
            _events.OnMainsBack(_loop.NowMicros);
        }
    }
}
