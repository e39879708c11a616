namespace Ws52x.Config
{
    /// <summary>
    /// Told after settings were saved (console, template import, a downlink through <see cref="ISettingsStore.Save"/>,
    /// factory reset), on the loop's thread, so that an area can apply what takes effect at once (the reporting
    /// interval, the LED...). What takes effect at the next join or reboot it leaves for then (<see cref="SettingInfo.TakesEffect"/>).
    /// </summary>
    public interface ISettingsObserver
    {
        void OnSettingsChanged(Settings current);
    }
}
