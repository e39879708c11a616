using System.Linq;
using Ws52x.Config;
using Ws52x.Socket;
using static Ws52x.Tests.Socket.Bench;

namespace Ws52x.Tests.Socket
{
    /// <summary>Issue 10 item 2: the power-restore policy at boot, before anything else can switch; the last state persisted with bounded wear.</summary>
    public class RestoreTests
    {
        [Theory]
        [InlineData(PowerRestorePolicy.Off, true, false)]
        [InlineData(PowerRestorePolicy.Off, false, false)]
        [InlineData(PowerRestorePolicy.On, true, true)]
        [InlineData(PowerRestorePolicy.On, false, true)]
        [InlineData(PowerRestorePolicy.LastState, true, true)]
        [InlineData(PowerRestorePolicy.LastState, false, false)]
        public void After_a_mains_cut_the_socket_follows_the_policy(PowerRestorePolicy policy, bool onBeforeCut, bool expected)
        {
            var board = Board(configure: s => s.PowerRestore = policy);
            board.RunFor(7 * Second);
            Downlink(board, onBeforeCut ? "080100ff" : "080000ff");
            board.RunFor(20 * Second);
            Assert.Equal(onBeforeCut, board.Relay.Level);

            board.MainsOff();
            board.RunFor(5 * Second);
            Assert.Null(board.Firmware); // dark
            Assert.False(board.Relay.Level);
            board.MainsOn();
            Assert.Equal(2, board.Boots);
            Assert.Equal(expected, board.Relay.Level); // at boot, before the loop has run a single turn
            board.RunFor(10 * Second);
            Assert.Equal(expected, board.Relay.Level);

            // The join's report says so.
            var report = StatusReports(board).Last(u => u.Boot == 2);
            Assert.Equal(expected, Status(report).SocketOn);
        }

        [Fact]
        public void The_restore_is_the_first_switch_after_boot_and_happens_before_the_loop_runs()
        {
            var board = Board(configure: s => s.PowerRestore = PowerRestorePolicy.On, pretendJoin: false);
            Assert.True(board.Relay.Level);
            Assert.Equal(0, board.Clock.NowMicros);
            Assert.Equal(1, board.Socket.Relay.Switches);
        }

        [Fact]
        public void A_reboot_by_ff10ff_keeps_the_socket_as_it_was_whatever_the_policy()
        {
            var board = OnAndJoined(configure: s => s.PowerRestore = PowerRestorePolicy.Off);
            Downlink(board, "ff10ff");
            Assert.Equal(2, board.Boots);
            Assert.True(board.Relay.Level);
            board.RunFor(Second);

            // ...and the mark is gone: a later mains cut applies the policy again.
            board.MainsOff();
            board.RunFor(Second);
            board.MainsOn();
            Assert.False(board.Relay.Level);
        }

        [Fact]
        public void The_last_state_is_written_once_per_switch_and_a_switching_storm_at_most_every_10_s()
        {
            var board = Board(configure: s => s.PowerRestore = PowerRestorePolicy.LastState);
            board.RunFor(7 * Second);
            var store = board.Socket.RelayStore;

            board.Press();
            board.RunFor(Minute);
            Assert.Equal(1, store.Writes); // one switch, one write

            // A server toggling every second for 100 s.
            for (int i = 0; i < 100; i++)
            {
                Downlink(board, i % 2 == 0 ? "080000ff" : "080100ff");
                board.RunFor(Second - Ms);
            }

            board.RunFor(Minute);
            Assert.InRange(store.Writes, 1 + 9, 1 + 11); // every 10 s, plus the one that catches up at the end
            Assert.False(store.Pending);

            // What flash holds is the last state: a cut now restores it.
            bool last = board.Relay.Level;
            board.MainsOff();
            board.RunFor(Second);
            board.MainsOn();
            Assert.Equal(last, board.Relay.Level);
        }

        [Fact]
        public void Restored_on_after_a_mains_cut_the_first_report_shows_the_load_it_supplies()
        {
            var board = Board(configure: c => c.PowerRestore = PowerRestorePolicy.On);
            board.RunFor(8 * Second);
            Assert.True(board.Relay.Level);
            board.MainsOff();
            board.RunFor(2 * Second);
            long back = board.Clock.NowMicros;
            board.MainsOn();
            board.RunFor(10 * Second);
            var report = Status(Assert.Single(StatusReports(board, back)));
            Assert.True(report.SocketOn);
            Assert.InRange(report.ActivePowerWatts, 1900, 2100); // the 2 kW heater, not the 0 W of a meter just started
            Assert.InRange(report.VoltageDeciVolts, 2200, 2400);
        }
    }
}
