namespace Ws52x.Config
{
    /// <summary>
    /// Where the one <see cref="Settings"/> instance lives and is persisted. Whoever changes a setting (a downlink, the
    /// console, a template import) changes <see cref="Current"/> and calls <see cref="Save"/>; after a power cut in the
    /// middle of a save the board boots with the old or the new settings, never a mix.
    /// </summary>
    public interface ISettingsStore
    {
        Settings Current { get; }

        /// <summary>Persists <see cref="Current"/> atomically.</summary>
        void Save();
    }
}
