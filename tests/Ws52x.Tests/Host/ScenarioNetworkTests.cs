using System.IO;
using System.Linq;
using Ws52x.Config;
using Ws52x.Host.Board;
using Ws52x.Host.Scenario;

namespace Ws52x.Tests.Host
{
    /// <summary>
    /// Issue 10 item 12, issue 11 item 6: scenario lines on a board with its MAC and the built-in network server. A
    /// downlink is queued at the server and reaches the socket in its next receive window; the gateway can be switched
    /// off and on; a console line is typed into the serial console.
    /// </summary>
    public class ScenarioNetworkTests
    {
        private const long Minute = 60_000_000;

        private static (HostBoard Board, StringWriter Output) Play(string scenario, DeviceClass deviceClass, long runMicros)
        {
            var output = new StringWriter();
            var board = new HostBoard(new HostBoardOptions { Speed = HostBoardOptions.MaxSpeed, Class = deviceClass }, output);
            board.Start();
            board.Play(ScenarioFile.Parse(scenario, "s.txt"));
            board.RunFor(runMicros);
            return (board, output);
        }

        private static string[] Lines(StringWriter output) => output.ToString().Split('\n');

        private static string FirstStartingAfter(StringWriter output, string text) => Lines(output).First(l => l.Contains(text));

        [Fact]
        public void With_gateway_udp_a_downlink_line_does_not_bypass_the_network_and_says_where_to_queue_it()
        {
            using var server = new Ws52x.Tests.Network.SemtechUdp.SemtechServerDouble(new LoRaWanSettings().AppKey);
            var output = new StringWriter();
            var options = new HostBoardOptions { Speed = 1, GatewayServerHost = "127.0.0.1", GatewayServerPort = server.Port };
            using (var board = new HostBoard(options, output))
            {
                board.Start();
                board.Play(ScenarioFile.Parse("0s downlink 85 080100ff\n", "s.txt"));
                board.RunFor(300_000);

                // Not joined, nothing on the air: a relay switched now would be a downlink no network sent.
                Assert.False(board.Relay.Level, output.ToString());
                Assert.Contains("host: downlink not sent: with --gateway-udp, queue it at your network server (port 85, 080100ff)", output.ToString());
            }
        }

        [Fact]
        public void A_downlink_line_is_queued_at_the_server_and_a_Class_C_socket_gets_it_at_once()
        {
            var (board, output) = Play("2m downlink 85 ff033c00\n", DeviceClass.C, 3 * Minute);

            Assert.Contains("00:02:00.000 ns: downlink queued for " + board.Network.Devices[0].DevEui + ": port 85, ff033c00", output.ToString());
            Assert.Equal(1, board.Network.Counters.DownlinksClassC);
            // 100 ms of server lead and 1.2 s of an 8-byte frame at SF12.
            Assert.StartsWith("00:02:01.", FirstStartingAfter(output, " downlink: ff033c00"));
            Assert.Equal(60, board.Settings.Current.Socket.ReportingIntervalSeconds);
        }

        [Fact]
        public void A_Class_A_socket_gets_a_queued_downlink_only_in_the_windows_of_its_next_uplink()
        {
            var (board, output) = Play("2m downlink 85 ff033c00\n", DeviceClass.A, 22 * Minute);

            // Queued at 2 min; the next uplink is the report 20 minutes after the join's (at 00:20:05), answered in its RX1.
            string heard = FirstStartingAfter(output, " downlink: ff033c00");
            Assert.StartsWith("00:20:0", heard);
            string report = Lines(output).First(l => l.StartsWith("00:20:") && l.Contains(" ns: application uplink port 85: 0870"));
            Assert.True(string.CompareOrdinal(report, heard) < 0, "the downlink came before the uplink it answers");
            Assert.Equal(0, board.Network.Counters.DownlinksClassC);
            Assert.Equal(60, board.Settings.Current.Socket.ReportingIntervalSeconds);
        }

        [Fact]
        public void With_the_gateway_off_the_socket_goes_unheard_and_a_downlink_is_lost_then_all_resumes()
        {
            var (board, output) = Play("10m gateway off\n15m downlink 85 ff28ff\n30m gateway on\n", DeviceClass.C, 45 * Minute);
            string[] lines = Lines(output);

            // The report at 20 min went out on the air, but no server heard it; nor did the socket hear the enquiry.
            Assert.Contains(lines, l => l.StartsWith("00:20:05") && l.Contains(" lorawan: uplink FCnt"));
            Assert.DoesNotContain(lines, l => string.CompareOrdinal(l, "00:10") > 0 && string.CompareOrdinal(l, "00:30") < 0 && l.Contains(" ns: uplink from "));
            Assert.DoesNotContain(lines, l => l.Contains(" downlink: ff28ff"));
            Assert.Contains("host: gateway on: it hears and sends again (1 downlink(s) the server sent meanwhile were lost)", lines);
            Assert.Equal(1, board.Gateway.DownlinksDropped);

            // After it: the report at 40 min reaches the server again.
            Assert.Contains(lines, l => l.StartsWith("00:40:") && l.Contains(" ns: application uplink port 85: 0870"));
        }

        [Fact]
        public void A_long_outage_makes_rejoin_modes_link_checks_go_unanswered_and_the_socket_joins_again_once_it_ends()
        {
            string scenario = "0s console login 123456\n1s console set rejoin_packets 4\n1h gateway off\n2h50m gateway on\n";
            var (board, output) = Play(scenario, DeviceClass.C, 190 * Minute);
            string[] lines = Lines(output);

            Assert.Equal(4, board.Settings.Current.LoRaWan.RejoinPackets); // typed at the console, after the login
            // Link checks every 30 minutes from the join; the fourth without an answer is the one at 02:40.
            string lost = lines.First(l => l.Contains(" lorawan: warning: 4 link checks without an answer"));
            Assert.StartsWith("02:40:", lost);
            Assert.Contains(lines, l => l.StartsWith("02:40:") && l.Contains(" lorawan: warning: network lost: the MAC rejoins"));
            Assert.Equal(2, board.Network.Counters.Joins);
            string joined = lines.Last(l => l.Contains(" lorawan: joined: "));
            Assert.True(string.CompareOrdinal(joined, "02:50") > 0, joined);
            Assert.True(board.Firmware.Link.IsJoined);
        }

        [Fact]
        public void A_console_line_gets_the_consoles_answer_and_a_change_without_login_is_refused()
        {
            var (board, output) = Play("1m console status\n2m console set report_interval 600\n", DeviceClass.C, 3 * Minute);
            string text = output.ToString();

            Assert.Contains("host: scenario line 1: 1m console status", text);
            Assert.Contains("lorawan: EU868, ", text); // the MAC's status line
            Assert.Contains("error: set needs a login (login PASSWORD)", text);
            Assert.Equal(1200, board.Settings.Current.Socket.ReportingIntervalSeconds);
        }
    }
}
