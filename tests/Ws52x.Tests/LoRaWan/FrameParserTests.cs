using System;
using Ws52x.LoRaWan.Frames;
using static Ws52x.Tests.LoRaWan.TestKeys;

namespace Ws52x.Tests.LoRaWan
{
    /// <summary>Every rejection has its reason and leaves the session as it was.</summary>
    public class FrameParserTests
    {
        private readonly FrameBuilder _builder = new FrameBuilder();
        private readonly FrameParser _parser = new FrameParser();
        private readonly DataFrame _frame = new DataFrame();

        internal static Session NewSession()
        {
            var s = new Session();
            s.SetKeys(0x26011234, H("2b7e151628aed2a6abf7158809cf4f3c"), H("000102030405060708090a0b0c0d0e0f"));
            return s;
        }

        private byte[] Downlink(Session s, uint fcnt32, MType type = MType.UnconfirmedDataDown, string fopts = "", int port = 10, string payload = "0102", int fctrl = FCtrl.Ack)
        {
            var output = new byte[255];
            byte[] fo = H(fopts);
            byte[] p = H(payload);
            int n = _builder.BuildData(type, s.DevAddr, s.NwkSKey, s.AppSKey, fcnt32, fctrl, fo, 0, fo.Length, port, p, 0, p.Length, output, 0);
            Assert.True(n > 0, _builder.LastError.ToString());
            return output.AsSpan(0, n).ToArray();
        }

        private FrameError Parse(Session s, byte[] wire) => _parser.ParseDownlink(s, wire, 0, wire.Length, _frame, commitCounter: true);

        private static string State(Session s) => s.FCntDown + "/" + s.HasDownlink + "/" + s.FCntUp;

        [Fact]
        public void First_downlink_may_carry_any_counter_then_each_must_be_above_the_last()
        {
            var s = NewSession();
            Assert.Equal(FrameError.None, Parse(s, Downlink(s, 0)));
            Assert.Equal(0u, s.FCntDown);
            Assert.True(s.HasDownlink);
            Assert.Equal(FrameError.Replay, Parse(s, Downlink(s, 0)));
            Assert.Equal(FrameError.None, Parse(s, Downlink(s, 5)));
            Assert.Equal(FrameError.Replay, Parse(s, Downlink(s, 4)));
            Assert.Equal(5u, s.FCntDown);
        }

        [Fact]
        public void Counter_is_reconstructed_across_the_16_bit_rollover_and_gaps_beyond_MAX_FCNT_GAP_are_refused()
        {
            var s = NewSession();
            s.AcceptDownlink(0x0001FFF0);
            Assert.Equal(FrameError.None, Parse(s, Downlink(s, 0x00020005)));
            Assert.Equal(0x00020005u, s.FCntDown);
            Assert.Equal(0x00020005u, _frame.FCnt32);
            Assert.Equal(FrameError.None, Parse(s, Downlink(s, 0x00020005 + Session.MaxFCntGap)));
            string before = State(s);
            Assert.Equal(FrameError.CounterGap, Parse(s, Downlink(s, s.FCntDown + Session.MaxFCntGap + 1)));
            Assert.Equal(before, State(s));
        }

        [Fact]
        public void Without_commit_the_counter_stays_until_the_caller_accepts()
        {
            var s = NewSession();
            s.AcceptDownlink(10);
            byte[] wire = Downlink(s, 11);
            Assert.Equal(FrameError.None, _parser.ParseDownlink(s, wire, 0, wire.Length, _frame, commitCounter: false));
            Assert.Equal(10u, s.FCntDown);
            s.AcceptDownlink(_frame.FCnt32);
            Assert.Equal(11u, s.FCntDown);
        }

        [Fact]
        public void Each_malformed_or_foreign_frame_gets_its_reason_and_changes_nothing()
        {
            var s = NewSession();
            s.AcceptDownlink(100);
            string before = State(s);
            byte[] good = Downlink(s, 101);

            byte[] badMic = (byte[])good.Clone();
            badMic[^1] ^= 0x40;
            byte[] corrupted = (byte[])good.Clone();
            corrupted[^6] ^= 0x01;
            var other = NewSession();
            other.DevAddr = 0x26019999;
            byte[] wrongAddr = Downlink(other, 101);
            byte[] major1 = (byte[])good.Clone();
            major1[0] |= 0x01;
            byte[] uplink = new byte[255];
            int un = _builder.BuildUplink(s, false, 0, null, 0, 0, 1, new byte[] { 1 }, 0, 1, uplink, 0);
            byte[] fOptsLenTooBig = (byte[])good.Clone();
            fOptsLenTooBig[5] = 0x0F;
            var otherKey = NewSession();
            otherKey.NwkSKey[0] ^= 1;
            byte[] wrongKey = Downlink(otherKey, 101);
            byte[] portZeroAndFOpts = Downlink(s, 101, fopts: "06", port: 1);
            portZeroAndFOpts[9] = 0; // FPort byte after one FOpts byte; MIC fails later but structure is checked first

            Assert.Equal(FrameError.ShortFrame, Parse(s, good.AsSpan(0, 11).ToArray()));
            Assert.Equal(FrameError.ShortFrame, Parse(s, new byte[0]));
            Assert.Equal(FrameError.BadMic, Parse(s, badMic));
            Assert.Equal(FrameError.BadMic, Parse(s, corrupted));
            Assert.Equal(FrameError.BadMic, Parse(s, wrongKey));
            Assert.Equal(FrameError.WrongDevAddr, Parse(s, wrongAddr));
            Assert.Equal(FrameError.BadMhdr, Parse(s, major1));
            Assert.Equal(FrameError.BadMhdr, Parse(s, uplink.AsSpan(0, un).ToArray()));
            Assert.Equal(FrameError.BadMhdr, Parse(s, H("00" + new string('0', 44))));
            Assert.Equal(FrameError.BadLength, Parse(s, fOptsLenTooBig));
            Assert.Equal(FrameError.FOptsWithPortZero, Parse(s, portZeroAndFOpts));
            Assert.Equal(FrameError.BadLength, Parse(s, new byte[256].AsSpan().ToArray().Also(b => b[0] = 0x60)));
            Assert.Equal(before, State(s));
            Assert.Equal(FrameError.None, Parse(s, good));
            Assert.Equal(101u, s.FCntDown);
        }

        [Fact]
        public void Multicast_groups_take_only_unconfirmed_frames_without_MAC_commands()
        {
            var group = NewSession();
            group.IsMulticast = true;
            Assert.Equal(FrameError.BadMulticast, Parse(group, Downlink(group, 1, MType.ConfirmedDataDown)));
            Assert.Equal(FrameError.BadMulticast, Parse(group, Downlink(group, 1, fopts: "06")));
            Assert.Equal(FrameError.BadMulticast, Parse(group, Downlink(group, 1, port: 0, payload: "06")));
            Assert.Equal(FrameError.BadMulticast, Parse(group, Downlink(group, 1, payload: "cafe")));  // ACK set
            Assert.Equal(FrameError.BadMulticast, Parse(group, Downlink(group, 1, payload: "cafe", fctrl: FCtrl.AdrAckReq)));
            Assert.False(group.HasDownlink);
            Assert.Equal(FrameError.None, Parse(group, Downlink(group, 1, payload: "cafe", fctrl: 0)));
            Assert.Equal("cafe", X(_frame.Payload, 0, _frame.PayloadLength));
        }

        [Fact]
        public void Random_bytes_never_throw_and_never_change_the_session()
        {
            var r = new Random(77);
            var s = NewSession();
            s.AcceptDownlink(1000);
            string before = State(s);
            for (int i = 0; i < 20000; i++)
            {
                byte[] junk = Bytes(r, r.Next(40));
                if (junk.Length > 4 && r.Next(2) == 0)
                {
                    junk[0] = 0x60; // a plausible downlink header, to reach the deeper checks
                    Ws52x.Util.Bytes.WriteUInt32LE(junk, 1, s.DevAddr);
                }

                FrameError e = Parse(s, junk);
                Assert.NotEqual(FrameError.None, e);
            }

            Assert.Equal(before, State(s));
        }

        [Fact]
        public void Builder_refuses_what_cannot_go_on_air_with_a_reason()
        {
            var s = NewSession();
            var output = new byte[255];
            Assert.Equal(-1, _builder.BuildUplink(s, false, 0, new byte[16], 0, 16, 1, new byte[1], 0, 1, output, 0));
            Assert.Equal(FrameError.BadArgument, _builder.LastError);
            Assert.Equal(-1, _builder.BuildUplink(s, false, 0, new byte[1], 0, 1, 0, new byte[1], 0, 1, output, 0));
            Assert.Equal(FrameError.BadArgument, _builder.LastError);
            Assert.Equal(-1, _builder.BuildUplink(s, false, 0, null, 0, 0, 1, new byte[250], 0, 250, output, 0));
            Assert.Equal(FrameError.BadLength, _builder.LastError);
            Assert.Equal(-1, _builder.BuildUplink(s, false, 0, null, 0, 0, 1, new byte[26], 0, 26, new byte[30], 0));
            Assert.Equal(FrameError.BufferTooSmall, _builder.LastError);
            Assert.Equal(12 + 1 + 26, _builder.BuildUplink(s, false, FCtrl.Adr | FCtrl.ClassB, null, 0, 0, 85, new byte[26], 0, 26, output, 0));
            Assert.Equal(0x90, output[5]);
        }
    }

    internal static class ArrayAlso
    {
        public static byte[] Also(this byte[] b, Action<byte[]> f)
        {
            f(b);
            return b;
        }
    }
}
