using System;
using Ws52x.Host.Board.Radio;
using Ws52x.Radio;
using Ws52x.Radio.Sx127x;

namespace Ws52x.Tests.Radio
{
    /// <summary>Register values the driver writes, checked in the model's register file against hand-computed values.</summary>
    public class Sx127xConfigTests
    {
        private static int Frf(Sx127xModel m) =>
            (m.Peek(Sx127xRegister.RegFrfMsb) << 16) | (m.Peek(Sx127xRegister.RegFrfMid) << 8) | m.Peek(Sx127xRegister.RegFrfLsb);

        // Frf = f · 2^19 / 32 MHz = f · 524288 / 32 000 000 = f · 0.016384, truncated:
        //   868.1 MHz: 868 100 000 · 0.016384 = 14 222 950.4 → 14 222 950 = 0xD90666
        //   902.3 MHz: 902 300 000 · 0.016384 = 14 783 283.2 → 0xE19333
        //   923.3 MHz: 923 300 000 · 0.016384 = 15 127 347.2 → 0xE6D333
        //   923.2 MHz: 923 200 000 · 0.016384 = 15 125 708.8 → 15 125 708 = 0xE6CCCC (truncated, not rounded)
        //   433.175 MHz: 433 175 000 · 0.016384 = 7 097 139.2 → 0x6C4B33
        [Theory]
        [InlineData(868_100_000, 0xD90666)]
        [InlineData(902_300_000, 0xE19333)]
        [InlineData(923_300_000, 0xE6D333)]
        [InlineData(923_200_000, 0xE6CCCC)]
        [InlineData(433_175_000, 0x6C4B33)]
        public void Frf_is_f_times_2_pow_19_over_32MHz(int hz, int frf)
        {
            Assert.Equal(frf, Sx127xSettings.FrfFromHz(hz));
        }

        [Fact]
        public void EU868_868_1_SF7BW125_uplink_registers()
        {
            var rig = new RadioRig();
            var node = rig.Node("dev");
            node.Driver.StartTransmit(new byte[26], 0, 26, RadioRig.Tx(868_100_000, 7));
            var m = node.Model;
            Assert.Equal(0xD90666, Frf(m));
            // LoRa (0x80), HF port (no 0x08), mode TX (3).
            Assert.Equal(0x83, m.Peek(Sx127xRegister.RegOpMode));
            // ModemConfig1: Bw 125 kHz = code 7 → 0x70, CR 4/5 = 1 → 0x02, explicit header → 0x72.
            Assert.Equal(0x72, m.Peek(Sx127xRegister.RegModemConfig1));
            // ModemConfig2: SF7 → 0x70, CRC on → 0x04 → 0x74.
            Assert.Equal(0x74, m.Peek(Sx127xRegister.RegModemConfig2));
            // ModemConfig3: Tsym 1.024 ms < 16 ms → no LDRO, AGC on → 0x04.
            Assert.Equal(0x04, m.Peek(Sx127xRegister.RegModemConfig3));
            Assert.Equal(0x00, m.Peek(Sx127xRegister.RegPreambleMsb));
            Assert.Equal(0x08, m.Peek(Sx127xRegister.RegPreambleLsb));
            Assert.Equal(26, m.Peek(Sx127xRegister.RegPayloadLength));
            Assert.Equal(0x34, m.Peek(Sx127xRegister.RegSyncWord));
            // Normal IQ for transmit: 0x27 / 0x1D.
            Assert.Equal(0x27, m.Peek(Sx127xRegister.RegInvertIQ));
            Assert.Equal(0x1D, m.Peek(Sx127xRegister.RegInvertIQ2));
            // DIO0 = TxDone (01 in bits 7-6).
            Assert.Equal(0x40, m.Peek(Sx127xRegister.RegDioMapping1));
            // 14 dBm on PA_BOOST: OutputPower = 14 − 2 = 12 → 0x80 | 0x70 | 0x0C = 0xFC; PaDac default 0x84; OCP 100 mA: 0x20 | 11 = 0x2B.
            Assert.Equal(0xFC, m.Peek(Sx127xRegister.RegPaConfig));
            Assert.Equal(0x84, m.Peek(Sx127xRegister.RegPaDac));
            Assert.Equal(0x2B, m.Peek(Sx127xRegister.RegOcp));
            Assert.Equal(0x03, m.Peek(Sx127xRegister.RegHighBwOptimize1));
        }

        [Fact]
        public void US915_902_3_SF10BW125_uplink_registers()
        {
            var rig = new RadioRig();
            var node = rig.Node("dev");
            var cfg = RadioRig.Tx(902_300_000, 10);
            cfg.PowerDbm = 20;
            node.Driver.StartTransmit(new byte[11], 0, 11, cfg);
            var m = node.Model;
            Assert.Equal(0xE19333, Frf(m));
            Assert.Equal(0x72, m.Peek(Sx127xRegister.RegModemConfig1));
            // SF10 → 0xA0 | CRC 0x04 = 0xA4; Tsym 8.192 ms → no LDRO.
            Assert.Equal(0xA4, m.Peek(Sx127xRegister.RegModemConfig2));
            Assert.Equal(0x04, m.Peek(Sx127xRegister.RegModemConfig3));
            // +20 dBm: PaDac 0x87, OutputPower = 20 − 5 = 15 → 0xFF; OCP 140 mA = −30 + 10·17 → 0x20 | 17 = 0x31.
            Assert.Equal(0xFF, m.Peek(Sx127xRegister.RegPaConfig));
            Assert.Equal(0x87, m.Peek(Sx127xRegister.RegPaDac));
            Assert.Equal(0x31, m.Peek(Sx127xRegister.RegOcp));
        }

        [Fact]
        public void US915_923_3_SF12BW500_downlink_receive_registers()
        {
            var rig = new RadioRig();
            var node = rig.Node("dev");
            node.Driver.StartReceiveSingle(RadioRig.Rx(923_300_000, 12, 500_000, invertIq: true), 300);
            var m = node.Model;
            Assert.Equal(0xE6D333, Frf(m));
            Assert.Equal(0x86, m.Peek(Sx127xRegister.RegOpMode)); // LoRa, HF, RXSINGLE (6)
            // BW500 = code 9 → 0x90 | CR 4/5 0x02 = 0x92.
            Assert.Equal(0x92, m.Peek(Sx127xRegister.RegModemConfig1));
            // SF12 → 0xC0, no CRC check requested (downlinks have none), SymbTimeout 300 = 0x12C: bits 9-8 = 01 → 0xC1, LSB 0x2C.
            Assert.Equal(0xC1, m.Peek(Sx127xRegister.RegModemConfig2));
            Assert.Equal(0x2C, m.Peek(Sx127xRegister.RegSymbTimeoutLsb));
            Assert.Equal(300, m.SymbolTimeout);
            // SF12 at 500 kHz: Tsym 8.192 ms → no LDRO.
            Assert.Equal(0x04, m.Peek(Sx127xRegister.RegModemConfig3));
            // Inverted IQ receive: 0x67 / 0x19; DIO0 RxDone, DIO1 RxTimeout → 0x00.
            Assert.Equal(0x67, m.Peek(Sx127xRegister.RegInvertIQ));
            Assert.Equal(0x19, m.Peek(Sx127xRegister.RegInvertIQ2));
            Assert.Equal(0x00, m.Peek(Sx127xRegister.RegDioMapping1));
            // Errata 2.1 for 500 kHz on the HF port.
            Assert.Equal(0x02, m.Peek(Sx127xRegister.RegHighBwOptimize1));
            Assert.Equal(0x64, m.Peek(Sx127xRegister.RegHighBwOptimize2));
        }

        [Fact]
        public void AS923_923_2_and_LDRO_for_SF11_SF12_at_125kHz()
        {
            var rig = new RadioRig();
            var node = rig.Node("dev");
            node.Driver.StartReceiveContinuous(RadioRig.Rx(923_200_000, 11));
            Assert.Equal(0xE6CCCC, Frf(node.Model));
            Assert.Equal(0x85, node.Model.Peek(Sx127xRegister.RegOpMode));
            Assert.Equal(0xB0, node.Model.Peek(Sx127xRegister.RegModemConfig2)); // SF11, no CRC bit, timeout bits 00
            // SF11 BW125: Tsym = 2048/125 kHz = 16.384 ms ≥ 16 ms → LowDataRateOptimize 0x08 | AGC 0x04 = 0x0C.
            Assert.Equal(0x0C, node.Model.Peek(Sx127xRegister.RegModemConfig3));
            node.Driver.StartReceiveContinuous(RadioRig.Rx(923_200_000, 12));
            Assert.Equal(0x0C, node.Model.Peek(Sx127xRegister.RegModemConfig3));
            node.Driver.StartReceiveContinuous(RadioRig.Rx(923_200_000, 10));
            Assert.Equal(0x04, node.Model.Peek(Sx127xRegister.RegModemConfig3));
            var forced = RadioRig.Rx(923_200_000, 10);
            forced.LowDataRateOptimize = LdroMode.On;
            node.Driver.StartReceiveContinuous(forced);
            Assert.Equal(0x0C, node.Model.Peek(Sx127xRegister.RegModemConfig3));
        }

        [Theory]
        [InlineData(12, 250_000, 0x0C)] // 4096 / 250 kHz = 16.384 ms: LDRO
        [InlineData(11, 250_000, 0x04)] // 8.192 ms
        [InlineData(12, 500_000, 0x04)] // 8.192 ms
        [InlineData(10, 62_500, 0x0C)]  // 16.384 ms
        public void LDRO_follows_the_symbol_time_at_every_bandwidth(int sf, int bw, int config3)
        {
            var rig = new RadioRig();
            var node = rig.Node("dev");
            node.Driver.StartTransmit(new byte[5], 0, 5, RadioRig.Tx(868_100_000, sf, bw));
            Assert.Equal(config3, node.Model.Peek(Sx127xRegister.RegModemConfig3));
        }

        [Fact]
        public void Errata_500kHz_on_the_LF_port_uses_0x7F_and_other_bandwidths_go_back_to_0x03()
        {
            var rig = new RadioRig();
            var node = rig.Node("dev");
            node.Driver.StartReceiveContinuous(RadioRig.Rx(470_300_000, 7, 500_000));
            Assert.Equal(0x02, node.Model.Peek(Sx127xRegister.RegHighBwOptimize1));
            Assert.Equal(0x7F, node.Model.Peek(Sx127xRegister.RegHighBwOptimize2));
            node.Driver.StartReceiveContinuous(RadioRig.Rx(470_300_000, 7, 125_000));
            Assert.Equal(0x03, node.Model.Peek(Sx127xRegister.RegHighBwOptimize1));
        }

        [Fact]
        public void LF_port_below_525MHz_sets_LowFrequencyModeOn()
        {
            var rig = new RadioRig();
            var node = rig.Node("dev");
            node.Driver.StartReceiveContinuous(RadioRig.Rx(433_175_000, 7));
            Assert.Equal(0x6C4B33, Frf(node.Model));
            Assert.Equal(0x80 | 0x08 | 0x05, node.Model.Peek(Sx127xRegister.RegOpMode));
        }

        [Theory]
        // PA_BOOST: 2..17 dBm → OutputPower p − 2; 18..20 → p − 5 with PaDac 0x87. RFO: MaxPower 7, OutputPower p.
        [InlineData(2, true, 0xF0, 0x84, 0x2B)]
        [InlineData(17, true, 0xFF, 0x84, 0x2B)]
        [InlineData(18, true, 0xFD, 0x87, 0x31)]
        [InlineData(30, true, 0xFF, 0x87, 0x31)]
        [InlineData(14, false, 0x7E, 0x84, 0x2B)]
        [InlineData(0, false, 0x70, 0x84, 0x2B)]
        [InlineData(-4, false, 0x00, 0x84, 0x2B)]
        public void Output_power_registers(int dbm, bool boost, int paConfig, int paDac, int ocp)
        {
            Assert.Equal(paConfig, Sx127xSettings.PaConfig(dbm, boost));
            Assert.Equal(paDac, Sx127xSettings.PaDac(dbm, boost));
            Assert.Equal(ocp, Sx127xSettings.Ocp(dbm, boost));
        }

        [Theory]
        // Datasheet 5.5.5. SNR >= 0: HF −157 + 16/15 × PacketRssi, LF −164 + the same (to the nearest dB).
        // SNR < 0: −157 (−164) + PacketRssi + PacketSnr/4.
        [InlineData(77, 29, false, -75)]   // 77 × 16/15 = 82.1
        [InlineData(77, 29, true, -82)]
        [InlineData(72, 0, false, -80)]    // 72 × 16/15 = 76.8
        [InlineData(47, -42, false, -120)] // −157 + 47 + (−42/4 = −10) = −120
        [InlineData(0, 0, false, -157)]
        public void Packet_rssi_formula(int pktRssi, int pktSnr, bool lf, int dbm)
        {
            Assert.Equal(dbm, Sx127xSettings.PacketRssiDbm(pktRssi, pktSnr, lf));
        }

        [Fact]
        public void Bad_configurations_are_refused_before_touching_the_chip()
        {
            var rig = new RadioRig();
            var node = rig.Node("dev");
            long before = node.Model.SpiTransfers;
            Assert.Throws<ArgumentOutOfRangeException>(() => node.Driver.StartTransmit(new byte[4], 0, 4, RadioRig.Tx(868_100_000, 6)));
            Assert.Throws<ArgumentOutOfRangeException>(() => node.Driver.StartTransmit(new byte[4], 0, 4, RadioRig.Tx(868_100_000, 7, 200_000)));
            Assert.Throws<ArgumentOutOfRangeException>(() => node.Driver.StartTransmit(new byte[4], 0, 4, RadioRig.Tx(1_100_000_000, 7)));
            Assert.Throws<ArgumentOutOfRangeException>(() => node.Driver.StartTransmit(new byte[4], 0, 0, RadioRig.Tx(868_100_000, 7)));
            Assert.Throws<ArgumentOutOfRangeException>(() => node.Driver.StartReceiveSingle(RadioRig.Rx(868_100_000, 7), 1024));
            Assert.Equal(before, node.Model.SpiTransfers);
            Assert.Equal(RadioState.Idle, node.Driver.State);
        }
    }
}
