using Ws52x.Config.Storage;
using Ws52x.Host.Board.Storage;
using Ws52x.Platform;

namespace Ws52x.Host.Board
{
    /// <summary>
    /// Key/value storage in memory, running the firmware's own journal (<see cref="RecordJournal"/>) over files in memory,
    /// as every board does over its flash. <see cref="Clone"/> is what a board finds after a power cut now.
    /// </summary>
    public sealed class MemoryStorage : IKeyValueStorage
    {
        public MemoryStorage()
            : this(new MemoryFiles())
        {
        }

        public MemoryStorage(MemoryFiles files)
        {
            Files = files;
            Journal = new RecordJournal(files);
        }

        /// <summary>The files the journal keeps its slots in.</summary>
        public MemoryFiles Files { get; }

        public RecordJournal Journal { get; }

        /// <summary>Replaces done through this storage (not through its clones).</summary>
        public int Writes => Journal.TotalReplaces;

        public int Read(string key, byte[] buffer) => Journal.Read(key, buffer);

        public void Replace(string key, byte[] data, int length) => Journal.Replace(key, data, length);

        public bool Delete(string key) => Journal.Delete(key);

        /// <summary>What a board would find after a power cut now: the same files, read by a new journal, no write count.</summary>
        public MemoryStorage Clone()
        {
            return new MemoryStorage(Files.Clone());
        }
    }
}
