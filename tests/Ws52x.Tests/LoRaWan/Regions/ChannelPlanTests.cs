using Ws52x.LoRaWan.Regions;

namespace Ws52x.Tests.LoRaWan.Regions
{
    /// <summary>CFList, LinkADRReq channel masks (ChMaskCntl), NewChannelReq and DlChannelReq rules per plan.</summary>
    public class ChannelPlanTests
    {
        private static ushort[] Work(ChannelPlan plan)
        {
            var work = new ushort[ChannelPlan.MaskWords];
            plan.CopyMask(work);
            return work;
        }

        [Fact]
        public void Eu868_cflist_adds_five_channels_after_the_defaults()
        {
            var plan = new ChannelPlan(KnownRegions.Find("EU868"));
            // 867.1, 867.3, 867.5, 867.7, 867.9 MHz in 100 Hz units, little-endian, type 0.
            byte[] cf = Cf(8671000, 8673000, 8675000, 8677000, 8679000, 0);
            Assert.True(plan.ApplyCFList(cf, 0));
            Assert.Equal(8, plan.EnabledCount());
            Assert.Equal(867100000, plan.Frequency(3));
            Assert.Equal(867900000, plan.Frequency(7));
            Assert.Equal(0, plan.MinDr(7));
            Assert.Equal(5, plan.MaxDr(7));
        }

        [Fact]
        public void As923_cflist_starts_at_channel_two_and_skips_unused_and_foreign_entries()
        {
            var plan = new ChannelPlan(KnownRegions.Find("AS923-1"));
            byte[] cf = Cf(9226000, 0, 8681000, 9228000, 0, 0);
            Assert.True(plan.ApplyCFList(cf, 0));
            Assert.Equal(922600000, plan.Frequency(2));
            Assert.False(plan.IsDefined(3));
            Assert.False(plan.IsDefined(4)); // 868.1 MHz is not in AS923
            Assert.Equal(922800000, plan.Frequency(5));
            Assert.Equal(4, plan.EnabledCount());
        }

        [Fact]
        public void Us915_cflist_is_a_channel_mask()
        {
            var plan = new ChannelPlan(KnownRegions.Find("US915"));
            var cf = new byte[16];
            cf[1] = 0xFF;   // channels 8-15
            cf[8] = 0x02;   // channel 65
            cf[9] = 0xFF;   // bits 72-79 do not exist: dropped
            cf[15] = 1;
            Assert.True(plan.ApplyCFList(cf, 0));
            Assert.Equal(9, plan.EnabledCount());
            Assert.True(plan.IsEnabled(8) && plan.IsEnabled(15) && plan.IsEnabled(65));

            var wrongType = new byte[16];
            Assert.False(plan.ApplyCFList(wrongType, 0));
            Assert.Equal(9, plan.EnabledCount());
        }

        [Fact]
        public void Cn470_cflist_carries_six_mask_words()
        {
            var plan = new ChannelPlan(KnownRegions.Find("CN470"));
            var cf = new byte[16];
            cf[10] = 0x01; // ChMask5 bit 0 = channel 80
            cf[15] = 1;
            Assert.True(plan.ApplyCFList(cf, 0));
            Assert.Equal(1, plan.EnabledCount());
            Assert.True(plan.IsEnabled(80));
        }

        [Fact]
        public void Us915_chmaskcntl_5_switches_banks_of_eight_with_their_500_kHz_channel()
        {
            var plan = new ChannelPlan(KnownRegions.Find("US915"));
            ushort[] work = Work(plan);
            Assert.True(plan.ApplyLinkAdrMask(work, 5, 0x0002)); // bank 1: channels 8-15 and 65
            Assert.True(plan.IsAcceptableMask(work, 0));
            plan.SetMask(work);
            Assert.Equal(9, plan.EnabledCount());
            Assert.True(plan.IsEnabled(8) && plan.IsEnabled(15) && plan.IsEnabled(65));
            Assert.False(plan.ApplyLinkAdrMask(Work(plan), 5, 0x0100)); // upper bits RFU
        }

        [Fact]
        public void Us915_chmaskcntl_6_and_7_set_all_125_kHz_channels_and_mask_the_500_kHz_ones()
        {
            var plan = new ChannelPlan(KnownRegions.Find("US915"));
            ushort[] work = Work(plan);
            Assert.True(plan.ApplyLinkAdrMask(work, 7, 0x00F0));
            plan.SetMask(work);
            Assert.Equal(4, plan.EnabledCount());
            Assert.True(plan.IsEnabled(68));
            Assert.False(plan.AnyEnabledFor(0));
            Assert.True(plan.AnyEnabledFor(4));

            work = Work(plan);
            Assert.True(plan.ApplyLinkAdrMask(work, 6, 0x0000));
            plan.SetMask(work);
            Assert.Equal(64, plan.EnabledCount());
        }

        [Fact]
        public void A_block_of_requests_builds_one_mask_and_fcc_needs_two_narrow_channels()
        {
            var plan = new ChannelPlan(KnownRegions.Find("US915"));
            ushort[] work = Work(plan);
            // The usual "sub-band 2" block: everything off, then channels 8-15 and 65 on.
            Assert.True(plan.ApplyLinkAdrMask(work, 7, 0x0000));
            Assert.True(plan.ApplyLinkAdrMask(work, 0, 0xFF00));
            Assert.True(plan.ApplyLinkAdrMask(work, 4, 0x0002));
            Assert.True(plan.IsAcceptableMask(work, 3));

            ushort[] one = Work(plan);
            plan.ApplyLinkAdrMask(one, 7, 0x0000);
            plan.ApplyLinkAdrMask(one, 0, 0x0100);
            Assert.False(plan.IsAcceptableMask(one, 2)); // a single 125 kHz channel
            Assert.True(plan.IsAcceptableMask(Work(plan), 4));
        }

        [Fact]
        public void Dynamic_plans_refuse_masks_that_enable_undefined_channels_or_nothing()
        {
            var plan = new ChannelPlan(KnownRegions.Find("EU868"));
            ushort[] work = Work(plan);
            Assert.True(plan.ApplyLinkAdrMask(work, 0, 0x000F));
            Assert.False(plan.IsAcceptableMask(work, 5)); // channel 3 is not defined
            Assert.True(plan.ApplyLinkAdrMask(work, 0, 0x0000));
            Assert.False(plan.IsAcceptableMask(work, 5));
            Assert.True(plan.ApplyLinkAdrMask(work, 0, 0x0005));
            Assert.True(plan.IsAcceptableMask(work, 5));
            Assert.False(plan.ApplyLinkAdrMask(work, 1, 0x0001)); // RFU in EU868
            Assert.True(plan.ApplyLinkAdrMask(work, 6, 0x0000));  // all defined channels on
            Assert.Equal(0x0007, work[0]);
        }

        [Fact]
        public void Cn470_chmaskcntl_7_is_rfu_and_6_enables_all()
        {
            var plan = new ChannelPlan(KnownRegions.Find("CN470"));
            ushort[] work = Work(plan);
            Assert.False(plan.ApplyLinkAdrMask(work, 7, 0));
            Assert.True(plan.ApplyLinkAdrMask(work, 5, 0x0003));
            Assert.Equal(0x0003, work[5]);
            Assert.True(plan.ApplyLinkAdrMask(work, 6, 0));
            Assert.Equal(0xFFFF, work[5]);
        }

        [Theory]
        // index, frequency, min DR, max DR, expected NewChannelAns status
        [InlineData(3, 867100000, 0, 5, 3)]
        [InlineData(15, 867900000, 2, 5, 3)]
        [InlineData(0, 867100000, 0, 5, 0)]   // default channels cannot change
        [InlineData(16, 867100000, 0, 5, 0)]  // beyond 16 channels
        [InlineData(3, 862000000, 0, 5, 2)]   // below the band
        [InlineData(3, 869300000, 0, 5, 2)]   // between ETSI sub-bands
        [InlineData(3, 867100000, 5, 2, 1)]   // min above max
        [InlineData(3, 867100000, 0, 8, 1)]   // DR8 undefined
        [InlineData(3, 0, 0, 0, 3)]           // deletion
        public void New_channel_rules(int index, int frequency, int minDr, int maxDr, int status)
        {
            var plan = new ChannelPlan(KnownRegions.Find("EU868"));
            Assert.Equal(status, plan.NewChannel(index, frequency, minDr, maxDr));
            bool applied = status == 3 && frequency != 0;
            bool isDefault = index < 3;
            Assert.Equal(applied || isDefault, plan.IsEnabled(index));
            if (isDefault)
            {
                Assert.Equal(868100000 + 200000 * index, plan.Frequency(index));
            }
        }

        [Fact]
        public void A_deleted_channel_is_gone_and_a_fixed_plan_ignores_new_channels()
        {
            var plan = new ChannelPlan(KnownRegions.Find("EU868"));
            Assert.Equal(3, plan.NewChannel(4, 867300000, 0, 5));
            Assert.Equal(3, plan.NewChannel(4, 0, 0, 0));
            Assert.False(plan.IsDefined(4));
            Assert.Equal(0, new ChannelPlan(KnownRegions.Find("US915")).NewChannel(10, 903000000, 0, 3));
        }

        [Fact]
        public void Dl_channel_moves_rx1_of_an_existing_channel_only()
        {
            var plan = new ChannelPlan(KnownRegions.Find("EU868"));
            Assert.Equal(3, plan.DlChannel(1, 869525000));
            Assert.Equal(869525000, plan.Rx1Frequency(1));
            Assert.Equal(868300000, plan.Frequency(1));
            Assert.Equal(1, plan.DlChannel(5, 868100000));  // channel 5 does not exist
            Assert.Equal(2, plan.DlChannel(0, 880000000));  // not an EU868 carrier
            Assert.Equal(868100000, plan.Rx1Frequency(0));
        }

        [Fact]
        public void A_plan_survives_its_record()
        {
            var plan = new ChannelPlan(KnownRegions.Find("EU868"));
            plan.NewChannel(3, 867100000, 1, 4);
            plan.DlChannel(3, 869525000);
            ushort[] work = Work(plan);
            plan.ApplyLinkAdrMask(work, 0, 0x000A);
            plan.SetMask(work);
            var record = new byte[ChannelPlan.RecordLength];
            Assert.Equal(ChannelPlan.RecordLength, plan.Write(record, 0));

            var back = new ChannelPlan(KnownRegions.Find("EU868"));
            back.Read(record, 0);
            Assert.Equal(867100000, back.Frequency(3));
            Assert.Equal(1, back.MinDr(3));
            Assert.Equal(4, back.MaxDr(3));
            Assert.Equal(869525000, back.Rx1Frequency(3));
            Assert.False(back.IsEnabled(0));
            Assert.True(back.IsEnabled(1) && back.IsEnabled(3));
        }

        private static byte[] Cf(int f0, int f1, int f2, int f3, int f4, int type)
        {
            var cf = new byte[16];
            int[] f = { f0, f1, f2, f3, f4 };
            for (int i = 0; i < 5; i++)
            {
                cf[3 * i] = (byte)f[i];
                cf[3 * i + 1] = (byte)(f[i] >> 8);
                cf[3 * i + 2] = (byte)(f[i] >> 16);
            }

            cf[15] = (byte)type;
            return cf;
        }
    }
}
