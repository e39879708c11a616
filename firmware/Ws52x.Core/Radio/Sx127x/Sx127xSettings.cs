using System;

namespace Ws52x.Radio.Sx127x
{
    /// <summary>
    /// Register values computed from radio settings, as pure functions, so that the driver only moves bytes and the
    /// tests can check each value against the datasheet by hand.
    /// </summary>
    public static class Sx127xSettings
    {
        /// <summary>The crystal: Fstep = Fxosc / 2^19 = 61.035 Hz.</summary>
        public const long FxoscHz = 32000000;

        // RegModemConfig1 Bw codes 0-9 (datasheet: 7.8 kHz ... 500 kHz); the index is the code.
        private static readonly int[] BandwidthTable = { 7800, 10400, 15600, 20800, 31250, 41700, 62500, 125000, 250000, 500000 };

        /// <summary>
        /// Frf = f · 2^19 / Fxosc, the 24-bit value of RegFrfMsb/Mid/Lsb, truncated (error below one 61 Hz step).
        /// 64-bit because f · 2^19 overflows 32 bits above 4 kHz.
        /// </summary>
        public static int FrfFromHz(int frequencyHz)
        {
            if (frequencyHz < 137000000 || frequencyHz > 1020000000)
            {
                throw new ArgumentOutOfRangeException(nameof(frequencyHz), "the SX1276 tunes 137-1020 MHz");
            }

            return (int)(((long)frequencyHz << 19) / FxoscHz);
        }

        /// <summary>The carrier of a Frf value, in Hz (rounded down).</summary>
        public static int HzFromFrf(int frf)
        {
            return (int)(((long)frf * FxoscHz) >> 19);
        }

        /// <summary>RegModemConfig1 Bw code for a bandwidth in Hz; throws for a bandwidth the modem does not have.</summary>
        public static int BandwidthCode(int bandwidthHz)
        {
            for (int i = 0; i < BandwidthTable.Length; i++)
            {
                if (BandwidthTable[i] == bandwidthHz)
                {
                    return i;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(bandwidthHz), "not an SX127x LoRa bandwidth");
        }

        /// <summary>The bandwidth in Hz of a Bw code, or 0 for a reserved code.</summary>
        public static int BandwidthFromCode(int code)
        {
            return code >= 0 && code < BandwidthTable.Length ? BandwidthTable[code] : 0;
        }

        /// <summary>RegModemConfig1: Bw (7-4) | CodingRate (3-1) | ImplicitHeaderModeOn (0).</summary>
        public static byte ModemConfig1(int bandwidthHz, LoRaCodingRate codingRate, bool implicitHeader)
        {
            int cr = (int)codingRate;
            if (cr < 1 || cr > 4)
            {
                throw new ArgumentOutOfRangeException(nameof(codingRate), "coding rate 4/5..4/8");
            }

            return (byte)((BandwidthCode(bandwidthHz) << 4) | (cr << 1) | (implicitHeader ? Sx127xBits.ImplicitHeaderModeOn : 0));
        }

        /// <summary>
        /// RegModemConfig2: SpreadingFactor (7-4) | TxContinuousMode 0 | RxPayloadCrcOn (2) | SymbTimeout bits 9-8 (1-0).
        /// SF6 is left out: it needs implicit header and other detection settings LoRaWAN never uses.
        /// </summary>
        public static byte ModemConfig2(int spreadingFactor, bool crcOn, int symbolTimeout)
        {
            if (spreadingFactor < 7 || spreadingFactor > 12)
            {
                throw new ArgumentOutOfRangeException(nameof(spreadingFactor), "spreading factor 7-12");
            }

            return (byte)((spreadingFactor << 4) | (crcOn ? Sx127xBits.RxPayloadCrcOn : 0) | ((symbolTimeout >> 8) & 0x03));
        }

        /// <summary>RegModemConfig3: LowDataRateOptimize (3) | AgcAutoOn (2), the LNA gain then set by the AGC.</summary>
        public static byte ModemConfig3(bool lowDataRateOptimize)
        {
            return (byte)((lowDataRateOptimize ? Sx127xBits.LowDataRateOptimize : 0) | Sx127xBits.AgcAutoOn);
        }

        /// <summary>RegInvertIQ: inverted transmit is bit 0 cleared, inverted receive bit 6 set; the other bits keep their reset value 0x26.</summary>
        public static byte InvertIq(bool transmit, bool inverted)
        {
            if (transmit)
            {
                return (byte)(inverted ? 0x26 : 0x27);
            }

            return (byte)(inverted ? 0x67 : 0x27);
        }

        /// <summary>RegInvertIQ2 has to follow the polarity (AN on I/Q inversion, LoRaMac-node): 0x19 inverted, 0x1D normal.</summary>
        public static byte InvertIq2(bool inverted)
        {
            return (byte)(inverted ? 0x19 : 0x1D);
        }

        /// <summary>
        /// RegPaConfig for an output power. PA_BOOST: Pout = 17 − (15 − OutputPower), and with RegPaDac 0x87 (+20 dBm
        /// mode, 18-20 dBm) Pout = 20 − (15 − OutputPower). RFO with MaxPower 7 (Pmax 15 dBm): Pout = OutputPower for
        /// 0-14 dBm; below 0, MaxPower 0 (Pmax 10.8 dBm) gives about OutputPower − 4.
        /// </summary>
        public static byte PaConfig(int powerDbm, bool paBoost)
        {
            if (paBoost)
            {
                int p = Clamp(powerDbm, 2, 20);
                int outputPower = p > 17 ? p - 5 : p - 2;
                return (byte)(Sx127xBits.PaSelect | 0x70 | outputPower);
            }

            int rfo = Clamp(powerDbm, -4, 14);
            return rfo >= 0 ? (byte)(0x70 | rfo) : (byte)(rfo + 4);
        }

        /// <summary>RegPaDac: 0x87 turns on the +20 dBm mode of PA_BOOST (above 17 dBm only, 1% duty cycle), 0x84 is the default.</summary>
        public static byte PaDac(int powerDbm, bool paBoost)
        {
            return (byte)(paBoost && powerDbm > 17 ? 0x87 : 0x84);
        }

        /// <summary>
        /// RegOcp: OcpOn | OcpTrim. The +20 dBm mode draws up to 120 mA, above the default 100 mA limit, so the trim
        /// goes to 140 mA there (Imax = −30 + 10·OcpTrim for trim 16-27 → 17); otherwise 100 mA (45 + 5·11).
        /// </summary>
        public static byte Ocp(int powerDbm, bool paBoost)
        {
            return (byte)(0x20 | (paBoost && powerDbm > 17 ? 17 : 11));
        }

        /// <summary>Packet strength in dBm from RegPktRssiValue and RegPktSnrValue (datasheet 5.5.5).</summary>
        public static int PacketRssiDbm(int pktRssi, int pktSnrQuarterDb, bool lowFrequencyPort)
        {
            int offset = lowFrequencyPort ? -164 : -157;
            if (pktSnrQuarterDb < 0)
            {
                // Below the noise floor the averaged RSSI is noise; the SNR tells how far under it the packet was.
                return offset + pktRssi + pktSnrQuarterDb / 4;
            }

            // Above it the datasheet corrects the register's slope: 16/15 of PacketRssi, rounded to the nearest dB.
            return offset + (pktRssi * 16 + 7) / 15;
        }

        private static int Clamp(int value, int min, int max)
        {
            return value < min ? min : (value > max ? max : value);
        }
    }
}
