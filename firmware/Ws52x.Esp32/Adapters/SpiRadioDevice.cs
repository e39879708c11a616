// APIs used here, checked against nanoframework/System.Device.Spi v1.3.89:
//   SpiConnectionSettings(int busId, int chipSelectLine); .Mode = SpiMode.Mode0; .ClockFrequency; .DataFlow = MsbFirst;
//     .DataBitLength; .ChipSelectLineActiveState (default low)       System.Device.Spi/SpiConnectionSettings.cs, SpiMode.cs, DataFlow.cs
//   SpiDevice(SpiConnectionSettings); SpiDevice.TransferFullDuplex(SpanByte, SpanByte)   System.Device.Spi/SpiDevice.cs
//     (the other overload takes ushort[]; full duplex is the default SpiBusConfiguration, else it throws)
//   SpanByte(byte[], int, int) - nanoFramework.CoreLibrary 1.17.11 mscorlib (lib/mscorlib.xml)
// The driver asserts chip select for the whole transfer (native NativeTransfer), which the SX127x register burst needs.
using System;
using System.Device.Spi;
using Ws52x.Platform;

namespace Ws52x.Esp32.Adapters
{
    /// <summary>The SX127x on an SPI bus, chip select driven by the ESP32 SPI driver.</summary>
    public sealed class SpiRadioDevice : ISpiDevice
    {
        /// <summary>
        /// 8 MHz: below the SX127x's 10 MHz limit with margin for wiring, and well below the 26 MHz the ESP32 allows
        /// through its GPIO matrix (SPI1 is routed there, not through the IO_MUX).
        /// </summary>
        public const int DefaultClockHz = 8000000;

        private readonly SpiDevice _device;

        public SpiRadioDevice(int busId, int chipSelectPin, int clockHz)
        {
            var settings = new SpiConnectionSettings(busId, chipSelectPin)
            {
                // SX127x: CPOL 0, CPHA 0, MSB first, 8-bit words, NSS active low.
                Mode = SpiMode.Mode0,
                ClockFrequency = clockHz,
                DataFlow = DataFlow.MsbFirst,
                DataBitLength = 8,
            };
            _device = new SpiDevice(settings);
        }

        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer, int count)
        {
            if (count <= 0)
            {
                return;
            }

            if (count > writeBuffer.Length || count > readBuffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            // SpanByte is a struct over the caller's arrays: no copy and no allocation per transfer.
            _device.TransferFullDuplex(new SpanByte(writeBuffer, 0, count), new SpanByte(readBuffer, 0, count));
        }
    }
}
