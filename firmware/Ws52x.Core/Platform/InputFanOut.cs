namespace Ws52x.Platform
{
    /// <summary>
    /// One input pin heard by several areas (the power-fail detector: the outage alert and the energy store). Each area
    /// opens its own tap (<see cref="Open"/>), an <see cref="IDigitalInput"/> with its own single sink, so each keeps the pin
    /// interface it already speaks; an edge reaches the taps in the order they were opened.
    /// </summary>
    internal sealed class InputFanOut : IEdgeSink
    {
        public const int MaxTaps = 4;

        private readonly IDigitalInput _pin;
        private readonly Tap[] _taps = new Tap[MaxTaps];
        private int _count;

        public InputFanOut(IDigitalInput pin)
        {
            _pin = pin;
            pin.SetEdgeSink(this);
        }

        /// <summary>A new view of the pin for one listener; null when <see cref="MaxTaps"/> are open already.</summary>
        public IDigitalInput Open()
        {
            if (_count == MaxTaps)
            {
                return null;
            }

            var tap = new Tap(_pin);
            _taps[_count++] = tap;
            return tap;
        }

        /// <summary>Called by the board in interrupt context: hands the edge to every tap's sink, which only posts.</summary>
        public void OnEdge(IDigitalInput pin, bool level, long timestampMicros)
        {
            for (int i = 0; i < _count; i++)
            {
                _taps[i].Deliver(level, timestampMicros);
            }
        }

        private sealed class Tap : IDigitalInput
        {
            private readonly IDigitalInput _pin;
            private IEdgeSink _sink;

            public Tap(IDigitalInput pin)
            {
                _pin = pin;
            }

            public bool Read() => _pin.Read();

            public void SetEdgeSink(IEdgeSink sink)
            {
                _sink = sink;
            }

            public void Deliver(bool level, long timestampMicros)
            {
                IEdgeSink sink = _sink;
                if (sink != null)
                {
                    sink.OnEdge(this, level, timestampMicros);
                }
            }
        }
    }
}
