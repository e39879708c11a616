// APIs used here, checked against nanoframework/System.Device.Spi v1.3.89:
//   SpiConnectionSettings(int busId, int chipSelectLine); .Mode = SpiMode.Mode0; .ClockFrequency; .DataFlow = MsbFirst;
//     .DataBitLength; .ChipSelectLineActiveState (default low)       System.Device.Spi/SpiConnectionSettings.cs, SpiMode.cs, DataFlow.cs
//   SpiDevice(SpiConnectionSettings); SpiDevice.TransferFullDuplex(SpanByte, SpanByte)   System.Device.Spi/SpiDevice.cs
//     (the other overload takes ushort[]; full duplex is the default SpiBusConfiguration, else it throws)
//   SpanByte(byte[], int, int) - nanoFramework.CoreLibrary 1.17.11 mscorlib (lib/mscorlib.xml)
// Native side (nanoframework/nf-interpreter targets/ESP32/_nanoCLR/System.Device.Spi/cpu_spi.cpp): SPI1 is ESP-IDF's
// SPI2_HOST (HSPI) with DMA, up to 16 KB per transfer, sent as one spi_transaction_t with the chip select given to the
// IDF driver, so NSS stays low for the whole transfer as the SX127x register burst needs. Pins routed through the GPIO
// matrix (ours are) limit the clock to 26 MHz full duplex.
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
        /// through its GPIO matrix (SPI1 is the HSPI host, and 18/19/23 are not its IO_MUX pins).
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
