using System.IO;
using Ws52x.Config;
using Ws52x.Host.Board;
using Ws52x.Socket;
using Ws52x.Util;
using static Ws52x.Tests.Socket.Bench;

namespace Ws52x.Tests.Socket
{
    /// <summary>Issue 10 item 3: press toggles on debounced, timestamped edges; hold > 10 s resets; the lock freezes everything else.</summary>
    public class ButtonTests
    {
        [Fact]
        public void Each_press_toggles_once_despite_contact_bounce()
        {
            var board = Board(pretendJoin: false);
            for (int i = 1; i <= 4; i++)
            {
                board.Press(); // three edges at each end
                board.RunFor(Second);
                Assert.Equal(i % 2 == 1, board.Relay.Level);
            }

            Assert.Equal(4, board.Socket.Relay.Switches);
        }

        [Fact]
        public void A_glitch_shorter_than_the_debounce_time_does_nothing()
        {
            var board = Board(pretendJoin: false);
            board.RunFor(Second);
            board.Button.Drive(false);
            board.At(board.Clock.NowMicros + 10 * Ms, () => board.Button.Drive(true));
            board.RunFor(Second);
            Assert.False(board.Relay.Level);
            Assert.Equal(0, board.Socket.Relay.Switches);
        }

        [Fact]
        public void A_press_ends_within_3_s_and_a_longer_hold_short_of_10_s_does_nothing()
        {
            // Timed from the board's edge stamps: a 2.9 s press is a press, a 3.1 s hold is not.
            var board = Board(pretendJoin: false);
            board.Hold(2_900 * Ms);
            board.RunFor(4 * Second);
            Assert.True(board.Relay.Level);
            board.Hold(3_100 * Ms);
            board.RunFor(4 * Second);
            Assert.True(board.Relay.Level);
        }

        [Fact]
        public void Holding_past_10_s_blinks_quickly_and_asks_for_the_factory_reset_on_release()
        {
            var log = new StringWriter();
            var board = Board(pretendJoin: false, log: log);
            board.Socket.FactoryResetRequested = null; // see the request here, not the host's stand-in reset
            int resets = 0;
            board.Socket.FactoryResetRequested = () => resets++;
            board.RunFor(Second);
            long down = board.Clock.NowMicros;
            board.Hold(11 * Second);
            board.RunUntil(down + 9_900 * Ms);
            Assert.Null(board.Socket.Led.Playing);
            board.RunUntil(down + 10_500 * Ms);
            Assert.Same(LedPattern.Reset, board.Socket.Led.Playing);
            int changes = board.Led.Changes;
            board.RunUntil(down + 10_900 * Ms);
            Assert.InRange(board.Led.Changes - changes, 3, 5); // 5 Hz: a change every 100 ms
            Assert.Equal(0, resets);
            board.RunUntil(down + 11_500 * Ms);
            Assert.Equal(1, resets);
            Assert.False(board.Relay.Level); // a hold is not a press
            Assert.Contains("held 10 s: release to reset", log.ToString());
        }

        [Fact]
        public void The_lock_freezes_the_press_but_not_the_reset_and_the_reset_blinks_with_the_LED_disabled()
        {
            var board = Board(pretendJoin: false, configure: s => { s.ButtonLock = true; s.LedEnabled = false; });
            int resets = 0;
            board.Socket.FactoryResetRequested = () => resets++;
            board.Press();
            board.RunFor(Second);
            Assert.False(board.Relay.Level);
            Assert.Equal(0, board.Led.Changes);

            board.Hold(11 * Second);
            board.RunFor(12 * Second);
            Assert.Equal(1, resets);
            Assert.True(board.Led.Changes >= 10, "the LED blinked " + board.Led.Changes + " times");
        }

        [Fact]
        public void Factory_reset_on_the_host_board_restores_the_defaults_and_restarts()
        {
            var board = Board(configure: s => { s.ButtonLock = true; s.ReportingIntervalSeconds = 60; });
            board.Hold(11 * Second);
            board.RunFor(12 * Second);
            Assert.Equal(2, board.Boots);
            Assert.False(board.Settings.Current.Socket.ButtonLock);
            Assert.Equal(1200, board.Settings.Current.Socket.ReportingIntervalSeconds);
        }

        [Fact]
        public void A_timed_lock_releases_itself_and_a_reboot_runs_its_full_time_again()
        {
            var board = Board();
            board.RunFor(7 * Second);
            Downlink(board, "ff250580"); // lock for 5 minutes (0x8005)
            Assert.True(board.Settings.Current.Socket.ButtonLock);
            board.RunFor(4 * Minute);
            Downlink(board, "ff10ff");   // a reboot one minute before the end
            board.RunFor(4 * Minute + 59 * Second);
            Assert.True(board.Settings.Current.Socket.ButtonLock);
            board.RunFor(2 * Second);
            Assert.False(board.Settings.Current.Socket.ButtonLock);
            board.Press();
            board.RunFor(Second);
            Assert.True(board.Relay.Level);
        }

        [Fact]
        public void A_timed_lock_whose_release_cannot_be_saved_stays_locked_and_tries_again()
        {
            bool fail = false;
            var storage = new MemoryStorage();
            var flash = new WatchedStorage(storage, key =>
            {
                if (fail && key == SettingsStore.StorageKey)
                {
                    throw new IOException("flash write failed");
                }
            }, key => { });
            var s = new DirectSocket(storage, flash: flash, configStore: true);
            SocketSettings c = s.Firmware.Config.Store.Current.Socket;
            s.Downlink(Hex.Parse("ff250180")); // lock for a minute
            fail = true;
            s.RunFor(Minute + Second);
            Assert.True(c.ButtonLock); // what flash holds: a reboot now would find it locked too
            Assert.Contains("button: warning: lock time over but the unlock was not saved", s.Output.ToString());
            fail = false;
            s.RunFor(Minute);
            Assert.False(c.ButtonLock);
            var rebooted = new DirectSocket(storage.Clone(), configStore: true);
            Assert.False(rebooted.Firmware.Config.Store.Current.Socket.ButtonLock);
        }
    }
}
