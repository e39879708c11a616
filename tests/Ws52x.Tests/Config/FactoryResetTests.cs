using System.Linq;
using Ws52x.Config;
using Ws52x.Host.Board;
using Ws52x.Metering;

namespace Ws52x.Tests.Config
{
    /// <summary>Factory reset (guide 3.4.3): what it erases, what it keeps, and the reboot.</summary>
    public class FactoryResetTests
    {
        private static readonly byte[] Record = { 1, 2, 3 };

        [Fact]
        public void Settings_and_registered_records_go_energy_and_calibration_stay_then_the_board_restarts()
        {
            var storage = new MemoryStorage();
            storage.Replace(EnergyStore.StorageKey, Record, 3);
            storage.Replace(Calibration.StorageKey, Record, 3);
            storage.Replace("mac.session", Record, 3);
            storage.Replace("mac.other", Record, 3);
            var control = new RecordingControl();
            var rig = new ConsoleRig(storage, control: control);
            rig.Config.Reset.EraseOnReset("mac.session");
            rig.Config.Reset.EraseOnReset("mac.session");
            rig.Login();
            rig.One("set region RU864");
            rig.One("passwd 123456 Changed-1");

            var answer = rig.Type("factory-reset").Where(l => !ConsoleRig.IsLog(l)).ToList();
            Assert.Equal(new[] { "factory reset: settings back to factory defaults, 1 other record(s) erased; energy counter and calibration kept", "rebooting" }, answer);
            Assert.Equal(new[] { "factory reset" }, control.Reboots);
            Assert.Null(rig.Stored());
            Assert.Equal(-1, storage.Read("mac.session", new byte[8]));
            Assert.Equal(3, storage.Read("mac.other", new byte[8]));
            Assert.Equal(3, storage.Read(EnergyStore.StorageKey, new byte[8]));
            Assert.Equal(3, storage.Read(Calibration.StorageKey, new byte[8]));
            Assert.Equal("EU868", rig.Current.LoRaWan.Region);
            Assert.False(rig.Config.Console.LoggedIn);

            var booted = rig.Reboot();
            Assert.Equal("EU868", booted.Current.LoRaWan.Region);
            booted.Login("123456");
        }

        [Fact]
        public void A_board_that_cannot_restart_says_to_power_cycle_it()
        {
            var rig = new ConsoleRig();
            rig.Login();
            rig.One("set led off");
            var answer = rig.Type("factory-reset").Where(l => !ConsoleRig.IsLog(l)).ToList();
            Assert.Equal("this board cannot restart itself: power-cycle it to finish (the LoRaWAN session ends then)", answer[^1]);
            Assert.True(rig.Current.Socket.LedEnabled);
        }

        [Fact]
        public void The_button_path_resets_and_restarts_in_one_call_and_observers_hear_of_it()
        {
            var control = new RecordingControl();
            var rig = new ConsoleRig(control: control);
            var observer = new Observer();
            rig.Config.Store.Subscribe(observer);
            rig.Login();
            rig.One("set report_interval 600");
            Assert.Equal(600, observer.LastInterval);
            rig.Config.Reset.Run("button");
            Assert.Equal(1200, observer.LastInterval);
            Assert.Equal(new[] { "factory reset" }, control.Reboots);
            Assert.Contains(rig.Output.Lines, l => l.EndsWith("config: warning: factory reset (button)"));
        }

        [Fact]
        public void A_cut_during_the_reset_leaves_the_old_settings_or_the_reset_never_new_settings_on_an_old_session()
        {
            for (int cut = 0; cut <= 3; cut++)
            {
                var storage = new CuttableStorage();
                storage.Replace("mac.session", Record, 3);
                storage.Replace("mac.counters", Record, 3);
                var rig = new ConsoleRig(storage);
                rig.Config.Reset.EraseOnReset("mac.session");
                rig.Config.Reset.EraseOnReset("mac.counters");
                rig.Login();
                rig.One("set region RU864");
                storage.WritesBeforeCut = cut;
                rig.Config.Reset.Erase("button");
                storage.WritesBeforeCut = -1;
                var booted = rig.Reboot();
                bool reset = booted.Current.LoRaWan.Region == "EU868";
                bool sessionLeft = storage.Read("mac.session", new byte[8]) > 0 || storage.Read("mac.counters", new byte[8]) > 0;
                Assert.False(reset && sessionLeft, "cut after " + cut + " writes: factory settings on an old session");
                Assert.Equal(cut >= 3, reset);
            }
        }

        private sealed class Observer : ISettingsObserver
        {
            public int LastInterval;

            public void OnSettingsChanged(Settings current) => LastInterval = current.Socket.ReportingIntervalSeconds;
        }
    }
}
