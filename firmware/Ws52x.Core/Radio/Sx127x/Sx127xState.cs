namespace Ws52x.Radio.Sx127x
{
    /// <summary>What the driver is doing.</summary>
    public enum Sx127xState
    {
        Off,
        Resetting,
        Idle,
        Transmitting,
        ReceivingSingle,
        ReceivingContinuous,
        Faulted,
    }
}
