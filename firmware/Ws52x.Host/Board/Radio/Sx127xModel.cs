using System;
using Ws52x.Loop;
using Ws52x.Platform;
using Ws52x.Radio.Sx127x;

namespace Ws52x.Host.Board.Radio
{
    /// <summary>
    /// A register-level SX1276 in LoRa mode for the host board and the tests: the real driver talks to it over
    /// <see cref="ISpiDevice"/> exactly as to the chip. SPI framing (address byte, bit 7 = write, burst auto-increment,
    /// the FIFO behind address 0x00 at RegFifoAddrPtr), the register file with the datasheet's reset values, the
    /// operating modes, IRQ flags with DIO0/DIO1 mapping and a RESET line. Frames go through a <see cref="VirtualAir"/>
    /// on the same event loop. The FSK/OOK modem, FHSS and the exact analogue behaviour are not modelled.
    /// </summary>
    public sealed partial class Sx127xModel : ISpiDevice
    {
        /// <summary>Time from RESET release until the chip answers on SPI (datasheet 7.2.2).</summary>
        public const long ResetStartupMicros = 5000;

        private readonly EventLoop _loop;
        private readonly VirtualAir _air;
        private readonly byte[] _regs = new byte[128];
        private readonly byte[] _fifo = new byte[256];
        private bool _inReset;
        private long _readyAtMicros;

        public Sx127xModel(EventLoop loop, VirtualAir air, string name = "sx1276")
        {
            _loop = loop ?? throw new ArgumentNullException(nameof(loop));
            _air = air ?? throw new ArgumentNullException(nameof(air));
            Name = name;
            Dio0 = new SimPin(loop.Clock, name + ".DIO0");
            Dio1 = new SimPin(loop.Clock, name + ".DIO1");
            Reset = new ResetLine(this);
            _rxTimeoutTimer = new LoopTimer(OnRxTimeout);
            _cadTimer = new LoopTimer(OnCadDone);
            LoadResetValues();
            _air.Attach(this);
        }

        public string Name { get; }

        /// <summary>DIO0: RxDone / TxDone / CadDone by RegDioMapping1 bits 7-6.</summary>
        public SimPin Dio0 { get; }

        /// <summary>DIO1: RxTimeout / FhssChangeChannel / CadDetected by RegDioMapping1 bits 5-4.</summary>
        public SimPin Dio1 { get; }

        /// <summary>The NRESET pin: low holds the chip in reset; after release it answers 5 ms later.</summary>
        public IDigitalOutput Reset { get; }

        /// <summary>What RegVersion reads (0x12 for SX1276/77/78/79); change it to model another chip.</summary>
        public byte Version { get; set; } = Sx127xBits.ExpectedVersion;

        public long SpiTransfers { get; private set; }

        /// <summary>Accesses refused because the chip was in reset or starting up (they read 0x00).</summary>
        public int AccessesWhileUnavailable { get; private set; }

        /// <summary>Transmit or receive attempted with LowFrequencyModeOn not matching the carrier's port: nothing is sent or heard.</summary>
        public int PortMismatches { get; private set; }

        public Sx127xOpMode Mode => (Sx127xOpMode)(_regs[(int)Sx127xRegister.RegOpMode] & Sx127xBits.ModeMask);

        /// <summary>Told after each change of the operating mode, with the mode left (the host board's trace of receive windows).</summary>
        public Action<Sx127xModel, Sx127xOpMode> ModeChanged { get; set; }

        public bool LoRaMode => (_regs[(int)Sx127xRegister.RegOpMode] & Sx127xBits.LongRangeMode) != 0;

        /// <summary>The register as the chip holds it, without an SPI access (for tests).</summary>
        public byte Peek(Sx127xRegister register) => _regs[(int)register];

        public byte PeekFifo(int address) => _fifo[address & 0xFF];

        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer, int count)
        {
            if (count <= 0)
            {
                return;
            }

            SpiTransfers++;
            if (_inReset || _loop.NowMicros < _readyAtMicros)
            {
                AccessesWhileUnavailable++;
                Array.Clear(readBuffer, 0, count);
                return;
            }

            int address = writeBuffer[0] & 0x7F;
            bool write = (writeBuffer[0] & 0x80) != 0;
            readBuffer[0] = 0;
            for (int i = 1; i < count; i++)
            {
                if (write)
                {
                    WriteRegister(address, writeBuffer[i]);
                }
                else
                {
                    readBuffer[i] = ReadRegister(address);
                }

                // Bursts step through the register map, except on the FIFO where RegFifoAddrPtr steps instead.
                if (address != 0)
                {
                    address = (address + 1) & 0x7F;
                }
            }
        }

        private byte ReadRegister(int address)
        {
            switch ((Sx127xRegister)address)
            {
                case Sx127xRegister.RegFifo:
                    return ReadFifo();
                case Sx127xRegister.RegVersion:
                    return Version;
                default:
                    return _regs[address];
            }
        }

        private void WriteRegister(int address, byte value)
        {
            switch ((Sx127xRegister)address)
            {
                case Sx127xRegister.RegFifo:
                    WriteFifo(value);
                    return;
                case Sx127xRegister.RegOpMode:
                    WriteOpMode(value);
                    return;
                case Sx127xRegister.RegIrqFlags:
                    // Write 1 to clear.
                    _regs[address] &= (byte)~value;
                    UpdateDio();
                    return;
                case Sx127xRegister.RegDioMapping1:
                    _regs[address] = value;
                    UpdateDio();
                    return;
                case Sx127xRegister.RegFifoRxCurrentAddr:
                case Sx127xRegister.RegRxNbBytes:
                case Sx127xRegister.RegRxHeaderCntValueMsb:
                case Sx127xRegister.RegRxHeaderCntValueLsb:
                case Sx127xRegister.RegRxPacketCntValueMsb:
                case Sx127xRegister.RegRxPacketCntValueLsb:
                case Sx127xRegister.RegModemStat:
                case Sx127xRegister.RegPktSnrValue:
                case Sx127xRegister.RegPktRssiValue:
                case Sx127xRegister.RegRssiValue:
                case Sx127xRegister.RegHopChannel:
                case Sx127xRegister.RegFifoRxByteAddr:
                case Sx127xRegister.RegVersion:
                    return; // read-only
                default:
                    _regs[address] = value;
                    return;
            }
        }

        // The datasheet: in Sleep the FIFO is cleared and cannot be accessed.
        private byte ReadFifo()
        {
            if (Mode == Sx127xOpMode.Sleep)
            {
                return 0;
            }

            int pointer = _regs[(int)Sx127xRegister.RegFifoAddrPtr];
            _regs[(int)Sx127xRegister.RegFifoAddrPtr] = (byte)(pointer + 1);
            return _fifo[pointer];
        }

        private void WriteFifo(byte value)
        {
            if (Mode == Sx127xOpMode.Sleep)
            {
                return;
            }

            int pointer = _regs[(int)Sx127xRegister.RegFifoAddrPtr];
            _regs[(int)Sx127xRegister.RegFifoAddrPtr] = (byte)(pointer + 1);
            _fifo[pointer] = value;
        }

        /// <summary>Sets IRQ flags (those not masked in RegIrqFlagsMask) and updates the DIO pins.</summary>
        private void RaiseIrq(int flags)
        {
            _regs[(int)Sx127xRegister.RegIrqFlags] |= (byte)(flags & ~_regs[(int)Sx127xRegister.RegIrqFlagsMask]);
            UpdateDio();
        }

        private void UpdateDio()
        {
            int flags = _regs[(int)Sx127xRegister.RegIrqFlags];
            int mapping = _regs[(int)Sx127xRegister.RegDioMapping1];
            int dio0;
            switch ((mapping >> 6) & 3)
            {
                case 0: dio0 = Sx127xBits.IrqRxDone; break;
                case 1: dio0 = Sx127xBits.IrqTxDone; break;
                case 2: dio0 = Sx127xBits.IrqCadDone; break;
                default: dio0 = 0; break;
            }

            int dio1;
            switch ((mapping >> 4) & 3)
            {
                case 0: dio1 = Sx127xBits.IrqRxTimeout; break;
                case 1: dio1 = Sx127xBits.IrqFhssChangeChannel; break;
                case 2: dio1 = Sx127xBits.IrqCadDetected; break;
                default: dio1 = 0; break;
            }

            Dio0.Drive((flags & dio0) != 0);
            Dio1.Drive((flags & dio1) != 0);
        }

        private void LoadResetValues()
        {
            Array.Clear(_regs, 0, _regs.Length);
            Array.Clear(_fifo, 0, _fifo.Length);
            // Datasheet table 41, LoRa column where the FSK and LoRa values differ; registers not listed reset to 0x00.
            byte[] values =
            {
                0x01, 0x09, 0x06, 0x6C, 0x07, 0x80, 0x08, 0x00, 0x09, 0x4F, 0x0A, 0x09, 0x0B, 0x2B, 0x0C, 0x20,
                0x0E, 0x80, 0x1D, 0x72, 0x1E, 0x70, 0x1F, 0x64, 0x21, 0x08, 0x22, 0x01, 0x23, 0xFF, 0x26, 0x04,
                0x31, 0xC3, 0x33, 0x27, 0x36, 0x03, 0x37, 0x0A, 0x39, 0x12, 0x3B, 0x1D, 0x44, 0x2D, 0x4B, 0x09,
                0x4D, 0x84, 0x61, 0x13, 0x62, 0x0E, 0x63, 0x5B, 0x64, 0xDB,
            };
            for (int i = 0; i < values.Length; i += 2)
            {
                _regs[values[i]] = values[i + 1];
            }
        }

        private void EnterReset(bool held)
        {
            if (held)
            {
                _inReset = true;
                StopActivity();
                Sx127xOpMode before = Mode;
                LoadResetValues();
                if (Mode != before)
                {
                    ModeChanged?.Invoke(this, before);
                }

                Dio0.Drive(false);
                Dio1.Drive(false);
                return;
            }

            if (_inReset)
            {
                _inReset = false;
                _readyAtMicros = _loop.NowMicros + ResetStartupMicros;
            }
        }

        private sealed class ResetLine : IDigitalOutput
        {
            private readonly Sx127xModel _chip;

            public ResetLine(Sx127xModel chip)
            {
                _chip = chip;
            }

            public void Write(bool high)
            {
                _chip.EnterReset(!high);
            }
        }
    }
}
