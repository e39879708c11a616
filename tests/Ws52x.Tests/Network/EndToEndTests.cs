using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ws52x.Config;
using Ws52x.Host.Board;
using Ws52x.Host.Network;
using Ws52x.LoRaWan.Regions;
using Ws52x.Util;

namespace Ws52x.Tests.Network
{
    /// <summary>
    /// The firmware (its MAC on the modelled SX127x) and the network server on one virtual air, as `ws52x run` wires
    /// them: the socket joins, its reports reach the server and decode, confirmed ones are acknowledged, a Class C
    /// downlink arrives at once.
    /// </summary>
    public class EndToEndTests
    {
        private const long Minute = 60_000_000;

        private static HostBoard Board(StringWriter output, string region = "EU868", bool confirmed = false, DeviceClass? deviceClass = null, int? dr = null)
        {
            var options = new HostBoardOptions
            {
                Speed = HostBoardOptions.MaxSpeed,
                Region = KnownRegions.Find(region),
                DataRate = dr,
                Confirmed = confirmed ? true : (bool?)null,
                Class = deviceClass,
            };
            return new HostBoard(options, output);
        }

        [Theory]
        [InlineData("EU868", null)]
        [InlineData("US915", null)]
        // AS923 starts with the 400 ms uplink dwell time, under which the guide's DR2 carries 11 bytes: a 26-byte report
        // needs DR4 (125 bytes) or more.
        [InlineData("AS923-1", 4)]
        public void The_socket_joins_and_every_report_reaches_the_server_and_decodes(string region, int? dr)
        {
            var output = new StringWriter();
            using HostBoard board = Board(output, region, dr: dr);
            var received = new List<ApplicationUplink>();
            board.Network.UplinkReceived += received.Add;
            board.Start();
            while (board.Firmware.Link == null || !board.Firmware.Link.IsJoined)
            {
                Assert.True(board.Clock.NowMicros < 30 * Minute, "no join in 30 minutes");
                board.RunFor(1_000_000);
            }

            // Three hours from the join, and the minute the last report needs to reach the server.
            board.RunFor(181 * Minute);

            NetworkDevice device = Assert.Single(board.Network.Devices);
            Assert.True(device.Joined);
            Assert.True(board.Firmware.Link.IsJoined);
            Assert.Equal(1, board.Network.Counters.Joins);

            // Every report the socket handed to its MAC arrived once, in order, with the vendor decoder's view: the one
            // sent on joining and then one every 20 minutes for 3 hours.
            List<string> sent = board.Uplinks.Where(u => u.Port == 85 && u.Payload[0] == 0x08).Select(u => Hex.ToHex(u.Payload)).ToList();
            Assert.Equal(10, sent.Count);
            List<ApplicationUplink> reports = received.Where(u => u.Port == 85 && u.VendorJson != null && u.VendorJson.Contains("\"socket_status\"")).ToList();
            Assert.Equal(sent, reports.Select(u => Hex.ToHex(u.Payload)));
            Assert.All(reports, u => Assert.Equal(device, u.Device));
            Assert.Contains(received, u => u.VendorJson != null && u.VendorJson.Contains("\"sn\"")); // the basic information
            Assert.Equal(0, board.Network.Counters.RejectedTotal);
            string log = output.ToString();
            Assert.Contains(" ns: join accepted: " + device.DevEui, log);
            Assert.Equal(10, log.Split('\n').Count(l => l.Contains(" ns: application uplink port 85: ") && l.Contains("\"socket_status\"")));
        }

        [Fact]
        public void Confirmed_reports_are_acknowledged_by_the_server_and_the_socket_hears_the_ACKs()
        {
            var output = new StringWriter();
            using HostBoard board = Board(output, confirmed: true);
            board.Start();
            board.RunFor(121 * Minute);

            string[] lines = output.ToString().Split('\n');
            int confirmed = lines.Count(l => l.Contains(" ns: uplink from ") && l.Contains(", port 85, confirmed"));
            Assert.Equal(8, confirmed); // basic information and a report on joining, then a report every 20 minutes
            Assert.DoesNotContain(lines, l => l.Contains("no acknowledgement"));
            Assert.True(board.Network.Counters.Acks >= confirmed);
            Assert.Equal(0, board.Firmware.Mac.Statistics.Repetitions); // every ACK heard the first time
        }

        [Theory]
        // Three at once: the server sends them back to back, the first two with FPending; no uplink may cut in.
        [InlineData(false, 3)]
        // A confirmed one, then another: the ACK goes up at once, and the second, sent meanwhile, would be lost under it.
        [InlineData(true, 2)]
        public void Class_C_downlinks_queued_together_all_reach_the_socket(bool firstConfirmed, int count)
        {
            var output = new StringWriter();
            using HostBoard board = Board(output, deviceClass: DeviceClass.C);
            board.Start();
            board.RunFor(35 * Minute);
            int accepted = board.Firmware.Mac.Statistics.DownlinksAccepted;
            for (int i = 0; i < count; i++)
            {
                board.Network.EnqueueDownlink(board.Network.Devices[0], 85, new byte[] { 0xff, 0x03, 0xb0, 0x04 }, confirmed: firstConfirmed && i == 0);
            }

            board.RunFor(Minute);
            Assert.Equal(count, board.Firmware.Mac.Statistics.DownlinksAccepted - accepted);
            Assert.Empty(board.Network.Devices[0].Queue);
            Assert.Equal(firstConfirmed ? 1 : 0, board.Network.Counters.DownlinkAcks);
            Assert.Equal(0, board.Network.Counters.DownlinkNacks);
        }

        [Theory]
        // The regions the tests above leave out, each with confirmed reports, a Class C or A device and a downlink.
        [InlineData("AU915", DeviceClass.C)]
        [InlineData("AS923-3", DeviceClass.C)]
        [InlineData("AS923-4", DeviceClass.A)]
        [InlineData("CN470", DeviceClass.C)]
        [InlineData("KR920", DeviceClass.C)]
        [InlineData("IN865", DeviceClass.A)]
        [InlineData("RU864", DeviceClass.C)]
        public void In_every_region_confirmed_reports_and_a_downlink_go_through_without_a_refusal_or_a_resend(string region, DeviceClass deviceClass)
        {
            var output = new StringWriter();
            var options = new HostBoardOptions
            {
                Speed = HostBoardOptions.MaxSpeed,
                Region = KnownRegions.Find(region),
                DataRate = 4, // the reports fit under AS923's and AU915's dwell time too
                Confirmed = true,
                Class = deviceClass,
            };
            using var board = new HostBoard(options, output);
            board.Start();
            board.RunFor(30 * Minute);
            Assert.True(board.Firmware.Link.IsJoined, output.ToString());
            board.Network.EnqueueDownlink(board.Network.Devices[0], 85, new byte[] { 0xff, 0x03, 0x58, 0x02 }); // report every 10 min
            board.RunFor(90 * Minute);

            string[] lines = output.ToString().Split('\n');
            Assert.Equal(600, board.Settings.Current.Socket.ReportingIntervalSeconds);
            Assert.True(board.Network.Counters.RejectedTotal == 0, string.Join("\n", lines.Where(l => l.Contains("ns: rejected"))));
            Assert.True(board.Firmware.Mac.Statistics.DownlinksRejected == 0, string.Join("\n", lines.Where(l => l.Contains("downlink refused"))));
            Assert.Equal(0, board.Network.Counters.DownlinksMissed);
            Assert.Equal(0, board.Firmware.Mac.Statistics.Repetitions); // every ACK heard the first time
            Assert.DoesNotContain(lines, l => l.Contains("not acknowledged") || l.Contains(" not answered"));
            // Basic information and reports, every 10 minutes once the downlink set it (every 20 would give at most 8).
            Assert.True(lines.Count(l => l.Contains(" ns: uplink from ") && l.Contains(", port 85, confirmed")) >= 10);
        }

        [Fact]
        public void A_Class_C_downlink_reaches_the_socket_at_once_between_reports()
        {
            var output = new StringWriter();
            using HostBoard board = Board(output, deviceClass: DeviceClass.C);
            board.Start();
            board.RunFor(35 * Minute); // between the link check at 30 and the report at 40
            int accepted = board.Firmware.Mac.Statistics.DownlinksAccepted;

            long asked = board.Io.Clock.NowMicros;
            board.Network.EnqueueDownlink(board.Network.Devices[0], 85, new byte[] { 0xff, 0x03, 0xb0, 0x04 });
            board.RunFor(5_000_000);

            Assert.True(board.Firmware.Mac.Statistics.DownlinksAccepted > accepted);
            Assert.Equal(1, board.Network.Counters.DownlinksClassC);
            Assert.Equal(1200, board.Settings.Current.Socket.ReportingIntervalSeconds);
            string line = output.ToString().Split('\n').First(l => l.Contains(" lorawan: downlink FCnt ") && l.Contains(" port 85 4 bytes"));
            // At 00:35:00 plus the server's 100 ms lead and a 17-byte frame at SF12 (1.3 s).
            Assert.StartsWith("00:35:01.", line);
        }
    }
}
