namespace Ws52x.Radio
{
    /// <summary>What a radio driver is doing, in terms any LoRa transceiver shares.</summary>
    public enum RadioState
    {
        Off,
        Resetting,
        Idle,
        Transmitting,
        ReceivingSingle,
        ReceivingContinuous,
        Faulted,
    }

    /// <summary>
    /// The LoRa transceiver as the LoRaWAN MAC sees it, in the spirit of LoRaMac-node's radio.h but for one event loop:
    /// every call returns at once and the result comes later through <see cref="IRadioEvents"/>, on the loop. The
    /// SX127x driver implements it; an SX126x/LLCC68 driver plugs in the same way. Time on air is not asked of the radio:
    /// it is the LoRa formula (<see cref="LoRaAirtime"/>), the same for every chip.
    /// </summary>
    public interface IRadio
    {
        /// <summary>Off until a reset finished; Faulted when the chip does not answer or a transmission never ended.</summary>
        RadioState State { get; }

        /// <summary>Why the radio is faulted, or null.</summary>
        string LastFault { get; }

        /// <summary>Conducted output power range the board's PA path can produce, in dBm.</summary>
        int MinPowerDbm { get; }

        int MaxPowerDbm { get; }

        /// <summary>The largest symbol timeout a single receive accepts (SX127x: 1023 symbols).</summary>
        int MaxSymbolTimeout { get; }

        /// <summary>
        /// Time from a Start call until the radio is really listening or sending (SPI programming, standby to RX or TX,
        /// PLL lock), in microseconds. The MAC opens its windows this much earlier.
        /// </summary>
        long WakeupMicros { get; }

        /// <summary>Where results go. The MAC sets itself here before the first reset.</summary>
        void SetEvents(IRadioEvents events);

        /// <summary>True when the radio can tune to this carrier (its band and PA port).</summary>
        bool IsFrequencySupported(int frequencyHz);

        /// <summary>Resets and configures the chip; <see cref="IRadioEvents.OnRadioReady"/> or <see cref="IRadioEvents.OnRadioFault"/> follows.</summary>
        void Reset();

        /// <summary>Sends buffer[offset..offset+count); <see cref="IRadioEvents.OnTxDone"/> follows. Cuts any receive short.</summary>
        void StartTransmit(byte[] buffer, int offset, int count, RadioTxConfig config);

        /// <summary>
        /// Listens for a preamble during <paramref name="symbolTimeout"/> symbols, then reports a timeout; a frame
        /// found in time is received to its end (<see cref="IRadioEvents.OnRxDone"/>).
        /// </summary>
        void StartReceiveSingle(RadioRxConfig config, int symbolTimeout);

        /// <summary>Listens until told otherwise, reporting every frame (Class C).</summary>
        void StartReceiveContinuous(RadioRxConfig config);

        /// <summary>Stops whatever runs; the lowest power the chip has that keeps its configuration.</summary>
        void Sleep();
    }
}
