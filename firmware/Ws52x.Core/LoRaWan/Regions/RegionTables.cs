namespace Ws52x.LoRaWan.Regions
{
    /// <summary>
    /// The numbers of each region: RP002-1.0.3 (LoRaWAN Regional Parameters) for EU868, US915, AU915, AS923-1..4,
    /// KR920, IN865 and RU864; CN470 is the classic CN470-510 plan (96 uplink / 48 downlink channels) of the 1.0.3revA
    /// regional parameters that the WS52x and its channel-index settings use, not the 20/26 MHz plans RP002 added.
    /// LR-FHSS data rates are not listed (the SX127x cannot send them), so a network asking for them is refused.
    /// </summary>
    internal static class RegionTables
    {
        private const int Khz125 = 125000;
        private const int Khz250 = 250000;
        private const int Khz500 = 500000;

        // The tables below are made when a region is built, so that a device holds only its own region's (nanoCLR
        // builds every static field at boot; these would be there for all eleven regions).

        /// <summary>AS923 TxParamSetupReq MaxEIRP field (0-15) in dBm.</summary>
        internal static readonly byte[] As923MaxEirpTable = { 8, 10, 12, 13, 14, 16, 18, 20, 21, 24, 26, 27, 29, 30, 33, 36 };

        public static Region Eu868()
        {
            Region r = Dynamic("EU868", 863000000, 870000000, new[] { 868100000, 868300000, 868500000 });
            EuDataRates(r);
            r.PayloadNoDwell = EuPayload();
            r.Rx1Table = Shifted(8, 6);
            r.MaxRx1DrOffset = 5;
            SetRx2AndPower(r, 869525000, 0, 1600, 7);
            r.Bands = new[]
            {
                new DutyCycleBand(863000000, 864999999, 1000),
                new DutyCycleBand(865000000, 868000000, 100),
                new DutyCycleBand(868000001, 868600000, 100),
                new DutyCycleBand(868700000, 869200000, 1000),
                new DutyCycleBand(869400000, 869650000, 10),
                new DutyCycleBand(869700000, 870000000, 100),
            };
            return r;
        }

        public static Region Us915()
        {
            Region r = FixedUs("US915", 902000000, 928000000, 902300000, 903000000, 0, 3, 4);
            LoRa(r, 0, 10, Khz125);
            LoRa(r, 1, 9, Khz125);
            LoRa(r, 2, 8, Khz125);
            LoRa(r, 3, 7, Khz125);
            LoRa(r, 4, 8, Khz500);
            Downlink500(r);
            r.PayloadNoDwell = new byte[] { 11, 53, 125, 242, 242, 0, 0, 0, 53, 129, 242, 242, 242, 242, 0, 0 };
            r.Rx1Table = new[]
            {
                new sbyte[] { 10, 9, 8, 8 },
                new sbyte[] { 11, 10, 9, 8 },
                new sbyte[] { 12, 11, 10, 9 },
                new sbyte[] { 13, 12, 11, 10 },
                new sbyte[] { 13, 13, 12, 11 },
            };
            r.MaxRx1DrOffset = 3;
            r.JoinMinDr = 0;
            SetRx2AndPower(r, 923300000, 8, 3000, 14);
            return r;
        }

        public static Region Au915()
        {
            Region r = FixedUs("AU915", 915000000, 928000000, 915200000, 915900000, 0, 5, 6);
            EuDataRates(r);
            r.Mod[6] = (byte)Modulation.None;
            r.Mod[7] = (byte)Modulation.None;
            LoRa(r, 6, 8, Khz500);
            Downlink500(r);
            r.PayloadNoDwell = new byte[] { 51, 51, 51, 115, 242, 242, 242, 0, 53, 129, 242, 242, 242, 242, 0, 0 };
            r.PayloadDwell = new byte[] { 0, 0, 11, 53, 125, 242, 242, 0, 53, 129, 242, 242, 242, 242, 0, 0 };
            r.Rx1Table = new[]
            {
                new sbyte[] { 8, 8, 8, 8, 8, 8 },
                new sbyte[] { 9, 8, 8, 8, 8, 8 },
                new sbyte[] { 10, 9, 8, 8, 8, 8 },
                new sbyte[] { 11, 10, 9, 8, 8, 8 },
                new sbyte[] { 12, 11, 10, 9, 8, 8 },
                new sbyte[] { 13, 12, 11, 10, 9, 8 },
                new sbyte[] { 13, 13, 12, 11, 10, 9 },
            };
            r.MaxRx1DrOffset = 5;
            r.JoinMinDr = 2;
            r.DefaultUplinkDwell = true;
            r.SupportsTxParamSetup = true;
            SetRx2AndPower(r, 923300000, 8, 3000, 14);
            return r;
        }

        /// <summary>AS923-1..4: one plan shifted by a group offset (0, -1.8, -6.6, -5.9 MHz) inside the group's band.</summary>
        public static Region As923(int group, string name)
        {
            int offset;
            int min;
            int max;
            switch (group)
            {
                case 2: offset = -1800000; min = 920000000; max = 923000000; break;
                case 3: offset = -6600000; min = 915000000; max = 921000000; break;
                case 4: offset = -5900000; min = 917000000; max = 920000000; break;
                default: offset = 0; min = 915000000; max = 928000000; break;
            }

            Region r = Dynamic(name, min, max, new[] { 923200000 + offset, 923400000 + offset });
            EuDataRates(r);
            r.PayloadNoDwell = new byte[] { 51, 51, 115, 115, 242, 242, 242, 242 };
            r.PayloadDwell = new byte[] { 0, 0, 11, 53, 125, 242, 242, 242 };
            r.Rx1Table = new[]
            {
                // Offsets 6 and 7 raise the RX1 data rate above the uplink's (effective offsets -1 and -2).
                new sbyte[] { 0, 0, 0, 0, 0, 0, 1, 2 },
                new sbyte[] { 1, 0, 0, 0, 0, 0, 2, 3 },
                new sbyte[] { 2, 1, 0, 0, 0, 0, 3, 4 },
                new sbyte[] { 3, 2, 1, 0, 0, 0, 4, 5 },
                new sbyte[] { 4, 3, 2, 1, 0, 0, 5, 6 },
                new sbyte[] { 5, 4, 3, 2, 1, 0, 6, 7 },
                new sbyte[] { 6, 5, 4, 3, 2, 1, 7, 7 },
                new sbyte[] { 7, 6, 5, 4, 3, 2, 7, 7 },
            };
            r.MaxRx1DrOffset = 7;
            r.Rx1MinDrWithDwell = 2;
            r.JoinMinDr = 2;
            r.DefaultUplinkDwell = true;
            r.DefaultDownlinkDwell = true;
            r.SupportsTxParamSetup = true;
            SetRx2AndPower(r, 923200000 + offset, 2, 1600, 7);
            return r;
        }

        public static Region Cn470()
        {
            var r = new Region("CN470", PlanKind.FixedCn470)
            {
                MinFrequencyHz = 470000000,
                MaxFrequencyHz = 510000000,
                MaxChannels = 96,
                DefaultMinDr = 0,
                DefaultMaxDr = 5,
            };
            r.Up125BaseHz = 470300000;
            r.Up125StepHz = 200000;
            r.Up125Count = 96;
            r.DownBaseHz = 500300000;
            r.DownStepHz = 200000;
            r.DownCount = 48;
            r.CFListMaskCount = 6;
            for (int dr = 0; dr <= 5; dr++)
            {
                LoRa(r, dr, 12 - dr, Khz125);
            }

            r.PayloadNoDwell = new byte[] { 51, 51, 51, 115, 242, 242 };
            r.Rx1Table = Shifted(6, 6);
            r.MaxRx1DrOffset = 5;
            r.JoinMinDr = 0;
            r.JoinMaxDr = 5;
            SetRx2AndPower(r, 505300000, 0, 1915, 7);
            return r;
        }

        public static Region Kr920()
        {
            Region r = Dynamic("KR920", 920900000, 923300000, new[] { 922100000, 922300000, 922500000 });
            for (int dr = 0; dr <= 5; dr++)
            {
                LoRa(r, dr, 12 - dr, Khz125);
            }

            r.PayloadNoDwell = EuPayload();
            r.Rx1Table = Shifted(6, 6);
            r.MaxRx1DrOffset = 5;
            r.LowBandBelowHz = 922000000;
            r.LowBandMaxEirpCentiDbm = 1000;
            SetRx2AndPower(r, 921900000, 0, 1400, 7);
            return r;
        }

        public static Region In865()
        {
            Region r = Dynamic("IN865", 865000000, 867000000, new[] { 865062500, 865402500, 865985000 });
            EuDataRates(r);
            r.Mod[6] = (byte)Modulation.None; // DR6 is RFU in IN865
            r.PayloadNoDwell = EuPayload();
            r.Rx1Table = new[]
            {
                new sbyte[] { 0, 0, 0, 0, 0, 0, 1, 2 },
                new sbyte[] { 1, 0, 0, 0, 0, 0, 2, 3 },
                new sbyte[] { 2, 1, 0, 0, 0, 0, 3, 4 },
                new sbyte[] { 3, 2, 1, 0, 0, 0, 4, 5 },
                new sbyte[] { 4, 3, 2, 1, 0, 0, 5, 5 },
                new sbyte[] { 5, 4, 3, 2, 1, 0, 5, 7 },
                null,
                new sbyte[] { 7, 5, 5, 4, 3, 2, 7, 7 },
            };
            r.MaxRx1DrOffset = 7;
            SetRx2AndPower(r, 866550000, 2, 3000, 10);
            return r;
        }

        public static Region Ru864()
        {
            Region r = Dynamic("RU864", 864000000, 870000000, new[] { 868900000, 869100000 });
            EuDataRates(r);
            r.PayloadNoDwell = EuPayload();
            r.Rx1Table = Shifted(8, 6);
            r.MaxRx1DrOffset = 5;
            SetRx2AndPower(r, 869100000, 0, 1600, 7);
            r.Bands = new[] { new DutyCycleBand(864000000, 870000000, 100) };
            return r;
        }

        // N per data rate (M - 8), no repeater: EU868, KR920, IN865 and RU864.
        private static byte[] EuPayload() => new byte[] { 51, 51, 51, 115, 242, 242, 242, 242 };

        private static Region Dynamic(string name, int min, int max, int[] defaults)
        {
            return new Region(name, PlanKind.Dynamic)
            {
                MinFrequencyHz = min,
                MaxFrequencyHz = max,
                MaxChannels = 16,
                DefaultFrequencies = defaults,
                DefaultMinDr = 0,
                DefaultMaxDr = 5,
                JoinMinDr = 0,
                JoinMaxDr = 5,
            };
        }

        private static Region FixedUs(string name, int min, int max, int up125, int up500, int minDr, int maxDr, int dr500)
        {
            var r = new Region(name, PlanKind.FixedUs)
            {
                MinFrequencyHz = min,
                MaxFrequencyHz = max,
                MaxChannels = 72,
                DefaultMinDr = minDr,
                DefaultMaxDr = maxDr,
            };
            r.Up125BaseHz = up125;
            r.Up125StepHz = 200000;
            r.Up125Count = 64;
            r.Up500BaseHz = up500;
            r.Up500StepHz = 1600000;
            r.Up500Count = 8;
            r.Up500Dr = dr500;
            r.JoinMaxDr = dr500;
            r.DownBaseHz = 923300000;
            r.DownStepHz = 600000;
            r.DownCount = 8;
            r.CFListMaskCount = 5;
            return r;
        }

        /// <summary>DR0-5 = SF12..SF7 at 125 kHz, DR6 = SF7 at 250 kHz, DR7 = FSK 50 kbps.</summary>
        private static void EuDataRates(Region r)
        {
            for (int dr = 0; dr <= 5; dr++)
            {
                LoRa(r, dr, 12 - dr, Khz125);
            }

            LoRa(r, 6, 7, Khz250);
            r.Mod[7] = (byte)Modulation.Fsk;
        }

        /// <summary>US915/AU915 downlink data rates DR8-13: SF12..SF7 at 500 kHz.</summary>
        private static void Downlink500(Region r)
        {
            for (int dr = 8; dr <= 13; dr++)
            {
                LoRa(r, dr, 20 - dr, Khz500);
            }
        }

        private static void LoRa(Region r, int dr, int sf, int bw)
        {
            r.Sf[dr] = (byte)sf;
            r.Bandwidth[dr] = bw;
            r.Mod[dr] = (byte)Modulation.LoRa;
        }

        private static void SetRx2AndPower(Region r, int rx2Hz, int rx2Dr, int maxEirpCentiDbm, int maxPowerIndex)
        {
            r.Rx2FrequencyHz = rx2Hz;
            r.Rx2DataRate = rx2Dr;
            r.MaxEirpCentiDbm = maxEirpCentiDbm;
            r.MaxTxPowerIndex = maxPowerIndex;
        }

        /// <summary>The common RX1 table: the uplink data rate lowered by the offset, never below DR0.</summary>
        private static sbyte[][] Shifted(int rows, int offsets)
        {
            var table = new sbyte[rows][];
            for (int dr = 0; dr < rows; dr++)
            {
                table[dr] = new sbyte[offsets];
                for (int o = 0; o < offsets; o++)
                {
                    table[dr][o] = (sbyte)(dr - o > 0 ? dr - o : 0);
                }
            }

            return table;
        }
    }
}
