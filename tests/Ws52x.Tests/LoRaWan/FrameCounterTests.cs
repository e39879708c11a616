using System;
using Ws52x.LoRaWan.Frames;
using static Ws52x.Tests.LoRaWan.TestKeys;

namespace Ws52x.Tests.LoRaWan
{
    /// <summary>
    /// LoRaWAN 1.0.x frame counters: 32 bits, of which the 16 low ones go on air. The device reads a received FCnt
    /// as the last accepted counter plus the 16-bit distance; at distance 0 it is a replay, beyond MAX_FCNT_GAP a
    /// counter gap, past 2^32 an exhausted session. The verdict is given only for frames whose MIC checks.
    /// </summary>
    public class FrameCounterTests
    {
        private readonly FrameBuilder _builder = new FrameBuilder();
        private readonly FrameParser _parser = new FrameParser();
        private readonly DataFrame _frame = new DataFrame();

        private static Session SessionAt(uint lastDown)
        {
            Session s = FrameParserTests.NewSession();
            s.AcceptDownlink(lastDown);
            return s;
        }

        /// <summary>A downlink the network made with the full counter fcnt32 (as it goes into MIC and cipher).</summary>
        private byte[] Downlink(Session s, uint fcnt32)
        {
            var output = new byte[64];
            byte[] payload = { 0xCA, 0xFE };
            int n = _builder.BuildData(MType.UnconfirmedDataDown, s.DevAddr, s.NwkSKey, s.AppSKey, fcnt32, 0, null, 0, 0, 10,
                payload, 0, payload.Length, output, 0);
            Assert.True(n > 0, _builder.LastError.ToString());
            return output.AsSpan(0, n).ToArray();
        }

        private FrameError Parse(Session s, byte[] wire) => _parser.ParseDownlink(s, wire, 0, wire.Length, _frame, commitCounter: true);

        private static string State(Session s) => s.FCntDown + "/" + s.HasDownlink + "/" + s.FCntUp + "/" + s.FCntUpExhausted;

        // Last accepted counter, 16-bit distance of the received FCnt, verdict for the frame the network made that far ahead.
        [Theory]
        [InlineData(0x00012345u, 0x0000u, FrameError.Replay)]
        [InlineData(0x00012345u, 0x0001u, FrameError.None)]
        [InlineData(0x00012345u, 0x4000u, FrameError.None)] // MAX_FCNT_GAP itself
        [InlineData(0x00012345u, 0x4001u, FrameError.CounterGap)]
        [InlineData(0x00012345u, 0x7FFFu, FrameError.CounterGap)]
        [InlineData(0x00012345u, 0x8000u, FrameError.CounterGap)]
        [InlineData(0x00012345u, 0xBFFFu, FrameError.CounterGap)]
        [InlineData(0x00012345u, 0xFFFFu, FrameError.CounterGap)]
        [InlineData(0x0000FFF0u, 0x0020u, FrameError.None)] // across the 16-bit rollover
        [InlineData(0x0000FFF0u, 0x4000u, FrameError.None)]
        [InlineData(0x0000FFF0u, 0x4001u, FrameError.CounterGap)]
        [InlineData(0x00000005u, 0xFFFFu, FrameError.CounterGap)]
        [InlineData(0xFFFFFFF0u, 0x0000u, FrameError.Replay)]
        [InlineData(0xFFFFFFF0u, 0x0001u, FrameError.None)]
        [InlineData(0xFFFFFFF0u, 0x000Fu, FrameError.None)] // 0xFFFFFFFF: the last counter there is
        [InlineData(0xFFFFFFF0u, 0x0010u, FrameError.CounterExhausted)] // would be 2^32
        [InlineData(0xFFFFFFF0u, 0x0015u, FrameError.CounterExhausted)] // fcnt 5 on air
        [InlineData(0xFFFFFFF0u, 0x4000u, FrameError.CounterExhausted)]
        [InlineData(0xFFFFFFF0u, 0x4001u, FrameError.CounterExhausted)]
        [InlineData(0xFFFFFFF0u, 0xBFFFu, FrameError.CounterExhausted)]
        [InlineData(0xFFFFFFF0u, 0xFFFFu, FrameError.CounterExhausted)]
        [InlineData(0xFFFFFFFFu, 0x0000u, FrameError.Replay)]
        [InlineData(0xFFFFFFFFu, 0x0001u, FrameError.CounterExhausted)]
        public void A_frame_ahead_gets_the_verdict_of_its_16_bit_distance(uint last, uint distance, FrameError verdict)
        {
            var s = SessionAt(last);
            uint counter = unchecked(last + distance); // what a network whose counter wrapped would put into the MIC
            string before = State(s);
            Assert.Equal(verdict, Parse(s, Downlink(s, counter)));
            if (verdict == FrameError.None)
            {
                Assert.Equal(counter, s.FCntDown);
                Assert.Equal(counter, _frame.FCnt32);
                Assert.Equal("cafe", X(_frame.Payload, 0, _frame.PayloadLength));
            }
            else
            {
                Assert.Equal(before, State(s));
            }
        }

        // An old frame heard again: its 16 bits lie (65536 - distance) behind the last counter.
        [Theory]
        [InlineData(0x00012345u, 0x0001u)]
        [InlineData(0x00012345u, 0x4000u)]
        [InlineData(0x00012345u, 0x4001u)]
        [InlineData(0x00012345u, 0x7FFFu)]
        [InlineData(0x00012345u, 0x8000u)]
        [InlineData(0x00012345u, 0xBFFFu)]
        [InlineData(0x00012345u, 0xFFFFu)]
        [InlineData(0xFFFFFFF0u, 0xFFFFu)]
        [InlineData(0xFFFFFFF0u, 0x8000u)]
        [InlineData(0xFFFFFFFFu, 0xFFFFu)]
        public void An_older_frame_is_a_replay_at_every_distance(uint last, uint distance)
        {
            var s = SessionAt(last);
            uint counter = last - (0x10000 - distance);
            string before = State(s);
            Assert.Equal(FrameError.Replay, Parse(s, Downlink(s, counter)));
            Assert.Equal(counter, _frame.FCnt32);
            Assert.Equal(before, State(s));
        }

        [Theory]
        [InlineData(0x00012345u)]
        [InlineData(0x0000FFF0u)]
        [InlineData(0xFFFFFFF0u)]
        [InlineData(0xFFFFFFFFu)]
        public void A_forged_frame_is_a_bad_MIC_at_every_distance_never_a_counter_verdict(uint last)
        {
            foreach (uint distance in new uint[] { 0, 1, 0x4000, 0x4001, 0x7FFF, 0x8000, 0xBFFF, 0xFFFF })
            {
                var s = SessionAt(last);
                byte[] wire = Downlink(s, unchecked(last + distance));
                wire[^1] ^= 0x20;
                string before = State(s);
                Assert.Equal(FrameError.BadMic, Parse(s, wire));
                Assert.Equal(before, State(s));
            }
        }

        [Fact]
        public void The_downlink_counter_ends_at_0xFFFFFFFF_and_the_session_says_so()
        {
            var s = SessionAt(0xFFFFFFFE);
            Assert.False(s.FCntDownExhausted);
            Assert.Equal(FrameError.None, Parse(s, Downlink(s, 0xFFFFFFFF)));
            Assert.True(s.FCntDownExhausted);
            Assert.Equal(FrameError.CounterExhausted, Parse(s, Downlink(s, 0)));
            Assert.Equal(FrameError.CounterExhausted, Parse(s, Downlink(s, 5)));
            Assert.Equal(0xFFFFFFFFu, s.FCntDown);
        }

        [Fact]
        public void The_uplink_counter_never_wraps_the_builder_refuses_once_it_is_used_up()
        {
            var s = SessionAt(0);
            s.FCntUp = 0xFFFFFFFE;
            var output = new byte[64];
            byte[] payload = { 1, 2, 3 };
            Assert.True(_builder.BuildUplink(s, false, 0, null, 0, 0, 85, payload, 0, 3, output, 0) > 0);
            s.AdvanceFCntUp();
            Assert.Equal(0xFFFFFFFFu, s.FCntUp);
            Assert.False(s.FCntUpExhausted);
            Assert.True(_builder.BuildUplink(s, false, 0, null, 0, 0, 85, payload, 0, 3, output, 0) > 0);
            Assert.Equal("ffff", X(output, 6, 2));

            s.AdvanceFCntUp();
            Assert.True(s.FCntUpExhausted);
            Assert.Equal(0xFFFFFFFFu, s.FCntUp);
            Assert.Equal(-1, _builder.BuildUplink(s, false, 0, null, 0, 0, 85, payload, 0, 3, output, 0));
            Assert.Equal(FrameError.CounterExhausted, _builder.LastError);
            s.AdvanceFCntUp();
            Assert.Equal(0xFFFFFFFFu, s.FCntUp);

            // New keys (a join, or ABP keys set again) start a new counter space.
            s.SetKeys(s.DevAddr, s.NwkSKey, s.AppSKey);
            Assert.False(s.FCntUpExhausted);
            Assert.Equal(0u, s.FCntUp);
            Assert.True(_builder.BuildUplink(s, false, 0, null, 0, 0, 85, payload, 0, 3, output, 0) > 0);
        }
    }
}
