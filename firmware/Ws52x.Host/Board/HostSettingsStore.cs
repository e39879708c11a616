using Ws52x.Config;
using Ws52x.Socket;

namespace Ws52x.Host.Board
{
    /// <summary>
    /// The host board's stand-in for the configuration area's persistent store (which is not wired yet): what was last
    /// saved survives the host's reboots and mains cuts, unsaved changes do not. Only the socket part is kept; the
    /// LoRaWAN part starts from the defaults at every boot.
    /// </summary>
    public sealed class HostSettingsStore : ISettingsStore
    {
        private readonly SocketSettingsSnapshot _saved = new SocketSettingsSnapshot();

        public HostSettingsStore()
        {
            Current = new Settings();
            _saved.CopyFrom(Current.Socket);
        }

        public Settings Current { get; private set; }

        public int Saves { get; private set; }

        public void Save()
        {
            _saved.CopyFrom(Current.Socket);
            Saves++;
        }

        /// <summary>A boot: the settings as last saved.</summary>
        public void Reload()
        {
            Current = new Settings();
            _saved.CopyTo(Current.Socket);
        }

        /// <summary>Factory reset: the guide's defaults, saved.</summary>
        public void ResetToDefaults()
        {
            Current = new Settings();
            Save();
        }
    }
}
