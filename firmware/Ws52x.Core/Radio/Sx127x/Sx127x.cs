using System;
using Ws52x.Loop;
using Ws52x.Platform;
using Ws52x.Util;

namespace Ws52x.Radio.Sx127x
{
    /// <summary>
    /// SX1276/77/78/79 (RFM95/96) LoRa driver for the single event loop. Nothing blocks: each Start call programs the
    /// chip and returns; the chip's DIO0 (TxDone/RxDone) and DIO1 (RxTimeout) edges are posted from interrupt context,
    /// and the registers are read on the loop, which then reports to <see cref="IRadioEvents"/>. All buffers are
    /// allocated here once, so transmitting and receiving allocate nothing.
    /// </summary>
    public sealed partial class Sx127x : IRadio, IEdgeSink, IEventSink
    {
        /// <summary>RESET low for at least 100 µs, then 5 ms until the chip answers (datasheet 7.2.2).</summary>
        public const long ResetPulseMicros = 100;
        public const long ResetWaitMicros = 5000;

        /// <summary>
        /// What a Start call costs before the chip listens or sends: about fifteen SPI frames from managed code on the
        /// ESP32 (~1.5 ms) plus the standby-to-RX/TX ramp and PLL lock (datasheet TS_RX/TS_TX, ~0.2 ms), rounded up.
        /// </summary>
        public const long StartLatencyMicros = 2000;

        private const int EventDio0 = 1;
        private const int EventDio1 = 2;
        private const int FifoSize = 256;

        // RegDioMapping1: DIO0 in bits 7-6 (00 RxDone, 01 TxDone), DIO1 in bits 5-4 (00 RxTimeout).
        private const byte DioMappingTx = 0x40;
        private const byte DioMappingRx = 0x00;

        private readonly EventLoop _loop;
        private readonly ISpiDevice _spi;
        private readonly IDigitalOutput _reset;
        private readonly IDigitalInput _dio0;
        private readonly IDigitalInput _dio1;
        private IRadioEvents _events;

        // One SPI frame is the address byte plus up to the whole FIFO.
        private readonly byte[] _out = new byte[FifoSize + 1];
        private readonly byte[] _in = new byte[FifoSize + 1];
        private readonly byte[] _packet = new byte[FifoSize];
        private readonly RadioPacketInfo _info = new RadioPacketInfo();
        private readonly LoopTimer _resetTimer;
        private readonly LoopTimer _txWatchdog;
        private readonly LoopTimer _rxWatchdog;

        private int _resetStep;
        private byte _opModeBase = Sx127xBits.LongRangeMode;
        private bool _lowFrequencyPort;
        private int _rxFrequencyHz;
        private int _rxSpreadingFactor;
        private int _rxBandwidthHz;

        public Sx127x(EventLoop loop, ISpiDevice spi, IDigitalOutput reset, IDigitalInput dio0, IDigitalInput dio1, IRadioEvents events)
        {
            _loop = loop ?? throw new ArgumentNullException(nameof(loop));
            _spi = spi ?? throw new ArgumentNullException(nameof(spi));
            _events = events;
            _reset = reset;
            _dio0 = dio0;
            _dio1 = dio1;
            _resetTimer = new LoopTimer(OnResetTimer);
            _txWatchdog = new LoopTimer(OnTxWatchdog);
            _rxWatchdog = new LoopTimer(OnRxWatchdog);
            if (_dio0 != null)
            {
                _dio0.SetEdgeSink(this);
            }

            if (_dio1 != null)
            {
                _dio1.SetEdgeSink(this);
            }
        }

        public RadioState State { get; private set; }

        /// <summary>PA_BOOST, the only path an RFM95/96 wires to the antenna: 2-20 dBm.</summary>
        public int MinPowerDbm => 2;

        public int MaxPowerDbm => 20;

        /// <summary>RegSymbTimeout is 10 bits.</summary>
        public int MaxSymbolTimeout => 1023;

        public long WakeupMicros => StartLatencyMicros;

        /// <summary>Where results go (the constructor's sink, or the MAC that owns the radio later).</summary>
        public void SetEvents(IRadioEvents events)
        {
            _events = events;
        }

        /// <summary>The synthesizer's range (137-1020 MHz); the board's matching network narrows what really radiates.</summary>
        public bool IsFrequencySupported(int frequencyHz)
        {
            return frequencyHz >= 137000000 && frequencyHz <= 1020000000;
        }

        /// <summary>The message of the last fault, or null.</summary>
        public string LastFault { get; private set; }

        /// <summary>
        /// Pulses RESET and, 5 ms later, checks and configures the chip; reports <see cref="IRadioEvents.OnRadioReady"/> or
        /// <see cref="IRadioEvents.OnRadioFault"/>. Done with loop timers, so the loop keeps running meanwhile.
        /// </summary>
        public void Reset()
        {
            _loop.Cancel(_txWatchdog);
            _loop.Cancel(_rxWatchdog);
            State = RadioState.Resetting;
            if (_reset == null)
            {
                // No RESET line wired: the power-on reset has to do; just give the chip its start-up time.
                _resetStep = 2;
                _loop.ScheduleAfter(_resetTimer, ResetWaitMicros);
                return;
            }

            _reset.Write(false);
            _resetStep = 1;
            _loop.ScheduleAfter(_resetTimer, ResetPulseMicros);
        }

        /// <summary>
        /// Checks RegVersion and puts the chip in LoRa sleep with the settings that never change. Call it after the chip
        /// has been out of reset for 5 ms (<see cref="Reset"/> does). Throws <see cref="Sx127xException"/> when no SX127x answers.
        /// </summary>
        public void Initialize()
        {
            byte version = ReadRegister(Sx127xRegister.RegVersion);
            if (version != Sx127xBits.ExpectedVersion)
            {
                Fault("SX127x not found: RegVersion read " + Hex.ByteLiteral(version) + ", expected " + Hex.ByteLiteral(Sx127xBits.ExpectedVersion));
            }

            // LongRangeMode can only change in Sleep: go to FSK sleep first, then set the bit.
            WriteRegister(Sx127xRegister.RegOpMode, (byte)Sx127xOpMode.Sleep);
            WriteRegister(Sx127xRegister.RegOpMode, (byte)(Sx127xBits.LongRangeMode | (byte)Sx127xOpMode.Sleep));
            byte opMode = ReadRegister(Sx127xRegister.RegOpMode);
            if ((opMode & Sx127xBits.LongRangeMode) == 0)
            {
                Fault("SX127x did not enter LoRa mode: RegOpMode read " + Hex.ByteLiteral(opMode));
            }

            _opModeBase = Sx127xBits.LongRangeMode;
            _lowFrequencyPort = false;

            // Both FIFO halves start at 0 so one frame may use all 256 bytes; the chip is half-duplex anyway.
            _out[1] = 0x00;
            _out[2] = 0x00;
            WriteBurst(Sx127xRegister.RegFifoTxBaseAddr, 2);
            WriteRegister(Sx127xRegister.RegMaxPayloadLength, 0xFF);
            WriteRegister(Sx127xRegister.RegIrqFlagsMask, 0x00);
            // LNA: highest gain (the AGC overrides it) with the HF boost current.
            WriteRegister(Sx127xRegister.RegLna, 0x23);
            // Detection settings for SF7-SF12 (SF6 would need 0xC5 / 0x0C).
            WriteRegister(Sx127xRegister.RegDetectOptimize, 0xC3);
            WriteRegister(Sx127xRegister.RegDetectionThreshold, 0x0A);
            State = RadioState.Idle;
            LastFault = null;
        }

        /// <summary>
        /// Sends buffer[offset..offset+count) (1-255 bytes) and returns at once; <see cref="IRadioEvents.OnTxDone"/> follows
        /// after the time on air. Cuts short a receive in progress (Class C listens between uplinks).
        /// </summary>
        public void StartTransmit(byte[] buffer, int offset, int count, RadioTxConfig config)
        {
            RequireReady();
            if (buffer == null || count < 1 || count > 255 || offset < 0 || offset + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "a LoRa frame is 1-255 bytes inside the buffer");
            }

            bool ldro = LoRaAirtime.ResolveLdro(config.LowDataRateOptimize, config.SpreadingFactor, config.BandwidthHz);
            ProgramChannel(config, true, config.CrcOn, 0, count, ldro);
            WriteRegister(Sx127xRegister.RegPaConfig, Sx127xSettings.PaConfig(config.PowerDbm, config.UsePaBoost));
            WriteRegister(Sx127xRegister.RegOcp, Sx127xSettings.Ocp(config.PowerDbm, config.UsePaBoost));
            WriteRegister(Sx127xRegister.RegPaDac, Sx127xSettings.PaDac(config.PowerDbm, config.UsePaBoost));
            WriteRegister(Sx127xRegister.RegDioMapping1, DioMappingTx);

            WriteRegister(Sx127xRegister.RegFifoAddrPtr, 0x00);
            Array.Copy(buffer, offset, _out, 1, count);
            WriteBurst(Sx127xRegister.RegFifo, count);

            WriteRegister(Sx127xRegister.RegOpMode, (byte)(_opModeBase | (byte)Sx127xOpMode.Tx));
            State = RadioState.Transmitting;

            // The chip's own TxDone is the normal end; this only catches a dead DIO0 line or a hung chip.
            long airtime = LoRaAirtime.TimeOnAirMicros(config.SpreadingFactor, config.BandwidthHz, config.CodingRate,
                config.PreambleSymbols, count, !config.ImplicitHeader, config.CrcOn, ldro);
            _loop.ScheduleAfter(_txWatchdog, airtime + airtime / 4 + 100000);
        }

        /// <summary>
        /// Opens one receive window: the chip listens for <paramref name="symbolTimeout"/> symbols (1-1023) for a preamble,
        /// then reports <see cref="IRadioEvents.OnRxTimeout"/>, or, once a frame is found, receives it to the end.
        /// </summary>
        public void StartReceiveSingle(RadioRxConfig config, int symbolTimeout)
        {
            RequireReady();
            if (symbolTimeout < 1 || symbolTimeout > 1023)
            {
                throw new ArgumentOutOfRangeException(nameof(symbolTimeout), "RegSymbTimeout is 10 bits, 1-1023 symbols");
            }

            StartReceive(config, symbolTimeout, Sx127xOpMode.RxSingle);
            State = RadioState.ReceivingSingle;

            // RxTimeout (DIO1) or RxDone (DIO0) is the normal end; this only catches a dead DIO line or a hung chip, at
            // the latest a sound chip ends: the timeout, then the longest frame it may have found, + 100 ms.
            bool ldro = LoRaAirtime.ResolveLdro(config.LowDataRateOptimize, config.SpreadingFactor, config.BandwidthHz);
            long longest = LoRaAirtime.TimeOnAirMicros(config.SpreadingFactor, config.BandwidthHz, config.CodingRate,
                config.PreambleSymbols, 255, !config.ImplicitHeader, true, ldro);
            _loop.ScheduleAfter(_rxWatchdog, symbolTimeout * LoRaAirtime.SymbolTimeMicros(config.SpreadingFactor, config.BandwidthHz) + longest + 100000);
        }

        /// <summary>Listens until told otherwise (Class C), reporting each frame; stop it with <see cref="Sleep"/> or a transmit.</summary>
        public void StartReceiveContinuous(RadioRxConfig config)
        {
            RequireReady();
            StartReceive(config, 0x64, Sx127xOpMode.RxContinuous);
            State = RadioState.ReceivingContinuous;
        }

        /// <summary>Stops whatever runs and puts the chip to sleep (0.2 µA; registers kept, FIFO lost).</summary>
        public void Sleep()
        {
            _loop.Cancel(_txWatchdog);
            _loop.Cancel(_rxWatchdog);
            WriteRegister(Sx127xRegister.RegOpMode, (byte)(_opModeBase | (byte)Sx127xOpMode.Sleep));
            // Only an operation ends here; a reset in progress or a fault stays what it is.
            if (State == RadioState.Transmitting || State == RadioState.ReceivingSingle || State == RadioState.ReceivingContinuous)
            {
                State = RadioState.Idle;
            }
        }

        private void StartReceive(RadioRxConfig config, int symbolTimeout, Sx127xOpMode mode)
        {
            bool ldro = LoRaAirtime.ResolveLdro(config.LowDataRateOptimize, config.SpreadingFactor, config.BandwidthHz);
            int length = config.ImplicitHeader ? config.ImplicitPayloadLength : 0xFF;
            ProgramChannel(config, false, config.ImplicitHeader && config.ImplicitCrcOn, symbolTimeout, length, ldro);
            WriteRegister(Sx127xRegister.RegDioMapping1, DioMappingRx);
            WriteRegister(Sx127xRegister.RegFifoAddrPtr, 0x00);
            _rxFrequencyHz = config.FrequencyHz;
            _rxSpreadingFactor = config.SpreadingFactor;
            _rxBandwidthHz = config.BandwidthHz;
            WriteRegister(Sx127xRegister.RegOpMode, (byte)(_opModeBase | (byte)mode));
        }

        /// <summary>Standby, then everything a frame's channel and modulation need, in as few SPI frames as the map allows.</summary>
        private void ProgramChannel(RadioChannelConfig config, bool transmit, bool crcOn, int symbolTimeout, int payloadLength, bool ldro)
        {
            // Validate before touching the chip, so a bad config leaves it as it was.
            int frf = Sx127xSettings.FrfFromHz(config.FrequencyHz);
            byte config1 = Sx127xSettings.ModemConfig1(config.BandwidthHz, config.CodingRate, config.ImplicitHeader);
            byte config2 = Sx127xSettings.ModemConfig2(config.SpreadingFactor, crcOn, symbolTimeout);
            if (config.PreambleSymbols < 6 || config.PreambleSymbols > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(config), "preamble 6-65535 symbols");
            }

            _loop.Cancel(_txWatchdog);
            _loop.Cancel(_rxWatchdog);
            _lowFrequencyPort = config.FrequencyHz < Sx127xBits.LowFrequencyLimitHz;
            _opModeBase = (byte)(Sx127xBits.LongRangeMode | (_lowFrequencyPort ? Sx127xBits.LowFrequencyModeOn : 0));
            WriteRegister(Sx127xRegister.RegOpMode, (byte)(_opModeBase | (byte)Sx127xOpMode.Stdby));

            _out[1] = (byte)(frf >> 16);
            _out[2] = (byte)(frf >> 8);
            _out[3] = (byte)frf;
            WriteBurst(Sx127xRegister.RegFrfMsb, 3);

            // RegModemConfig1 .. RegPayloadLength are consecutive (0x1D-0x22): one frame.
            _out[1] = config1;
            _out[2] = config2;
            _out[3] = (byte)symbolTimeout;
            _out[4] = (byte)(config.PreambleSymbols >> 8);
            _out[5] = (byte)config.PreambleSymbols;
            _out[6] = (byte)payloadLength;
            WriteBurst(Sx127xRegister.RegModemConfig1, 6);
            WriteRegister(Sx127xRegister.RegModemConfig3, Sx127xSettings.ModemConfig3(ldro));

            // Errata 2.1: at 500 kHz the receiver needs these two settings for its sensitivity; otherwise the reset value.
            if (config.BandwidthHz == 500000)
            {
                WriteRegister(Sx127xRegister.RegHighBwOptimize1, 0x02);
                WriteRegister(Sx127xRegister.RegHighBwOptimize2, (byte)(_lowFrequencyPort ? 0x7F : 0x64));
            }
            else
            {
                WriteRegister(Sx127xRegister.RegHighBwOptimize1, 0x03);
            }

            WriteRegister(Sx127xRegister.RegSyncWord, config.SyncWord);
            WriteRegister(Sx127xRegister.RegInvertIQ, Sx127xSettings.InvertIq(transmit, config.InvertIq));
            WriteRegister(Sx127xRegister.RegInvertIQ2, Sx127xSettings.InvertIq2(config.InvertIq));
            // Stale flags of an earlier operation must not raise DIO0/DIO1 for this one.
            WriteRegister(Sx127xRegister.RegIrqFlags, 0xFF);
        }

        private void OnResetTimer(LoopTimer timer)
        {
            if (_resetStep == 1)
            {
                _reset.Write(true);
                _resetStep = 2;
                _loop.ScheduleAfter(_resetTimer, ResetWaitMicros);
                return;
            }

            _resetStep = 0;
            try
            {
                Initialize();
            }
            catch (Sx127xException e)
            {
                _events?.OnRadioFault(e.Message);
                return;
            }

            _events?.OnRadioReady(_loop.NowMicros);
        }

        private void OnTxWatchdog(LoopTimer timer)
        {
            HungFault("SX127x TxDone did not come: check DIO0 wiring");
        }

        /// <summary>A transmit or receive the chip never ended: it is put to sleep and the owner hears of a fault.</summary>
        private void HungFault(string message)
        {
            LastFault = message;
            State = RadioState.Faulted;
            WriteRegister(Sx127xRegister.RegOpMode, (byte)(_opModeBase | (byte)Sx127xOpMode.Sleep));
            _events?.OnRadioFault(LastFault);
        }

        private void RequireReady()
        {
            if (State == RadioState.Off || State == RadioState.Resetting || State == RadioState.Faulted)
            {
                throw new InvalidOperationException("SX127x not ready (" + StateName(State) + "): reset it first");
            }
        }

        private void Fault(string message)
        {
            State = RadioState.Faulted;
            LastFault = message;
            throw new Sx127xException(message);
        }

        private static string StateName(RadioState state)
        {
            // Enum names are not kept by every nanoFramework build, so name them here.
            switch (state)
            {
                case RadioState.Off: return "off";
                case RadioState.Resetting: return "resetting";
                case RadioState.Faulted: return "faulted";
                default: return "busy";
            }
        }
    }
}
