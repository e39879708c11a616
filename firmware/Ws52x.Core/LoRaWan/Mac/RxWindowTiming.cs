namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// When to open a receive window and how long to listen, after LoRaMac-node's RegionCommonComputeRxWindowParameters
    /// but sized for this board: a mains-powered socket can afford to listen early and long, so each window opens before
    /// the downlink's preamble can start even in the worst case, and listens until the radio has seen enough of it
    /// even in the earliest case.
    ///
    /// With D the nominal delay from the end of the uplink to the start of the downlink (RECEIVE_DELAY1/2,
    /// JOIN_ACCEPT_DELAY1/2), p the device clock's error, L the loop's worst lateness in firing a timer and W the
    /// radio's start-up time, the window is scheduled A = L + W + D·p early (device time). Then the radio listens at
    /// the latest at D·(1 - A/D)·(1 + p) + L + W ≤ D, and at the earliest at D - L - W - 2·D·p; it must keep listening
    /// until the preamble has shown <see cref="MinPreambleSymbols"/> symbols, so the symbol timeout is
    /// ceil((L + W + 2·D·p) / Tsym) + MinPreambleSymbols.
    /// </summary>
    internal static class RxWindowTiming
    {
        /// <summary>Crystal error budget of the device clock (±), in ppm.</summary>
        public const int ClockErrorPpm = 500;

        /// <summary>
        /// How late a loop timer may fire on the device: FreeRTOS runs at 100 Hz, so a managed wait ends up to 10 ms
        /// late, plus the handler that runs before ours and a GC pause; 30 ms covers 20-30 ms of loop latency.
        /// </summary>
        public const long LoopLatencyMicros = 30000;

        /// <summary>Preamble symbols the SX127x needs to detect and lock (a LoRaWAN downlink sends 8).</summary>
        public const int MinPreambleSymbols = 6;

        /// <summary>The clock error over <paramref name="delayMicros"/>, rounded up.</summary>
        public static long ClockErrorMicros(long delayMicros) => (delayMicros * ClockErrorPpm + 999999) / 1000000;

        /// <summary>How much earlier than the nominal preamble start the window is scheduled (device time).</summary>
        public static long OpenEarlyMicros(long delayMicros, long wakeupMicros, long latencyMicros)
        {
            return latencyMicros + wakeupMicros + ClockErrorMicros(delayMicros);
        }

        /// <summary>The symbol timeout of a single receive, clamped to 1..<paramref name="maxSymbols"/>.</summary>
        public static int SymbolTimeout(long symbolMicros, long delayMicros, long wakeupMicros, long latencyMicros, int maxSymbols)
        {
            long spread = latencyMicros + wakeupMicros + 2 * ClockErrorMicros(delayMicros);
            long symbols = (spread + symbolMicros - 1) / symbolMicros + MinPreambleSymbols;
            if (symbols > maxSymbols)
            {
                symbols = maxSymbols;
            }

            return symbols < 1 ? 1 : (int)symbols;
        }
    }
}
