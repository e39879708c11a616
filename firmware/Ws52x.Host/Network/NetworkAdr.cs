using System.Collections.Generic;

namespace Ws52x.Host.Network
{
    /// <summary>One uplink as the ADR engine remembers it: its counter, the best SNR any gateway heard, the TX power it used.</summary>
    public readonly struct AdrSample
    {
        public AdrSample(uint fCnt, int maxSnrQuarterDb, int txPowerIndex)
        {
            FCnt = fCnt;
            MaxSnrQuarterDb = maxSnrQuarterDb;
            TxPowerIndex = txPowerIndex;
        }

        public uint FCnt { get; }

        public int MaxSnrQuarterDb { get; }

        public int TxPowerIndex { get; }
    }

    /// <summary>What the ADR engine asks of a device: a data rate, a TXPower index and a number of transmissions.</summary>
    public readonly struct AdrDecision
    {
        public AdrDecision(int dataRate, int txPowerIndex, int nbTrans)
        {
            DataRate = dataRate;
            TxPowerIndex = txPowerIndex;
            NbTrans = nbTrans;
        }

        public int DataRate { get; }

        public int TxPowerIndex { get; }

        public int NbTrans { get; }
    }

    /// <summary>
    /// The network's ADR, the algorithm ChirpStack ships as "default": from the best SNR of the last 20 uplinks, the
    /// margin over what the data rate needs, less a 10 dB installation margin, counted in steps of 3 dB. Each positive
    /// step raises the data rate (up to the highest 125 kHz LoRa rate) and, once there, lowers the power one TXPower
    /// index; each negative step raises the power one index, but only with 20 uplinks at the current power in hand (so
    /// that the power does not swing up and down), and the data rate is never lowered. NbTrans follows the packet loss
    /// seen in the counters of the history. SNRs are in quarter dB, as the radios give them, so the arithmetic is exact.
    /// </summary>
    public static class NetworkAdr
    {
        public const int HistoryLength = 20;

        /// <summary>ChirpStack's installation_margin default: 10 dB.</summary>
        public const int InstallationMarginQuarterDb = 40;

        /// <summary>One step of the algorithm: 3 dB.</summary>
        public const int StepQuarterDb = 12;

        /// <summary>The SNR a LoRa spreading factor needs to demodulate: −7.5 dB at SF7, 2.5 dB lower per SF, −20 dB at SF12.</summary>
        public static int RequiredSnrQuarterDb(int spreadingFactor) => -30 - 10 * (spreadingFactor - 7);

        /// <summary>Adds an uplink to the history, keeping the last <see cref="HistoryLength"/>.</summary>
        public static void Remember(List<AdrSample> history, AdrSample sample)
        {
            history.Add(sample);
            if (history.Count > HistoryLength)
            {
                history.RemoveAt(0);
            }
        }

        /// <summary>
        /// The data rate, power and NbTrans to ask for. <paramref name="spreadingFactor"/> is that of the current data
        /// rate; <paramref name="maxDataRate"/> the highest 125 kHz LoRa data rate the device's channels allow.
        /// </summary>
        public static AdrDecision Decide(IReadOnlyList<AdrSample> history, int dataRate, int spreadingFactor, int txPowerIndex,
            int nbTrans, int maxDataRate, int maxTxPowerIndex, int installationMarginQuarterDb = InstallationMarginQuarterDb)
        {
            int dr = dataRate > maxDataRate ? maxDataRate : dataRate;
            int power = txPowerIndex;
            int trans = NbTransFor(nbTrans, PacketLossPercent(history));
            if (history.Count == 0)
            {
                return new AdrDecision(dr, power, trans);
            }

            int margin = MaxSnrQuarterDb(history) - RequiredSnrQuarterDb(spreadingFactor) - installationMarginQuarterDb;
            int steps = margin / StepQuarterDb; // truncates toward zero, as ChirpStack's cast of margin / 3.0 does
            if (steps < 0 && SamplesAtPower(history, txPowerIndex) != HistoryLength)
            {
                return new AdrDecision(dr, power, trans);
            }

            for (; steps > 0; steps--)
            {
                if (dr < maxDataRate)
                {
                    dr++;
                }
                else if (power < maxTxPowerIndex)
                {
                    power++;
                }
            }

            for (; steps < 0 && power > 0; steps++)
            {
                power--;
            }

            return new AdrDecision(dr, power, trans);
        }

        public static int MaxSnrQuarterDb(IReadOnlyList<AdrSample> history)
        {
            int max = int.MinValue;
            for (int i = 0; i < history.Count; i++)
            {
                if (history[i].MaxSnrQuarterDb > max)
                {
                    max = history[i].MaxSnrQuarterDb;
                }
            }

            return max;
        }

        /// <summary>Frames missing between the counters of a full history, in percent of its length; 0 until it is full.</summary>
        public static double PacketLossPercent(IReadOnlyList<AdrSample> history)
        {
            if (history.Count < HistoryLength)
            {
                return 0;
            }

            long lost = 0;
            for (int i = 1; i < history.Count; i++)
            {
                lost += (long)history[i].FCnt - history[i - 1].FCnt - 1;
            }

            return lost * 100.0 / history.Count;
        }

        /// <summary>ChirpStack's table: NbTrans by loss (&lt;5 %, &lt;10 %, &lt;30 %, more) and the current NbTrans (1-3).</summary>
        public static int NbTransFor(int current, double lossPercent)
        {
            int column = (current < 1 ? 1 : current > 3 ? 3 : current) - 1;
            int row = lossPercent < 5 ? 0 : lossPercent < 10 ? 1 : lossPercent < 30 ? 2 : 3;
            int[,] table = { { 1, 1, 2 }, { 1, 2, 3 }, { 2, 3, 3 }, { 3, 3, 3 } };
            return table[row, column];
        }

        private static int SamplesAtPower(IReadOnlyList<AdrSample> history, int txPowerIndex)
        {
            int n = 0;
            for (int i = 0; i < history.Count; i++)
            {
                n += history[i].TxPowerIndex == txPowerIndex ? 1 : 0;
            }

            return n;
        }
    }
}
