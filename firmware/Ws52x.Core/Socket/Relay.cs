using Ws52x.Platform;

namespace Ws52x.Socket
{
    /// <summary>Told after the relay switched: its new state and what switched it.</summary>
    public delegate void RelaySwitchedHandler(bool on, SwitchCause cause);

    /// <summary>
    /// The one owner of the socket state: every switch (button, downlink, delay task, protection, restore) goes through
    /// <see cref="Switch"/>, which drives the relay pin and only then tells the others. <see cref="IsOn"/> is the level
    /// last driven onto the pin (high = socket open, supplying power), so what reports carry is what the relay does.
    /// </summary>
    public sealed class Relay
    {
        private readonly IDigitalOutput _pin;

        /// <summary>Drives the pin low at once: the board opened it low, and state and pin must agree from the start.</summary>
        public Relay(IDigitalOutput pin)
        {
            _pin = pin;
            if (_pin != null)
            {
                _pin.Write(false);
            }
        }

        /// <summary>True while the relay is driven closed (socket open, supplying power).</summary>
        public bool IsOn { get; private set; }

        /// <summary>Switches the relay since boot, for the log.</summary>
        public int Switches { get; private set; }

        /// <summary>Observers (the host board's trace); told first, before what the switch causes (report, LED).</summary>
        public RelaySwitchedHandler Switched { get; set; }

        /// <summary>The socket application's own hook: report, LED, persistence.</summary>
        internal RelaySwitchedHandler Changed { get; set; }

        /// <summary>Drives the relay to <paramref name="on"/>; false (nothing told) when it already was there.</summary>
        public bool Switch(bool on, SwitchCause cause)
        {
            if (on == IsOn)
            {
                return false;
            }

            if (_pin != null)
            {
                _pin.Write(on);
            }

            IsOn = on;
            Switches++;
            RelaySwitchedHandler switched = Switched;
            if (switched != null)
            {
                switched(on, cause);
            }

            RelaySwitchedHandler changed = Changed;
            if (changed != null)
            {
                changed(on, cause);
            }

            return true;
        }
    }
}
