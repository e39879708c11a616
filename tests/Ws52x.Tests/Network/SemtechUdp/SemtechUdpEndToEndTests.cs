using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Ws52x.Config;
using Ws52x.Host.Board;
using Ws52x.Host.Network.SemtechUdp;

namespace Ws52x.Tests.Network.SemtechUdp
{
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class RealTime
    {
        /// <summary>
        /// Tests that run the board at real time: with the suite's other tests busy on both cores alongside, its loop
        /// woke late enough to miss receive windows, and a missed JoinAccept at the join back-off's pace outlasted the
        /// test's time (seen once in six full runs). Run apart, they see the machine a real board would.
        /// </summary>
        public const string Name = "Real time";
    }

    /// <summary>
    /// The host board as a Semtech UDP gateway in front of a network-server double on 127.0.0.1, at real time: the
    /// socket joins through it, its confirmed reports are acknowledged, and a downlink opens its relay. About 8 s each.
    /// </summary>
    [Collection(RealTime.Name)]
    public class SemtechUdpEndToEndTests
    {
        private static HostBoard Board(SemtechServerDouble server, StringWriter output)
        {
            var options = new HostBoardOptions
            {
                Speed = 1,
                Confirmed = true,
                GatewayServerHost = "127.0.0.1",
                GatewayServerPort = server.Port,
                GatewayEui = new byte[] { 0x57, 0x53, 0x35, 0x32, 0, 0, 0, 7 },
            };
            return new HostBoard(options, output);
        }

        /// <summary>
        /// Runs the board until <paramref name="done"/> or <paramref name="seconds"/> of wall time. The caps are far above
        /// the usual time (it returns as soon as done): at real time a machine busy with other builds can make the socket
        /// miss a receive window, and the join or the confirmed report is then retried seconds later.
        /// </summary>
        private static void RunUntil(HostBoard board, Func<bool> done, double seconds)
        {
            var wall = Stopwatch.StartNew();
            while (!done() && wall.Elapsed.TotalSeconds < seconds)
            {
                board.RunFor(100_000);
            }
        }

        [Fact]
        public void The_socket_joins_a_server_through_the_bridge_its_confirmed_report_is_acknowledged_and_a_downlink_opens_the_relay()
        {
            using var server = new SemtechServerDouble(new LoRaWanSettings().AppKey) { Pending = (85, new byte[] { 0x08, 0x01, 0x00, 0xFF }) };
            var output = new StringWriter();
            using (HostBoard board = Board(server, output))
            {
                board.Start();
                RunUntil(board, () => board.Relay.Level && server.Acked > 0, 90);

                string log = output.ToString();
                Assert.True(server.Joined, log);
                Assert.True(board.Firmware.Link.IsJoined, log);
                Assert.Equal(server.DevAddr, board.Firmware.Mac.DevAddr);
                Assert.True(server.Acked >= 1, log);
                Assert.True(board.Relay.Level, "the downlink 080100ff did not open the relay:\n" + log);
                Assert.Contains(server.Data, d => d.Confirmed && d.Port == 85);
                Assert.True(server.PullDatas >= 1);
                Assert.Contains("gateway: Semtech UDP packet forwarder (protocol 2), gateway EUI 5753353200000007", log);
                Assert.Contains(": TX_ACK", log);

                // What went up is what the air gave: the default link, −80 dBm at 14 dBm, SNR at the +9.5 dB ceiling.
                HeardRxpk join = server.Uplinks.First();
                Assert.Equal(23, join.Data.Length);
                Assert.Equal(9.5, join.Lsnr);
                Assert.InRange(join.Rssi, -82, -78);
                Assert.Equal(0, board.Bridge.Dropped);

                // Every txpk the double sent was scheduled, except one that reached a board stalled for most of a second
                // (a busy machine): the gateway answers that TOO_LATE, as a concentrator would, and the socket retries.
                Assert.True(board.Bridge.DownlinksAccepted >= 2, "join accept and ACK: " + board.Bridge.DownlinksAccepted + " accepted");
                Assert.All(server.TxAcks, a => Assert.True(a.Json == "" || a.Json.Contains("\"TOO_LATE\""), "a txpk was refused: " + a.Json + "\n" + log));
            }
        }

        [Fact]
        public void Garbage_from_the_server_over_UDP_is_logged_and_dropped_and_the_gateway_goes_on()
        {
            using var server = new SemtechServerDouble(new LoRaWanSettings().AppKey);
            var output = new StringWriter();
            using HostBoard board = Board(server, output);
            board.Start();
            RunUntil(board, () => server.PullDatas > 0, 30);
            server.SendToGateway(new byte[] { 1, 0, 0, 3, (byte)'{', (byte)'}' }); // protocol version 1
            server.SendToGateway(new byte[] { 2, 0 }); // too short
            server.SendTxpk("{\"imme\":true,\"freq\":869.525,\"datr\":\"SF9BW125\"");
            ushort token = server.SendTxpk("{\"imme\":true,\"freq\":869.525,\"powe\":14,\"datr\":\"SF9BW125\",\"codr\":\"4/5\",\"ipol\":true,\"size\":2,\"data\":\"AQI=\"}");
            // The socket's join goes up at about 0.4 s and the double answers it: on a slow machine its TX_ACK can come
            // first, so the acknowledgement looked for is the one with this txpk's token.
            RunUntil(board, () => server.TxAcks.Any(a => a.Token == token), 30);

            Assert.Equal(3, board.Bridge.Dropped);
            (ushort _, string json) = Assert.Single(server.TxAcks, a => a.Token == token);
            Assert.Equal("", json); // accepted: no JSON, as the protocol says
            Assert.Contains("datagram from the server dropped: protocol version 1", output.ToString());
            Assert.Contains("malformed JSON", output.ToString());
        }
    }
}
