using System.Collections.Generic;
using Ws52x.Host.Board;
using Ws52x.Socket;
using static Ws52x.Tests.Socket.Bench;

namespace Ws52x.Tests.Socket
{
    /// <summary>Issue 10 item 4: LED patterns (guide 2.4) as data on loop timers.</summary>
    public class LedTests
    {
        // Records each LED level change with its board time.
        private static List<(long At, bool Lit)> Watch(HostBoard board)
        {
            var changes = new List<(long, bool)>();
            var pin = board.Led.Changed;
            board.Led.Changed = lit =>
            {
                pin?.Invoke(lit);
                changes.Add((board.Clock.NowMicros, lit));
            };
            return changes;
        }

        [Fact]
        public void Static_on_while_open_off_when_closed_and_off_when_disabled()
        {
            var board = Board(pretendJoin: false);
            Assert.False(board.Led.Level);
            board.Press();
            board.RunFor(Second);
            Assert.True(board.Led.Level);
            Downlink(board, "ff2f00");
            Assert.False(board.Led.Level);
            Downlink(board, "ff2f01");
            Assert.True(board.Led.Level);
            board.Press();
            board.RunFor(Second);
            Assert.False(board.Led.Level);
        }

        [Fact]
        public void One_blink_per_join_request_and_two_on_success_after_power_on()
        {
            var board = Board(pretendJoin: false);
            var changes = Watch(board);
            board.Socket.OnJoinRequestSent(1);
            board.RunFor(Second);
            Assert.Equal(2, changes.Count); // on, off
            Assert.Equal(150 * Ms, changes[1].At - changes[0].At);
            board.Link.AcceptJoin();
            board.RunFor(Second);
            Assert.Equal(6, changes.Count); // on, off, on, off
            Assert.Equal(new[] { true, false, true, false }, changes.GetRange(2, 4).ConvertAll(c => c.Lit));

            // A later rejoin (the network was lost) shows nothing: network status is for power-on.
            board.Socket.OnLinkLost();
            board.Socket.OnJoinRequestSent(1);
            board.Link.AcceptJoin();
            board.RunFor(Second);
            Assert.Equal(6, changes.Count);
        }

        [Fact]
        public void After_32_join_requests_the_LED_stops_blinking()
        {
            var board = Board(pretendJoin: false);
            var changes = Watch(board);
            for (int attempt = 1; attempt <= 40; attempt++)
            {
                board.Socket.OnJoinRequestSent(attempt);
                board.RunFor(2 * Second);
            }

            board.Link.AcceptJoin();
            board.RunFor(Second);
            Assert.Equal(2 * 32, changes.Count);
        }

        [Fact]
        public void No_network_status_with_the_LED_disabled()
        {
            var board = Board(pretendJoin: false, configure: s => s.LedEnabled = false);
            var changes = Watch(board);
            board.Socket.OnJoinRequestSent(1);
            board.Link.AcceptJoin();
            board.RunFor(2 * Second);
            Assert.Empty(changes);
        }

        [Fact]
        public void Over_a_lit_LED_a_blink_shows_as_a_dark_flash()
        {
            var board = Board(pretendJoin: false);
            board.Press();
            board.RunFor(Second);
            var changes = Watch(board);
            board.Socket.OnJoinRequestSent(1);
            board.RunFor(Second);
            Assert.Equal(new[] { false, true }, changes.ConvertAll(c => c.Lit));
        }

        [Fact]
        public void A_join_request_or_the_join_during_a_reset_hold_does_not_stop_the_quick_blinking()
        {
            // A socket out of the network's reach keeps sending join requests every few seconds; the owner holds the
            // button to reset it and lets go when the LED blinks quickly, so the blinking must not end early.
            var board = Board(pretendJoin: false);
            board.Socket.FactoryResetRequested = () => { };
            board.RunFor(Second);
            long down = board.Clock.NowMicros;
            board.Hold(14 * Second);
            board.RunUntil(down + 10_500 * Ms);
            Assert.Same(LedPattern.Reset, board.Socket.Led.Playing);
            board.Socket.OnJoinRequestSent(3);
            board.RunUntil(down + 12 * Second);
            Assert.Same(LedPattern.Reset, board.Socket.Led.Playing);
            board.Link.AcceptJoin();
            board.RunUntil(down + 13 * Second);
            Assert.Same(LedPattern.Reset, board.Socket.Led.Playing);
            int changes = board.Led.Changes;
            board.RunUntil(down + 13_900 * Ms);
            Assert.InRange(board.Led.Changes - changes, 8, 10); // still 5 Hz
        }

        [Fact]
        public void Patterns_are_data_played_by_loop_timers()
        {
            Assert.Equal(2, LedPattern.JoinRequest.Steps);
            Assert.Equal(4, LedPattern.Joined.Steps);
            Assert.True(LedPattern.Reset.Repeat);
            Assert.True(LedPattern.StepLit(0));
            Assert.False(LedPattern.StepLit(1));
        }
    }
}
