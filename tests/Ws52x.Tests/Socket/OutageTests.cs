using System.Linq;
using Ws52x.Host.Board;
using Ws52x.Metering;
using static Ws52x.Tests.Socket.Bench;

namespace Ws52x.Tests.Socket
{
    /// <summary>Issue 10 item 9: the power-outage alert (guide 4.3) from the power-fail input, before the supply is gone.</summary>
    public class OutageTests
    {
        [Fact]
        public void Mains_off_sends_the_alert_at_once_urgent_and_unconfirmed_and_saves_the_energy()
        {
            var board = OnAndJoined();
            board.Settings.Current.LoRaWan.Confirmed = true;
            board.RunFor(7 * 60 * Second); // no periodic energy save yet
            long cut = board.Clock.NowMicros;
            int writes = board.Storage.Writes;
            long counted = board.Firmware.Metering.Meter.Energy.WattHours;
            board.MainsOff();
            board.RunFor(HostBoard.HoldUpMicros / 2);

            var alert = board.Uplinks.Single(IsOutageAlert);
            Assert.InRange(alert.AtMicros - cut, 0, 1 * Ms);
            Assert.True(alert.AtMicros < cut + HostBoard.HoldUpMicros);
            Assert.True(alert.Urgent);
            Assert.False(alert.Confirmed);

            // Energy saved, and nothing else written while the capacitors drain.
            Assert.Equal(writes + 1, board.Storage.Writes);
            var clone = new EnergyCounter();
            var record = new byte[EnergyCounter.RecordLength];
            Assert.True(clone.TryRead(record, board.Storage.Read(EnergyStore.StorageKey, record)));
            Assert.Equal(counted, clone.WattHours);
            Downlink(board, "080000ff"); // refused while mains is lost
            Assert.True(board.Relay.Level);

            board.RunFor(HostBoard.HoldUpMicros);
            Assert.Null(board.Firmware);
            Assert.Equal(writes + 1, board.Storage.Writes);
        }

        [Fact]
        public void Mains_back_within_the_hold_up_lets_the_socket_go_on()
        {
            var board = OnAndJoined();
            board.MainsOff();
            board.RunFor(100 * Ms);
            board.MainsOn();
            board.RunFor(2 * Second); // believed after a second of steady mains
            Assert.Equal(1, board.Boots);
            Assert.NotNull(board.Firmware);
            Assert.False(board.Socket.MainsLost);
            Assert.Single(board.Uplinks, IsOutageAlert);
            Downlink(board, "080000ff");
            Assert.False(board.Relay.Level);
        }

        [Fact]
        public void A_chattering_detector_sends_one_alert()
        {
            var board = OnAndJoined();
            for (int i = 0; i < 5; i++)
            {
                board.PowerFail.Drive(false);
                board.PowerFail.Drive(true);
                board.PowerFail.Drive(false);
            }

            board.RunFor(10 * Ms);
            Assert.Single(board.Uplinks, IsOutageAlert);
        }

        [Fact]
        public void An_input_that_reads_low_at_boot_is_not_taken_for_an_outage()
        {
            // A board whose detector input reads low from boot (not wired, no pull-up): the firmware runs, so mains is there.
            var board = SocketRigBoardWithPowerFailLow();
            board.RunFor(7 * Second);
            Assert.False(board.Socket.Mains.Armed);
            Assert.False(board.Socket.MainsLost);
            Assert.DoesNotContain(board.Uplinks, IsOutageAlert);
            Downlink(board, "080100ff"); // not taken for a downlink during an outage
            Assert.True(board.Relay.Level);

            // Once it has read high it is a detector like any other.
            board.PowerFail.Drive(true);
            board.RunFor(Second);
            board.PowerFail.Drive(false);
            board.RunFor(Ms);
            Assert.Single(board.Uplinks, IsOutageAlert);
        }

        private static HostBoard SocketRigBoardWithPowerFailLow()
        {
            var board = Ws52x.Benchmarks.SocketRig.Board(Ws52x.Host.Board.Metering.LoadProfiles.Find("heater"));
            board.Settings.Save();
            board.PowerFail.Drive(false);
            board.Start();
            return board;
        }
    }
}
