namespace Ws52x.Metering
{
    /// <summary>The pulse-output metering chips the firmware drives. Both have CF (active power) and CF1 (current or voltage by SEL).</summary>
    public enum MeteringChip
    {
        /// <summary>HLW8012 (also CSE7759): Vref 2.43 V, 3.579 MHz oscillator; SEL high = CF1 carries current.</summary>
        Hlw8012 = 0,

        /// <summary>BL0937: Vref 1.218 V, fixed transfer constants; SEL low = CF1 carries current.</summary>
        Bl0937 = 1,
    }
}
