using Ws52x.Platform;

namespace Ws52x.Device.Tests.Radio
{
    /// <summary>
    /// The SX127x's SPI as the datasheet describes it (section 4.3): the first byte is the address with bit 7 set to write,
    /// then the register address increments for each data byte, except at RegFifo (0x00), where bytes go to or come from
    /// the FIFO at RegFifoAddrPtr. Every register write is logged as "rr=vv " in the order the chip would see it.
    /// </summary>
    internal sealed class SpiRegisterFake : ISpiDevice
    {
        public readonly byte[] Registers = new byte[128];
        public readonly byte[] Fifo = new byte[256];
        public string Writes = string.Empty;
        public int Transfers;

        public SpiRegisterFake(byte version)
        {
            Registers[0x42] = version;
        }

        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer, int count)
        {
            Transfers++;
            bool write = (writeBuffer[0] & 0x80) != 0;
            int address = writeBuffer[0] & 0x7F;
            readBuffer[0] = 0;
            for (int i = 1; i < count; i++)
            {
                if (address == 0x00)
                {
                    int pointer = Registers[0x0D];
                    if (write)
                    {
                        Fifo[pointer] = writeBuffer[i];
                    }
                    else
                    {
                        readBuffer[i] = Fifo[pointer];
                    }

                    Registers[0x0D] = (byte)(pointer + 1);
                    continue;
                }

                int register = address + i - 1;
                if (write)
                {
                    Registers[register] = writeBuffer[i];
                    Writes += Hex2(register) + "=" + Hex2(writeBuffer[i]) + " ";
                }
                else
                {
                    readBuffer[i] = Registers[register];
                }
            }
        }

        private static string Hex2(int value)
        {
            const string digits = "0123456789abcdef";
            return digits[(value >> 4) & 0xF].ToString() + digits[value & 0xF].ToString();
        }
    }
}
