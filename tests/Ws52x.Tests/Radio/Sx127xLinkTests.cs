using Ws52x.Host.Board.Radio;
using Ws52x.Loop;
using Ws52x.Radio;
using Ws52x.Radio.Sx127x;

namespace Ws52x.Tests.Radio
{
    /// <summary>The real driver on two modelled chips (or a chip and a gateway) talking over the virtual air.</summary>
    public class Sx127xLinkTests
    {
        private static readonly byte[] Payload = { 0x60, 0x04, 0x03, 0x02, 0x01, 0x00, 0x01, 0x00, 0x55, 0xAA, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xA0 };

        // SF9 BW125, 20 bytes, CR 4/5, explicit header, no CRC (a downlink): 8·20 − 36 + 28 = 152; /36 → 5 blocks · 5 = 25;
        // n = 33; (8 + 4.25 + 33) · 4096 µs = 45.25 · 4096 = 185 344 µs.
        private const long Sf9TwentyBytesNoCrc = 185_344;

        private static RadioTxConfig Downlink(int frequencyHz, int sf)
        {
            var cfg = RadioRig.Tx(frequencyHz, sf, invertIq: true);
            cfg.CrcOn = false;
            return cfg;
        }

        [Fact]
        public void Inverted_IQ_sender_reaches_an_inverted_IQ_receiver_with_payload_RSSI_and_SNR()
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var b = rig.Node("b");
            rig.Air.SetLink(a.Model, b.Model, -95, 25); // −95 dBm, +6.25 dB
            long t0 = rig.Loop.NowMicros;
            b.Driver.StartReceiveSingle(RadioRig.Rx(869_525_000, 9, invertIq: true), 10);
            a.Driver.StartTransmit(Payload, 0, Payload.Length, Downlink(869_525_000, 9));
            rig.Loop.RunFor(1_000_000);

            Assert.Equal(new[] { "ready", "txdone" }, a.Events.Log);
            Assert.Equal(new[] { "ready", "rxdone" }, b.Events.Log);
            Assert.Equal(Payload, b.Events.Packets[0]);
            Assert.Equal(t0 + Sf9TwentyBytesNoCrc, a.Events.TxDone[0]);
            // SNR >= 0: PacketRssi register = (−95 + 157) × 15/16 = 58, the driver gives back −157 + 58 × 16/15 = −95; SNR
            // register 25 (quarter dB).
            Assert.Equal((-95, 25, t0 + Sf9TwentyBytesNoCrc, false), b.Events.Infos[0]);
            Assert.Equal(58, b.Model.Peek(Sx127xRegister.RegPktRssiValue));
            // Both chips end asleep.
            Assert.Equal(Sx127xOpMode.Sleep, a.Model.Mode);
            Assert.Equal(Sx127xOpMode.Sleep, b.Model.Mode);
            Assert.Equal(RadioState.Idle, b.Driver.State);
        }

        [Fact]
        public void Below_the_noise_floor_the_RSSI_includes_the_negative_SNR()
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var b = rig.Node("b");
            // −7.5 dB (−30 quarter dB) is above SF9's −12.5 dB floor. The model writes PacketRssi = −118 + 157 − (−30/4 = −7) = 46;
            // the driver computes −157 + 46 + (−7) = −118.
            rig.Air.SetLink(a.Model, b.Model, -118, -30);
            b.Driver.StartReceiveSingle(RadioRig.Rx(869_525_000, 9, invertIq: true), 10);
            a.Driver.StartTransmit(Payload, 0, 5, Downlink(869_525_000, 9));
            rig.Loop.RunFor(1_000_000);
            Assert.Equal(-118, b.Events.Infos[0].Rssi);
            Assert.Equal(-30, b.Events.Infos[0].Snr);
            Assert.Equal(46, b.Model.Peek(Sx127xRegister.RegPktRssiValue));
        }

        [Theory]
        [InlineData(869_525_000, 9, false, -20)] // receiver on normal IQ
        [InlineData(869_525_000, 10, true, -20)] // wrong SF
        [InlineData(868_100_000, 9, true, -20)] // wrong frequency
        [InlineData(869_525_000, 9, true, -60)] // −15 dB: under SF9's −12.5 dB demodulation floor
        public void Not_received_with_wrong_IQ_SF_frequency_or_too_weak(int frequencyHz, int sf, bool invertIq, int snrQuarterDb)
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var b = rig.Node("b");
            rig.Air.SetLink(a.Model, b.Model, -100, snrQuarterDb);
            long t0 = rig.Loop.NowMicros;
            b.Driver.StartReceiveSingle(RadioRig.Rx(frequencyHz, sf, invertIq: invertIq), 10);
            a.Driver.StartTransmit(Payload, 0, Payload.Length, Downlink(869_525_000, 9));
            rig.Loop.RunFor(1_000_000);
            Assert.Empty(b.Events.Packets);
            Assert.Single(b.Events.Timeouts);
            // The window closes after 10 symbols of the receiver's own SF: 10 · 2^SF / 125 kHz.
            Assert.Equal(t0 + 10 * (1L << sf) * 8, b.Events.Timeouts[0]);
            Assert.Single(a.Events.TxDone);
        }

        [Theory]
        // SF12 BW125: Tsym = 32 768 µs; 5 symbols → 163 840 µs. SF7 BW125, 8 symbols: 8 · 1024 = 8192 µs.
        // SF10 BW500: 1024/500 kHz = 2048 µs; 1023 symbols (the 10-bit maximum) → 2 095 104 µs.
        [InlineData(12, 125_000, 5, 163_840)]
        [InlineData(7, 125_000, 8, 8_192)]
        [InlineData(10, 500_000, 1023, 2_095_104)]
        public void Single_receive_times_out_after_the_programmed_symbols(int sf, int bw, int symbols, long micros)
        {
            var rig = new RadioRig();
            var b = rig.Node("b");
            rig.Loop.RunFor(12_345);
            long t0 = rig.Loop.NowMicros;
            b.Driver.StartReceiveSingle(RadioRig.Rx(923_300_000, sf, bw, invertIq: true), symbols);
            rig.Loop.RunFor(micros - 1);
            Assert.Empty(b.Events.Timeouts);
            rig.Loop.RunFor(10_000_000);
            Assert.Equal(new[] { t0 + micros }, b.Events.Timeouts);
            Assert.Equal(RadioState.Idle, b.Driver.State);
            Assert.Equal(Sx127xOpMode.Sleep, b.Model.Mode);
        }

        [Fact]
        public void A_preamble_inside_the_window_is_received_to_its_end_one_after_it_is_not()
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var b = rig.Node("b");
            var start = new LoopTimer(_ => a.Driver.StartTransmit(Payload, 0, 8, Downlink(869_525_000, 7)));

            // Window of 8 SF7 symbols = 8192 µs; the frame starts 5000 µs in and lasts longer than the window.
            long t0 = rig.Loop.NowMicros;
            b.Driver.StartReceiveSingle(RadioRig.Rx(869_525_000, 7, invertIq: true), 8);
            rig.Loop.Schedule(start, t0 + 5000);
            rig.Loop.RunFor(1_000_000);
            Assert.Single(b.Events.Packets);
            Assert.True(b.Events.Infos[0].Time > t0 + 8192);

            // Same again, but the frame starts 9000 µs in: the window closed at 8192.
            long t1 = rig.Loop.NowMicros;
            b.Driver.StartReceiveSingle(RadioRig.Rx(869_525_000, 7, invertIq: true), 8);
            rig.Loop.Schedule(start, t1 + 9000);
            rig.Loop.RunFor(1_000_000);
            Assert.Single(b.Events.Packets);
            Assert.Equal(new[] { t1 + 8192 }, b.Events.Timeouts);
        }

        [Fact]
        public void Class_C_continuous_receive_takes_frames_back_to_back()
        {
            var rig = new RadioRig();
            var dev = rig.Node("dev");
            var gw = new VirtualGateway(rig.Air);
            var rx2 = RadioRig.Rx(869_525_000, 12, invertIq: true);
            dev.Driver.StartReceiveContinuous(rx2);
            long t = rig.Loop.NowMicros + 1000;
            // SF12 13 bytes no CRC: 104 − 48 + 28 = 84; /40 → 3 · 5 = 15 → n = 23; 35.25 · 32 768 = 1 155 072 µs each.
            long airtime = LoRaAirtime.TimeOnAirMicros(12, 125_000, LoRaCodingRate.Cr4_5, 8, 13, true, false, true);
            Assert.Equal(1_155_072, airtime);
            for (int i = 0; i < 3; i++)
            {
                var frame = new byte[13];
                frame[0] = 0x60;
                frame[12] = (byte)(i + 1);
                gw.Transmit(t + i * (airtime + 100), rx2, frame, frame.Length);
            }

            rig.Loop.RunFor(5_000_000);
            Assert.Equal(3, dev.Events.Packets.Count);
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(i + 1, dev.Events.Packets[i][12]);
                Assert.Equal(t + i * (airtime + 100) + airtime, dev.Events.Infos[i].Time);
            }

            Assert.Equal(RadioState.ReceivingContinuous, dev.Driver.State);
            Assert.Equal(Sx127xOpMode.RxContinuous, dev.Model.Mode);
            // In continuous mode the chip writes each frame after the previous one: the third starts at 2 · 13 = 26.
            Assert.Equal(26, dev.Model.Peek(Sx127xRegister.RegFifoRxCurrentAddr));
        }

        [Fact]
        public void Uplink_to_the_gateway_and_its_downlink_in_RX1_one_second_after_TxDone()
        {
            var rig = new RadioRig();
            var dev = rig.Node("dev");
            var gw = new VirtualGateway(rig.Air);
            gw.ListenOnEu868();
            rig.Air.SetLink(dev.Model, gw, -101, 30);
            var rx1 = RadioRig.Rx(868_300_000, 7, invertIq: true);
            byte[] answer = { 0x60, 0x01, 0x02, 0x03, 0x04, 0x20, 0x00, 0x00, 0xAA, 0xBB, 0xCC, 0xDD };
            gw.FrameReceived += f => gw.Transmit(f.EndMicros + 1_000_000, rx1, answer, answer.Length);

            // The device opens RX1 at TxDone + 1 s − 2 ms with an 8-symbol timeout, like a LoRaWAN MAC would.
            var openRx1 = new LoopTimer(_ => dev.Driver.StartReceiveSingle(rx1, 8));
            var events = dev.Events;
            byte[] uplink = new byte[39];
            uplink[0] = 0x40;
            dev.Driver.StartTransmit(uplink, 0, uplink.Length, RadioRig.Tx(868_300_000, 7));
            rig.Loop.RunFor(200_000);
            Assert.Single(events.TxDone);
            rig.Loop.Schedule(openRx1, events.TxDone[0] + 1_000_000 - 2_000);
            rig.Loop.RunFor(2_000_000);

            Assert.Single(gw.Received);
            Assert.True(gw.Received[0].CrcOk);
            Assert.Equal(uplink, gw.Received[0].Payload);
            Assert.Equal((-101, 30), (gw.Received[0].RssiDbm, gw.Received[0].SnrQuarterDb));
            Assert.Equal(868_299_987, gw.Received[0].FrequencyHz); // Frf 0xD91333 back to Hz, 61 Hz steps
            Assert.Equal(new[] { "ready", "txdone", "rxdone" }, events.Log);
            Assert.Equal(answer, events.Packets[0]);
            // SF7 12 bytes no CRC: 96 − 28 + 28 = 96; /28 → 4 · 5 = 20 → n = 28; 40.25 · 1024 = 41 216 µs.
            Assert.Equal(events.TxDone[0] + 1_000_000 + 41_216, events.Infos[0].Time);
        }

        [Fact]
        public void Payload_CRC_error_is_reported_and_a_frame_without_CRC_arrives_damaged()
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var b = rig.Node("b");
            var withCrc = RadioRig.Tx(868_500_000, 8);
            rig.Air.CorruptNext();
            b.Driver.StartReceiveSingle(RadioRig.Rx(868_500_000, 8), 20);
            a.Driver.StartTransmit(Payload, 0, 16, withCrc);
            rig.Loop.RunFor(1_000_000);
            Assert.Equal(new[] { "ready", "crcerror" }, b.Events.Log);
            Assert.True(b.Events.Infos[0].Crc);
            Assert.Empty(b.Events.Packets);

            var noCrc = RadioRig.Tx(868_500_000, 8);
            noCrc.CrcOn = false;
            rig.Air.CorruptNext();
            b.Driver.StartReceiveSingle(RadioRig.Rx(868_500_000, 8), 20);
            a.Driver.StartTransmit(Payload, 0, 16, noCrc);
            rig.Loop.RunFor(1_000_000);
            Assert.Equal("rxdone", b.Events.Log[2]);
            byte[] expected = (byte[])Payload[..16].Clone();
            expected[8] ^= 0x10; // the model flips one bit in the middle of the payload
            Assert.Equal(expected, b.Events.Packets[0]);
        }

        [Fact]
        public void Transmit_cuts_a_continuous_receive_and_the_frame_being_sent_can_be_abandoned()
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var b = rig.Node("b");
            var gw = new VirtualGateway(rig.Air);
            gw.ListenOn(868_100_000);
            a.Driver.StartReceiveContinuous(RadioRig.Rx(869_525_000, 9, invertIq: true));
            a.Driver.StartTransmit(Payload, 0, 10, RadioRig.Tx(868_100_000, 7));
            Assert.Equal(RadioState.Transmitting, a.Driver.State);
            rig.Loop.RunFor(5_000);
            a.Driver.Sleep(); // abandons the frame mid-air
            rig.Loop.RunFor(1_000_000);
            Assert.Empty(gw.Received);
            Assert.Empty(a.Events.TxDone);
            Assert.Null(a.Events.Fault); // Sleep cancelled the TxDone watchdog too
        }
        [Fact]
        public void SPI_frames_per_operation_stay_few()
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var b = rig.Node("b");
            long a0 = a.Model.SpiTransfers;
            long b0 = b.Model.SpiTransfers;
            b.Driver.StartReceiveSingle(RadioRig.Rx(868_100_000, 7), 8);
            a.Driver.StartTransmit(Payload, 0, Payload.Length, RadioRig.Tx(868_100_000, 7));
            // Channel setup: OpMode, Frf burst, ModemConfig1..PayloadLength burst, ModemConfig3, HighBwOptimize1, SyncWord,
            // InvertIQ, InvertIQ2, IrqFlags = 9. Transmit adds PaConfig, Ocp, PaDac, DioMapping1, FifoAddrPtr, FIFO burst,
            // OpMode = 16; receive adds DioMapping1, FifoAddrPtr, OpMode = 12.
            Assert.Equal(16, a.Model.SpiTransfers - a0);
            Assert.Equal(12, b.Model.SpiTransfers - b0);
            rig.Loop.RunFor(1_000_000);
            // TxDone: status burst, clear flags, sleep = 3. RxDone: status burst, clear, SNR/RSSI burst, FifoAddrPtr,
            // FIFO burst, sleep = 6.
            Assert.Equal(19, a.Model.SpiTransfers - a0);
            Assert.Equal(18, b.Model.SpiTransfers - b0);
        }

        [Fact]
        public void Continuous_receive_reads_frames_that_wrap_around_the_end_of_the_FIFO()
        {
            // Each 200-byte frame is written after the previous one: the second starts at 200 and runs past 255 to 143.
            var rig = new RadioRig();
            var dev = rig.Node("dev");
            var gw = new VirtualGateway(rig.Air);
            var rx2 = RadioRig.Rx(869_525_000, 7, invertIq: true);
            dev.Driver.StartReceiveContinuous(rx2);
            long t = rig.Loop.NowMicros + 1000;
            long airtime = LoRaAirtime.TimeOnAirMicros(7, 125_000, LoRaCodingRate.Cr4_5, 8, 200, true, false, false);
            static byte[] Frame(int i)
            {
                var frame = new byte[200];
                for (int k = 0; k < frame.Length; k++)
                {
                    frame[k] = (byte)(k * 7 + i);
                }

                return frame;
            }

            for (int i = 0; i < 4; i++)
            {
                gw.Transmit(t + i * (airtime + 1000), rx2, Frame(i), 200);
            }

            rig.Loop.RunFor(3_000_000);
            Assert.Equal(4, dev.Events.Packets.Count);
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(Frame(i), dev.Events.Packets[i]);
            }
        }

        [Fact]
        public void A_255_byte_frame_arrives_whole_and_a_CRC_error_does_not_end_a_continuous_receive()
        {
            var rig = new RadioRig();
            var a = rig.Node("a");
            var b = rig.Node("b");
            var payload = new byte[255];
            for (int k = 0; k < payload.Length; k++)
            {
                payload[k] = (byte)(255 - k);
            }

            b.Driver.StartReceiveSingle(RadioRig.Rx(868_100_000, 7), 20);
            a.Driver.StartTransmit(payload, 0, payload.Length, RadioRig.Tx(868_100_000, 7));
            rig.Loop.RunFor(2_000_000);
            Assert.Equal(payload, b.Events.Packets[0]);

            b.Driver.StartReceiveContinuous(RadioRig.Rx(868_100_000, 7));
            rig.Air.CorruptNext();
            a.Driver.StartTransmit(payload, 0, 10, RadioRig.Tx(868_100_000, 7));
            rig.Loop.RunFor(1_000_000);
            a.Driver.StartTransmit(payload, 0, 12, RadioRig.Tx(868_100_000, 7));
            rig.Loop.RunFor(1_000_000);
            Assert.Equal("crcerror", b.Events.Log[b.Events.Log.Count - 2]);
            Assert.Equal(RadioState.ReceivingContinuous, b.Driver.State);
            Assert.Equal(payload[..12], b.Events.Packets[1]);
        }
    }
}
