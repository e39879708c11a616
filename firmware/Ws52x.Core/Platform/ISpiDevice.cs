namespace Ws52x.Platform
{
    /// <summary>
    /// One SPI peripheral with its chip select handled by the bus (the SX127x on an ESP32 SPI host).
    /// </summary>
    public interface ISpiDevice
    {
        /// <summary>
        /// Full-duplex transfer of <paramref name="count"/> bytes with chip select asserted for the whole transfer:
        /// writes <paramref name="writeBuffer"/>[0..count) and stores what was clocked in into <paramref name="readBuffer"/>[0..count).
        /// </summary>
        void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer, int count);
    }
}
