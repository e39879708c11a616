using System;
using Ws52x.Radio;

namespace Ws52x.Tests.Radio
{
    public class LoRaAirtimeTests
    {
        // Published figures: The Things Network's LoRaWAN airtime calculator (and its fair-use table) gives, for a
        // 13-byte PHYPayload (an empty application payload: MHDR 1 + FHDR 7 + FPort 1 + MIC 4), 125 kHz, CR 4/5,
        // preamble 8, explicit header, CRC on, LDRO by the 16 ms rule:
        // SF7 46.3 ms, SF8 82.4 ms, SF9 164.9 ms, SF10 288.8 ms, SF11 577.5 ms, SF12 1155.1 ms.
        // The same numbers come out of Semtech's LoRa Calculator. Below they are exact to the microsecond.
        [Theory]
        [InlineData(7, 46_336)]
        [InlineData(8, 82_432)]
        [InlineData(9, 164_864)]
        [InlineData(10, 288_768)]
        [InlineData(11, 577_536)]
        [InlineData(12, 1_155_072)]
        public void Thirteen_byte_frames_match_the_published_tables(int sf, long micros)
        {
            Assert.Equal(micros, LoRaAirtime.TimeOnAirMicros(sf, 125_000, LoRaCodingRate.Cr4_5, 8, 13, true, true, LdroMode.Auto));
        }

        [Fact]
        public void SF7_13_bytes_worked_by_hand()
        {
            // Tsym = 2^7 / 125 kHz = 1.024 ms. Payload: 8·13 − 4·7 + 28 + 16 = 120; 120 / (4·7) = 4.29 → 5 blocks;
            // 5·(1+4) = 25; 8 + 25 = 33 symbols. Total (8 + 4.25 + 33) · 1.024 ms = 45.25 · 1024 µs = 46 336 µs.
            Assert.Equal(33, LoRaAirtime.PayloadSymbols(7, LoRaCodingRate.Cr4_5, 13, true, true, false));
            Assert.Equal(1024, LoRaAirtime.SymbolTimeMicros(7, 125_000));
            Assert.Equal(46_336, LoRaAirtime.TimeOnAirMicros(7, 125_000, LoRaCodingRate.Cr4_5, 8, 13, true, true, false));
        }

        [Fact]
        public void SF12_13_bytes_worked_by_hand_with_LDRO()
        {
            // Tsym = 4096 / 125 kHz = 32.768 ms ≥ 16 ms → DE = 1. 8·13 − 48 + 28 + 16 = 100; 100 / (4·(12−2)) = 2.5 → 3;
            // 3·5 = 15; 8 + 15 = 23 symbols. (8 + 4.25 + 23) · 32 768 µs = 35.25 · 32 768 = 1 155 072 µs.
            Assert.True(LoRaAirtime.NeedsLowDataRateOptimize(12, 125_000));
            Assert.Equal(23, LoRaAirtime.PayloadSymbols(12, LoRaCodingRate.Cr4_5, 13, true, true, true));
            Assert.Equal(1_155_072, LoRaAirtime.TimeOnAirMicros(12, 125_000, LoRaCodingRate.Cr4_5, 8, 13, true, true, true));
            // Without LDRO the denominator is 48: 100/48 → 3 blocks as well, so the same airtime; at 26 bytes it differs:
            // 8·26 − 48 + 28 + 16 = 204; /40 → 6 blocks (38 symbols) with LDRO, /48 → 5 blocks (33 symbols) without.
            Assert.Equal(38, LoRaAirtime.PayloadSymbols(12, LoRaCodingRate.Cr4_5, 26, true, true, true));
            Assert.Equal(33, LoRaAirtime.PayloadSymbols(12, LoRaCodingRate.Cr4_5, 26, true, true, false));
        }

        // Each figure is (8 + 4.25 + n) · Tsym with n from the formula above, checked by a separate script before it was
        // written here (125 kHz, CR 4/5, preamble 8, explicit header, CRC on, LDRO for SF11/SF12):
        // 0 bytes:  SF7..10: 8·0 − 4·SF + 44 ≤ 16 → 1 block → n = 13; SF11/12 with DE: 44 − 4·SF ≤ 0 → n = 8.
        // 26 bytes (a WS52x report as PHYPayload is 26 + 13, but 26 is the size the issue names): SF7 n = 8 + ceil(232/28)·5 = 48.
        // 51 bytes: SF7 n = 8 + ceil(432/28)·5 = 88 → 100.25 · 1.024 = 102.656 ms.
        [Theory]
        [InlineData(7, 0, 25_856)]
        [InlineData(8, 0, 51_712)]
        [InlineData(9, 0, 103_424)]
        [InlineData(10, 0, 206_848)]
        [InlineData(11, 0, 331_776)]
        [InlineData(12, 0, 663_552)]
        [InlineData(7, 26, 61_696)]
        [InlineData(8, 26, 113_152)]
        [InlineData(9, 26, 205_824)]
        [InlineData(10, 26, 411_648)]
        [InlineData(11, 26, 823_296)]
        [InlineData(12, 26, 1_646_592)]
        [InlineData(7, 51, 102_656)]
        [InlineData(8, 51, 184_832)]
        [InlineData(9, 51, 328_704)]
        [InlineData(10, 51, 616_448)]
        [InlineData(11, 51, 1_314_816)]
        [InlineData(12, 51, 2_465_792)]
        public void Table_SF7_to_SF12_at_125kHz(int sf, int bytes, long micros)
        {
            Assert.Equal(micros, LoRaAirtime.TimeOnAirMicros(sf, 125_000, LoRaCodingRate.Cr4_5, 8, bytes, true, true, LdroMode.Auto));
        }

        [Fact]
        public void Other_bandwidths_coding_rates_and_header_modes()
        {
            // SF7 BW250: Tsym = 512 µs; 26 bytes → n = 48 as at 125 kHz → 60.25 · 512 = 30 848 µs.
            Assert.Equal(30_848, LoRaAirtime.TimeOnAirMicros(7, 250_000, LoRaCodingRate.Cr4_5, 8, 26, true, true, LdroMode.Auto));
            // SF12 BW500 (US915 downlink DR8): Tsym = 8.192 ms < 16 ms → no LDRO; 13 bytes: 100/48 → 3 blocks → n = 23;
            // 35.25 · 8192 = 288 768 µs.
            Assert.Equal(288_768, LoRaAirtime.TimeOnAirMicros(12, 500_000, LoRaCodingRate.Cr4_5, 8, 13, true, true, LdroMode.Auto));
            // SF9 CR4/8, 26 bytes: 208 − 36 + 44 = 216; /36 = 6 blocks · 8 = 48 → n = 56; 68.25 · 4096 = 279 552 µs.
            Assert.Equal(279_552, LoRaAirtime.TimeOnAirMicros(9, 125_000, LoRaCodingRate.Cr4_8, 8, 26, true, true, LdroMode.Auto));
            // SF7 implicit header, no CRC, 26 bytes: 208 − 28 + 28 − 20 = 188; /28 → 7 blocks · 5 = 35 → n = 43;
            // 55.25 · 1024 = 56 576 µs.
            Assert.Equal(56_576, LoRaAirtime.TimeOnAirMicros(7, 125_000, LoRaCodingRate.Cr4_5, 8, 26, false, false, LdroMode.Auto));
            // Forcing LDRO off at SF12 BW125, 51 bytes: 408 − 48 + 44 = 404; /48 → 9 blocks · 5 = 45 → n = 53;
            // 65.25 · 32 768 = 2 138 112 µs (with LDRO it is 2 465 792).
            Assert.Equal(2_138_112, LoRaAirtime.TimeOnAirMicros(12, 125_000, LoRaCodingRate.Cr4_5, 8, 51, true, true, LdroMode.Off));
        }

        [Fact]
        public void LDRO_rule_is_symbol_time_of_16ms_or_more()
        {
            Assert.False(LoRaAirtime.NeedsLowDataRateOptimize(10, 125_000)); // 8.192 ms
            Assert.True(LoRaAirtime.NeedsLowDataRateOptimize(11, 125_000));  // 16.384 ms
            Assert.True(LoRaAirtime.NeedsLowDataRateOptimize(12, 250_000));  // 16.384 ms
            Assert.False(LoRaAirtime.NeedsLowDataRateOptimize(11, 250_000)); // 8.192 ms
            Assert.False(LoRaAirtime.NeedsLowDataRateOptimize(12, 500_000)); // 8.192 ms
            Assert.Equal(32_768, LoRaAirtime.SymbolTimeMicros(12, 125_000));
            Assert.Equal(2_048, LoRaAirtime.SymbolTimeMicros(10, 500_000));
        }

        // Every SX127x bandwidth is 500 kHz / divisor, so Tsym = 2^SF · divisor / 500 kHz = 2^SF · divisor · 2 µs exactly:
        // at SF7, 256 µs per unit of divisor. The datasheet's rounded names and the exact values give the same figure.
        [Theory]
        [InlineData(7_800, 64)]
        [InlineData(7_813, 64)]
        [InlineData(10_400, 48)]
        [InlineData(10_417, 48)]
        [InlineData(15_600, 32)]
        [InlineData(15_625, 32)]
        [InlineData(20_800, 24)]
        [InlineData(20_833, 24)]
        [InlineData(31_250, 16)]
        [InlineData(41_700, 12)]
        [InlineData(41_667, 12)]
        [InlineData(62_500, 8)]
        [InlineData(125_000, 4)]
        [InlineData(250_000, 2)]
        [InlineData(500_000, 1)]
        public void Symbol_time_uses_the_exact_bandwidth_500kHz_over_its_divisor(int bandwidthHz, int divisor)
        {
            Assert.Equal(divisor, LoRaAirtime.BandwidthDivisor(bandwidthHz));
            Assert.Equal(256L * divisor, LoRaAirtime.SymbolTimeMicros(7, bandwidthHz));
            Assert.Equal(4096L * 2 * divisor, LoRaAirtime.SymbolTimeMicros(12, bandwidthHz));
        }

        [Fact]
        public void Narrow_bandwidths_give_the_exact_time_on_air()
        {
            // SF7, 13 bytes, CR 4/5, CRC, explicit: n = 33 at any bandwidth (LDRO off), so T = 45.25 · Tsym.
            // 7.8125 kHz: Tsym = 128 / 7812.5 Hz = 16.384 ms → 741 376 µs (the nominal 7.8 kHz would say 742 564).
            Assert.Equal(741_376, LoRaAirtime.TimeOnAirMicros(7, 7_800, LoRaCodingRate.Cr4_5, 8, 13, true, true, false));
            // 10.417 kHz: Tsym = 128 · 48 / 500 kHz = 12.288 ms → 556 032 µs (nominal 10.4 kHz: 556 923).
            Assert.Equal(556_032, LoRaAirtime.TimeOnAirMicros(7, 10_400, LoRaCodingRate.Cr4_5, 8, 13, true, true, false));
            // 20.833 kHz: Tsym = 6.144 ms → 278 016 µs (nominal 20.8 kHz: 278 461).
            Assert.Equal(278_016, LoRaAirtime.TimeOnAirMicros(7, 20_833, LoRaCodingRate.Cr4_5, 8, 13, true, true, false));
            // 41.667 kHz: Tsym = 3.072 ms → 139 008 µs (nominal 41.7 kHz: 138 896).
            Assert.Equal(139_008, LoRaAirtime.TimeOnAirMicros(7, 41_700, LoRaCodingRate.Cr4_5, 8, 13, true, true, false));
            // SF12 at 7.8125 kHz: Tsym = 4096 · 64 · 2 µs = 524.288 ms; LDRO on; 13 bytes → n = 23; 35.25 · Tsym.
            Assert.Equal(18_481_152, LoRaAirtime.TimeOnAirMicros(12, 7_800, LoRaCodingRate.Cr4_5, 8, 13, true, true, LdroMode.Auto));
        }

        [Fact]
        public void SF6_needs_an_implicit_header()
        {
            // SF6 BW125 implicit, CRC, 10 bytes: 80 − 24 + 28 + 16 − 20 = 80; /24 → 4 blocks · 5 = 20 → n = 28;
            // Tsym = 64 · 4 · 2 µs = 512 µs; (8 + 4.25 + 28) · 512 = 20 608 µs.
            Assert.Equal(20_608, LoRaAirtime.TimeOnAirMicros(6, 125_000, LoRaCodingRate.Cr4_5, 8, 10, false, true, false));
            Assert.Throws<ArgumentOutOfRangeException>(() => LoRaAirtime.TimeOnAirMicros(6, 125_000, LoRaCodingRate.Cr4_5, 8, 10, true, true, false));
        }

        [Fact]
        public void Out_of_range_parameters_are_rejected()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => LoRaAirtime.TimeOnAirMicros(13, 125_000, LoRaCodingRate.Cr4_5, 8, 1, true, true, false));
            Assert.Throws<ArgumentOutOfRangeException>(() => LoRaAirtime.TimeOnAirMicros(7, 125_000, LoRaCodingRate.Cr4_5, 8, 256, true, true, false));
            Assert.Throws<ArgumentOutOfRangeException>(() => LoRaAirtime.TimeOnAirMicros(7, 125_000, (LoRaCodingRate)5, 8, 1, true, true, false));
            Assert.Throws<ArgumentOutOfRangeException>(() => LoRaAirtime.TimeOnAirMicros(7, 600_000, LoRaCodingRate.Cr4_5, 8, 1, true, true, false));
            Assert.Throws<ArgumentOutOfRangeException>(() => LoRaAirtime.TimeOnAirMicros(7, 200_000, LoRaCodingRate.Cr4_5, 8, 1, true, true, false));
            Assert.Equal(0, LoRaAirtime.BandwidthDivisor(100_000));
        }
    }
}
