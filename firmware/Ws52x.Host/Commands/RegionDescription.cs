using Ws52x.LoRaWan.Regions;

namespace Ws52x.Host.Commands
{
    /// <summary>One default channel of a region, for tools (`ws52x region NAME --json`).</summary>
    public sealed class ChannelDescription
    {
        public int Index;
        public int Frequency;
        public int MinDr;
        public int MaxDr;
    }

    /// <summary>One data rate: SF and bandwidth (kHz) for LoRa, the payload limits N (-1 = not allowed).</summary>
    public sealed class DataRateDescription
    {
        public int Dr;

        /// <summary>"LoRa" or "FSK".</summary>
        public string Modulation;

        /// <summary>Spreading factor (0 for FSK).</summary>
        public int Sf;

        /// <summary>Bandwidth in kHz (0 for FSK).</summary>
        public int Bw;

        /// <summary>N without uplink dwell time; -1 when the data rate carries no uplink.</summary>
        public int MaxPayload;

        /// <summary>N with the 400 ms uplink dwell time (AS923, AU915), or -2 where the region has no dwell rule.</summary>
        public int MaxPayloadDwell;
    }

    /// <summary>A duty-cycle sub-band: frequencies in Hz, the limit as a fraction (0.01 = 1 %).</summary>
    public sealed class DutyCycleBandDescription
    {
        public int Min;
        public int Max;
        public double DutyCycle;
    }

    /// <summary>
    /// A region as the firmware holds it, as plain data a host tool serializes (issue 9 item 17). Frequencies in Hz,
    /// powers in dBm EIRP. Built by <see cref="Describe"/>; allocates, so it is for tools, never the MAC.
    /// </summary>
    public sealed class RegionDescription
    {
        public string Name;

        /// <summary>"dynamic", "fixed" (US915/AU915) or "fixed-cn470".</summary>
        public string Plan;

        /// <summary>The channels enabled after a reset (dynamic plans: the default ones).</summary>
        public ChannelDescription[] Channels;

        public DataRateDescription[] DataRates;

        /// <summary>[uplink DR][RX1DROffset] = RX1 data rate, for each uplink data rate in <see cref="Rx1UplinkDrs"/>; -1 undefined.</summary>
        public int[][] Rx1DataRate;

        public int[] Rx1UplinkDrs;

        public int Rx2Frequency;
        public int Rx2Dr;

        /// <summary>EIRP of each TXPower index.</summary>
        public double[] TxPower;

        public double MaxEirp;

        public DutyCycleBandDescription[] DutyCycleBands;

        public int JoinMinDr;
        public int JoinMaxDr;
        public bool UplinkDwellTime;
        public bool DownlinkDwellTime;

        public static RegionDescription Describe(Region region)
        {
            var d = new RegionDescription
            {
                Name = region.Name,
                Plan = region.Kind == PlanKind.Dynamic ? "dynamic" : region.Kind == PlanKind.FixedUs ? "fixed" : "fixed-cn470",
                Rx2Frequency = region.Rx2FrequencyHz,
                Rx2Dr = region.Rx2DataRate,
                MaxEirp = region.MaxEirpCentiDbm / 100.0,
                JoinMinDr = region.JoinMinDr,
                JoinMaxDr = region.JoinMaxDr,
                UplinkDwellTime = region.DefaultUplinkDwell,
                DownlinkDwellTime = region.DefaultDownlinkDwell,
            };

            var plan = new ChannelPlan(region);
            int enabled = plan.EnabledCount();
            d.Channels = new ChannelDescription[enabled];
            for (int ch = 0, k = 0; ch < plan.Count; ch++)
            {
                if (plan.IsEnabled(ch))
                {
                    d.Channels[k++] = new ChannelDescription { Index = ch, Frequency = plan.Frequency(ch), MinDr = plan.MinDr(ch), MaxDr = plan.MaxDr(ch) };
                }
            }

            int defined = 0;
            for (int dr = 0; dr < Region.DataRateCount; dr++)
            {
                defined += region.IsDefined(dr) ? 1 : 0;
            }

            d.DataRates = new DataRateDescription[defined];
            int rows = 0;
            for (int dr = 0, k = 0; dr < Region.DataRateCount; dr++)
            {
                if (!region.IsDefined(dr))
                {
                    continue;
                }

                bool lora = region.ModulationOf(dr) == Modulation.LoRa;
                d.DataRates[k++] = new DataRateDescription
                {
                    Dr = dr,
                    Modulation = lora ? "LoRa" : "FSK",
                    Sf = region.SpreadingFactor(dr),
                    Bw = region.BandwidthHz(dr) / 1000,
                    MaxPayload = region.IsUplinkDataRate(dr, false) || region.IsDownlinkDataRate(dr) ? region.MaxPayload(dr, false) : -1,
                    // The regions with a dwell-time rule are those whose network may set it (TxParamSetupReq: AS923, AU915).
                    MaxPayloadDwell = !region.SupportsTxParamSetup ? -2 : region.MaxPayload(dr, true),
                };
                rows += region.Rx1DataRate(dr, 0, false) >= 0 ? 1 : 0;
            }

            d.Rx1UplinkDrs = new int[rows];
            d.Rx1DataRate = new int[rows][];
            for (int dr = 0, k = 0; dr < Region.DataRateCount; dr++)
            {
                if (region.Rx1DataRate(dr, 0, false) < 0)
                {
                    continue;
                }

                d.Rx1UplinkDrs[k] = dr;
                d.Rx1DataRate[k] = new int[region.MaxRx1DrOffset + 1];
                for (int o = 0; o <= region.MaxRx1DrOffset; o++)
                {
                    d.Rx1DataRate[k][o] = region.Rx1DataRate(dr, o, false);
                }

                k++;
            }

            d.TxPower = new double[region.MaxTxPowerIndex + 1];
            for (int i = 0; i <= region.MaxTxPowerIndex; i++)
            {
                d.TxPower[i] = region.TxPowerEirpCentiDbm(i, region.MaxFrequencyHz) / 100.0;
            }

            d.DutyCycleBands = new DutyCycleBandDescription[region.DutyCycleBandCount];
            for (int i = 0; i < region.DutyCycleBandCount; i++)
            {
                DutyCycleBand b = region.DutyCycleBandAt(i);
                d.DutyCycleBands[i] = new DutyCycleBandDescription { Min = b.MinHz, Max = b.MaxHz, DutyCycle = 1.0 / b.Divisor };
            }

            return d;
        }
    }
}
