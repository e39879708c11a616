namespace Ws52x.Radio
{
    /// <summary>
    /// What a radio driver reports, always on the event loop's thread (never from interrupt context). Exactly one result
    /// follows each StartTransmit / StartReceiveSingle; a continuous receive reports every frame until stopped.
    /// </summary>
    public interface IRadioEvents
    {
        /// <summary>Reset finished and the chip answered and is configured (asleep, LoRa mode).</summary>
        void OnRadioReady(long timestampMicros);

        /// <summary>The chip is unusable: not found at reset, or a transmission never ended. The driver is idle afterwards.</summary>
        void OnRadioFault(string message);

        /// <summary>The last bit left the antenna at <paramref name="timestampMicros"/> (the DIO0 edge time): receive windows count from here.</summary>
        void OnTxDone(long timestampMicros);

        /// <summary>A frame arrived. <paramref name="buffer"/> is the driver's own; copy what you keep before the next receive.</summary>
        void OnRxDone(byte[] buffer, int count, RadioPacketInfo info);

        /// <summary>A single receive ended with no preamble found within the symbol timeout.</summary>
        void OnRxTimeout(long timestampMicros);

        /// <summary>A frame arrived with a bad payload CRC; it is dropped. The info has its RSSI, SNR and time.</summary>
        void OnRxError(RadioPacketInfo info);
    }
}
