using Ws52x.Config;

namespace Ws52x.App
{
    /// <summary>
    /// Settings kept in RAM only: the guide's defaults at every boot, Save does nothing. What the firmware uses when the
    /// board hands it no persistent store (the configuration area provides that one).
    /// </summary>
    internal sealed class RamSettingsStore : ISettingsStore
    {
        public Settings Current { get; } = new Settings();

        public int Saves { get; private set; }

        public void Save()
        {
            Saves++;
        }
    }
}
