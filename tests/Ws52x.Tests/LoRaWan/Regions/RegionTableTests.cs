using Ws52x.Host.Commands;
using Ws52x.LoRaWan.Regions;

namespace Ws52x.Tests.LoRaWan.Regions
{
    /// <summary>Spot checks of every region against the tables of RP002-1.0.3 (CN470: the classic CN470-510 plan).</summary>
    public class RegionTableTests
    {
        [Fact]
        public void Every_region_of_the_guide_is_known_by_name_in_any_case()
        {
            string[] names = { "EU868", "US915", "AU915", "AS923-1", "AS923-2", "AS923-3", "AS923-4", "CN470", "KR920", "IN865", "RU864" };
            foreach (string name in names)
            {
                Assert.Equal(name, KnownRegions.Find(name.ToLowerInvariant()).Name);
            }

            Assert.Equal("AS923-1", KnownRegions.Find("as923").Name);
            Assert.Null(KnownRegions.Find("EU433"));
            Assert.Equal(names.Length, KnownRegions.CreateAll().Length);
        }

        [Theory]
        // What the settings read from a region (guide 3.2): the radio band (model suffix), channels, highest LoRa uplink
        // DR, the SF10/125 kHz default DR, highest TX power index, RX2 defaults, LoRa downlink DRs, band edges.
        [InlineData("EU868", "868M", 16, 6, 2, 7, 0, 869525000, 0, 6, 863000000, 870000000)]
        [InlineData("US915", "915M", 72, 4, 0, 14, 8, 923300000, 8, 13, 902000000, 928000000)]
        [InlineData("AU915", "915M", 72, 6, 2, 14, 8, 923300000, 8, 13, 915000000, 928000000)]
        [InlineData("AS923-1", "915M", 16, 6, 2, 7, 2, 923200000, 0, 6, 915000000, 928000000)]
        [InlineData("AS923-2", "915M", 16, 6, 2, 7, 2, 921400000, 0, 6, 920000000, 923000000)]
        [InlineData("AS923-3", "915M", 16, 6, 2, 7, 2, 916600000, 0, 6, 915000000, 921000000)]
        [InlineData("AS923-4", "915M", 16, 6, 2, 7, 2, 917300000, 0, 6, 917000000, 920000000)]
        [InlineData("CN470", "470M", 96, 5, 2, 7, 0, 505300000, 0, 5, 470000000, 510000000)]
        [InlineData("KR920", "915M", 16, 5, 2, 7, 0, 921900000, 0, 5, 920900000, 923300000)]
        [InlineData("IN865", "868M", 16, 5, 2, 10, 2, 866550000, 0, 5, 865000000, 867000000)]
        [InlineData("RU864", "868M", 16, 6, 2, 7, 0, 869100000, 0, 6, 864000000, 870000000)]
        public void What_the_settings_need_comes_from_the_region(string name, string band, int channels, int maxUplinkDr, int defaultDr,
            int maxTxPower, int rx2Dr, int rx2Hz, int minDownlinkDr, int maxDownlinkDr, int minHz, int maxHz)
        {
            Region r = KnownRegions.Find(name);
            Assert.Equal(band, r.RadioBand);
            Assert.Equal(channels, r.MaxChannels);
            Assert.Equal(maxUplinkDr, r.MaxUplinkDataRate);
            Assert.Equal(defaultDr, r.DefaultDataRate);
            Assert.Equal(maxTxPower, r.MaxTxPowerIndex);
            Assert.Equal(rx2Dr, r.Rx2DataRate);
            Assert.Equal(rx2Hz, r.Rx2FrequencyHz);
            Assert.Equal(minDownlinkDr, r.MinDownlinkDataRate);
            Assert.Equal(maxDownlinkDr, r.MaxDownlinkDataRate);
            Assert.Equal(minHz, r.MinFrequencyHz);
            Assert.Equal(maxHz, r.MaxFrequencyHz);
        }

        [Fact]
        public void The_region_in_use_is_built_once_and_shared()
        {
            // Other tests may ask for other regions in parallel: one undisturbed pair of calls is enough.
            bool shared = false;
            for (int i = 0; i < 100 && !shared; i++)
            {
                shared = ReferenceEquals(KnownRegions.At(0), KnownRegions.Find("eu868"));
            }

            Assert.True(shared);
            Region eu = KnownRegions.At(0);
            Assert.Equal(0, eu.Index);
            Assert.NotSame(eu, KnownRegions.Create(0));
            Assert.Equal("868M", KnownRegions.At(KnownRegions.IndexOf("RU864")).RadioBand);
            Assert.Equal("EU868, IN865, RU864", KnownRegions.NameList("868M"));
            Assert.Equal("CN470", KnownRegions.DefaultFor("470M"));
        }

        [Theory]
        // region, DR, SF, bandwidth kHz, N without dwell, N with dwell (-1 = not allowed, 0 = no dwell rule)
        [InlineData("EU868", 0, 12, 125, 51, 0)]
        [InlineData("EU868", 3, 9, 125, 115, 0)]
        [InlineData("EU868", 5, 7, 125, 242, 0)]
        [InlineData("EU868", 6, 7, 250, 242, 0)]
        [InlineData("US915", 0, 10, 125, 11, 0)]
        [InlineData("US915", 1, 9, 125, 53, 0)]
        [InlineData("US915", 2, 8, 125, 125, 0)]
        [InlineData("US915", 3, 7, 125, 242, 0)]
        [InlineData("US915", 4, 8, 500, 242, 0)]
        [InlineData("US915", 8, 12, 500, 53, 0)]
        [InlineData("US915", 9, 11, 500, 129, 0)]
        [InlineData("US915", 13, 7, 500, 242, 0)]
        [InlineData("AU915", 0, 12, 125, 51, -1)]
        [InlineData("AU915", 2, 10, 125, 51, 11)]
        [InlineData("AU915", 3, 9, 125, 115, 53)]
        [InlineData("AU915", 4, 8, 125, 242, 125)]
        [InlineData("AU915", 6, 8, 500, 242, 242)]
        [InlineData("AS923-1", 0, 12, 125, 51, -1)]
        [InlineData("AS923-1", 2, 10, 125, 115, 11)]
        [InlineData("AS923-1", 3, 9, 125, 115, 53)]
        [InlineData("AS923-1", 4, 8, 125, 242, 125)]
        [InlineData("AS923-3", 6, 7, 250, 242, 242)]
        [InlineData("CN470", 0, 12, 125, 51, 0)]
        [InlineData("CN470", 5, 7, 125, 242, 0)]
        [InlineData("KR920", 3, 9, 125, 115, 0)]
        [InlineData("IN865", 2, 10, 125, 51, 0)]
        [InlineData("IN865", 5, 7, 125, 242, 0)]
        [InlineData("RU864", 6, 7, 250, 242, 0)]
        public void Data_rates_and_payload_limits_are_those_of_the_regional_parameters(string name, int dr, int sf, int bwKhz, int n, int nDwell)
        {
            Region r = KnownRegions.Find(name);
            Assert.Equal(Modulation.LoRa, r.ModulationOf(dr));
            Assert.Equal(sf, r.SpreadingFactor(dr));
            Assert.Equal(bwKhz * 1000, r.BandwidthHz(dr));
            Assert.Equal(n, r.MaxPayload(dr, false));
            if (nDwell != 0)
            {
                Assert.Equal(nDwell, r.MaxPayload(dr, true));
            }
        }

        [Theory]
        [InlineData("EU868", 7)]
        [InlineData("AS923-2", 7)]
        [InlineData("IN865", 7)]
        [InlineData("RU864", 7)]
        public void Fsk_data_rates_are_marked_as_such(string name, int dr)
        {
            Assert.Equal(Modulation.Fsk, KnownRegions.Find(name).ModulationOf(dr));
        }

        [Theory]
        [InlineData("US915", 5)]
        [InlineData("US915", 7)]
        [InlineData("US915", 14)]
        [InlineData("IN865", 6)]
        [InlineData("KR920", 6)]
        [InlineData("CN470", 6)]
        [InlineData("EU868", 8)]
        public void Undefined_data_rates_are_not_usable(string name, int dr)
        {
            Region r = KnownRegions.Find(name);
            Assert.False(r.IsDefined(dr));
            Assert.Equal(-1, r.MaxPayload(dr, false));
        }

        [Fact]
        public void Downlink_only_data_rates_of_US915_and_AU915_carry_no_uplink()
        {
            Region us = KnownRegions.Find("US915");
            Assert.False(us.IsUplinkDataRate(8, false));
            Assert.True(us.IsDownlinkDataRate(8));
            Assert.False(us.IsDownlinkDataRate(3));
            Assert.True(us.IsUplinkDataRate(4, false));
        }

        [Theory]
        // region, uplink DR, RX1DROffset, downlink dwell, expected RX1 DR
        [InlineData("EU868", 5, 0, false, 5)]
        [InlineData("EU868", 5, 2, false, 3)]
        [InlineData("EU868", 1, 5, false, 0)]
        [InlineData("EU868", 7, 5, false, 2)]
        [InlineData("US915", 0, 0, false, 10)]
        [InlineData("US915", 1, 3, false, 8)]
        [InlineData("US915", 3, 3, false, 10)]
        [InlineData("US915", 4, 0, false, 13)]
        [InlineData("US915", 4, 2, false, 12)]
        [InlineData("AU915", 0, 0, false, 8)]
        [InlineData("AU915", 5, 0, false, 13)]
        [InlineData("AU915", 6, 5, false, 9)]
        [InlineData("AS923-1", 2, 0, false, 2)]
        [InlineData("AS923-1", 2, 0, true, 2)]
        [InlineData("AS923-1", 0, 0, true, 2)]
        [InlineData("AS923-1", 1, 7, true, 3)]
        [InlineData("AS923-1", 5, 6, false, 6)]
        [InlineData("AS923-1", 5, 7, false, 7)]
        [InlineData("AS923-1", 3, 2, false, 1)]
        [InlineData("IN865", 5, 6, false, 5)]
        [InlineData("IN865", 0, 7, false, 2)]
        [InlineData("CN470", 5, 3, false, 2)]
        [InlineData("KR920", 4, 1, false, 3)]
        public void Rx1_data_rate_follows_the_offset_tables(string name, int uplinkDr, int offset, bool dwell, int expected)
        {
            Assert.Equal(expected, KnownRegions.Find(name).Rx1DataRate(uplinkDr, offset, dwell));
        }

        [Theory]
        [InlineData("EU868", 6)]
        [InlineData("US915", 4)]
        [InlineData("AU915", 6)]
        [InlineData("CN470", 6)]
        public void Rx1_offsets_beyond_the_region_range_are_undefined(string name, int offset)
        {
            Assert.Equal(-1, KnownRegions.Find(name).Rx1DataRate(0, offset, false));
        }

        [Theory]
        [InlineData("EU868", 869525000, 0)]
        [InlineData("US915", 923300000, 8)]
        [InlineData("AU915", 923300000, 8)]
        [InlineData("AS923-1", 923200000, 2)]
        [InlineData("AS923-2", 921400000, 2)]
        [InlineData("AS923-3", 916600000, 2)]
        [InlineData("AS923-4", 917300000, 2)]
        [InlineData("CN470", 505300000, 0)]
        [InlineData("KR920", 921900000, 0)]
        [InlineData("IN865", 866550000, 2)]
        [InlineData("RU864", 869100000, 0)]
        public void Rx2_defaults(string name, int frequency, int dr)
        {
            Region r = KnownRegions.Find(name);
            Assert.Equal(frequency, r.Rx2FrequencyHz);
            Assert.Equal(dr, r.Rx2DataRate);
        }

        [Theory]
        [InlineData("EU868", new[] { 868100000, 868300000, 868500000 })]
        [InlineData("AS923-1", new[] { 923200000, 923400000 })]
        [InlineData("AS923-2", new[] { 921400000, 921600000 })]
        [InlineData("AS923-3", new[] { 916600000, 916800000 })]
        [InlineData("AS923-4", new[] { 917300000, 917500000 })]
        [InlineData("KR920", new[] { 922100000, 922300000, 922500000 })]
        [InlineData("IN865", new[] { 865062500, 865402500, 865985000 })]
        [InlineData("RU864", new[] { 868900000, 869100000 })]
        public void Default_channels_of_dynamic_plans(string name, int[] frequencies)
        {
            var plan = new ChannelPlan(KnownRegions.Find(name));
            Assert.Equal(frequencies.Length, plan.EnabledCount());
            for (int ch = 0; ch < frequencies.Length; ch++)
            {
                Assert.Equal(frequencies[ch], plan.Frequency(ch));
                Assert.Equal(0, plan.MinDr(ch));
                Assert.Equal(5, plan.MaxDr(ch));
                Assert.Equal(frequencies[ch], plan.Rx1Frequency(ch));
            }
        }

        [Theory]
        // region, channel, uplink Hz, RX1 Hz, min DR, max DR
        [InlineData("US915", 0, 902300000, 923300000, 0, 3)]
        [InlineData("US915", 7, 903700000, 927500000, 0, 3)]
        [InlineData("US915", 8, 903900000, 923300000, 0, 3)]
        [InlineData("US915", 63, 914900000, 927500000, 0, 3)]
        [InlineData("US915", 64, 903000000, 923300000, 4, 4)]
        [InlineData("US915", 71, 914200000, 927500000, 4, 4)]
        [InlineData("AU915", 0, 915200000, 923300000, 0, 5)]
        [InlineData("AU915", 63, 927800000, 927500000, 0, 5)]
        [InlineData("AU915", 64, 915900000, 923300000, 6, 6)]
        [InlineData("AU915", 71, 927100000, 927500000, 6, 6)]
        [InlineData("CN470", 0, 470300000, 500300000, 0, 5)]
        [InlineData("CN470", 47, 479700000, 509700000, 0, 5)]
        [InlineData("CN470", 48, 479900000, 500300000, 0, 5)]
        [InlineData("CN470", 95, 489300000, 509700000, 0, 5)]
        public void Fixed_plan_channels_and_their_rx1_carriers(string name, int ch, int uplink, int rx1, int minDr, int maxDr)
        {
            var plan = new ChannelPlan(KnownRegions.Find(name));
            Assert.True(plan.IsEnabled(ch));
            Assert.Equal(uplink, plan.Frequency(ch));
            Assert.Equal(rx1, plan.Rx1Frequency(ch));
            Assert.Equal(minDr, plan.MinDr(ch));
            Assert.Equal(maxDr, plan.MaxDr(ch));
        }

        [Theory]
        // region, TXPower index, carrier, EIRP in 1/100 dBm (-1 = not defined)
        [InlineData("EU868", 0, 868100000, 1600)]
        [InlineData("EU868", 7, 868100000, 200)]
        [InlineData("EU868", 8, 868100000, -1)]
        [InlineData("US915", 0, 902300000, 3000)]
        [InlineData("US915", 14, 902300000, 200)]
        [InlineData("US915", 15, 902300000, -1)]
        [InlineData("AU915", 10, 915200000, 1000)]
        [InlineData("AS923-1", 0, 923200000, 1600)]
        [InlineData("AS923-1", 7, 923200000, 200)]
        [InlineData("CN470", 0, 470300000, 1915)]
        [InlineData("CN470", 7, 470300000, 515)]
        [InlineData("KR920", 0, 922100000, 1400)]
        [InlineData("KR920", 0, 921900000, 1000)]
        [InlineData("KR920", 3, 921900000, 800)]
        [InlineData("IN865", 0, 865062500, 3000)]
        [InlineData("IN865", 10, 865062500, 1000)]
        [InlineData("IN865", 11, 865062500, -1)]
        [InlineData("RU864", 7, 868900000, 200)]
        public void Tx_power_steps_are_two_dB_below_max_eirp(string name, int index, int frequency, int eirp)
        {
            Assert.Equal(eirp, KnownRegions.Find(name).TxPowerEirpCentiDbm(index, frequency));
        }

        [Theory]
        // carrier, duty-cycle divisor (100 = 1 %), -1 = not allowed
        [InlineData(863100000, 1000)]
        [InlineData(867100000, 100)]
        [InlineData(868100000, 100)]
        [InlineData(868500000, 100)]
        [InlineData(868650000, -1)]
        [InlineData(868900000, 1000)]
        [InlineData(869300000, -1)]
        [InlineData(869525000, 10)]
        [InlineData(869850000, 100)]
        [InlineData(870100000, -1)]
        public void Eu868_duty_cycle_bands_follow_etsi(int frequency, int divisor)
        {
            Region eu = KnownRegions.Find("EU868");
            int band = eu.BandOf(frequency);
            Assert.Equal(divisor, band < 0 ? -1 : eu.DutyCycleBandAt(band).Divisor);
            Assert.Equal(divisor > 0, eu.IsValidFrequency(frequency));
        }

        [Fact]
        public void Only_EU868_and_RU864_limit_duty_cycle()
        {
            foreach (Region r in KnownRegions.CreateAll())
            {
                bool banded = r.Name == "EU868" || r.Name == "RU864";
                Assert.Equal(banded, r.DutyCycleBandCount > 0);
            }

            Region ru = KnownRegions.Find("RU864");
            Assert.Equal(100, ru.DutyCycleBandAt(ru.BandOf(868900000)).Divisor);
        }

        [Fact]
        public void Dwell_time_and_tx_param_setup_belong_to_AS923_and_AU915()
        {
            foreach (Region r in KnownRegions.CreateAll())
            {
                bool dwell = r.Name.StartsWith("AS923") || r.Name == "AU915";
                Assert.Equal(dwell, r.SupportsTxParamSetup);
                Assert.Equal(dwell, r.DefaultUplinkDwell);
            }
        }

        [Fact]
        public void Described_region_carries_what_the_host_tool_prints()
        {
            RegionDescription d = RegionDescription.Describe(KnownRegions.Find("EU868"));
            Assert.Equal("EU868", d.Name);
            Assert.Equal(3, d.Channels.Length);
            Assert.Equal(868300000, d.Channels[1].Frequency);
            Assert.Equal(8, d.DataRates.Length);
            Assert.Equal("FSK", d.DataRates[7].Modulation);
            Assert.Equal(51, d.DataRates[0].MaxPayload);
            Assert.Equal(125, d.DataRates[0].Bw);
            Assert.Equal(new[] { 5, 4, 3, 2, 1, 0 }, d.Rx1DataRate[5]);
            Assert.Equal(869525000, d.Rx2Frequency);
            Assert.Equal(new double[] { 16, 14, 12, 10, 8, 6, 4, 2 }, d.TxPower);
            Assert.Equal(16.0, d.MaxEirp);
            Assert.Equal(6, d.DutyCycleBands.Length);
            Assert.Equal(0.1, d.DutyCycleBands[4].DutyCycle, 6);

            RegionDescription us = RegionDescription.Describe(KnownRegions.Find("US915"));
            Assert.Equal(72, us.Channels.Length);
            Assert.Equal(new[] { 0, 1, 2, 3, 4 }, us.Rx1UplinkDrs);
            Assert.Equal(new[] { 13, 13, 12, 11 }, us.Rx1DataRate[4]);
            Assert.Equal(53, us.DataRates[5].MaxPayload); // DR8, a downlink data rate
        }
    }
}
