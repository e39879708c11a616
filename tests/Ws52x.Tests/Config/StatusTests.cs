using System.IO;
using System.Linq;
using Ws52x.Host.Board;

namespace Ws52x.Tests.Config
{
    /// <summary>Issue 11 item 3: `status` (no login) shows the socket, the metering and the LoRaWAN link as they are now.</summary>
    public class StatusTests
    {
        [Fact]
        public void Status_shows_the_socket_the_meter_and_the_join_state_with_the_last_downlinks_signal()
        {
            var output = new StringWriter();
            using var board = new HostBoard(new HostBoardOptions { Speed = HostBoardOptions.MaxSpeed, Load = Ws52x.Host.Board.Metering.LoadProfiles.Find("heater") }, output);
            board.Start();
            string before = Status(board, output);
            Assert.Contains("socket: off, button free, alarm off, protection off, report every 1200 s", before);
            Assert.Contains("lorawan: EU868, ", before);
            Assert.Contains("not joined", before);

            board.RunFor(500_000);
            board.Press();
            board.RunFor(60_000_000); // joined, basic information and report sent, DevStatusReq answered
            string after = Status(board, output);
            Assert.Contains("socket: on (button), button free", after);
            Assert.Matches(@"metering: 2\d\d\.\d V, 8\d\d\d mA, (199\d|20[01]\d) W, PF 100%", after);
            string link = after.Split('\n').Single(l => l.StartsWith("lorawan: "));
            Assert.Matches(@"^lorawan: EU868, idle, DevAddr [0-9a-f]{8}, DR\d, FCntUp \d+, FCntDown \d+, uplinks queued 0, downlinks [1-9]\d* \(rejected 0\), last downlink RSSI -\d+ dBm, SNR -?\d+ dB", link);
        }

        private static string Status(HostBoard board, StringWriter output)
        {
            int from = output.ToString().Length;
            board.Firmware.Config.Console.OnLine("status");
            board.RunFor(1000);
            return output.ToString().Substring(from);
        }
    }
}
