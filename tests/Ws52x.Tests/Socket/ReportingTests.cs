using System.Linq;
using Ws52x.Codec;
using Ws52x.Host.Board.Metering;
using static Ws52x.Tests.Socket.Bench;

namespace Ws52x.Tests.Socket
{
    /// <summary>Issue 10 item 5: periodic report, ff03, basic information after each join, ff28, ff2c, ff26, ff27.</summary>
    public class ReportingTests
    {
        [Fact]
        public void Reports_come_every_interval_after_the_join_and_ff03_sets_it_in_seconds()
        {
            var board = OnAndJoined();
            long joined = board.Uplinks.First(IsBasicInformation).AtMicros;
            board.RunUntil(joined + 60 * Minute + Second);
            var times = StatusReports(board, joined + Second).Select(u => u.AtMicros - joined).ToArray();
            Assert.Equal(new[] { 20 * Minute, 40 * Minute, 60 * Minute }, times);

            long set = board.Clock.NowMicros;
            Downlink(board, "ff033c00"); // 60 s
            Assert.Equal(60, board.Settings.Current.Socket.ReportingIntervalSeconds);
            board.RunFor(3 * Minute);
            var after = StatusReports(board, set).Select(u => u.AtMicros - set).ToArray();
            Assert.Equal(3, after.Length);
            Assert.InRange(after[0], 60 * Second, 61 * Second);
            Assert.Equal(60 * Second, after[1] - after[0]);
        }

        [Fact]
        public void Basic_information_follows_each_join_with_power_on_only_the_first_time_and_the_class()
        {
            var board = Board();
            board.RunFor(7 * Second);
            var first = Decode(board.Uplinks.Single(IsBasicInformation));
            Assert.True(first.Has(UplinkValues.HasPowerOn));
            Assert.Equal(2, first.Basic.LoRaWanClass); // Class C, the settings' default
            Assert.Equal(board.Io.SerialNumber, first.Basic.SerialNumber);
            Assert.Equal((1, 2), (first.Basic.HardwareMajor, first.Basic.HardwareMinor)); // v1.2: the board has the power-fail input
            Assert.Equal((false, 10), (first.Basic.OvercurrentAlarmEnabled, first.Basic.OvercurrentAlarmThresholdAmps));

            Downlink(board, "ff24010c");
            board.Socket.OnLinkLost();
            board.Link.AcceptJoin(); // rejoined
            board.RunFor(Second);
            var again = Decode(board.Uplinks.Last(IsBasicInformation));
            Assert.False(again.Has(UplinkValues.HasPowerOn));
            Assert.Equal((true, 12), (again.Basic.OvercurrentAlarmEnabled, again.Basic.OvercurrentAlarmThresholdAmps));
        }

        [Fact]
        public void ff28_is_answered_with_the_status_report_and_ff2c_with_basic_information()
        {
            var board = OnAndJoined();
            int before = board.Uplinks.Count;
            Downlink(board, "ff28ff");
            Assert.True(IsStatusReport(board.Uplinks.Last()));
            Downlink(board, "ff2cff");
            Assert.True(IsBasicInformation(board.Uplinks.Last()));
            Assert.Equal(before + 2, board.Uplinks.Count);
        }

        [Fact]
        public void One_report_for_a_frame_however_many_of_its_commands_ask_for_one()
        {
            var board = Board();
            board.RunFor(7 * Second);
            int before = board.Uplinks.Count;
            Downlink(board, "080100ffff28ffff27ff");
            board.RunFor(3 * Second); // it switched on: the report waits for the meter's reading of the load
            Assert.Single(board.Uplinks.Skip(before));
            Assert.True(Status(board.Uplinks.Last()).SocketOn);
        }

        [Fact]
        public void ff26_off_stops_the_energy_counter_and_ff27_resets_it_and_reports_zero()
        {
            var board = OnAndJoined();
            board.RunFor(10 * Minute);
            Downlink(board, "ff2600");
            Downlink(board, "ff28ff");
            long frozen = Status(board.Uplinks.Last()).EnergyWattHours;
            Assert.InRange(frozen, 330, 340); // 2 kW for ~10 min
            board.RunFor(10 * Minute);
            Downlink(board, "ff28ff");
            Assert.Equal(frozen, Status(board.Uplinks.Last()).EnergyWattHours);
            Assert.False(Decode(board.Uplinks.Last(IsStatusReport)).Has(UplinkValues.HasPowerOutage));

            Downlink(board, "ff2601");
            Downlink(board, "ff27ff");
            Assert.Equal(0, Status(board.Uplinks.Last()).EnergyWattHours);
            board.RunFor(3 * Minute);
            Downlink(board, "ff28ff");
            Assert.InRange(Status(board.Uplinks.Last()).EnergyWattHours, 95, 105);
        }

        [Fact]
        public void Uplinks_go_on_the_application_port_confirmed_as_the_settings_say()
        {
            var board = Board();
            board.Settings.Current.LoRaWan.ApplicationPort = 12;
            board.Settings.Current.LoRaWan.Confirmed = true;
            board.RunFor(7 * Second);
            Assert.All(board.Uplinks, u => Assert.Equal(12, u.Port));
            Assert.All(board.Uplinks, u => Assert.True(u.Confirmed));
            Downlink(board, "ff28ff", port: 85);
            Assert.Equal(2, board.Uplinks.Count); // port 85 is not the application port any more: ignored
            Downlink(board, "ff28ff", port: 12);
            Assert.Equal(3, board.Uplinks.Count);
        }

        [Fact]
        public void A_payload_longer_than_the_data_rate_carries_is_split_between_whole_fields()
        {
            var board = Board(pretendJoin: false);
            board.Link.MaxPayloadLength = 11; // US915 DR0
            board.Link.AcceptJoin();
            board.RunFor(3 * Second); // the join's report waits for the meter's first readings
            var parts = board.Uplinks.ToList();
            Assert.All(parts, u => Assert.InRange(u.Payload.Length, 1, 11));
            Assert.All(parts, u => Decode(u)); // each a valid WS52x payload
            int total = parts.Sum(u => u.Payload.Length);
            Assert.Equal(UplinkEncoder.BasicInformationMaxLength + UplinkEncoder.ElectricalStatusLength, total);
        }

        [Fact]
        public void A_reporting_interval_set_at_the_console_takes_effect_at_once()
        {
            var board = OnAndJoined();
            board.TypeConsoleLine("login 123456");
            board.RunFor(3 * Second);
            board.TypeConsoleLine("set report_interval 60");
            board.RunFor(Second);
            long set = board.Clock.NowMicros;
            Assert.Equal(60, board.Settings.Current.Socket.ReportingIntervalSeconds);
            board.RunFor(125 * Second);
            Assert.Equal(2, StatusReports(board, set).Count);
        }

        [Fact]
        public void Energy_stopped_by_ff26_stays_put_across_a_mains_cut_and_resumes_from_there_on_ff2601()
        {
            var board = OnAndJoined();
            board.RunFor(10 * Minute);
            Downlink(board, "ff2600");
            Downlink(board, "ff28ff");
            long frozen = Status(board.Uplinks.Last()).EnergyWattHours;
            board.MainsOff();
            board.RunFor(2 * Second);
            board.MainsOn();
            board.RunFor(8 * Second);
            board.Press();
            board.RunFor(10 * Minute);
            Downlink(board, "ff28ff");
            Assert.Equal(frozen, Status(board.Uplinks.Last()).EnergyWattHours);
            Downlink(board, "ff2601");
            board.RunFor(3 * Minute);
            Downlink(board, "ff28ff");
            Assert.InRange(Status(board.Uplinks.Last()).EnergyWattHours, frozen + 95, frozen + 105); // 2 kW for 3 min
        }
    }
}
