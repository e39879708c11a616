// APIs used here, checked against the nanoFramework sources:
//   nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(int, DeviceFunction)
//     and DeviceFunction.SPI1_CLOCK / SPI1_MISO / SPI1_MOSI / COM2_TX / COM2_RX
//     - nanoframework/nanoFramework.Hardware.Esp32 v1.6.42: nanoFramework.Hardware.Esp32/Configuration.cs, DeviceTypePins.cs
//   SPI bus ids are 1-based (SPI1 = native bus 0) and SPI1's default pins are MOSI 23, MISO 25, CLK 19
//     - nanoframework/nf-interpreter: src/System.Device.Spi/sys_dev_spi_native_System_Device_Spi_SpiDevice.cpp,
//       targets/ESP32/_common/ESP32_DeviceMapping.cpp
using nanoFramework.Hardware.Esp32;

namespace Ws52x.Esp32
{
    /// <summary>
    /// The default wiring of the DIY socket (hardware/ has the tables). Change a number here to rewire; nothing else in
    /// the app names a pin.
    /// </summary>
    public static class PinMap
    {
        // SX127x (RFM95/96). SPI1 of nanoFramework, routed to the VSPI pins: the native default for SPI1 is
        // MOSI 23 / MISO 25 / CLK 19, so the clock and MISO must be moved explicitly (see ConfigurePinFunctions).
        public const int SpiBus = 1;
        public const int RadioSck = 18;
        public const int RadioMiso = 19;
        public const int RadioMosi = 23;
        public const int RadioNss = 5;
        public const int RadioReset = 14;
        public const int RadioDio0 = 26;
        public const int RadioDio1 = 33;

        // HLW8012 / BL0937: CF and CF1 go to hardware pulse counters. SEL is GPIO 12, a boot strapping pin (flash
        // voltage): the chip's SEL is an input, so nothing pulls it high at reset, but do not add a pull-up there.
        public const int MeteringCf = 25;
        public const int MeteringCf1 = 27;
        public const int MeteringSel = 12;

        public const int Relay = 16;
        public const int Led = 2;

        /// <summary>BOOT button: active low, internal pull-up.</summary>
        public const int Button = 0;

        /// <summary>Input only (GPIO 34 has no internal pull-up): the power-fail detector needs an external pull-up.</summary>
        public const int PowerFail = 34;

        // Optional field console on UART1 (nanoFramework's COM2). COM1 (UART0, the USB port) carries the nanoFramework
        // debugger protocol, so the app cannot own it.
        public const string ConsolePort = "COM2";
        public const int ConsoleBaud = 115200;
        public const int ConsoleTx = 17;
        public const int ConsoleRx = 4;

        /// <summary>
        /// Routes the SPI and UART signals to the pins above. Must run before the SpiDevice and SerialPort are opened:
        /// the native drivers read the pin assignment when the bus or port is initialised.
        /// </summary>
        public static void ConfigurePinFunctions()
        {
            Configuration.SetPinFunction(RadioSck, DeviceFunction.SPI1_CLOCK);
            Configuration.SetPinFunction(RadioMiso, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(RadioMosi, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(ConsoleTx, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(ConsoleRx, DeviceFunction.COM2_RX);
        }
    }
}
