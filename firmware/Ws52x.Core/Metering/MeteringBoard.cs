namespace Ws52x.Metering
{
    /// <summary>
    /// How a board wires its metering chip: which chip, the current shunt and the voltage divider. The transfer
    /// constants in <see cref="Calibration.FromDatasheet"/> follow from these; calibration on a known load then
    /// corrects for resistor tolerances.
    /// </summary>
    public sealed class MeteringBoard
    {
        public MeteringChip Chip = MeteringChip.Hlw8012;

        /// <summary>Current shunt in micro-ohms (1 mΩ on the usual smart-plug boards).</summary>
        public long ShuntMicroOhms = 1000;

        /// <summary>Upper leg of the voltage divider in ohms (5 × 470 kΩ in series on the usual boards).</summary>
        public long DividerUpperOhms = 2350000;

        /// <summary>Lower leg of the voltage divider in ohms (the one the chip's V pin sees).</summary>
        public long DividerLowerOhms = 1000;

        /// <summary>
        /// The SEL level that makes CF1 carry current. By default the chip's datasheet polarity (HLW8012 high, BL0937 low);
        /// some boards invert SEL with a transistor, so it is a board setting.
        /// </summary>
        public SelPolarity Sel = SelPolarity.ChipDefault;

        /// <summary>The socket's rated current in mA (10 A or 16 A boards); the metering area uses it to tell a high load.</summary>
        public int RatedCurrentMilliamps = 16000;

        public bool SelHighMeansCurrent
        {
            get
            {
                switch (Sel)
                {
                    case SelPolarity.CurrentWhenHigh:
                        return true;
                    case SelPolarity.CurrentWhenLow:
                        return false;
                    default:
                        return Chip == MeteringChip.Hlw8012;
                }
            }
        }

        /// <summary>Divider ratio (Rupper + Rlower) / Rlower as a double; used once when constants are derived.</summary>
        public double DividerRatio => (double)(DividerUpperOhms + DividerLowerOhms) / DividerLowerOhms;

        public double ShuntOhms => ShuntMicroOhms / 1000000.0;
    }

    /// <summary>Which SEL level selects current on CF1.</summary>
    public enum SelPolarity
    {
        ChipDefault = 0,
        CurrentWhenHigh = 1,
        CurrentWhenLow = 2,
    }
}
