using System;
using System.IO;
using Ws52x.Diagnostics;
using Ws52x.Host.Board;
using Ws52x.LoRaWan.Mac;
using Ws52x.Loop;
using Ws52x.Util;
using static Ws52x.Tests.Socket.Bench;

namespace Ws52x.Tests.Socket
{
    /// <summary>Hot paths of the socket allocate nothing in steady state: the protection check (every 10 ms) and the report build.</summary>
    [Collection(Ws52x.Tests.Config.HeapMeasurements.Name)]
    public class SocketAllocationTests
    {
        [Fact]
        public void Metering_with_the_protection_check_and_building_reports_allocate_nothing_after_warm_up()
        {
            var board = OnAndJoined(configure: s =>
            {
                s.OvercurrentAlarmEnabled = true;
                s.OvercurrentAlarmThresholdAmps = 16;
                s.OvercurrentProtectionEnabled = true;
                s.OvercurrentProtectionThresholdAmps = 16;
            });
            var report = board.Socket.Reporting.Status;
            var watch = board.Socket.Overcurrent;
            board.RunFor(30 * Second); // windows closed, voltage visited
            // 500 metering samples a round, each followed by the protection check.
            SteadyStateAllocation.AssertNothingAllocated(() => board.RunFor(5 * Second));
            int length = 0;
            SteadyStateAllocation.AssertNothingAllocated(() =>
            {
                for (int i = 0; i < 1000; i++)
                {
                    length = report.Build(0);
                }
            });
            Assert.Equal(26, length);
            Assert.True(board.Relay.Level);
            Assert.Equal(0, watch.Trips);
        }

        /// <summary>A joined link that takes every uplink and keeps nothing.</summary>
        private sealed class TakingLink : ILoRaWanLink
        {
            public int Sent;

            public bool IsJoined => true;

            public int MaxPayloadLength => 242;

            public SendStatus Send(int port, byte[] payload, int offset, int length, bool confirmed, bool urgent)
            {
                Sent++;
                return SendStatus.Queued;
            }
        }

        [Fact]
        public void Sending_a_report_allocates_nothing_its_log_line_included()
        {
            // Every report is logged with its hex and the vendor JSON; joined with + that was ~950 bytes a report.
            byte[] report = Hex.Parse("08700105814007c9e3020374fb0806830000000004806d000000");
            Ws52x.Socket.UplinkSender Sender(TextWriter log, TakingLink link) =>
                new Ws52x.Socket.UplinkSender(link, new MemorySettingsStore(), new Log(new WriterConsole(log), new VirtualClock()));

            var link = new TakingLink();
            var sender = Sender(TextWriter.Null, link); // a StringWriter would count its own growth
            SteadyStateAllocation.AssertNothingAllocated(() => sender.Send("report", report, report.Length, false));

            var output = new StringWriter();
            Sender(output, link).Send("report", report, report.Length, false);
            Assert.True(link.Sent >= 2);
            Assert.Contains(" uplink: report 08700105814007c9e3020374fb0806830000000004806d000000 {\"socket_status\": \"on\", \"power_factor\": 64,", output.ToString());
        }
    }
}
