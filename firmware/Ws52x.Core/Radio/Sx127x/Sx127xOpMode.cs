namespace Ws52x.Radio.Sx127x
{
    /// <summary>The Mode field of RegOpMode (bits 2-0) in LoRa mode.</summary>
    public enum Sx127xOpMode : byte
    {
        Sleep = 0x00,
        Stdby = 0x01,
        FsTx = 0x02,
        Tx = 0x03,
        FsRx = 0x04,
        RxContinuous = 0x05,
        RxSingle = 0x06,
        Cad = 0x07,
    }

    /// <summary>Bits of RegOpMode and RegIrqFlags, and other single-bit fields the driver and the model share.</summary>
    public static class Sx127xBits
    {
        /// <summary>RegOpMode bit 7: LoRa (1) or FSK/OOK (0). Writable only in Sleep.</summary>
        public const byte LongRangeMode = 0x80;

        /// <summary>RegOpMode bit 3: selects the low-frequency port's registers (below 525 MHz: 169/433 MHz parts).</summary>
        public const byte LowFrequencyModeOn = 0x08;

        public const byte ModeMask = 0x07;

        // RegIrqFlags, write 1 to clear.
        public const byte IrqRxTimeout = 0x80;
        public const byte IrqRxDone = 0x40;
        public const byte IrqPayloadCrcError = 0x20;
        public const byte IrqValidHeader = 0x10;
        public const byte IrqTxDone = 0x08;
        public const byte IrqCadDone = 0x04;
        public const byte IrqFhssChangeChannel = 0x02;
        public const byte IrqCadDetected = 0x01;

        /// <summary>RegModemConfig2 bit 2: the transmitter appends a payload CRC (and the header announces it).</summary>
        public const byte RxPayloadCrcOn = 0x04;

        /// <summary>RegModemConfig1 bit 0: implicit header mode.</summary>
        public const byte ImplicitHeaderModeOn = 0x01;

        /// <summary>RegModemConfig3 bit 3 and bit 2.</summary>
        public const byte LowDataRateOptimize = 0x08;
        public const byte AgcAutoOn = 0x04;

        /// <summary>RegPaConfig bit 7: output on PA_BOOST (the only PA wired on RFM95/96) instead of RFO.</summary>
        public const byte PaSelect = 0x80;

        // RegInvertIQ: bit 6 inverts the receive path; bit 0 is the transmit path, where 1 means NOT inverted.
        public const byte InvertIqRx = 0x40;
        public const byte InvertIqTxOff = 0x01;

        /// <summary>The chip's RegVersion for SX1276/77/78/79 (and the RFM95/96/97/98 built on them).</summary>
        public const byte ExpectedVersion = 0x12;

        /// <summary>Below this the LF port (bands 1-2, 137-525 MHz) is used, at or above it the HF port (band 1, 862-1020 MHz).</summary>
        public const int LowFrequencyLimitHz = 525000000;
    }
}
