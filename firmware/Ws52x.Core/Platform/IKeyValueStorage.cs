namespace Ws52x.Platform
{
    /// <summary>
    /// Small persistent records by key (settings, energy counter). <see cref="Replace"/> is atomic: after a power cut in the
    /// middle of it, <see cref="Read"/> returns either the old or the new value, never a mix.
    /// Every board runs the same implementation, <c>Ws52x.Config.Storage.RecordJournal</c>, on its raw files
    /// (<see cref="IFileStore"/>); docs/storage.md says what it guarantees and what damaged flash can do.
    /// </summary>
    public interface IKeyValueStorage
    {
        /// <summary>Copies the value of <paramref name="key"/> into <paramref name="buffer"/>; returns its length, or -1 if absent.
        /// A value longer than the buffer is not copied and its length is returned.</summary>
        int Read(string key, byte[] buffer);

        /// <summary>Atomically replaces (or creates) the value of <paramref name="key"/> with data[0..length).</summary>
        void Replace(string key, byte[] data, int length);

        /// <summary>Removes the key; false if it was absent.</summary>
        bool Delete(string key);
    }
}
