using Ws52x.Host.Board.Radio;
using Ws52x.Loop;
using Ws52x.Radio.Sx127x;

namespace Ws52x.Tests.Radio
{
    /// <summary>The model's own chip behaviour, driven with raw SPI frames.</summary>
    public class Sx127xModelTests
    {
        private readonly EventLoop _loop = new EventLoop(new VirtualClock());
        private readonly Sx127xModel _chip;

        public Sx127xModelTests()
        {
            _chip = new Sx127xModel(_loop, new VirtualAir(_loop, 1));
        }

        private void Write(int address, params byte[] data)
        {
            var frame = new byte[data.Length + 1];
            frame[0] = (byte)(0x80 | address);
            data.CopyTo(frame, 1);
            _chip.TransferFullDuplex(frame, new byte[frame.Length], frame.Length);
        }

        private byte[] Read(int address, int count)
        {
            var frame = new byte[count + 1];
            frame[0] = (byte)address;
            var result = new byte[count + 1];
            _chip.TransferFullDuplex(frame, result, count + 1);
            return result[1..];
        }

        [Fact]
        public void Reset_values_from_the_datasheet()
        {
            // RegOpMode 0x09 (FSK, LF registers, standby), 434 MHz (0x6C8000), RegVersion 0x12, ModemConfig 0x72/0x70/0x04.
            Assert.Equal(new byte[] { 0x09 }, Read(0x01, 1));
            Assert.Equal(new byte[] { 0x6C, 0x80, 0x00, 0x4F }, Read(0x06, 4));
            Assert.Equal(new byte[] { 0x12 }, Read(0x42, 1));
            Assert.Equal(new byte[] { 0x72, 0x70, 0x64, 0x00, 0x08, 0x01 }, Read(0x1D, 6));
            Assert.Equal(new byte[] { 0x27 }, Read(0x33, 1));
            Assert.Equal(new byte[] { 0x1D }, Read(0x3B, 1));
        }

        [Fact]
        public void LongRangeMode_changes_only_in_sleep()
        {
            Write(0x01, 0x81); // standby → LoRa standby: the bit is ignored outside sleep
            Assert.Equal(0x01, Read(0x01, 1)[0]);
            Write(0x01, 0x80); // to sleep, still from standby: ignored again
            Assert.Equal(0x00, Read(0x01, 1)[0]);
            Write(0x01, 0x80); // now in sleep: taken
            Assert.Equal(0x80, Read(0x01, 1)[0]);
            Write(0x01, 0x81);
            Write(0x01, 0x01); // in LoRa standby, clearing it is ignored too
            Assert.Equal(0x81, Read(0x01, 1)[0]);
            Assert.True(_chip.LoRaMode);
        }

        [Fact]
        public void Bursts_auto_increment_but_the_FIFO_address_steps_RegFifoAddrPtr()
        {
            Write(0x01, 0x80);
            Write(0x01, 0x81);
            Write(0x0D, 0x10);                 // RegFifoAddrPtr = 0x10
            Write(0x00, 0xA1, 0xA2, 0xA3);     // three FIFO bytes at 0x10..0x12
            Assert.Equal(0x13, Read(0x0D, 1)[0]);
            Assert.Equal(0xA2, _chip.PeekFifo(0x11));
            Write(0x0D, 0x10);
            Assert.Equal(new byte[] { 0xA1, 0xA2, 0xA3 }, Read(0x00, 3));
            // A register burst: 0x20, 0x21, 0x22 in one frame.
            Write(0x20, 0x00, 0x0C, 0x2A);
            Assert.Equal(new byte[] { 0x00, 0x0C, 0x2A }, Read(0x20, 3));
        }

        [Fact]
        public void FIFO_is_cleared_and_unreachable_in_sleep()
        {
            Write(0x01, 0x80);
            Write(0x01, 0x81);
            Write(0x0D, 0x00);
            Write(0x00, 0x55);
            Write(0x01, 0x80); // sleep clears it
            Write(0x0D, 0x00);
            Write(0x00, 0x66); // ignored in sleep
            Assert.Equal(0x00, _chip.PeekFifo(0));
            Assert.Equal(0x00, Read(0x0D, 1)[0]);
        }

        [Fact]
        public void IRQ_flags_clear_by_writing_ones_and_DIO_follows_the_mapping()
        {
            Write(0x01, 0x80);
            Write(0x01, 0x81);
            Write(0x1E, 0x70); // SF7, SymbTimeout high bits 0
            Write(0x1F, 0x05); // 5 symbols
            Write(0x01, 0x86); // RX single, nothing on air
            _loop.RunFor(5 * 1024 - 1);
            Assert.Equal(0x00, Read(0x12, 1)[0]);
            _loop.RunFor(1);
            // RxTimeout after 5 · 1024 µs; DIO1 (mapping 00 = RxTimeout) high, the chip back in standby.
            Assert.Equal(0x80, Read(0x12, 1)[0]);
            Assert.True(_chip.Dio1.Read());
            Assert.Equal(Sx127xOpMode.Stdby, _chip.Mode);
            Write(0x40, 0x30); // DIO1 mapped to nothing: the line drops although the flag stays
            Assert.False(_chip.Dio1.Read());
            Write(0x40, 0x00);
            Assert.True(_chip.Dio1.Read());
            Write(0x12, 0x40); // clearing another bit changes nothing
            Assert.Equal(0x80, Read(0x12, 1)[0]);
            Write(0x12, 0x80);
            Assert.Equal(0x00, Read(0x12, 1)[0]);
            Assert.False(_chip.Dio1.Read());
            Assert.Equal(2, _chip.Dio1.RisingEdges);
        }
        [Theory]
        [InlineData(true, 0x05)]  // CadDone | CadDetected
        [InlineData(false, 0x04)] // CadDone only
        public void CAD_detects_a_frame_of_its_SF_on_its_channel_after_one_symbol(bool busy, int flags)
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var b = rig.Node("b");
            // The driver has no CAD call; program the channel through it, then start CAD by hand.
            b.Driver.StartReceiveContinuous(RadioRig.Rx(868_100_000, 7));
            b.Driver.WriteRegister(Sx127xRegister.RegOpMode, 0x81);
            b.Driver.WriteRegister(Sx127xRegister.RegDioMapping1, 0x80); // DIO0 = CadDone
            b.Model.Dio0.SetEdgeSink(null); // keep the driver from handling (and clearing) the flags
            if (busy)
            {
                a.Driver.StartTransmit(new byte[20], 0, 20, RadioRig.Tx(868_100_000, 7));
            }

            b.Driver.WriteRegister(Sx127xRegister.RegOpMode, 0x87);
            rig.Loop.RunFor(1023);
            Assert.Equal(0x00, b.Model.Peek(Sx127xRegister.RegIrqFlags));
            rig.Loop.RunFor(1); // one SF7 symbol: 1024 µs
            Assert.Equal(flags, b.Model.Peek(Sx127xRegister.RegIrqFlags));
            Assert.Equal(Sx127xOpMode.Stdby, b.Model.Mode);
            Assert.True(b.Model.Dio0.Read());
        }
    }
}
