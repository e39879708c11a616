// APIs used here, checked against nanoframework/System.Device.Gpio v1.1.62:
//   GpioController.OpenPin(int, PinMode) -> GpioPin          System.Device.Gpio/GpioController.cs
//   GpioPin.Write(PinValue); PinValue implicit from bool       System.Device.Gpio/GpioPin.cs, PinValue.cs
//   PinMode.Output                                             System.Device.Gpio/PinMode.cs
using System.Device.Gpio;
using Ws52x.Platform;

namespace Ws52x.Esp32.Adapters
{
    /// <summary>A push-pull output pin (relay, LED, SX127x RESET, HLW8012 SEL).</summary>
    public sealed class GpioOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;

        /// <param name="initialHigh">The level driven from the moment the pin is opened, before the core runs
        /// (the relay must not click at boot; the radio's RESET must stay released).</param>
        public GpioOutput(GpioController controller, int pinNumber, bool initialHigh)
        {
            _pin = controller.OpenPin(pinNumber, PinMode.Output);
            _pin.Write(initialHigh);
        }

        public void Write(bool high)
        {
            _pin.Write(high);
        }
    }
}
