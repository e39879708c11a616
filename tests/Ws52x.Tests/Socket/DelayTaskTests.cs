using System.Linq;
using static Ws52x.Tests.Socket.Bench;

namespace Ws52x.Tests.Socket
{
    /// <summary>Issue 10 item 8: ff22 on the loop clock, one task (a later one replaces it), ff23 deletes it; a reboot forgets it.</summary>
    public class DelayTaskTests
    {
        [Fact]
        public void The_task_runs_after_its_delay_and_reports()
        {
            var board = Board();
            board.RunFor(7 * Second);
            long t = board.Clock.NowMicros;
            Downlink(board, "ff22003c0011"); // guide example: open after 60 s
            board.RunUntil(t + 59 * Second);
            Assert.False(board.Relay.Level);
            board.RunUntil(t + 61 * Second);
            Assert.True(board.Relay.Level);
            Assert.InRange(board.RelayChangedAtMicros - t, 60 * Second, 60 * Second + 2 * Ms);
            board.RunFor(3 * Second); // the report follows once the meter has measured the load
            Assert.True(Status(StatusReports(board, t).Single()).SocketOn);
        }

        [Fact]
        public void A_later_task_replaces_the_earlier_one()
        {
            var board = Board();
            board.RunFor(7 * Second);
            long t = board.Clock.NowMicros;
            Downlink(board, "ff22003c0011");  // open in 60 s
            board.RunFor(10 * Second);
            Downlink(board, "ff2200780011");  // open in 120 s: replaces it
            board.RunUntil(t + 100 * Second);
            Assert.False(board.Relay.Level);
            board.RunUntil(t + 135 * Second);
            Assert.True(board.Relay.Level);
            Assert.Equal(1, board.Socket.Relay.Switches);

            Downlink(board, "ff22000a0010");  // close in 10 s
            board.RunFor(11 * Second);
            Assert.False(board.Relay.Level);
        }

        [Fact]
        public void ff23_deletes_the_task()
        {
            var board = Board();
            board.RunFor(7 * Second);
            Downlink(board, "ff22003c0011");
            Assert.True(board.Socket.Delay.IsPending);
            Downlink(board, "ff2300ff");
            Assert.False(board.Socket.Delay.IsPending);
            board.RunFor(2 * Minute);
            Assert.False(board.Relay.Level);
            Assert.Equal(0, board.Socket.Relay.Switches);
        }

        [Fact]
        public void A_reboot_forgets_a_pending_task()
        {
            var board = Board();
            board.RunFor(7 * Second);
            Downlink(board, "ff22003c0011ff10ff");
            Assert.Equal(2, board.Boots);
            Assert.False(board.Socket.Delay.IsPending);
            board.RunFor(2 * Minute);
            Assert.False(board.Relay.Level);
        }
    }
}
