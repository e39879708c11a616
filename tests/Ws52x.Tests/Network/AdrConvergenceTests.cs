using System.IO;
using System.Linq;
using Ws52x.Host.Board;
using Ws52x.Host.Network;
using Ws52x.LoRaWan.Regions;

namespace Ws52x.Tests.Network
{
    /// <summary>
    /// The network's ADR against the firmware's MAC over the virtual air's link budget: the socket's TX power changes
    /// what the gateway hears, so ADR steps the socket to the data rate and power its link allows and then stops asking;
    /// the uplinks that only carry MAC answers after the join are few.
    /// </summary>
    public class AdrConvergenceTests
    {
        private const long Hour = 3600L * 1_000_000;

        private static (HostBoard Board, StringWriter Output) Board(string region, double pathLossDb)
        {
            var output = new StringWriter();
            var board = new HostBoard(new HostBoardOptions { Speed = HostBoardOptions.MaxSpeed, Region = KnownRegions.Find(region) }, output);
            board.Air.DefaultPathLossDb = pathLossDb;
            return (board, output);
        }

        private static string[] Lines(StringWriter output) => output.ToString().Split('\n');

        // An uplink the server accepted without an FPort: nothing but MAC answers in it.
        private static int MacOnlyUplinks(string[] lines) => lines.Count(l => l.Contains("ns: uplink from") && !l.Contains(", port "));

        private static int LinkAdrDownlinks(string[] lines) => lines.Count(l => l.Contains("ns: downlink to") && l.Contains("LinkADRReq"));

        [Fact]
        public void ADR_settles_where_the_link_budget_leaves_under_3_dB_of_margin_and_stops_asking()
        {
            // 118 dB of path loss, noise floor −117 dBm (125 kHz, NF 6 dB). The socket joins at DR2 (SF10) with TXPower 0
            // (16 dBm EIRP, 13 dBm at the chip): −105 dBm, +12 dB read as the +9.5 dB ceiling, 24.5 dB over SF10's floor,
            // 14.5 dB over the 10 dB installation margin: four 3 dB steps, DR5 and TXPower 1 (11 dBm). Still at the ceiling
            // (+10 dB): 7 dB over SF7's needs, two steps, TXPower 3 (7 dBm): +6 dB, 3.5 dB over, one step, TXPower 4
            // (5 dBm): +4 dB, 1.5 dB over: nothing more to ask. TXPower 4 is not the end of the scale (7 is): the
            // lower power is what stopped it.
            (HostBoard board, StringWriter output) = Board("EU868", 118);
            using (board)
            {
                board.Start();
                board.RunFor(3 * Hour);
            }

            NetworkDevice device = Assert.Single(board.Network.Devices);
            string[] lines = Lines(output);
            Assert.Equal((5, 4), (device.DataRate, device.TxPowerIndex));
            Assert.Equal((5, 4), (board.Firmware.Mac.DataRate, board.Firmware.Mac.TxPowerIndex));
            Assert.Equal(16, device.LastSnrQuarterDb); // 5 dBm − 118 dB = −113 dBm, 4 dB over the floor
            Assert.Equal(3, LinkAdrDownlinks(lines));
            Assert.InRange(MacOnlyUplinks(lines), 1, 3);

            // Nothing asked after the third: the last LinkADRReq went in the first minute, the reports went on for hours.
            string last = lines.Last(l => l.Contains("ns: downlink to") && l.Contains("LinkADRReq"));
            Assert.StartsWith("00:00:", last);
            Assert.True(board.Network.Counters.ApplicationUplinks >= 9, output.ToString());
        }

        [Theory]
        [InlineData("EU868", 94)]  // the default link: −80 dBm at 14 dBm, the ceiling SNR at every power
        [InlineData("US915", 94)]
        [InlineData("EU868", 135)] // a far socket: −7 dB at SF10, under the installation margin: ADR leaves it alone
        public void The_answers_to_ADR_after_a_join_are_bounded(string region, double pathLossDb)
        {
            (HostBoard board, StringWriter output) = Board(region, pathLossDb);
            using (board)
            {
                board.Start();
                board.RunFor(1 * Hour);
                int macOnly = MacOnlyUplinks(Lines(output));
                int asked = LinkAdrDownlinks(Lines(output));
                board.RunFor(3 * Hour);
                string[] lines = Lines(output);

                // Whatever the link, ADR is done within the first hour: no request and no bare answer after that.
                Assert.Equal(asked, LinkAdrDownlinks(lines));
                Assert.Equal(macOnly, MacOnlyUplinks(lines));
                Assert.InRange(macOnly, 0, 8);
                Assert.True(board.Network.Counters.ApplicationUplinks >= 12, output.ToString());
            }
        }
    }
}
