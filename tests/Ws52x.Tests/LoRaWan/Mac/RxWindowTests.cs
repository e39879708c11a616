using System.Linq;
using Ws52x.Config;
using Ws52x.LoRaWan.Mac;
using Ws52x.Radio.Sx127x;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>
    /// Class A windows on the virtual air with the real SX127x model, which only locks onto a frame whose preamble
    /// starts while it listens: a device clock off by ±500 ppm plus 10 ms of extra loop latency on every timer still
    /// hears the downlink in RX1 and in RX2, at SF7 and SF12, at 125 and 500 kHz. Beyond the budget it does not,
    /// which shows the skew really moves the windows.
    /// </summary>
    public class RxWindowTests
    {
        private const long ExtraLatency = 10_000;

        public static TheoryData<string, int, int, int, int> Cases()
        {
            var data = new TheoryData<string, int, int, int, int>();
            foreach (int ppm in new[] { -500, 500 })
            {
                // region, uplink DR, RX2 DR (-1 default), window, ppm
                data.Add("EU868", 5, -1, 1, ppm);   // RX1 SF7/125
                data.Add("EU868", 0, -1, 1, ppm);   // RX1 SF12/125
                data.Add("EU868", 5, 5, 2, ppm);    // RX2 SF7/125
                data.Add("EU868", 5, -1, 2, ppm);   // RX2 SF12/125 (default)
                data.Add("US915", 3, -1, 1, ppm);   // RX1 DR13 SF7/500
                data.Add("US915", 0, -1, 1, ppm);   // RX1 DR10 SF10/500
                data.Add("US915", 3, -1, 2, ppm);   // RX2 DR8 SF12/500
                data.Add("US915", 3, 13, 2, ppm);   // RX2 DR13 SF7/500
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Downlink_is_heard_with_500_ppm_clock_error_and_10_ms_extra_latency(string region, int dr, int rx2Dr, int window, int ppm)
        {
            var rig = Rig(region, dr, rx2Dr, ppm, ExtraLatency);
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = window, Port = 85, Payload = new byte[] { 0x08, 0xff, 0x01 } });
            rig.Send(new byte[] { 1, 2, 3 });
            rig.RunUntilDone(1, 30);

            Assert.Single(rig.Gateway.Uplinks);
            Assert.Equal(1, rig.Gateway.Radio.DownlinksSent);
            var downlink = Assert.Single(rig.Events.Downlinks);
            Assert.Equal(new byte[] { 0x08, 0xff, 0x01 }, downlink.Payload);
            Assert.Equal(dr, rig.Gateway.UplinkDr(rig.Gateway.Uplinks[0].Frame));
        }

        [Theory]
        [InlineData("EU868", 5, 1)]
        [InlineData("US915", 3, 1)]
        public void Beyond_the_latency_budget_the_window_opens_after_the_preamble_and_misses_it(string region, int dr, int window)
        {
            // 45 ms late: the 30 ms budget plus margins is gone, the SF7 preamble has started before the radio listens.
            var rig = Rig(region, dr, -1, 0, 45_000);
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = window, Port = 85, Payload = new byte[] { 1 } });
            rig.Send(new byte[] { 1, 2, 3 });
            rig.RunUntilDone(1, 30);
            Assert.Equal(1, rig.Gateway.Radio.DownlinksSent);
            Assert.Empty(rig.Events.Downlinks);
        }

        [Theory]
        // A slow clock (-500 ppm) stretches the 967.5 ms wait by 0.48 ms: the window opens 1000 ms - 32.5 ms + 0.48 ms +
        // lateness after the uplink. Up to 32 ms late it is in time for the preamble, 1 ms more and it is not.
        [InlineData(32_000, true)]
        [InlineData(33_000, false)]
        public void The_rx1_budget_ends_where_the_design_says(long lateness, bool heard)
        {
            var rig = Rig("EU868", 5, -1, -500, lateness);
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, Port = 85, Payload = new byte[] { 1 } });
            rig.Send(new byte[] { 1, 2, 3 });
            rig.RunUntilDone(1, 30);
            Assert.Equal(heard ? 1 : 0, rig.Events.Downlinks.Count);
        }

        [Fact]
        public void Rx2_is_not_opened_after_a_downlink_in_rx1_and_rx1_uses_the_uplink_channel()
        {
            var rig = Rig("EU868", 5, -1, 0, 0);
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, Port = 85, Payload = new byte[] { 1 } });
            rig.Send(new byte[] { 1 });
            rig.RunUntilDone(1, 30);
            Assert.Single(rig.Events.Downlinks);
            // Nothing after RX1: the model saw exactly one RX single start for the transaction.
            Assert.Equal(0, rig.Mac.Statistics.RxTimeouts);
        }

        [Theory]
        // SF, bandwidth, delay, expected open-early µs, expected symbols (30 ms latency, 2 ms radio start, 500 ppm)
        [InlineData(7, 125000, 1_000_000, 32_500, 39)]
        [InlineData(12, 125000, 1_000_000, 32_500, 8)]
        [InlineData(12, 125000, 2_000_000, 33_000, 8)]
        [InlineData(7, 125000, 5_000_000, 34_500, 43)]
        [InlineData(7, 500000, 1_000_000, 32_500, 135)]
        [InlineData(12, 500000, 2_000_000, 33_000, 11)]
        public void Window_margins(int sf, int bw, long delay, long early, int symbols)
        {
            long symbol = Ws52x.Radio.LoRaAirtime.SymbolTimeMicros(sf, bw);
            Assert.Equal(early, RxWindowTiming.OpenEarlyMicros(delay, Sx127x.StartLatencyMicros, RxWindowTiming.LoopLatencyMicros));
            Assert.Equal(symbols, RxWindowTiming.SymbolTimeout(symbol, delay, Sx127x.StartLatencyMicros, RxWindowTiming.LoopLatencyMicros, 1023));
        }

        private static MacRig Rig(string region, int dr, int rx2Dr, int ppm, long lateness)
        {
            var rig = new MacRig(region, s =>
            {
                s.LoRaWan.JoinType = JoinType.Abp;
                s.LoRaWan.Adr = false;
                s.LoRaWan.DataRate = dr;
                s.LoRaWan.Rx2DataRate = rx2Dr;
                if (region == "US915")
                {
                    s.LoRaWan.Channels = "8-15,65";
                }
            }, clock: loop => new SkewedMacClock(loop, ppm, lateness));
            if (rx2Dr >= 0)
            {
                rig.Network.Rx2Dr = rx2Dr;
            }

            rig.Start();
            rig.Run(1);
            return rig;
        }
    }
}
