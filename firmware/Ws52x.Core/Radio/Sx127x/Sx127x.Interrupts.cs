using System;
using Ws52x.Loop;
using Ws52x.Platform;

namespace Ws52x.Radio.Sx127x
{
    /// <summary>The driver's register access and its interrupt path: DIO edges in, results out to <see cref="IRadioEvents"/>.</summary>
    public sealed partial class Sx127x
    {
        public byte ReadRegister(Sx127xRegister register)
        {
            _out[0] = (byte)register;
            _out[1] = 0;
            _spi.TransferFullDuplex(_out, _in, 2);
            return _in[1];
        }

        public void WriteRegister(Sx127xRegister register, byte value)
        {
            _out[0] = (byte)(0x80 | (byte)register);
            _out[1] = value;
            _spi.TransferFullDuplex(_out, _in, 2);
        }

        /// <summary>Interrupt context: only note the rising edge on the loop. Falling edges are the flags being cleared.</summary>
        public void OnEdge(IDigitalInput pin, bool level, long timestampMicros)
        {
            if (level)
            {
                _loop.Post(this, pin == _dio0 ? EventDio0 : EventDio1, 0, timestampMicros);
            }
        }

        /// <summary>On the loop: read what the chip says and report it.</summary>
        public void OnEvent(int code, int arg, long timestampMicros, object payload)
        {
            if (code == EventDio0 || code == EventDio1)
            {
                HandleInterrupt(timestampMicros);
            }
        }

        private void HandleInterrupt(long timestampMicros)
        {
            // RegFifoRxCurrentAddr, RegIrqFlagsMask, RegIrqFlags, RegRxNbBytes in one frame.
            ReadBurst(Sx127xRegister.RegFifoRxCurrentAddr, 4);
            int currentAddr = _in[1];
            int flags = _in[3];
            int count = _in[4];
            if (flags == 0)
            {
                return; // an edge queued before the flags were cleared by a newer operation
            }

            WriteRegister(Sx127xRegister.RegIrqFlags, (byte)flags);
            RadioState state = State;
            if (state == RadioState.Transmitting && (flags & Sx127xBits.IrqTxDone) != 0)
            {
                Sleep();
                _events?.OnTxDone(timestampMicros);
                return;
            }

            bool receiving = state == RadioState.ReceivingSingle || state == RadioState.ReceivingContinuous;
            if (!receiving)
            {
                return;
            }

            if ((flags & Sx127xBits.IrqRxDone) != 0)
            {
                ReadPacket(currentAddr, count, (flags & Sx127xBits.IrqPayloadCrcError) != 0, timestampMicros);
                return;
            }

            if (state == RadioState.ReceivingSingle && (flags & Sx127xBits.IrqRxTimeout) != 0)
            {
                Sleep();
                _events?.OnRxTimeout(timestampMicros);
            }
        }

        /// <summary>
        /// A single receive outlived every sound end: with the flags set only the DIO edge was lost, and the result is
        /// reported now (late); with none the chip hung, and that is a fault like a missing TxDone.
        /// </summary>
        private void OnRxWatchdog(LoopTimer timer)
        {
            if (State != RadioState.ReceivingSingle)
            {
                return;
            }

            if (ReadRegister(Sx127xRegister.RegIrqFlags) != 0)
            {
                LastFault = "SX127x receive ended without a DIO edge: check DIO0/DIO1 wiring";
                HandleInterrupt(_loop.NowMicros);
                return;
            }

            HungFault("SX127x RxDone/RxTimeout did not come");
        }

        private void ReadPacket(int currentAddr, int count, bool crcError, long timestampMicros)
        {
            ReadBurst(Sx127xRegister.RegPktSnrValue, 2);
            int snr = (sbyte)_in[1];
            _info.SnrQuarterDb = snr;
            _info.RssiDbm = Sx127xSettings.PacketRssiDbm(_in[2], snr, _lowFrequencyPort);
            _info.TimestampMicros = timestampMicros;
            _info.FrequencyHz = _rxFrequencyHz;
            _info.SpreadingFactor = _rxSpreadingFactor;
            _info.BandwidthHz = _rxBandwidthHz;
            _info.CrcError = crcError;

            if (!crcError)
            {
                // The frame starts at RegFifoRxCurrentAddr; in continuous mode that moves on with every frame.
                WriteRegister(Sx127xRegister.RegFifoAddrPtr, (byte)currentAddr);
                ReadBurst(Sx127xRegister.RegFifo, count);
                Array.Copy(_in, 1, _packet, 0, count);
            }

            if (State == RadioState.ReceivingSingle)
            {
                Sleep();
            }

            if (crcError)
            {
                _events?.OnRxError(_info);
            }
            else
            {
                _events?.OnRxDone(_packet, count, _info);
            }
        }

        private void WriteBurst(Sx127xRegister first, int count)
        {
            _out[0] = (byte)(0x80 | (byte)first);
            _spi.TransferFullDuplex(_out, _in, count + 1);
        }

        private void ReadBurst(Sx127xRegister first, int count)
        {
            _out[0] = (byte)first;
            Array.Clear(_out, 1, count);
            _spi.TransferFullDuplex(_out, _in, count + 1);
        }
    }
}
