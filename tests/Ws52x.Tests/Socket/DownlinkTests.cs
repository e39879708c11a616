using System.Linq;
using Ws52x.Config;
using Ws52x.Socket;
using Ws52x.Util;
using static Ws52x.Tests.Socket.Bench;

namespace Ws52x.Tests.Socket
{
    /// <summary>Issue 10 items 10 and 11: downlinks applied atomically, bad ones logged and ignored, settings saved once.</summary>
    public class DownlinkTests
    {
        [Theory]
        [InlineData("ff24010aff3001ff")]      // protection at 255 A: beyond the board's rating
        [InlineData("ff24010aff03")]          // truncated
        [InlineData("080100ffff9901")]        // unknown command after a valid switch
        [InlineData("ff24010a0802ffff")]      // 08 with 02
        [InlineData("ff033b00")]              // 59 s: below 1 min
        [InlineData("ff2200000011")]          // a delay of 0 s
        public void A_frame_with_one_bad_command_changes_nothing(string hex)
        {
            var s = new DirectSocket();
            s.RunFor(Second);
            var before = new SocketSettingsSnapshot();
            before.CopyFrom(s.Settings.Current.Socket);
            int writes = s.Storage.Writes;
            int sent = s.Link.Sent.Count;
            byte[] payload = Hex.Parse(hex);
            s.Downlink(payload);
            s.RunFor(Second);

            Assert.False(s.Relay.Level);
            Assert.Equal(0, s.Settings.Saves);
            Assert.Equal(writes, s.Storage.Writes);
            Assert.Equal(sent, s.Link.Sent.Count);
            Assert.False(s.Firmware.Socket.Delay.IsPending);
            var after = new SocketSettingsSnapshot();
            after.CopyFrom(s.Settings.Current.Socket);
            Assert.Equivalent(before, after);
            Assert.Contains("downlink: warning: rejected, nothing changed: " + Hex.ToHex(payload), s.Output.ToString());
            Assert.Equal(1, s.Firmware.Socket.Downlinks.Rejected);
        }

        [Fact]
        public void A_valid_frame_changes_every_setting_it_names_and_saves_once()
        {
            var s = new DirectSocket();
            s.Downlink(Hex.Parse("ff24010cff30010fff250a80ff2f00ff033c00"));
            var c = s.Settings.Current.Socket;
            Assert.Equal((true, 12), (c.OvercurrentAlarmEnabled, c.OvercurrentAlarmThresholdAmps));
            Assert.Equal((true, 15), (c.OvercurrentProtectionEnabled, c.OvercurrentProtectionThresholdAmps));
            Assert.Equal((true, 10), (c.ButtonLock, c.ButtonLockMinutes));
            Assert.False(c.LedEnabled);
            Assert.Equal(60, c.ReportingIntervalSeconds);
            Assert.Equal(1, s.Settings.Saves);
        }

        [Fact]
        public void A_failed_save_puts_every_value_back_and_runs_no_action()
        {
            var s = new DirectSocket();
            s.Settings.FailNextSave = true;
            s.Downlink(Hex.Parse("ff24010c080100ff"));
            Assert.False(s.Settings.Current.Socket.OvercurrentAlarmEnabled);
            Assert.Equal(10, s.Settings.Current.Socket.OvercurrentAlarmThresholdAmps);
            Assert.False(s.Relay.Level);
            Assert.Contains("settings not saved (flash write failed): nothing changed", s.Output.ToString());
        }

        [Fact]
        public void A_flash_that_fails_under_the_configurations_own_store_changes_nothing_either()
        {
            bool fail = false;
            var storage = new Ws52x.Host.Board.MemoryStorage();
            var flash = new WatchedStorage(storage, key =>
            {
                if (fail && key == SettingsStore.StorageKey)
                {
                    throw new System.IO.IOException("flash write failed");
                }
            }, key => { });
            var s = new DirectSocket(storage, flash: flash, configStore: true);
            s.RunFor(Second);
            fail = true;
            s.Downlink(Hex.Parse("ff24010c080100ff"));
            var c = s.Firmware.Config.Store.Current.Socket;
            Assert.Equal((false, 10), (c.OvercurrentAlarmEnabled, c.OvercurrentAlarmThresholdAmps));
            Assert.False(s.Relay.Level);
            Assert.Equal(1, s.Firmware.Socket.Downlinks.Rejected);

            fail = false; // the flash works again: the same frame now takes
            s.Downlink(Hex.Parse("ff24010c080100ff"));
            Assert.Equal((true, 12), (c.OvercurrentAlarmEnabled, c.OvercurrentAlarmThresholdAmps));
            Assert.True(s.Relay.Level);
        }

        [Fact]
        public void A_flash_write_that_fails_during_a_switch_still_reports_it_and_the_state_is_saved_later()
        {
            string failKey = null;
            var storage = new Ws52x.Host.Board.MemoryStorage();
            var flash = new WatchedStorage(storage, key =>
            {
                if (key == failKey)
                {
                    failKey = null;
                    throw new System.IO.IOException("flash write failed");
                }
            }, key => { });
            var s = new DirectSocket(storage, flash: flash);
            s.RunFor(5 * Second);
            failKey = RelayStateStore.StorageKey;
            s.Downlink(Hex.Parse("080100ff"));
            s.RunFor(5 * Second);
            Assert.True(s.Relay.Level);
            Assert.Single(s.Link.Sent); // the switch's report
            Assert.Contains("relay: warning: last state not saved (flash write failed)", s.Output.ToString());
            s.RunFor(10 * Second);
            Assert.True(s.Firmware.Socket.RelayStore.Load(out bool on, out _) && on); // tried again after the gap

            // A failing energy save in ff27 is logged (reports keep what flash holds), and later switches still report.
            failKey = Ws52x.Metering.EnergyStore.StorageKey;
            int before = s.Link.Sent.Count;
            s.Downlink(Hex.Parse("ff27ff"));
            Assert.Equal(before + 1, s.Link.Sent.Count);
            Assert.Contains("energy: warning: counter not saved (flash write failed)", s.Output.ToString());
            int sent = s.Link.Sent.Count;
            s.Firmware.Socket.OnPress(100 * Ms);
            Assert.False(s.Relay.Level);
            Assert.Equal(sent + 1, s.Link.Sent.Count);
        }

        [Fact]
        public void ff10ff_saves_what_must_survive_and_restarts_the_board()
        {
            var s = new DirectSocket();
            s.Downlink(Hex.Parse("080100ff"));
            s.RunFor(5 * Minute);
            s.Downlink(Hex.Parse("ff10ff"));
            Assert.Equal(1, s.Control.Reboots);
            var after = new DirectSocket(s.Storage.Clone(), s.Settings);
            Assert.True(after.Relay.Level); // kept across the soft reboot
            Assert.Equal(s.Firmware.Metering.Meter.Energy.WattHours, after.Firmware.Metering.Meter.Energy.WattHours);
        }

        [Fact]
        public void A_console_reboot_keeps_the_socket_as_it_was_like_ff10ff()
        {
            var s = new DirectSocket(configStore: true);
            s.Downlink(Hex.Parse("080100ff"));
            s.RunFor(20 * Second);
            s.Downlink(Hex.Parse("080000ff"));
            s.Downlink(Hex.Parse("080100ff")); // within the 10 s write gap: flash still says off
            s.Firmware.Config.Console.OnLine("login 123456");
            s.Firmware.Config.Console.OnLine("reboot");
            s.RunFor(Second);
            Assert.Equal(1, s.Control.Reboots);

            // The owner asked for a restart, not a power cut: the relay comes back on (the restore policy is "off").
            var after = new DirectSocket(s.Storage.Clone(), configStore: true);
            Assert.True(after.Relay.Level);
        }

        [Fact]
        public void ff10ff_restarts_even_when_the_energy_cannot_be_saved()
        {
            string failKey = null;
            var storage = new Ws52x.Host.Board.MemoryStorage();
            var flash = new WatchedStorage(storage, key => { if (key == failKey) throw new System.IO.IOException("flash write failed"); }, _ => { });
            var s = new DirectSocket(storage, flash: flash);
            s.Downlink(Hex.Parse("080100ff"));
            s.RunFor(5 * Minute);
            failKey = Ws52x.Metering.EnergyStore.StorageKey;
            s.Downlink(Hex.Parse("ff10ff"));
            Assert.Equal(1, s.Control.Reboots);
            Assert.Contains("energy: warning: counter not saved (flash write failed)", s.Output.ToString());
        }

        [Fact]
        public void Downlinks_on_another_port_are_ignored_and_multicast_ones_applied()
        {
            var s = new DirectSocket();
            s.Firmware.Socket.OnDownlink(86, Hex.Parse("080100ff"), 0, 4, false);
            Assert.False(s.Relay.Level);
            Assert.Contains("port 86 ignored", s.Output.ToString());
            s.Firmware.Socket.OnDownlink(85, Hex.Parse("00080100ff00"), 1, 4, true); // a slice of the MAC's buffer
            Assert.True(s.Relay.Level);
        }

        [Fact]
        public void Every_vendor_encoder_downlink_is_accepted()
        {
            foreach (string hex in Ws52x.Tests.Codec.CodecJson.Vectors("downlinks").Select(v => (string)v["hex"]))
            {
                var s = new DirectSocket();
                s.Downlink(Hex.Parse(hex));
                Assert.Equal(0, s.Firmware.Socket.Downlinks.Rejected);
                Assert.Equal(1, s.Firmware.Socket.Downlinks.Applied);
            }
        }

        [Fact]
        public void Settings_changed_by_downlink_survive_a_mains_cut_and_show_in_the_next_basic_information()
        {
            var board = OnAndJoined();
            Downlink(board, "ff033c00ff24010cff30010fff250080ff2f00ff2600");
            board.MainsOff();
            board.RunFor(2 * Second);
            board.MainsOn();
            board.RunFor(8 * Second);
            var s = board.Settings.Current.Socket;
            Assert.Equal(60, s.ReportingIntervalSeconds);
            Assert.Equal((true, 12), (s.OvercurrentAlarmEnabled, s.OvercurrentAlarmThresholdAmps));
            Assert.Equal((true, 15), (s.OvercurrentProtectionEnabled, s.OvercurrentProtectionThresholdAmps));
            Assert.True(s.ButtonLock);
            Assert.False(s.LedEnabled);
            Assert.False(s.PowerConsumptionEnabled);
            Assert.False(board.Led.Level);
            Assert.EndsWith("ff24010cff30010fff250080ff2600", Hex.ToHex(board.Uplinks.Last(IsBasicInformation).Payload));
        }
    }
}
