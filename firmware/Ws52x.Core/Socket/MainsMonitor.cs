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
    /// The power-fail detector (hardware 1.2 and later, guide 4.3): low = mains lost. Edges are posted from interrupt
    /// context and handed on once per change, so a detector that chatters while the supply collapses counts once.
    /// </summary>
    public sealed class MainsMonitor : IEdgeSink, IEventSink
    {
        private readonly EventLoop _loop;
        private readonly IMainsEvents _events;
        private bool _lost;

        public MainsMonitor(EventLoop loop, IDigitalInput pin, IMainsEvents events)
        {
            _loop = loop;
            _events = events;
            if (pin != null)
            {
                _lost = !pin.Read();
                pin.SetEdgeSink(this);
            }
        }

        public bool MainsLost => _lost;

        public void OnEdge(IDigitalInput pin, bool level, long timestampMicros)
        {
            _loop.Post(this, level ? 1 : 0, 0, timestampMicros);
        }

        public void OnEvent(int code, int arg, long timestampMicros, object payload)
        {
            bool lost = code == 0;
            if (lost == _lost)
            {
                return;
            }

            _lost = lost;
            if (lost)
            {
                _events.OnMainsLost(timestampMicros);
            }
            else
            {
                _events.OnMainsBack(timestampMicros);
            }
        }
    }
}
