using nanoFramework.TestFramework;
using Ws52x.Loop;
using Ws52x.Radio;
using Ws52x.Radio.Sx127x;

namespace Ws52x.Device.Tests.Radio
{
    /// <summary>
    /// The register sequences the SX127x driver sends, against <see cref="SpiRegisterFake"/>: start-up, an EU868 uplink and
    /// a receive window. Values are the datasheet's (SX1276 rev 7): Frf = f * 2^19 / 32 MHz, ModemConfig bit fields.
    /// </summary>
    [TestClass]
    public class Sx127xRegisterTests
    {
        [TestMethod]
        public void Start_up_checks_RegVersion_then_enters_LoRa_sleep_and_sets_the_fixed_registers()
        {
            var spi = new SpiRegisterFake(0x12);
            Sx127x radio = NewRadio(spi);
            radio.Initialize();
            // Sleep in FSK, then LoRa sleep (the mode bit only changes in sleep), FIFO bases, max payload, IRQ mask, LNA,
            // SF7-12 detection settings.
            Assert.AreEqual("01=00 01=80 0e=00 0f=00 23=ff 11=00 0c=23 31=c3 37=0a ", spi.Writes);
            Assert.AreEqual((int)RadioState.Idle, (int)radio.State);
        }

        [TestMethod]
        [DataRow(0x00)]
        [DataRow(0xFF)]
        [DataRow(0x22)]
        public void A_chip_that_answers_another_version_is_reported_and_left_alone(int version)
        {
            var spi = new SpiRegisterFake((byte)version);
            Sx127x radio = NewRadio(spi);
            Assert.ThrowsException(typeof(Sx127xException), () => radio.Initialize());
            Assert.AreEqual(string.Empty, spi.Writes);
            Assert.AreEqual((int)RadioState.Faulted, (int)radio.State);
            Assert.Contains("RegVersion read 0x", radio.LastFault);
        }

        [TestMethod]
        public void An_EU868_SF7_uplink_programs_the_channel_then_fills_the_FIFO_then_transmits()
        {
            var spi = new SpiRegisterFake(0x12);
            Sx127x radio = StartedRadio(spi);
            var payload = new byte[] { 0x40, 0x01, 0x02, 0x03 };
            radio.StartTransmit(payload, 0, payload.Length, new RadioTxConfig { FrequencyHz = 868100000, SpreadingFactor = 7 });
            Assert.AreEqual(
                "01=81 06=d9 07=06 08=66 1d=72 1e=74 1f=00 20=00 21=08 22=04 26=04 36=03 39=34 33=27 3b=1d 12=ff " +
                "09=fc 0b=2b 4d=84 40=40 0d=00 01=83 ",
                spi.Writes);
            Assert.AreEqual((byte)0x40, spi.Fifo[0]);
            Assert.AreEqual((byte)0x03, spi.Fifo[3]);
            Assert.AreEqual((int)RadioState.Transmitting, (int)radio.State);
        }

        [TestMethod]
        public void A_receive_window_inverts_IQ_and_sets_the_symbol_timeout()
        {
            var spi = new SpiRegisterFake(0x12);
            Sx127x radio = StartedRadio(spi);
            var rx = new RadioRxConfig { FrequencyHz = 869525000, SpreadingFactor = 12, InvertIq = true };
            radio.StartReceiveSingle(rx, 8);
            // RegInvertIQ 0x67 = reset 0x27 with InvertIQ-RX (0x40) on and the TX bit (0x01) left normal, as Semtech's driver does.
            // 869.525 MHz -> Frf 869525000 * 2^19 / 32e6 = 14246297.6 -> 0xD96199; SF12 at 125 kHz needs LDRO (32.8 ms symbols): ModemConfig3 0x0C.
            Assert.AreEqual(
                "01=81 06=d9 07=61 08=99 1d=72 1e=c0 1f=08 20=00 21=08 22=ff 26=0c 36=03 39=34 33=67 3b=19 12=ff " +
                "40=00 0d=00 01=86 ",
                spi.Writes);
        }

        /// <summary>A radio past its start-up, with the write log cleared so only what follows is compared.</summary>
        private static Sx127x StartedRadio(SpiRegisterFake spi)
        {
            Sx127x radio = NewRadio(spi);
            radio.Initialize();
            spi.Writes = string.Empty;
            return radio;
        }

        private static Sx127x NewRadio(SpiRegisterFake spi)
        {
            return new Sx127x(new EventLoop(new VirtualClock(), 8, 8), spi, null, null, null, new IgnoredRadioEvents());
        }

        private sealed class IgnoredRadioEvents : IRadioEvents
        {
            public void OnRadioReady(long timestampMicros)
            {
            }

            public void OnRadioFault(string message)
            {
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
}
