using Ws52x.LoRaWan.Regions;

namespace Ws52x.Tests.LoRaWan.Regions
{
    /// <summary>The guide's channel lists (3.2.2): "1, 40", "1-40", "1-40, 60", "All", "Null".</summary>
    public class ChannelListSyntaxTests
    {
        private static ushort[] Parse(string text, int count = 72)
        {
            var mask = new ushort[ChannelPlan.MaskWords];
            Assert.Equal(ChannelListError.None, ChannelListSyntax.Parse(text, count, mask, out _));
            return mask;
        }

        [Theory]
        [InlineData("1, 40", "1,40")]
        [InlineData("1,40", "1,40")]
        [InlineData("1-40", "1-40")]
        [InlineData("1-40, 60", "1-40,60")]
        [InlineData(" 0 - 7 ,64 ", "0-7,64")]
        [InlineData("7,3,5", "3,5,7")]
        [InlineData("8-15,65", "8-15,65")]
        [InlineData("All", "0-71")]
        [InlineData("all", "0-71")]
        [InlineData(" ALL ", "0-71")]
        [InlineData("Null", "null")]
        [InlineData("null", "null")]
        [InlineData("71", "71")]
        public void Lists_of_the_guide_enable_exactly_their_channels(string text, string canonical)
        {
            Assert.Equal(canonical, ChannelListSyntax.Format(Parse(text), 72));
        }

        [Fact]
        public void Each_listed_channel_is_one_bit()
        {
            ushort[] mask = Parse("1, 40");
            Assert.Equal(0x0002, mask[0]);
            Assert.Equal(0x0100, mask[2]);
            Assert.Equal(0, mask[1] | mask[3] | mask[4] | mask[5]);
        }

        [Theory]
        // text, error, 0-based position
        [InlineData("", ChannelListError.Empty, 0)]
        [InlineData("   ", ChannelListError.Empty, 3)]
        [InlineData("1,,2", ChannelListError.MissingNumber, 2)]
        [InlineData(",1", ChannelListError.MissingNumber, 0)]
        [InlineData("1,", ChannelListError.MissingNumber, 2)]
        [InlineData("1-", ChannelListError.MissingNumber, 2)]
        [InlineData("1-x", ChannelListError.BadCharacter, 2)]
        [InlineData("1;2", ChannelListError.BadCharacter, 1)]
        [InlineData("al", ChannelListError.BadCharacter, 0)]
        [InlineData("1 2", ChannelListError.BadCharacter, 2)]
        [InlineData("40-1", ChannelListError.ReversedRange, 3)]
        [InlineData("0-72", ChannelListError.OutOfRange, 2)]
        [InlineData("99999999999999", ChannelListError.OutOfRange, 0)]
        public void Errors_say_what_and_where_and_leave_the_mask_alone(string text, ChannelListError expected, int position)
        {
            var mask = new ushort[ChannelPlan.MaskWords];
            mask[0] = 0x00FF;
            ChannelListError e = ChannelListSyntax.Parse(text, 72, mask, out int at);
            Assert.Equal(expected, e);
            Assert.Equal(position, at);
            Assert.Equal(0x00FF, mask[0]);
            Assert.Equal(0, mask[1] | mask[2] | mask[3] | mask[4] | mask[5]);
            if (e != ChannelListError.Empty)
            {
                Assert.Contains("at character " + (position + 1), ChannelListSyntax.Describe(e, at, 72));
            }
        }

        [Fact]
        public void Out_of_range_names_the_region_range()
        {
            var mask = new ushort[ChannelPlan.MaskWords];
            ChannelListError e = ChannelListSyntax.Parse("96", 96, mask, out int at);
            Assert.Equal("channel index out of range at character 1 (0-95)", ChannelListSyntax.Describe(e, at, 96));
        }

        [Fact]
        public void A_plan_takes_a_list_for_defined_channels_only()
        {
            var plan = new ChannelPlan(KnownRegions.Find("EU868"));
            var scratch = new ushort[ChannelPlan.MaskWords];
            Assert.Equal(ChannelListError.None, plan.ApplyChannelList("0-15", scratch, out _));
            Assert.Equal(3, plan.EnabledCount()); // channels 3-15 do not exist yet

            var us = new ChannelPlan(KnownRegions.Find("US915"));
            Assert.Equal(ChannelListError.None, us.ApplyChannelList("8-15,65", scratch, out _));
            Assert.Equal(9, us.EnabledCount());
            Assert.True(us.IsEnabled(65));
            Assert.False(us.IsEnabled(0));
            Assert.Equal(ChannelListError.ReversedRange, us.ApplyChannelList("9-2", scratch, out _));
            Assert.Equal(9, us.EnabledCount());
        }
    }
}
