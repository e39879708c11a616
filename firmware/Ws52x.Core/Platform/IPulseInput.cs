namespace Ws52x.Platform
{
    /// <summary>
    /// A pulse train input (HLW8012/BL0937 CF and CF1), read the way the ESP32 hardware pulse counter gives it:
    /// a running count of rising edges latched together with the time it was read. No per-edge callbacks: at 16 A
    /// the chip emits hundreds of pulses a second, too many for managed interrupt handlers.
    /// </summary>
    public interface IPulseInput
    {
        /// <summary>
        /// Reads the running edge count (it never goes backwards; the board extends a 16-bit hardware counter) and the
        /// time of that reading on the board's monotonic clock (the clock the loop runs on). <paramref name="lastEdgeMicros"/> is the time of the newest counted edge
        /// where the board can timestamp edges, otherwise -1.
        /// </summary>
        long Read(out long readMicros, out long lastEdgeMicros);
    }
}
