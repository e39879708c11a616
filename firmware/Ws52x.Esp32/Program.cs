// APIs used here, checked against the nanoFramework sources:
//   System.Device.Gpio.GpioController() - nanoframework/System.Device.Gpio v1.1.62: System.Device.Gpio/GpioController.cs
//   System.Threading.Thread.Sleep(Timeout.Infinite) - nanoFramework.CoreLibrary 1.17.11 mscorlib
// Everything else is this repository's own: the adapters, and BoardIo / Firmware / RealTimeClock / RecordJournal from Ws52x.Core.
using System.Device.Gpio;
using System.Threading;
using Ws52x.App;
using Ws52x.Config.Storage;
using Ws52x.Esp32.Adapters;
using Ws52x.Loop;
using Ws52x.Metering;

namespace Ws52x.Esp32
{
    /// <summary>
    /// The composition root of the device: opens each peripheral on its pin, hands them to the core, and runs the
    /// core's loop on the main thread. No logic lives here; what the socket does is decided in Ws52x.Core.
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            PinMap.ConfigurePinFunctions();

            var gpio = new GpioController();
            var clock = new Esp32MonotonicClock();

            var io = new BoardIo
            {
                Name = "esp32",
                Clock = new RealTimeClock(clock),
                Console = new SerialConsole(PinMap.ConsolePort, PinMap.ConsoleBaud),
                Storage = new RecordJournal(new FlashStorage(FlashStorage.InternalFlashRoot)),
                Random = new HardwareRandom(),
                Control = new Esp32BoardControl(),
                SerialNumber = FactoryMacSerialNumber.Read(),

                // An RFM95 on 868 MHz; a 915 MHz module makes this "915M" (default region AU915, guide 3.2.2).
                RadioBand = "868M",

                Relay = new GpioOutput(gpio, PinMap.Relay, false),
                Led = new GpioOutput(gpio, PinMap.Led, false),
                Button = new GpioInput(gpio, PinMap.Button, true, clock),
                PowerFail = new GpioInput(gpio, PinMap.PowerFail, false, clock),

                RadioSpi = new SpiRadioDevice(PinMap.SpiBus, PinMap.RadioNss, SpiRadioDevice.DefaultClockHz),
                // RESET idles high: the SX127x is held in reset while it is low.
                RadioReset = new GpioOutput(gpio, PinMap.RadioReset, true),
                RadioDio0 = new GpioInput(gpio, PinMap.RadioDio0, false, clock),
                RadioDio1 = new GpioInput(gpio, PinMap.RadioDio1, false, clock),

                MeteringCf = new PulseCounterInput(PinMap.MeteringCf),
                MeteringCf1 = new PulseCounterInput(PinMap.MeteringCf1),
                MeteringSel = new GpioOutput(gpio, PinMap.MeteringSel, false),

                // A BL0937 board: Chip = MeteringChip.Bl0937; other shunt or divider values go here too.
                Metering = new MeteringBoard { Chip = MeteringChip.Hlw8012 },
            };

            var firmware = new Firmware(io);
            firmware.Start();
            firmware.Run();

            // Run returns only if the loop is stopped; a nanoFramework app must not leave Main.
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
