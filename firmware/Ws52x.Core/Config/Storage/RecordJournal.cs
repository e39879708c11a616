using System;
using Ws52x.Diagnostics;
using Ws52x.Platform;

namespace Ws52x.Config.Storage
{
    /// <summary>
    /// The firmware's key/value storage on any board's raw files (<see cref="IFileStore"/>): every record is kept in two
    /// slot files, "key.a" and "key.b", each a complete copy with a generation and a CRC (<see cref="JournalRecord"/>).
    /// <para>Replace writes the slot that does not hold the newest copy, with the next generation; Read returns the
    /// readable copy of the highest generation. A power cut during a replace can only tear the slot being written, so a
    /// read after it finds the old copy intact in the other slot (old value), or the completed new one (new value). No
    /// rename, no recovery step: a torn slot is simply the older one, overwritten by the next replace. Delete removes the
    /// older slot first and the newest last, so a cut between them leaves the old value, never an older one.</para>
    /// <para>A copy that stops reading back (damaged flash) is passed over for the other slot's older copy, or the key
    /// reads as absent if that is unreadable too; either way it is counted in <see cref="UnreadableCopies"/> and logged.</para>
    /// <para>Steady state allocates nothing: slot names are made once per key, the file image is built in one scratch
    /// buffer that grows to the largest record. This journal must be the only writer of its files while it runs; a new
    /// one (a reboot) reads the slots afresh.</para>
    /// </summary>
    public sealed class RecordJournal : IKeyValueStorage
    {
        /// <summary>The largest payload a record may have.</summary>
        public const int MaxRecordLength = 4096;

        /// <summary>Bytes a slot file holds beyond the record itself (its header): a replace writes this plus the record.</summary>
        public const int SlotOverhead = JournalRecord.HeaderLength;

        // What Load found in a slot file, when it is not a copy.
        private const int Absent = -1;
        private const int Unreadable = -2;

        private readonly IFileStore _files;
        private readonly object _lock = new object();
        private JournalKey[] _keys = new JournalKey[8];
        private int _keyCount;
        private byte[] _scratch = new byte[JournalRecord.HeaderLength + 256];

        public RecordJournal(IFileStore files)
        {
            _files = files ?? throw new ArgumentNullException(nameof(files));
        }

        /// <summary>Where an unreadable copy is reported; null = counted only.</summary>
        public Log Log { get; set; }

        /// <summary>Slot files found torn (a cut write) or damaged since this journal started, each counted once until it is written again.</summary>
        public int UnreadableCopies { get; private set; }

        /// <summary>Replaces done by this journal, all keys.</summary>
        public int TotalReplaces { get; private set; }

        /// <summary>Bytes written to files by this journal (headers included), all keys: the flash wear it caused.</summary>
        public long TotalBytesWritten { get; private set; }

        /// <summary>How many keys this journal has met (read, replaced or deleted); see <see cref="KeyAt"/>.</summary>
        public int KeyCount => _keyCount;

        /// <summary>The <paramref name="index"/>th key met, in the order they were first used.</summary>
        public string KeyAt(int index)
        {
            lock (_lock)
            {
                return _keys[index].Key;
            }
        }

        /// <summary>Replaces of <paramref name="key"/> done by this journal.</summary>
        public int Replaces(string key)
        {
            lock (_lock)
            {
                JournalKey entry = Find(key);
                return entry == null ? 0 : entry.Replaces;
            }
        }

        /// <summary>Bytes written for <paramref name="key"/> by this journal, headers included.</summary>
        public long BytesWritten(string key)
        {
            lock (_lock)
            {
                JournalKey entry = Find(key);
                return entry == null ? 0 : entry.BytesWritten;
            }
        }

        public int Read(string key, byte[] buffer)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            lock (_lock)
            {
                JournalKey entry = Entry(key);
                if (!entry.Scanned)
                {
                    Scan(entry);
                }

                // Twice at most: if the newest copy no longer reads back (damaged since it was found), look at both again.
                for (int attempt = 0; attempt < 2 && entry.Current >= 0; attempt++)
                {
                    int length = Load(entry.Slot(entry.Current), out uint generation);
                    if (length >= 0 && generation == entry.Generation)
                    {
                        if (length <= buffer.Length)
                        {
                            Array.Copy(_scratch, JournalRecord.HeaderLength, buffer, 0, length);
                        }

                        return length;
                    }

                    Scan(entry);
                }

                return -1;
            }
        }

        public void Replace(string key, byte[] data, int length)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (length < 0 || length > data.Length || length > MaxRecordLength)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "a record is 0 to " + MaxRecordLength.ToString() + " bytes, within the data");
            }

            lock (_lock)
            {
                JournalKey entry = Entry(key);
                if (!entry.Scanned)
                {
                    Scan(entry);
                }

                int target = entry.Current == 0 ? 1 : 0;
                uint generation = entry.Generation + 1;
                EnsureScratch(JournalRecord.HeaderLength + length);
                int fileLength = JournalRecord.Encode(_scratch, generation, data, length);
                _files.Write(entry.Slot(target), _scratch, 0, fileLength);

                // Only now is the new copy the newest: if the write threw, the old one still is.
                entry.Current = target;
                entry.Generation = generation;
                entry.Unreadable &= ~(1 << target);
                entry.Replaces++;
                entry.BytesWritten += fileLength;
                TotalReplaces++;
                TotalBytesWritten += fileLength;
            }
        }

        public bool Delete(string key)
        {
            lock (_lock)
            {
                JournalKey entry = Entry(key);
                if (!entry.Scanned)
                {
                    Scan(entry);
                }

                bool existed = entry.Current >= 0;
                int older = entry.Current == 0 ? 1 : 0;
                _files.Delete(entry.Slot(older));
                _files.Delete(entry.Slot(1 - older));
                entry.Current = -1;
                return existed;
            }
        }

        /// <summary>Reads both slots and settles which holds the newest readable copy.</summary>
        private void Scan(JournalKey entry)
        {
            int best = -1;
            uint bestGeneration = 0;
            int unreadable = 0;
            for (int slot = 0; slot < 2; slot++)
            {
                int length = Load(entry.Slot(slot), out uint generation);
                if (length >= 0)
                {
                    if (best < 0 || JournalRecord.IsNewer(generation, bestGeneration))
                    {
                        best = slot;
                        bestGeneration = generation;
                    }
                }
                else if (length == Unreadable)
                {
                    unreadable |= 1 << slot;
                }
            }

            entry.Scanned = true;
            entry.Current = best;
            if (best >= 0)
            {
                entry.Generation = bestGeneration;
            }

            // Each unreadable copy is reported once, when it is first found, not at every later look.
            int found = unreadable & ~entry.Unreadable;
            entry.Unreadable = unreadable;
            for (int slot = 0; slot < 2; slot++)
            {
                if ((found & (1 << slot)) != 0)
                {
                    ReportUnreadable(entry, slot);
                }
            }
        }

        /// <summary>Reads a slot file into the scratch buffer: its payload length, <see cref="Absent"/> or <see cref="Unreadable"/>.</summary>
        private int Load(string name, out uint generation)
        {
            generation = 0;
            int fileLength = _files.Read(name, _scratch, 0, _scratch.Length);
            if (fileLength < 0)
            {
                return Absent;
            }

            if (fileLength > _scratch.Length)
            {
                if (fileLength > JournalRecord.HeaderLength + MaxRecordLength)
                {
                    return Unreadable;
                }

                EnsureScratch(fileLength);
                fileLength = _files.Read(name, _scratch, 0, _scratch.Length);
                if (fileLength < 0 || fileLength > _scratch.Length)
                {
                    return Unreadable;
                }
            }

            int length = JournalRecord.Check(_scratch, fileLength, out generation);
            return length >= 0 ? length : Unreadable;
        }

        private void ReportUnreadable(JournalKey entry, int slot)
        {
            UnreadableCopies++;
            if (Log != null)
            {
                Log.Warn(
                    "storage",
                    "'" + entry.Slot(slot) + "' is torn by a power cut or damaged; " +
                    (entry.Current >= 0 ? "'" + entry.Key + "' reads generation " + entry.Generation.ToString() + " from '" + entry.Slot(entry.Current) + "'" : "'" + entry.Key + "' has no readable copy"));
            }
        }

        private JournalKey Find(string key)
        {
            for (int i = 0; i < _keyCount; i++)
            {
                if (string.Equals(_keys[i].Key, key))
                {
                    return _keys[i];
                }
            }

            return null;
        }

        /// <summary>The key's entry, made (and the key validated) on its first use.</summary>
        private JournalKey Entry(string key)
        {
            JournalKey entry = Find(key);
            if (entry != null)
            {
                return entry;
            }

            entry = new JournalKey(key);
            if (_keyCount == _keys.Length)
            {
                var grown = new JournalKey[_keys.Length * 2];
                Array.Copy(_keys, grown, _keyCount);
                _keys = grown;
            }

            _keys[_keyCount++] = entry;
            return entry;
        }

        private void EnsureScratch(int size)
        {
            if (_scratch.Length < size)
            {
                _scratch = new byte[size];
            }
        }
    }
}
