using System.Linq;
using Ws52x.Host.Board.Metering;
using Ws52x.Socket;
using static Ws52x.Tests.Socket.Bench;

namespace Ws52x.Tests.Socket
{
    /// <summary>Issue 10 item 1 and issue 14 item 4: one owner of the socket state, a report on every change, the real relay state.</summary>
    public class RelayTests
    {
        [Theory]
        [InlineData("heater", 8_696, 2_000)]  // 2 kW resistive
        [InlineData("fridge", 736, 110)]      // its compressor: 110 W at PF 0.65, 10.6 CF pulses a second
        public void A_press_switches_the_relay_at_once_and_its_report_follows_with_the_load_measured(string load, int milliamps, int watts)
        {
            var board = Board(LoadProfiles.Find(load), pretendJoin: true);
            board.RunFor(7 * Second); // joined, socket off (restore policy off)
            Assert.False(board.Relay.Level);
            long press = board.Clock.NowMicros;
            board.Press();
            board.RunFor(4 * Second);

            Assert.True(board.Relay.Level);
            Assert.InRange(board.RelayChangedAtMicros - press, 200 * Ms, 260 * Ms); // on release (200 ms) + debounce
            var report = StatusReports(board, press).Single();
            var status = Status(report);
            Assert.True(status.SocketOn);
            // Not 0 mA / 0 W: the meter's first windows after the relay closed, about a second long, within 2 %.
            Assert.InRange(report.AtMicros - board.RelayChangedAtMicros, 1 * Second, 2 * Second);
            Assert.InRange(status.CurrentMilliamps, milliamps * 98 / 100, milliamps * 102 / 100);
            Assert.InRange(status.ActivePowerWatts, watts * 98 / 100, watts * 102 / 100);
        }

        [Fact]
        public void Switched_on_with_nothing_plugged_in_the_report_goes_after_3_s_and_switching_off_reports_at_once()
        {
            var board = Board(LoadProfiles.Find("none"));
            board.RunFor(7 * Second);
            Downlink(board, "080100ff");
            long on = board.RelayChangedAtMicros;
            board.RunFor(5 * Second);
            var report = StatusReports(board, on).Single();
            Assert.Equal(on + Ws52x.Socket.Reporting.MeasureWaitMicros, report.AtMicros, 10 * Ms); // no pulse ever comes: the bound
            Assert.Equal((true, 0, 0L), (Status(report).SocketOn, Status(report).CurrentMilliamps, Status(report).ActivePowerWatts));

            Downlink(board, "080000ff");
            var off = StatusReports(board, board.RelayChangedAtMicros).Single();
            Assert.Equal(board.RelayChangedAtMicros, off.AtMicros); // nothing flows through an open relay: no need to wait
            Assert.False(Status(off).SocketOn);
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
            board.RunFor(3 * Second);
            Downlink(board, close);
            Assert.False(board.Relay.Level);
            var reports = StatusReports(board, t);
            Assert.Equal(new[] { true, false }, reports.Select(r => Status(r).SocketOn));
        }

        [Fact]
        public void Switched_off_again_before_the_meter_has_measured_the_load_one_report_says_off()
        {
            var board = Board();
            board.RunFor(7 * Second);
            long t = board.Clock.NowMicros;
            Downlink(board, "080100ff");
            board.RunFor(500 * Ms);
            Downlink(board, "080000ff");
            board.RunFor(5 * Second);
            // The report waiting for the meter is taken over by the newer state, sent at once.
            Assert.Equal(new[] { false }, StatusReports(board, t).Select(r => Status(r).SocketOn));
            Assert.False(board.Socket.Reporting.ReportWaiting);
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
