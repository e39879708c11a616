using System;
using Ws52x.LoRaWan.Frames;
using static Ws52x.Tests.LoRaWan.TestKeys;

namespace Ws52x.Tests.LoRaWan
{
    public class AllocationTests
    {
        [Fact]
        public void Building_a_26_byte_report_uplink_and_parsing_a_downlink_allocate_nothing_after_warm_up()
        {
            var r = new Random(26);
            var s = new Session();
            s.SetKeys(0x26011234, Bytes(r, 16), Bytes(r, 16));
            var builder = new FrameBuilder();
            var parser = new FrameParser();
            var frame = new DataFrame();
            byte[] report = Bytes(r, 26);
            var fopts = new byte[] { 0x03, 0x07 };
            var output = new byte[255];
            var down = new byte[255];
            int dn = builder.BuildData(MType.UnconfirmedDataDown, s.DevAddr, s.NwkSKey, s.AppSKey, 1, 0, null, 0, 0, 3, report, 0, 26, down, 0);
            builder.BuildUplink(s, true, FCtrl.Adr, fopts, 0, 2, 85, report, 0, 26, output, 0);
            parser.ParseDownlink(s, down, 0, dn, frame, commitCounter: false);

            int lengths = 0;
            int failures = 0;
            int rounds = SteadyStateAllocation.AssertNothingAllocated(() =>
            {
                for (int i = 0; i < 1000; i++)
                {
                    s.AdvanceFCntUp();
                    lengths += builder.BuildUplink(s, true, FCtrl.Adr, fopts, 0, 2, 85, report, 0, 26, output, 0);
                    failures += parser.ParseDownlink(s, down, 0, dn, frame, commitCounter: false) == FrameError.None ? 0 : 1;
                }
            });

            Assert.Equal(rounds * 1000 * (12 + 2 + 1 + 26), lengths);
            Assert.Equal(0, failures);
        }
    }
}
