using System;

namespace Ws52x.Radio
{
    /// <summary>
    /// Time on air of a LoRa frame, in integer microseconds, by the formula of the SX1276 datasheet (4.1.1.7) and
    /// Semtech AN1200.13:
    ///   Tsym = 2^SF / BW
    ///   payloadSymbols = 8 + max(ceil((8·PL − 4·SF + 28 + 16·CRC − 20·IH) / (4·(SF − 2·DE))) · (CR + 4), 0)
    ///   Tpacket = (preamble + 4.25 + payloadSymbols) · Tsym
    /// The 4.25 is kept exact by counting quarter symbols, so for 125, 250 and 500 kHz (symbol times that are whole
    /// microseconds) the result is exact; other bandwidths are rounded down to the microsecond.
    /// </summary>
    public static class LoRaAirtime
    {
        /// <summary>Above this symbol time (in µs) LoRaWAN and Semtech turn LowDataRateOptimize on: SF11/SF12 at 125 kHz, SF12 at 250 kHz.</summary>
        public const int LdroSymbolMicros = 16000;

        /// <summary>Symbol time 2^SF / BW in microseconds (rounded down when BW does not divide it).</summary>
        public static long SymbolTimeMicros(int spreadingFactor, int bandwidthHz)
        {
            Check(spreadingFactor, bandwidthHz);
            return ((1L << spreadingFactor) * 1000000L) / bandwidthHz;
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
            Check(spreadingFactor, bandwidthHz);
            if (preambleSymbols < 6 || preambleSymbols > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(preambleSymbols), "the SX127x sends 6-65535 preamble symbols");
            }

            int payloadSymbols = PayloadSymbols(spreadingFactor, codingRate, payloadBytes, explicitHeader, crcOn, lowDataRateOptimize);

            // (preamble + 4.25 + payloadSymbols) · 2^SF / BW, in quarter symbols so that 4.25 stays an integer (17/4).
            long quarterSymbols = 4L * (preambleSymbols + payloadSymbols) + 17;
            return (quarterSymbols * (1L << spreadingFactor) * 1000000L) / (4L * bandwidthHz);
        }

        /// <summary>Time on air with LowDataRateOptimize chosen by <paramref name="ldro"/>.</summary>
        public static long TimeOnAirMicros(int spreadingFactor, int bandwidthHz, LoRaCodingRate codingRate, int preambleSymbols,
            int payloadBytes, bool explicitHeader, bool crcOn, LdroMode ldro)
        {
            bool de = ResolveLdro(ldro, spreadingFactor, bandwidthHz);
            return TimeOnAirMicros(spreadingFactor, bandwidthHz, codingRate, preambleSymbols, payloadBytes, explicitHeader, crcOn, de);
        }

        private static void Check(int spreadingFactor, int bandwidthHz)
        {
            if (spreadingFactor < 6 || spreadingFactor > 12)
            {
                throw new ArgumentOutOfRangeException(nameof(spreadingFactor), "spreading factor 6-12");
            }

            if (bandwidthHz < 7800 || bandwidthHz > 500000)
            {
                throw new ArgumentOutOfRangeException(nameof(bandwidthHz), "bandwidth 7.8-500 kHz");
            }
        }
    }
}
