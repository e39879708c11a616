// APIs used here, checked against nanoframework/System.Device.Gpio v1.1.62:
//   GpioController.OpenPin(int, PinMode); PinMode.Input / InputPullUp      System.Device.Gpio/GpioController.cs, PinMode.cs
//   GpioPin.Read() -> PinValue; PinValue.High                               System.Device.Gpio/GpioPin.cs, PinValue.cs
//   GpioPin.ValueChanged (PinValueChangedEventHandler(object, PinValueChangedEventArgs))
//   PinValueChangedEventArgs.ChangeType (PinEventTypes.Rising / Falling)   System.Device.Gpio/PinValueChangedEventArgs.cs
// The event carries no time of its own (GpioPinEventListener.ProcessEvent drops the native DateTime), so the edge is
// stamped when the handler runs, on nanoFramework's event thread: a few hundred microseconds after the edge at worst,
// which the core's debounce and the radio's DIO handling tolerate.
using System.Device.Gpio;
using Ws52x.Platform;

namespace Ws52x.Esp32.Adapters
{
    /// <summary>An input pin whose edges go to the core's sink with a monotonic timestamp. Debouncing is the core's.</summary>
    public sealed class GpioInput : IDigitalInput
    {
        private readonly GpioPin _pin;
        private readonly IMonotonicClock _clock;
        private IEdgeSink _sink;

        /// <param name="pullUp">Enables the internal pull-up (the button). Input-only pins (34..39) have none: pass false.</param>
        public GpioInput(GpioController controller, int pinNumber, bool pullUp, IMonotonicClock clock)
        {
            _clock = clock;
            _pin = controller.OpenPin(pinNumber, pullUp ? PinMode.InputPullUp : PinMode.Input);
            // DebounceTimeout stays zero: every edge reaches the core, which debounces against its own clock.
            _pin.ValueChanged += OnValueChanged;
        }

        public bool Read()
        {
            return _pin.Read() == PinValue.High;
        }

        public void SetEdgeSink(IEdgeSink sink)
        {
            // A reference write is atomic; the handler reads the field once, so a change mid-edge is harmless.
            _sink = sink;
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            long now = _clock.NowMicros;
            IEdgeSink sink = _sink;
            if (sink != null)
            {
                sink.OnEdge(this, e.ChangeType == PinEventTypes.Rising, now);
            }
        }
    }
}
