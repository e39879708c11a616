namespace Ws52x.Platform
{
    /// <summary>
    /// Raw files in one flat folder, whole-file at a time: what the storage journal
    /// (<c>Ws52x.Config.Storage.RecordJournal</c>) needs from a board, and nothing more. Names are plain file names
    /// (the journal makes them from validated keys); a board maps them into its folder.
    /// <para>What the journal assumes of it, which is what LittleFS on the ESP32's internal flash gives:</para>
    /// <list type="bullet">
    /// <item><see cref="Delete"/> is atomic: after a power cut the file is either all there or gone.</item>
    /// <item>A <see cref="Write"/> cut by a power loss may leave the file in any state between the old and the new
    /// content: absent or empty, torn at any byte (a prefix of the new bytes), the full length with unprogrammed bytes
    /// (0xFF) from some byte on, or still the old content. The journal's CRC tells these apart from a complete file.</item>
    /// <item>Nothing of a write is durable before it returns (the board flushes/syncs before returning); once it has
    /// returned, the content survives power cuts.</item>
    /// <item>A write or delete of one file never changes another file.</item>
    /// </list>
    /// Failures of the medium are reported by exceptions (System.IO.IOException on the boards).
    /// </summary>
    public interface IFileStore
    {
        /// <summary>
        /// Copies the start of the file into buffer[offset..offset+count) and returns the file's whole length, or -1
        /// if there is no such file. A file longer than <paramref name="count"/> has only its first count bytes copied.
        /// </summary>
        int Read(string name, byte[] buffer, int offset, int count);

        /// <summary>Creates the file or replaces its content with data[offset..offset+count), flushed before it returns.</summary>
        void Write(string name, byte[] data, int offset, int count);

        /// <summary>Removes the file; nothing happens if there is none.</summary>
        void Delete(string name);
    }
}
