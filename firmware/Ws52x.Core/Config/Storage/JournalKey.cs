using System;

namespace Ws52x.Config.Storage
{
    /// <summary>
    /// What the journal knows about one key: its two slot file names (made once, so a steady-state replace builds no
    /// strings), which slot holds the newest readable copy and its generation, and the key's write counts.
    /// </summary>
    internal sealed class JournalKey
    {
        public const int MaxLength = 32;

        public JournalKey(string key)
        {
            Validate(key);
            Key = key;
            SlotA = key + ".a";
            SlotB = key + ".b";
        }

        public string Key { get; }

        public string SlotA { get; }

        public string SlotB { get; }

        /// <summary>Whether both slots have been looked at since this journal started.</summary>
        public bool Scanned;

        /// <summary>0 (slot a) or 1 (slot b): the newest readable copy; -1 when there is none.</summary>
        public int Current = -1;

        /// <summary>The generation of the copy in <see cref="Current"/> (the last one known when there is none); the next
        /// replace writes one more, which is newer than both slots.</summary>
        public uint Generation;

        /// <summary>Bit 0 (slot a), bit 1 (slot b): slots found unreadable and not written since.</summary>
        public int Unreadable;

        public int Replaces;

        public long BytesWritten;

        public string Slot(int slot)
        {
            return slot == 0 ? SlotA : SlotB;
        }

        /// <summary>
        /// Keys become file names on every board's file system: 1 to 32 of a-z, 0-9, '.', '_', '-', starting with a
        /// letter or digit. Lower case only, so two keys never share a file on a case-insensitive host file system; a
        /// slot name (key + ".a" or ".b") can never equal another key's slot name, since it ends in the slot letter.
        /// </summary>
        public static void Validate(string key)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            bool ok = key.Length >= 1 && key.Length <= MaxLength;
            for (int i = 0; ok && i < key.Length; i++)
            {
                char c = key[i];
                bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                ok = alnum || (i > 0 && (c == '.' || c == '_' || c == '-'));
            }

            if (!ok)
            {
                string shown = key.Length > 40 ? key.Substring(0, 40) + "..." : key;
                throw new ArgumentException(
                    "storage key '" + shown + "' is not 1 to " + MaxLength.ToString() +
                    " of a-z, 0-9, '.', '_', '-' starting with a letter or digit");
            }
        }
    }
}
