using System.Linq;
using Ws52x.Config;

namespace Ws52x.Tests.Config
{
    /// <summary>The guide's channel syntax (3.2.2): "1,40", "1-40", "1-40,60", "all", "null".</summary>
    public class ChannelListSyntaxTests
    {
        private static int[] Enabled(string text, int count)
        {
            var mask = new byte[ChannelListSyntax.MaskLength];
            Assert.Null(ChannelListSyntax.TryParse(text, count, mask));
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
        [InlineData("1,,2", "expected a channel number at position 3")]
        [InlineData("1-", "expected the end of the range at position 3")]
        [InlineData("1;2", "unexpected ';' at position 2")]
        [InlineData("1000", "expected a channel number")]
        [InlineData("-1", "expected a channel number at position 1")]
        public void Malformed_lists_say_why(string text, string reason)
        {
            string error = ChannelListSyntax.TryParse(text, 72, new byte[ChannelListSyntax.MaskLength]);
            Assert.NotNull(error);
            Assert.Contains(reason, error);
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
            var mask = new byte[ChannelListSyntax.MaskLength];
            Assert.Null(ChannelListSyntax.TryParse(text, count, mask));
            Assert.Equal(shortest, ChannelListSyntax.Format(mask, count));
        }

        [Fact]
        public void Every_mask_formats_to_text_that_parses_back_to_it()
        {
            var random = new System.Random(3);
            var mask = new byte[ChannelListSyntax.MaskLength];
            var again = new byte[ChannelListSyntax.MaskLength];
            foreach (int count in new[] { 16, 72, 96 })
            {
                for (int i = 0; i < 2000; i++)
                {
                    random.NextBytes(mask);
                    for (int c = count; c < 96; c++)
                    {
                        mask[c >> 3] &= (byte)~(1 << (c & 7));
                    }

                    string text = ChannelListSyntax.Format(mask, count);
                    Assert.True(text.Length <= ChannelListSyntax.MaxTextLength, text);
                    Assert.Null(ChannelListSyntax.TryParse(text, count, again));
                    Assert.Equal(mask, again);
                }
            }
        }
    }
}
