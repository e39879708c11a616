using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Ws52x.App;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.Host.Board;
using Ws52x.Host.Network;
using Ws52x.Host.Scenario;
using Ws52x.LoRaWan.Mac;
using Ws52x.LoRaWan.Regions;
using Ws52x.Loop;
using Ws52x.Socket;
using Ws52x.Util;

namespace Ws52x.Tests.Socket
{
    /// <summary>
    /// What the MAC's queue has no room for waits in the socket and goes when the MAC reports an uplink done: on US915
    /// DR0 (11-byte pieces) a join, an ff2c + ff28 downlink and two switches within seconds hand the MAC far more
    /// pieces than its 8 slots. Before, 4 of those 10 payloads (107 of 302 bytes) never reached the server.
    /// </summary>
    public class UplinkBackpressureTests
    {
        private const long Minute = 60_000_000;

        [Fact]
        public void On_US915_DR0_every_payload_reaches_the_server_whole_and_in_order()
        {
            var output = new StringWriter();
            var options = new HostBoardOptions
            {
                Speed = HostBoardOptions.MaxSpeed,
                Region = KnownRegions.Find("US915"),
                DataRate = 0,
                Adr = false,
            };
            using var board = new HostBoard(options, output);
            var received = new List<ApplicationUplink>();
            board.Network.UplinkReceived += received.Add;
            board.Start();
            // The join comes at 48.7 s; while its basic information and report still fill the MAC's queue: a switch,
            // an enquiry for both, another switch. Then the day's reports, and once more both at once.
            board.Play(ScenarioFile.Parse("50s press\n52s downlink 85 ff2cffff28ff\n54s press\n30m downlink 85 ff2cffff28ff\n", "s.txt"));
            board.RunFor(65 * Minute);

            // Each payload the socket made, from its log line (the whole payload, before any splitting).
            List<string> made = Regex.Matches(output.ToString(), @"^\S+ uplink: (?:report|basic information) ([0-9a-f]+) ", RegexOptions.Multiline)
                .Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(11, made.Count); // the join's 2, 2 switches, 2 x 2 answers, 3 periodic reports
            Assert.Contains("bytes wait for room in the MAC's queue", output.ToString());

            // The server got every byte of them, in order, in pieces of whole fields that each decode.
            Assert.All(received, u => Assert.True(u.Payload.Length <= 11 && u.VendorJson != null, Hex.ToHex(u.Payload)));
            Assert.Equal(string.Concat(made), string.Concat(received.Select(u => Hex.ToHex(u.Payload))));
            Assert.Equal(0, board.Socket.Sender.Dropped);
            Assert.Equal(0, board.Socket.Sender.Waiting);
        }

        [Fact]
        public void The_outage_alert_goes_before_what_waits_and_the_bound_names_what_it_gives_up()
        {
            var clock = new VirtualClock();
            var console = new Capture();
            var link = new SmallQueueLink(slots: 2, maxPayload: 11);
            var sender = new UplinkSender(link, new RamSettingsStore(), new Log(console, clock));
            byte[] report = Hex.Parse("08700105810007c900000374fc08068300000000048000000000"); // 3 pieces at 11 bytes

            sender.Send("report", report, report.Length, false);
            Assert.Equal(2, link.Queue.Count);
            Assert.Equal(1, sender.Waiting); // its third piece

            byte[] alert = Hex.Parse("ff3fff");
            sender.Send("power outage alert", alert, alert.Length, true);
            Assert.Equal(2, sender.Waiting); // the alert, then the report's third piece

            link.Done();
            sender.Drain();
            link.Done();
            sender.Drain();
            link.Done();
            link.Done();
            sender.Drain();
            Assert.Equal(0, sender.Waiting);
            Assert.Equal(new[] { "08700105810007c90000", "0374fc08068300000000", "ff3fff", "048000000000" }, link.Sent.Select(Hex.ToHex));

            // A MAC that never frees a slot: the socket keeps 8 payloads, then says what it cannot keep.
            link.Frozen = true;
            for (int i = 0; i < 10; i++)
            {
                sender.Send("report", report, report.Length, false);
            }

            Assert.Equal(PendingUplinks.MaxEntries, sender.Waiting);
            Assert.Equal(10 - PendingUplinks.MaxEntries, sender.Dropped);
            Assert.Contains(console.Lines, l => l.Contains("uplink: warning: report not sent: ") && l.Contains(" uplinks already wait for the MAC"));

            // The alert still gets in: the newest report gives way, and says so.
            sender.Send("power outage alert", alert, alert.Length, true);
            Assert.Contains(console.Lines, l => l.Contains("uplink: warning: report given up for the power outage alert"));
            Assert.Equal(PendingUplinks.MaxEntries, sender.Waiting);
            Assert.Equal(10 - PendingUplinks.MaxEntries + 1, sender.Dropped);
        }

        /// <summary>A MAC with a small queue: Send copies into it until it is full; Done frees the head.</summary>
        private sealed class SmallQueueLink : ILoRaWanLink
        {
            private readonly int _slots;

            public SmallQueueLink(int slots, int maxPayload)
            {
                _slots = slots;
                MaxPayloadLength = maxPayload;
            }

            public Queue<byte[]> Queue { get; } = new Queue<byte[]>();

            public List<byte[]> Sent { get; } = new List<byte[]>();

            public bool Frozen { get; set; }

            public bool IsJoined => true;

            public int MaxPayloadLength { get; }

            public SendStatus Send(int port, byte[] payload, int offset, int length, bool confirmed, bool urgent)
            {
                if (Frozen || Queue.Count >= _slots)
                {
                    return SendStatus.QueueFull;
                }

                Queue.Enqueue(payload.Skip(offset).Take(length).ToArray());
                return SendStatus.Queued;
            }

            public void Done()
            {
                if (Queue.Count > 0)
                {
                    Sent.Add(Queue.Dequeue());
                }
            }
        }

        private sealed class Capture : Ws52x.Platform.ITextConsole
        {
            public List<string> Lines { get; } = new List<string>();

            public void WriteLine(string line) => Lines.Add(line);

            public void WriteLine(char[] line, int length) => Lines.Add(new string(line, 0, length));

            public void SetLineSink(Ws52x.Platform.ILineSink sink)
            {
            }
        }
    }
}
