using Ws52x.Loop;
using Ws52x.Radio;
using Ws52x.Radio.Sx127x;

namespace Ws52x.Host.Board.Radio
{
    /// <summary>The LoRa modem of the model: what each operating mode does, on the air and in the IRQ flags.</summary>
    public sealed partial class Sx127xModel : IAirListener, IAirSender
    {
        private readonly LoopTimer _rxTimeoutTimer;
        private readonly LoopTimer _cadTimer;
        private AirTransmission _sending;
        private AirTransmission _locked;
        private int _rxWritePointer;

        /// <summary>Frames this chip put on the air, and frames it received (good or with a CRC error).</summary>
        public int FramesSent { get; private set; }
        public int FramesReceived { get; private set; }

        /// <summary>The carrier RegFrf* selects, in Hz.</summary>
        public int FrequencyHz => Sx127xSettings.HzFromFrf((_regs[0x06] << 16) | (_regs[0x07] << 8) | _regs[0x08]);

        public int SpreadingFactor => _regs[(int)Sx127xRegister.RegModemConfig2] >> 4;

        public int BandwidthHz => Sx127xSettings.BandwidthFromCode(_regs[(int)Sx127xRegister.RegModemConfig1] >> 4);

        /// <summary>RegSymbTimeout: bits 9-8 in RegModemConfig2, bits 7-0 in RegSymbTimeoutLsb.</summary>
        public int SymbolTimeout => ((_regs[(int)Sx127xRegister.RegModemConfig2] & 0x03) << 8) | _regs[(int)Sx127xRegister.RegSymbTimeoutLsb];

        private bool ImplicitHeader => (_regs[(int)Sx127xRegister.RegModemConfig1] & Sx127xBits.ImplicitHeaderModeOn) != 0;

        private bool LowFrequencyPort => (_regs[(int)Sx127xRegister.RegOpMode] & Sx127xBits.LowFrequencyModeOn) != 0;

        /// <summary>LowFrequencyModeOn has to match the band: LF below 525 MHz, HF above (an RFM95 only has the HF path wired).</summary>
        private bool PortMatchesBand => LowFrequencyPort == (FrequencyHz < Sx127xBits.LowFrequencyLimitHz);

        private void WriteOpMode(byte value)
        {
            byte old = _regs[(int)Sx127xRegister.RegOpMode];
            int oldMode = old & Sx127xBits.ModeMask;
            // LongRangeMode only changes in Sleep; elsewhere the chip keeps the old value (datasheet RegOpMode bit 7).
            int longRange = oldMode == (int)Sx127xOpMode.Sleep ? value & Sx127xBits.LongRangeMode : old & Sx127xBits.LongRangeMode;
            _regs[(int)Sx127xRegister.RegOpMode] = (byte)(longRange | (value & 0x7F));
            int newMode = value & Sx127xBits.ModeMask;
            if (newMode == oldMode)
            {
                return;
            }

            StopActivity();
            ModeChanged?.Invoke(this, (Sx127xOpMode)oldMode);
            if (!LoRaMode)
            {
                return; // the FSK/OOK modem is not modelled
            }

            switch ((Sx127xOpMode)newMode)
            {
                case Sx127xOpMode.Sleep:
                    System.Array.Clear(_fifo, 0, _fifo.Length);
                    break;
                case Sx127xOpMode.Tx:
                    StartTx();
                    break;
                case Sx127xOpMode.RxContinuous:
                case Sx127xOpMode.RxSingle:
                    StartRx((Sx127xOpMode)newMode);
                    break;
                case Sx127xOpMode.Cad:
                    _loop.ScheduleAfter(_cadTimer, LoRaAirtime.SymbolTimeMicros(SpreadingFactor, BandwidthHz));
                    break;
            }
        }

        /// <summary>Leaving a mode: a frame being sent is cut, a frame being received is dropped, timers stop.</summary>
        private void StopActivity()
        {
            if (_sending != null)
            {
                _air.Abort(_sending);
                _sending = null;
            }

            _locked = null;
            _loop.Cancel(_rxTimeoutTimer);
            _loop.Cancel(_cadTimer);
        }

        private void SetModeStandby()
        {
            Sx127xOpMode before = Mode;
            _regs[(int)Sx127xRegister.RegOpMode] = (byte)((_regs[(int)Sx127xRegister.RegOpMode] & ~Sx127xBits.ModeMask) | (int)Sx127xOpMode.Stdby);
            if (before != Sx127xOpMode.Stdby)
            {
                ModeChanged?.Invoke(this, before);
            }
        }

        private void StartTx()
        {
            AirTransmission frame = _air.Rent();
            frame.FrequencyHz = FrequencyHz;
            frame.SpreadingFactor = SpreadingFactor;
            frame.BandwidthHz = BandwidthHz;
            frame.CodingRate = (LoRaCodingRate)((_regs[(int)Sx127xRegister.RegModemConfig1] >> 1) & 0x07);
            frame.ImplicitHeader = ImplicitHeader;
            frame.CrcOn = (_regs[(int)Sx127xRegister.RegModemConfig2] & Sx127xBits.RxPayloadCrcOn) != 0;
            frame.PreambleSymbols = (_regs[(int)Sx127xRegister.RegPreambleMsb] << 8) | _regs[(int)Sx127xRegister.RegPreambleLsb];
            frame.LowDataRateOptimize = (_regs[(int)Sx127xRegister.RegModemConfig3] & Sx127xBits.LowDataRateOptimize) != 0;
            frame.SyncWord = _regs[(int)Sx127xRegister.RegSyncWord];
            // Transmit inversion is RegInvertIQ bit 0 cleared.
            frame.IqInverted = (_regs[(int)Sx127xRegister.RegInvertIQ] & Sx127xBits.InvertIqTxOff) == 0;
            frame.Length = _regs[(int)Sx127xRegister.RegPayloadLength];
            frame.PowerDbm = OutputPowerDbm;
            int start = _regs[(int)Sx127xRegister.RegFifoTxBaseAddr];
            for (int i = 0; i < frame.Length; i++)
            {
                frame.Payload[i] = _fifo[(start + i) & 0xFF];
            }

            if (!PortMatchesBand)
            {
                // The wrong PA/port: the frame does not reach the antenna, but the modem still runs its timing.
                PortMismatches++;
                frame.FrequencyHz = 0;
            }

            _sending = frame;
            FramesSent++;
            _air.Start(frame, this, this);
        }

        /// <summary>The air says our frame's last symbol left: TxDone, and the chip drops to standby on its own.</summary>
        public void OnTransmitted(AirTransmission frame)
        {
            if (frame != _sending)
            {
                return;
            }

            _sending = null;
            SetModeStandby();
            RaiseIrq(Sx127xBits.IrqTxDone);
        }

        private void StartRx(Sx127xOpMode mode)
        {
            _rxWritePointer = _regs[(int)Sx127xRegister.RegFifoRxBaseAddr];
            if (mode == Sx127xOpMode.RxSingle)
            {
                long symbol = LoRaAirtime.SymbolTimeMicros(SpreadingFactor, BandwidthHz);
                _loop.ScheduleAfter(_rxTimeoutTimer, SymbolTimeout * symbol);
            }
        }

        private void OnRxTimeout(LoopTimer timer)
        {
            if (Mode == Sx127xOpMode.RxSingle && _locked == null)
            {
                SetModeStandby();
                RaiseIrq(Sx127xBits.IrqRxTimeout);
            }
        }

        /// <summary>
        /// Transmitter output power in dBm as the datasheet defines Pout from RegPaConfig and RegPaDac: on PA_BOOST
        /// 17 − (15 − OutputPower), or 20 − (15 − OutputPower) with the +20 dBm mode (RegPaDac 0x87); on RFO
        /// Pmax − (15 − OutputPower) with Pmax = 10.8 + 0.6 · MaxPower.
        /// </summary>
        public double OutputPowerDbm
        {
            get
            {
                int paConfig = _regs[(int)Sx127xRegister.RegPaConfig];
                int outputPower = paConfig & 0x0F;
                if ((paConfig & Sx127xBits.PaSelect) != 0)
                {
                    bool boost20 = (_regs[(int)Sx127xRegister.RegPaDac] & 0x07) == 0x07;
                    return (boost20 ? 20 : 17) - (15 - outputPower);
                }

                double pmax = 10.8 + 0.6 * ((paConfig >> 4) & 0x07);
                return pmax - (15 - outputPower);
            }
        }

        /// <summary>Listening on this frame's channel, SF, bandwidth, header mode, sync word and IQ polarity, and not busy.</summary>
        public bool TryLock(AirTransmission frame)
        {
            if (!IsTunedTo(frame))
            {
                return false;
            }

            // Found a preamble: RxSingle no longer times out, it receives this frame to its end.
            _locked = frame;
            _loop.Cancel(_rxTimeoutTimer);
            return true;
        }

        /// <summary>In receive, free, and set up for this frame (the checks of <see cref="TryLock"/>, without locking).</summary>
        public bool IsTunedTo(AirTransmission frame)
        {
            Sx127xOpMode mode = Mode;
            if (!LoRaMode || _inReset || (mode != Sx127xOpMode.RxSingle && mode != Sx127xOpMode.RxContinuous) || _locked != null)
            {
                return false;
            }

            int bandwidth = BandwidthHz;
            int offset = frame.FrequencyHz - FrequencyHz;
            if (offset < 0)
            {
                offset = -offset;
            }

            // The demodulator tolerates a carrier offset up to a quarter of the bandwidth.
            if (!PortMatchesBand || offset > bandwidth / 4 || frame.BandwidthHz != bandwidth || frame.SpreadingFactor != SpreadingFactor
                || frame.ImplicitHeader != ImplicitHeader || frame.SyncWord != _regs[(int)Sx127xRegister.RegSyncWord])
            {
                return false;
            }

            // Receive inversion needs RegInvertIQ bit 6 and RegInvertIQ2 agreeing; a half-set pair hears neither polarity.
            bool rxInverted = (_regs[(int)Sx127xRegister.RegInvertIQ] & Sx127xBits.InvertIqRx) != 0;
            byte iq2 = _regs[(int)Sx127xRegister.RegInvertIQ2];
            return iq2 == (rxInverted ? 0x19 : 0x1D) && frame.IqInverted == rxInverted;
        }

        public void OnFrameEnd(AirTransmission frame, AirOutcome outcome, int rssiDbm, int snrQuarterDb)
        {
            if (frame != _locked)
            {
                return; // the driver changed mode meanwhile
            }

            _locked = null;
            bool single = Mode == Sx127xOpMode.RxSingle;
            if (outcome == AirOutcome.Lost)
            {
                // Nothing decodable: a single receive gives up as if no preamble had come.
                if (single)
                {
                    SetModeStandby();
                    RaiseIrq(Sx127xBits.IrqRxTimeout);
                }

                return;
            }

            int length = ImplicitHeader ? _regs[(int)Sx127xRegister.RegPayloadLength] : frame.Length;
            int start = _rxWritePointer;
            for (int i = 0; i < length; i++)
            {
                _fifo[(start + i) & 0xFF] = i < frame.Length ? frame.Payload[i] : (byte)0;
            }

            bool crcPresent = ImplicitHeader ? (_regs[(int)Sx127xRegister.RegModemConfig2] & Sx127xBits.RxPayloadCrcOn) != 0 : frame.CrcOn;
            bool crcError = outcome == AirOutcome.Corrupted && crcPresent;
            if (outcome == AirOutcome.Corrupted && !crcPresent && length > 0)
            {
                // No CRC to catch it: the bit error reaches the host (LoRaWAN's MIC will).
                _fifo[(start + length / 2) & 0xFF] ^= 0x10;
            }

            _rxWritePointer = (start + length) & 0xFF;
            _regs[(int)Sx127xRegister.RegFifoRxCurrentAddr] = (byte)start;
            _regs[(int)Sx127xRegister.RegRxNbBytes] = (byte)length;
            _regs[(int)Sx127xRegister.RegFifoRxByteAddr] = (byte)((start + length - 1) & 0xFF);
            _regs[(int)Sx127xRegister.RegHopChannel] = (byte)(frame.CrcOn ? 0x40 : 0x00);
            WritePacketQuality(rssiDbm, snrQuarterDb);
            IncrementCounter(Sx127xRegister.RegRxHeaderCntValueMsb);
            if (!crcError)
            {
                IncrementCounter(Sx127xRegister.RegRxPacketCntValueMsb);
            }

            FramesReceived++;
            if (single)
            {
                SetModeStandby();
            }

            RaiseIrq(Sx127xBits.IrqValidHeader | Sx127xBits.IrqRxDone | (crcError ? Sx127xBits.IrqPayloadCrcError : 0));
        }

        /// <summary>RegPktSnrValue and RegPktRssiValue such that the datasheet 5.5.5 formulas give back the link's figures.</summary>
        private void WritePacketQuality(int rssiDbm, int snrQuarterDb)
        {
            int snr = snrQuarterDb < -128 ? -128 : (snrQuarterDb > 127 ? 127 : snrQuarterDb);
            int above = rssiDbm - (LowFrequencyPort ? -164 : -157);
            int raw = snr < 0 ? above - snr / 4 : (above * 15 + 8) / 16; // the inverse of 16/15 when SNR >= 0
            raw = raw < 0 ? 0 : (raw > 255 ? 255 : raw);
            _regs[(int)Sx127xRegister.RegPktSnrValue] = (byte)(sbyte)snr;
            _regs[(int)Sx127xRegister.RegPktRssiValue] = (byte)raw;
            _regs[(int)Sx127xRegister.RegRssiValue] = (byte)raw;
        }

        private void IncrementCounter(Sx127xRegister msb)
        {
            int value = ((_regs[(int)msb] << 8) | _regs[(int)msb + 1]) + 1;
            _regs[(int)msb] = (byte)(value >> 8);
            _regs[(int)msb + 1] = (byte)value;
        }

        /// <summary>CAD: one symbol later, CadDone, and CadDetected if a frame with our SF is on our channel.</summary>
        private void OnCadDone(LoopTimer timer)
        {
            bool detected = _air.ChannelBusy(FrequencyHz, BandwidthHz, SpreadingFactor);
            SetModeStandby();
            RaiseIrq(Sx127xBits.IrqCadDone | (detected ? Sx127xBits.IrqCadDetected : 0));
        }
    }
}
