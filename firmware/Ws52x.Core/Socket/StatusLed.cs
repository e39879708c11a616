using Ws52x.Loop;
using Ws52x.Platform;

namespace Ws52x.Socket
{
    /// <summary>
    /// The status LED (guide 2.4): static on while the socket is open and the LED is enabled (ff2f), off otherwise; a
    /// pattern plays over that base and the LED returns to the base when it ends. Over a lit base a pattern shows as
    /// dark flashes (lit steps go dark), so a join blink is visible whether the socket is open or closed. The reset
    /// pattern plays even with the LED disabled (guide 2.4 note 3). Writes the pin only when its level changes.
    /// </summary>
    public sealed class StatusLed
    {
        private readonly EventLoop _loop;
        private readonly IDigitalOutput _pin;
        private readonly LoopTimer _timer;
        private LedPattern _pattern;
        private int _step;
        private bool _baseLit;
        private bool _invert;
        private bool _level;
        private bool _written;

        public StatusLed(EventLoop loop, IDigitalOutput pin)
        {
            _loop = loop;
            _pin = pin;
            _timer = new LoopTimer(OnStep);
            Apply(false);
        }

        /// <summary>Whether the LED is lit now (what the pin was last driven to).</summary>
        public bool IsLit => _level;

        /// <summary>The pattern playing, or null.</summary>
        public LedPattern Playing => _pattern;

        /// <summary>Sets the level shown when no pattern plays.</summary>
        public void SetBase(bool lit)
        {
            _baseLit = lit;
            if (_pattern == null)
            {
                Apply(lit);
            }
        }

        /// <summary>Plays <paramref name="pattern"/> from its start, replacing one in progress, except the reset blinking,
        /// which only <see cref="Stop"/> ends: it tells the owner to let go, and join requests keep coming meanwhile.</summary>
        public void Play(LedPattern pattern)
        {
            if (_pattern == LedPattern.Reset && pattern != LedPattern.Reset)
            {
                return;
            }

            _pattern = pattern;
            _step = 0;
            _invert = _baseLit && pattern != LedPattern.Reset;
            Show();
        }

        /// <summary>Ends the pattern in progress (if it is <paramref name="pattern"/>, or any when null) and shows the base.</summary>
        public void Stop(LedPattern pattern)
        {
            if (_pattern == null || (pattern != null && _pattern != pattern))
            {
                return;
            }

            _pattern = null;
            _loop.Cancel(_timer);
            Apply(_baseLit);
        }

        private void Show()
        {
            bool lit = LedPattern.StepLit(_step);
            Apply(_invert ? !lit : lit);
            _loop.ScheduleAfter(_timer, (long)_pattern.StepMillis(_step) * 1000);
        }

        private void OnStep(LoopTimer timer)
        {
            if (_pattern == null)
            {
                return;
            }

            _step++;
            if (_step == _pattern.Steps)
            {
                if (!_pattern.Repeat)
                {
                    _pattern = null;
                    Apply(_baseLit);
                    return;
                }

                _step = 0;
            }

            Show();
        }

        private void Apply(bool lit)
        {
            if (_written && lit == _level)
            {
                return;
            }

            _level = lit;
            _written = true;
            if (_pin != null)
            {
                _pin.Write(lit);
            }
        }
    }
}
