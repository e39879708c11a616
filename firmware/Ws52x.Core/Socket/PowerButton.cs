using Ws52x.Loop;
using Ws52x.Platform;

namespace Ws52x.Socket
{
    /// <summary>What the power button did, as <see cref="PowerButton"/> tells it.</summary>
    public interface IPowerButtonEvents
    {
        /// <summary>A short press ended (released within <see cref="PowerButton.MaxPressMicros"/>).</summary>
        void OnPress(long heldMicros);

        /// <summary>Held for <see cref="PowerButton.ResetHoldMicros"/>: the reset is armed (LED blinks quickly).</summary>
        void OnResetArmed();

        /// <summary>Released after an armed hold: factory reset.</summary>
        void OnResetReleased(long heldMicros);

        /// <summary>Released after a hold too long for a press and too short for a reset: nothing happens.</summary>
        void OnHoldIgnored(long heldMicros);
    }

    /// <summary>
    /// The power button (guide 2.4), pressed = low. Works on the timestamped edges the board gives: an edge only
    /// counts once the level has stayed put for <see cref="DebounceMicros"/>, and press and release are dated by the
    /// first edge of their bounce, so a hold is measured from when the finger went down, not from when the loop
    /// noticed. A press is released within 3 s; a hold of 10 s arms the factory reset at once (so the LED tells the
    /// owner to let go) and the reset happens on release; anything in between does nothing.
    /// </summary>
    public sealed class PowerButton : IEdgeSink, IEventSink
    {
        public const long DebounceMicros = 30000;
        public const long MaxPressMicros = 3000000;
        public const long ResetHoldMicros = 10000000;

        private readonly EventLoop _loop;
        private readonly IPowerButtonEvents _events;
        private readonly LoopTimer _settle;
        private readonly LoopTimer _hold;
        private bool _rawLevel = true;
        private bool _pressed;
        private bool _inBurst;
        private long _burstStart;
        private long _pressedAt;
        private bool _armed;

        public PowerButton(EventLoop loop, IDigitalInput pin, IPowerButtonEvents events)
        {
            _loop = loop;
            _events = events;
            _settle = new LoopTimer(OnSettled);
            _hold = new LoopTimer(OnHeld);
            if (pin != null)
            {
                _rawLevel = pin.Read();
                _pressed = !_rawLevel;
                pin.SetEdgeSink(this);
            }
        }

        /// <summary>Whether the button is held down (debounced).</summary>
        public bool IsPressed => _pressed;

        /// <summary>Interrupt context: only posts.</summary>
        public void OnEdge(IDigitalInput pin, bool level, long timestampMicros)
        {
            _loop.Post(this, level ? 1 : 0, 0, timestampMicros);
        }

        public void OnEvent(int code, int arg, long timestampMicros, object payload)
        {
            _rawLevel = code == 1;
            if (!_inBurst)
            {
                _inBurst = true;
                _burstStart = timestampMicros;
            }

            // The level must hold for the debounce time after the newest edge.
            _loop.Schedule(_settle, timestampMicros + DebounceMicros);
        }

        private void OnSettled(LoopTimer timer)
        {
            _inBurst = false;
            bool pressed = !_rawLevel;
            if (pressed == _pressed)
            {
                return; // a bounce that came back to where it was
            }

            _pressed = pressed;
            if (pressed)
            {
                _pressedAt = _burstStart;
                _armed = false;
                _loop.Schedule(_hold, _pressedAt + ResetHoldMicros);
                return;
            }

            _loop.Cancel(_hold);
            long held = _burstStart - _pressedAt;
            if (_armed)
            {
                _armed = false;
                _events.OnResetReleased(held);
            }
            else if (held <= MaxPressMicros)
            {
                _events.OnPress(held);
            }
            else
            {
                _events.OnHoldIgnored(held);
            }
        }

        private void OnHeld(LoopTimer timer)
        {
            if (_pressed)
            {
                _armed = true;
                _events.OnResetArmed();
            }
        }
    }
}
