namespace Ws52x.LoRaWan.Regions
{
    /// <summary>How a data rate modulates. LR-FHSS data rates of RP002 are left out: no SX127x can send them.</summary>
    public enum Modulation
    {
        /// <summary>Not defined in this region (RFU), or not something this device can use.</summary>
        None = 0,
        LoRa = 1,

        /// <summary>GFSK 50 kbps: defined by the region, but the SX127x driver runs the LoRa modem only.</summary>
        Fsk = 2,
    }

    /// <summary>The two channel-plan families of the regional parameters.</summary>
    public enum PlanKind
    {
        /// <summary>A few default channels, more added by CFList (frequencies) or NewChannelReq; 16 at most.</summary>
        Dynamic = 0,

        /// <summary>64 x 125 kHz + 8 x 500 kHz uplink channels at fixed frequencies, 8 downlink channels (US915, AU915).</summary>
        FixedUs = 1,

        /// <summary>96 x 125 kHz uplink channels, 48 downlink channels (CN470-510).</summary>
        FixedCn470 = 2,
    }

    /// <summary>A sub-band with its own duty-cycle limit (ETSI EN 300 220): frequencies in Hz, inclusive; 1/Divisor of the time.</summary>
    public sealed class DutyCycleBand
    {
        public DutyCycleBand(int minHz, int maxHz, int divisor)
        {
            MinHz = minHz;
            MaxHz = maxHz;
            Divisor = divisor;
        }

        public int MinHz { get; }

        public int MaxHz { get; }

        /// <summary>100 = 1 %, 1000 = 0.1 %, 10 = 10 %, 1 = no limit.</summary>
        public int Divisor { get; }
    }

    /// <summary>
    /// One region of the LoRaWAN regional parameters as data: data rates, payload limits, RX1 data-rate offsets,
    /// receive window 2, power steps, duty-cycle bands, channels and join rules. Instances are built once by
    /// <see cref="RegionTables"/> and never change; what changes at run time (enabled channels, channels added by the
    /// network) lives in a <see cref="ChannelPlan"/>. The MAC asks these small questions and has no region code itself.
    /// </summary>
    public sealed class Region
    {
        public const int DataRateCount = 16;

        internal readonly byte[] Sf = new byte[DataRateCount];
        internal readonly int[] Bandwidth = new int[DataRateCount];
        internal readonly byte[] Mod = new byte[DataRateCount];

        /// <summary>N (FRMPayload bytes without FOpts, no repeater) per data rate; 0 = not allowed.</summary>
        internal byte[] PayloadNoDwell;

        /// <summary>The same with the 400 ms uplink dwell time (AS923, AU915); null where the region has none.</summary>
        internal byte[] PayloadDwell;

        /// <summary>RX1 data rate per uplink data rate and RX1DROffset (RP002 tables), with downlink dwell time off.</summary>
        internal sbyte[][] Rx1Table;

        internal Region(string name, PlanKind kind)
        {
            Name = name;
            Kind = kind;
        }

        public string Name { get; }

        /// <summary>Its place in <see cref="KnownRegions"/> (the settings' region number).</summary>
        public int Index { get; internal set; }

        public PlanKind Kind { get; }

        public int MinFrequencyHz { get; internal set; }

        public int MaxFrequencyHz { get; internal set; }

        /// <summary>16 for dynamic plans, 72 for US915/AU915, 96 for CN470.</summary>
        public int MaxChannels { get; internal set; }

        /// <summary>The channels a dynamic plan starts with (they cannot be changed by the network).</summary>
        internal int[] DefaultFrequencies;

        public int DefaultMinDr { get; internal set; }

        public int DefaultMaxDr { get; internal set; }

        /// <summary>Fixed plans: the 125 kHz uplink grid (first channel, step, count) and its data rates.</summary>
        internal int Up125BaseHz;
        internal int Up125StepHz;
        internal int Up125Count;

        /// <summary>Fixed plans: the 500 kHz uplink grid and its one data rate (US915 DR4, AU915 DR6).</summary>
        internal int Up500BaseHz;
        internal int Up500StepHz;
        internal int Up500Count;
        internal int Up500Dr = -1;

        /// <summary>Fixed plans: RX1 is on DownBase + DownStep * (uplink channel mod DownCount).</summary>
        internal int DownBaseHz;
        internal int DownStepHz;
        internal int DownCount;

        /// <summary>CFList type 1 of the fixed plans: how many 16-bit ChMask fields it carries (5, or 6 for CN470).</summary>
        internal int CFListMaskCount;

        public int MaxRx1DrOffset { get; internal set; }

        /// <summary>AS923 with downlink dwell time on: RX1 never below this data rate (else 0).</summary>
        internal int Rx1MinDrWithDwell;

        public int Rx2FrequencyHz { get; internal set; }

        public int Rx2DataRate { get; internal set; }

        /// <summary>Max EIRP in 1/100 dBm (16 dBm = 1600; CN470 19.15 dBm).</summary>
        public int MaxEirpCentiDbm { get; internal set; }

        /// <summary>TXPower indexes 0..MaxTxPowerIndex are MaxEIRP - 2 dB x index.</summary>
        public int MaxTxPowerIndex { get; internal set; }

        /// <summary>KR920: below this carrier the EIRP is capped at <see cref="LowBandMaxEirpCentiDbm"/> (0 = no such rule).</summary>
        internal int LowBandBelowHz;
        internal int LowBandMaxEirpCentiDbm;

        internal DutyCycleBand[] Bands = new DutyCycleBand[0];

        /// <summary>
        /// The data rates of JoinRequests. Dynamic plans and CN470 rotate from the highest to the lowest of this range; the
        /// fixed US plans send on 125 kHz channels at the lowest (US915 DR0, AU915 DR2) and now and then on a 500 kHz
        /// channel at the highest (DR4, DR6).
        /// </summary>
        public int JoinMinDr { get; internal set; }

        public int JoinMaxDr { get; internal set; }

        public bool DefaultUplinkDwell { get; internal set; }

        public bool DefaultDownlinkDwell { get; internal set; }

        /// <summary>TxParamSetupReq is a command of this region (AS923, AU915); elsewhere it is not answered.</summary>
        public bool SupportsTxParamSetup { get; internal set; }

        /// <summary>NewChannelReq and DlChannelReq exist only in dynamic plans.</summary>
        public bool SupportsNewChannel => Kind == PlanKind.Dynamic;

        public bool IsFixedPlan => Kind != PlanKind.Dynamic;

        /// <summary>The WS52x model suffix whose radio serves this region (guide 3.2.2): "470M" below 600 MHz, "868M" up to
        /// 870 MHz (EU868, IN865, RU864), "915M" above (US915, AU915, AS923, KR920).</summary>
        public string RadioBand => MaxFrequencyHz < 600000000 ? "470M" : MaxFrequencyHz <= 870000000 ? "868M" : "915M";

        /// <summary>The guide's default "Spread Factor": the uplink data rate of SF10 at 125 kHz (DR2; DR0 on US915).</summary>
        public int DefaultDataRate
        {
            get
            {
                for (int dr = 0; dr < DataRateCount; dr++)
                {
                    if (IsLoRa(dr) && IsUplinkDataRate(dr, false) && Sf[dr] == 10 && Bandwidth[dr] == 125000)
                    {
                        return dr;
                    }
                }

                return 0;
            }
        }

        /// <summary>The highest LoRa uplink data rate (the lowest is DR0 everywhere).</summary>
        public int MaxUplinkDataRate => FirstLoRa(true, DataRateCount - 1, -1);

        /// <summary>The lowest LoRa data rate a downlink (and so RX2) may use.</summary>
        public int MinDownlinkDataRate => FirstLoRa(false, 0, 1);

        /// <summary>The highest LoRa data rate a downlink (and so RX2) may use.</summary>
        public int MaxDownlinkDataRate => FirstLoRa(false, DataRateCount - 1, -1);

        public int DutyCycleBandCount => Bands.Length;

        public DutyCycleBand DutyCycleBandAt(int index) => Bands[index];

        public int DefaultChannelCount => DefaultFrequencies == null ? 0 : DefaultFrequencies.Length;

        public bool IsDefined(int dr) => dr >= 0 && dr < DataRateCount && Mod[dr] != (byte)Modulation.None;

        public Modulation ModulationOf(int dr) => dr >= 0 && dr < DataRateCount ? (Modulation)Mod[dr] : Modulation.None;

        /// <summary>A LoRa data rate this device can send and receive.</summary>
        public bool IsLoRa(int dr) => ModulationOf(dr) == Modulation.LoRa;

        public int SpreadingFactor(int dr) => IsDefined(dr) ? Sf[dr] : 0;

        public int BandwidthHz(int dr) => IsDefined(dr) ? Bandwidth[dr] : 0;

        /// <summary>
        /// N: the longest FRMPayload (without FOpts, no repeater) at this data rate, or -1 when the data rate may not be
        /// used for uplinks (undefined, or forbidden by the uplink dwell time).
        /// </summary>
        public int MaxPayload(int dr, bool uplinkDwell)
        {
            if (!IsDefined(dr))
            {
                return -1;
            }

            byte[] table = uplinkDwell && PayloadDwell != null ? PayloadDwell : PayloadNoDwell;
            int n = table[dr];
            return n == 0 ? -1 : n;
        }

        /// <summary>An uplink data rate: defined, with a payload limit under the dwell rule.</summary>
        public bool IsUplinkDataRate(int dr, bool uplinkDwell) => IsUplinkCapable(dr) && MaxPayload(dr, uplinkDwell) > 0;

        /// <summary>A data rate a downlink may use (RX1 results, RX2): US915/AU915 DR8-13, elsewhere the defined ones.</summary>
        public bool IsDownlinkDataRate(int dr)
        {
            if (!IsDefined(dr))
            {
                return false;
            }

            return Kind != PlanKind.FixedUs || dr >= 8;
        }

        /// <summary>The RX1 data rate for an uplink data rate and RX1DROffset, or -1 when the pair is not defined.</summary>
        public int Rx1DataRate(int uplinkDr, int offset, bool downlinkDwell)
        {
            if (uplinkDr < 0 || uplinkDr >= Rx1Table.Length || offset < 0 || offset > MaxRx1DrOffset)
            {
                return -1;
            }

            sbyte[] row = Rx1Table[uplinkDr];
            if (row == null || offset >= row.Length)
            {
                return -1;
            }

            int dr = row[offset];
            if (downlinkDwell && dr < Rx1MinDrWithDwell)
            {
                dr = Rx1MinDrWithDwell;
            }

            return dr;
        }

        /// <summary>EIRP of a TXPower index in 1/100 dBm on this carrier, or -1 for an index the region does not define.</summary>
        public int TxPowerEirpCentiDbm(int index, int frequencyHz) => TxPowerEirpCentiDbm(index, frequencyHz, MaxEirpCentiDbm);

        /// <summary>The same with another max EIRP (AS923/AU915 TxParamSetupReq changes it).</summary>
        public int TxPowerEirpCentiDbm(int index, int frequencyHz, int maxEirpCentiDbm)
        {
            if (index < 0 || index > MaxTxPowerIndex)
            {
                return -1;
            }

            int eirp = maxEirpCentiDbm - 200 * index;
            if (LowBandBelowHz != 0 && frequencyHz < LowBandBelowHz && eirp > LowBandMaxEirpCentiDbm)
            {
                eirp = LowBandMaxEirpCentiDbm;
            }

            return eirp;
        }

        /// <summary>The duty-cycle band of a carrier, 0 in regions without bands, -1 outside every band of a banded region.</summary>
        public int BandOf(int frequencyHz)
        {
            if (Bands.Length == 0)
            {
                return 0;
            }

            for (int i = 0; i < Bands.Length; i++)
            {
                if (frequencyHz >= Bands[i].MinHz && frequencyHz <= Bands[i].MaxHz)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>A carrier the region allows for a channel (NewChannelReq, DlChannelReq, RXParamSetupReq, CFList).</summary>
        public bool IsValidFrequency(int frequencyHz)
        {
            return frequencyHz >= MinFrequencyHz && frequencyHz <= MaxFrequencyHz && BandOf(frequencyHz) >= 0;
        }

        /// <summary>
        /// A carrier RXParamSetupReq may move RX2 to: in a fixed plan (US915, AU915, CN470) one of the plan's downlink
        /// channels, as LoRaMac-node checks (an uplink channel there is not a downlink carrier); elsewhere any allowed one.
        /// </summary>
        public bool IsValidRx2Frequency(int frequencyHz)
        {
            if (!IsFixedPlan)
            {
                return IsValidFrequency(frequencyHz);
            }

            int offset = frequencyHz - DownBaseHz;
            return offset >= 0 && offset % DownStepHz == 0 && offset / DownStepHz < DownCount;
        }

        /// <summary>
        /// Fixed plans: the carrier of uplink channel <paramref name="channel"/> (125 kHz ones first, then 500 kHz),
        /// or 0 when the plan has no such channel.
        /// </summary>
        public int FixedUplinkFrequency(int channel)
        {
            if (channel >= 0 && channel < Up125Count)
            {
                return Up125BaseHz + Up125StepHz * channel;
            }

            int k = channel - Up125Count;
            return k >= 0 && k < Up500Count ? Up500BaseHz + Up500StepHz * k : 0;
        }

        /// <summary>Fixed plans: the RX1 carrier that answers an uplink on this channel.</summary>
        public int FixedDownlinkFrequency(int uplinkChannel) => DownBaseHz + DownStepHz * (uplinkChannel % DownCount);

        // The first LoRa data rate, walking from 'from' by 'step', that carries uplinks (or downlinks).
        private int FirstLoRa(bool uplink, int from, int step)
        {
            for (int dr = from; dr >= 0 && dr < DataRateCount; dr += step)
            {
                if (IsLoRa(dr) && (uplink ? IsUplinkDataRate(dr, false) : IsDownlinkDataRate(dr)))
                {
                    return dr;
                }
            }

            return 0;
        }

        private bool IsUplinkCapable(int dr)
        {
            if (!IsDefined(dr))
            {
                return false;
            }

            // US915/AU915 DR8 and above are downlink-only.
            return Kind != PlanKind.FixedUs || dr < 8;
        }
    }
}
