using System.Linq;
using Ws52x.LoRaWan.Regions;

namespace Ws52x.Tests.LoRaWan.Regions
{
    /// <summary>
    /// The guide's channel lists (3.2.2): "1, 40", "1-40", "1-40, 60", "All", "Null": one syntax for the channel setting
    /// (checked and kept in its shortest form) and the channel plan the MAC applies.
    /// </summary>
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
        [InlineData("All", "all")]
        [InlineData("all", "all")]
        [InlineData(" ALL ", "all")]
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
        [InlineData("99999999999999", ChannelListError.MissingNumber, 0)]
        [InlineData("1000", ChannelListError.MissingNumber, 0)]
        public void Errors_say_what_and_where_and_leave_the_mask_alone(string text, ChannelListError expected, int position)
        {
            var mask = new ushort[ChannelPlan.MaskWords];
            mask[0] = 0x00FF;
            ChannelListError e = ChannelListSyntax.Parse(text, 72, mask, out int at);
            Assert.Equal(expected, e);
            Assert.Equal(position, at);
            Assert.Equal(0x00FF, mask[0]);
            Assert.Equal(0, mask[1] | mask[2] | mask[3] | mask[4] | mask[5]);
            if (e != ChannelListError.Empty && e != ChannelListError.OutOfRange && e != ChannelListError.ReversedRange)
            {
                Assert.Contains("at position " + (position + 1) + " of '" + text + "'", ChannelListSyntax.Describe(e, at, 72, text));
            }
        }

        [Fact]
        public void Out_of_range_names_the_region_range()
        {
            var mask = new ushort[ChannelPlan.MaskWords];
            ChannelListError e = ChannelListSyntax.Parse("96", 96, mask, out int at);
            Assert.Equal("channel 96 is outside 0-95 of this region", ChannelListSyntax.Describe(e, at, 96, "96"));
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

        private static int[] Enabled(string text, int count)
        {
            var mask = new ushort[ChannelListSyntax.MaskWords];
            Assert.Null(ChannelListSyntax.Check(text, count, mask));
            return Enumerable.Range(0, count).Where(c => ChannelListSyntax.IsSet(mask, c)).ToArray();
        }

        [Fact]
        public void The_guides_examples_enable_what_it_says()
        {
            Assert.Equal(new[] { 1, 40 }, Enabled("1, 40", 72));
            Assert.Equal(Enumerable.Range(1, 40).ToArray(), Enabled("1-40", 72));
            Assert.Equal(Enumerable.Range(1, 40).Append(60).ToArray(), Enabled("1-40, 60", 72));
            Assert.Equal(Enumerable.Range(0, 72).ToArray(), Enabled("All", 72));
            Assert.Empty(Enabled("Null", 72));
            Assert.Equal(Enumerable.Range(0, 96).ToArray(), Enabled("all", 96));
        }

        [Theory]
        [InlineData("", "empty channel list")]
        [InlineData("72", "channel 72 is outside 0-71")]
        [InlineData("5-3", "range 5-3 runs backwards")]
        [InlineData("1, 40 - 2", "range 40-2 runs backwards")]
        [InlineData("1,,2", "expected a channel number at position 3")]
        [InlineData("1-", "expected the end of the range at position 3")]
        [InlineData("1;2", "unexpected ';' at position 2")]
        [InlineData("1000", "expected a channel number")]
        [InlineData("-1", "expected a channel number at position 1")]
        public void Malformed_lists_say_why(string text, string reason)
        {
            string error = ChannelListSyntax.Check(text, 72, new ushort[ChannelListSyntax.MaskWords]);
            Assert.NotNull(error);
            Assert.Contains(reason, error);
        }

        [Fact]
        public void A_list_longer_than_the_setting_holds_is_refused()
        {
            string text = string.Join(",", Enumerable.Repeat("1", 101));
            Assert.Equal("channel list longer than 200 characters", ChannelListSyntax.Check(text, 72, new ushort[ChannelListSyntax.MaskWords]));
        }

        [Theory]
        [InlineData("0-7", 16, "0-7")]
        [InlineData("7,6,5, 0-4", 16, "0-7")]
        [InlineData("0-15", 16, "all")]
        [InlineData("3,3,3", 16, "3")]
        [InlineData("1-40,60", 72, "1-40,60")]
        [InlineData("null", 72, "null")]
        [InlineData("0,2,4", 96, "0,2,4")]
        public void The_shortest_form_is_kept(string text, int count, string shortest)
        {
            var mask = new ushort[ChannelListSyntax.MaskWords];
            Assert.Null(ChannelListSyntax.Check(text, count, mask));
            Assert.Equal(shortest, ChannelListSyntax.Format(mask, count));
        }

        [Fact]
        public void Every_mask_formats_to_text_that_parses_back_to_it()
        {
            var random = new System.Random(3);
            var bytes = new byte[ChannelListSyntax.MaskWords * 2];
            var mask = new ushort[ChannelListSyntax.MaskWords];
            var again = new ushort[ChannelListSyntax.MaskWords];
            foreach (int count in new[] { 16, 72, 96 })
            {
                for (int i = 0; i < 2000; i++)
                {
                    random.NextBytes(bytes);
                    System.Buffer.BlockCopy(bytes, 0, mask, 0, bytes.Length);
                    for (int c = count; c < 96; c++)
                    {
                        mask[c >> 4] &= (ushort)~(1 << (c & 15));
                    }

                    string text = ChannelListSyntax.Format(mask, count);
                    Assert.True(text.Length <= ChannelListSyntax.MaxTextLength, text);
                    Assert.Null(ChannelListSyntax.Check(text, count, again));
                    Assert.Equal(mask, again);
                }
            }
        }
    }
}
