using System;

namespace Ws52x.Radio
{
    /// <summary>
    /// Time on air of a LoRa frame, in integer microseconds, by the formula of the SX1276 datasheet (4.1.1.7) and
    /// Semtech AN1200.13:
    ///   Tsym = 2^SF / BW
    ///   payloadSymbols = 8 + max(ceil((8·PL − 4·SF + 28 + 16·CRC − 20·IH) / (4·(SF − 2·DE))) · (CR + 4), 0)
    ///   Tpacket = (preamble + 4.25 + payloadSymbols) · Tsym
    /// Every SX127x bandwidth is 500 kHz divided by a whole number (64, 48, 32, 24, 16, 12, 8, 4, 2, 1: 7.8125,
    /// 10.417, 15.625, 20.833, 31.25, 41.667, 62.5, 125, 250, 500 kHz), so Tsym = 2^SF · divisor · 2 µs exactly, and
    /// with the 4.25 counted in quarter symbols the time on air is an exact whole number of microseconds too.
    /// The datasheet's rounded names (7800, 10400, 15600, 20800, 41700 Hz) are accepted for the same bandwidths.
    /// </summary>
    public static class LoRaAirtime
    {
        /// <summary>Above this symbol time (in µs) LoRaWAN and Semtech turn LowDataRateOptimize on: SF11/SF12 at 125 kHz, SF12 at 250 kHz.</summary>
        public const int LdroSymbolMicros = 16000;

        /// <summary>The base the SX127x divides its LoRa bandwidths from.</summary>
        public const int BandwidthBaseHz = 500000;

        private static readonly int[] BandwidthDivisors = { 64, 48, 32, 24, 16, 12, 8, 4, 2, 1 };

        /// <summary>
        /// The divisor of 500 kHz that <paramref name="bandwidthHz"/> stands for (within 1 %, so both 7812 and the
        /// datasheet's 7800 are 500 kHz / 64), or 0 when it is not an SX127x LoRa bandwidth.
        /// </summary>
        public static int BandwidthDivisor(int bandwidthHz)
        {
            for (int i = 0; i < BandwidthDivisors.Length; i++)
            {
                long error = (long)bandwidthHz * BandwidthDivisors[i] - BandwidthBaseHz;
                if (error >= -BandwidthBaseHz / 100 && error <= BandwidthBaseHz / 100)
                {
                    return BandwidthDivisors[i];
                }
            }

            return 0;
        }

        /// <summary>Symbol time 2^SF / BW in microseconds: 2^SF · divisor / 500 kHz, a whole number for every bandwidth.</summary>
        public static long SymbolTimeMicros(int spreadingFactor, int bandwidthHz)
        {
            int divisor = Check(spreadingFactor, bandwidthHz);
            return (1L << spreadingFactor) * divisor * 2;
        }

        /// <summary>True when the symbol time is 16 ms or more, where the modem needs LowDataRateOptimize.</summary>
        public static bool NeedsLowDataRateOptimize(int spreadingFactor, int bandwidthHz)
        {
            return SymbolTimeMicros(spreadingFactor, bandwidthHz) >= LdroSymbolMicros;
        }

        /// <summary>Resolves an <see cref="LdroMode"/> to the bit the modem gets.</summary>
        public static bool ResolveLdro(LdroMode mode, int spreadingFactor, int bandwidthHz)
        {
            if (mode == LdroMode.On)
            {
                return true;
            }

            return mode == LdroMode.Auto && NeedsLowDataRateOptimize(spreadingFactor, bandwidthHz);
        }

        /// <summary>The number of payload symbols (header, payload and CRC), the 8 + max(...) term.</summary>
        public static int PayloadSymbols(int spreadingFactor, LoRaCodingRate codingRate, int payloadBytes, bool explicitHeader, bool crcOn, bool lowDataRateOptimize)
        {
            if (payloadBytes < 0 || payloadBytes > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(payloadBytes), "a LoRa payload is 0-255 bytes");
            }

            int cr = (int)codingRate;
            if (cr < 1 || cr > 4)
            {
                throw new ArgumentOutOfRangeException(nameof(codingRate), "coding rate 4/5..4/8");
            }

            if (spreadingFactor == 6 && explicitHeader)
            {
                throw new ArgumentOutOfRangeException(nameof(explicitHeader), "SF6 works only with an implicit header");
            }

            int numerator = 8 * payloadBytes - 4 * spreadingFactor + 28 + (crcOn ? 16 : 0) - (explicitHeader ? 0 : 20);
            int denominator = 4 * (spreadingFactor - (lowDataRateOptimize ? 2 : 0));
            int blocks = 0;
            if (numerator > 0)
            {
                // ceil for positive integers without floating point.
                blocks = (numerator + denominator - 1) / denominator;
            }

            return 8 + blocks * (cr + 4);
        }

        /// <summary>Time on air of one frame in microseconds.</summary>
        public static long TimeOnAirMicros(int spreadingFactor, int bandwidthHz, LoRaCodingRate codingRate, int preambleSymbols,
            int payloadBytes, bool explicitHeader, bool crcOn, bool lowDataRateOptimize)
        {
            int divisor = Check(spreadingFactor, bandwidthHz);
            if (preambleSymbols < 6 || preambleSymbols > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(preambleSymbols), "the SX127x sends 6-65535 preamble symbols");
            }

            int payloadSymbols = PayloadSymbols(spreadingFactor, codingRate, payloadBytes, explicitHeader, crcOn, lowDataRateOptimize);

            // (preamble + 4.25 + payloadSymbols) · Tsym, in quarter symbols so that 4.25 stays an integer (17/4):
            // quarterSymbols / 4 · 2^SF · divisor · 2 µs, exact since 2^SF is even.
            long quarterSymbols = 4L * (preambleSymbols + payloadSymbols) + 17;
            return quarterSymbols * (1L << spreadingFactor) * divisor / 2;
        }

        /// <summary>Time on air with LowDataRateOptimize chosen by <paramref name="ldro"/>.</summary>
        public static long TimeOnAirMicros(int spreadingFactor, int bandwidthHz, LoRaCodingRate codingRate, int preambleSymbols,
            int payloadBytes, bool explicitHeader, bool crcOn, LdroMode ldro)
        {
            bool de = ResolveLdro(ldro, spreadingFactor, bandwidthHz);
            return TimeOnAirMicros(spreadingFactor, bandwidthHz, codingRate, preambleSymbols, payloadBytes, explicitHeader, crcOn, de);
        }

        /// <summary>Checks SF and bandwidth; returns the bandwidth's divisor of 500 kHz.</summary>
        private static int Check(int spreadingFactor, int bandwidthHz)
        {
            if (spreadingFactor < 6 || spreadingFactor > 12)
            {
                throw new ArgumentOutOfRangeException(nameof(spreadingFactor), "spreading factor 6-12");
            }

            int divisor = BandwidthDivisor(bandwidthHz);
            if (divisor == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bandwidthHz), "not an SX127x LoRa bandwidth (500 kHz / 1, 2, 4, 8, 12, 16, 24, 32, 48 or 64)");
            }

            return divisor;
        }
    }
}
