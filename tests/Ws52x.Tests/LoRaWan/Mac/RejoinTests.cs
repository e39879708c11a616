using System.Linq;
using Ws52x.Config;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>Rejoin mode (guide 3.2.1): link checks, and a new join after N of them go unanswered. OTAA only.</summary>
    public class RejoinTests
    {
        private const double Minute = 60;

        private static MacRig Joined(int reportMinutes, int packets = 4, bool rejoin = true, JoinType type = JoinType.Otaa)
        {
            var rig = new MacRig("US915", s =>
            {
                s.LoRaWan.JoinType = type;
                s.LoRaWan.Channels = "8-15,65";
                s.LoRaWan.RejoinMode = rejoin;
                s.LoRaWan.RejoinPackets = packets;
                s.Socket.ReportingIntervalSeconds = reportMinutes * 60;
            }).Start();
            Assert.True(rig.RunUntilJoined(600));
            return rig;
        }

        /// <summary>Reports every <paramref name="minutes"/> for <paramref name="count"/> periods.</summary>
        private static void Report(MacRig rig, int minutes, int count)
        {
            for (int i = 0; i < count; i++)
            {
                rig.Send(new byte[] { 0x08, 0x70, 0x01 });
                rig.Run(minutes * Minute);
            }
        }

        private static int LinkChecks(MacRig rig) => rig.Gateway.Uplinks.Count(u => u.FOpts.Contains((byte)0x02));

        [Fact]
        public void With_reports_every_20_min_a_link_check_rides_every_30_min_and_the_nth_unanswered_one_rejoins()
        {
            var rig = Joined(20);
            int joinsBefore = rig.Gateway.JoinRequests.Count;
            Report(rig, 20, 6); // two hours
            Assert.InRange(LinkChecks(rig), 3, 4);
            Assert.Equal(0, rig.Events.LinkLost);

            Report(rig, 20, 3);
            Assert.True(LinkChecks(rig) >= 4);
            Assert.Equal(1, rig.Events.LinkLost);
            Assert.True(rig.Gateway.JoinRequests.Count > joinsBefore, rig.Output.ToString());
            Assert.Contains("4 link checks without an answer", rig.Output.ToString());
        }

        [Fact]
        public void An_answered_link_check_starts_the_count_again()
        {
            var rig = Joined(20);
            Report(rig, 20, 6);
            int checks = LinkChecks(rig);
            // The network answers the next link check (LinkCheckAns: margin 12 dB, 2 gateways).
            for (int i = 0; i < 6 && LinkChecks(rig) == checks; i++)
            {
                rig.Gateway.Downlinks.Clear();
                rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, FOpts = new byte[] { 0x02, 0x0C, 0x02 } });
                Report(rig, 20, 1);
            }

            Assert.Contains("link check: margin 12 dB, 2 gateway(s)", rig.Output.ToString());
            Assert.InRange(rig.Mac.UnansweredLinkChecks, 0, 1);
            rig.Gateway.Downlinks.Clear();
            Report(rig, 20, 3);
            Assert.Equal(0, rig.Events.LinkLost);
            Assert.InRange(rig.Mac.UnansweredLinkChecks, 1, 3);
        }

        [Fact]
        public void With_reports_every_hour_every_report_carries_a_link_check()
        {
            var rig = Joined(60, packets: 32);
            Report(rig, 60, 5);
            var reports = rig.Gateway.Uplinks.Where(u => u.Data.FPort == 85).ToList();
            Assert.Equal(5, reports.Count);
            Assert.All(reports, u => Assert.Equal(new byte[] { 0x02 }, u.FOpts));
        }

        [Fact]
        public void Without_rejoin_mode_or_with_abp_there_are_no_link_checks()
        {
            var off = Joined(20, rejoin: false);
            Report(off, 20, 9);
            Assert.Equal(0, LinkChecks(off));

            var abp = new MacRig("US915", s =>
            {
                s.LoRaWan.JoinType = JoinType.Abp;
                s.LoRaWan.Channels = "8-15,65";
                s.LoRaWan.RejoinMode = true;
                s.LoRaWan.RejoinPackets = 2;
            }).Start();
            abp.Run(1);
            Report(abp, 20, 9);
            Assert.Equal(0, LinkChecks(abp));
            Assert.Equal(0, abp.Events.LinkLost);
        }
    }
}
