using System.Linq;
using Ws52x.Host.Board.Metering;
using Ws52x.Socket;
using static Ws52x.Tests.Socket.Bench;

namespace Ws52x.Tests.Socket
{
    /// <summary>Issue 10 item 1 and issue 14 item 4: one owner of the socket state, a report on every change, the real relay state.</summary>
    public class RelayTests
    {
        [Fact]
        public void A_press_switches_the_relay_and_the_report_carries_the_pin_state_at_once()
        {
            var board = Board(pretendJoin: true);
            board.RunFor(7 * Second); // joined, socket off (restore policy off)
            Assert.False(board.Relay.Level);
            long press = board.Clock.NowMicros;
            board.Press();
            board.RunFor(Second);

            Assert.True(board.Relay.Level);
            var report = StatusReports(board, press).Single();
            Assert.True(Status(report).SocketOn);
            Assert.InRange(report.AtMicros - press, 200 * Ms, 260 * Ms); // on release (200 ms) + debounce
            Assert.Equal(board.RelayChangedAtMicros, report.AtMicros);
        }

        [Theory]
        [InlineData("080100ff", "080000ff")] // the guide's form
        [InlineData("0801ffff", "0800ffff")] // the vendor encoder's form
        public void Downlink_08_in_both_forms_switches_and_reports(string open, string close)
        {
            var board = Board();
            board.RunFor(7 * Second);
            long t = board.Clock.NowMicros;
            Downlink(board, open);
            Assert.True(board.Relay.Level);
            Downlink(board, close);
            Assert.False(board.Relay.Level);
            var reports = StatusReports(board, t);
            Assert.Equal(new[] { true, false }, reports.Select(r => Status(r).SocketOn));
        }

        [Fact]
        public void Switching_to_the_state_it_is_in_changes_nothing_and_sends_nothing_extra()
        {
            var board = Board();
            board.RunFor(7 * Second);
            int before = board.Uplinks.Count;
            int writes = board.Storage.Writes;
            Downlink(board, "080000ff"); // already off
            Assert.False(board.Relay.Level);
            Assert.Equal(0, board.Socket.Relay.Switches);
            Assert.Equal(writes, board.Storage.Writes);
            Assert.Equal(before, board.Uplinks.Count);
        }

        [Fact]
        public void Every_report_carries_what_the_relay_pin_does()
        {
            // Issue 14 item 4: the old report said "on" while the ESP32 held the relay off.
            var board = Board(LoadProfiles.Find("kettle"));
            board.RunFor(10 * Second);
            Downlink(board, "ff28ff");
            Assert.False(Status(StatusReports(board).Last()).SocketOn);
            Assert.False(board.Relay.Level);
            Assert.Equal(0, Status(StatusReports(board).Last()).CurrentMilliamps); // nothing flows through an open relay

            Downlink(board, "080100ff");
            board.RunFor(3 * Second);
            Downlink(board, "ff28ff");
            Assert.True(board.Relay.Level);
            var on = Status(StatusReports(board).Last());
            Assert.True(on.SocketOn);
            Assert.InRange(on.CurrentMilliamps, 9000, 10000); // the kettle heats: 2.2 kW
        }

        [Fact]
        public void Each_cause_is_named_when_the_relay_switches()
        {
            var causes = new System.Collections.Generic.List<SwitchCause>();
            var board = Board();
            board.Socket.Relay.Switched = (on, cause) => causes.Add(cause);
            board.RunFor(7 * Second);
            board.Press();                         // button: on
            board.RunFor(Second);
            Downlink(board, "080000ff");           // downlink: off
            Downlink(board, "ff2200010011");       // delay: on after 1 s
            board.RunFor(2 * Second);
            Downlink(board, "ff300105");           // protection at 5 A: the 2 kW heater (8.7 A) trips it
            board.RunFor(Second);
            Assert.Equal(new[] { SwitchCause.Button, SwitchCause.Downlink, SwitchCause.Delay, SwitchCause.Protection }, causes);
        }
    }
}
