using Ws52x.Diagnostics;
using Ws52x.Radio;

namespace Ws52x.App
{
    /// <summary>
    /// Says whether the radio answered at boot (the first thing a maker wants to know after wiring an RFM95); the
    /// LoRaWAN MAC, which owns the radio, tells it about ready and fault.
    /// </summary>
    internal sealed class RadioStatus : IRadioEvents
    {
        private readonly Log _log;

        public RadioStatus(Log log)
        {
            _log = log;
        }

        public bool Ready { get; private set; }

        public void OnRadioReady(long timestampMicros)
        {
            Ready = true;
            _log.Info("radio", "SX127x answered (RegVersion 0x12), in LoRa sleep");
        }

        public void OnRadioFault(string message)
        {
            Ready = false;
            _log.Warning("radio").Append(message).Append(" (check the wiring in hardware/rfm95-wiring.md)");
            _log.End();
        }

        public void OnTxDone(long timestampMicros)
        {
        }

        public void OnRxDone(byte[] buffer, int count, RadioPacketInfo info)
        {
        }

        public void OnRxTimeout(long timestampMicros)
        {
        }

        public void OnRxError(RadioPacketInfo info)
        {
        }
    }
}
