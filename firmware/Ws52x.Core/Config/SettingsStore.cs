using System;
using Ws52x.Diagnostics;
using Ws52x.Platform;

namespace Ws52x.Config
{
    /// <summary>
    /// The settings of the running firmware and their record in storage. Loaded once at boot, before the other areas
    /// start; saved through <see cref="IKeyValueStorage.Replace"/>, which is atomic, so a power cut during a save leaves
    /// the old or the new record. A change is checked as a whole first (<see cref="Commit"/>): nothing invalid is ever
    /// stored or becomes <see cref="Current"/>.
    /// <para>Flash wear: a save writes one record (about 450 bytes) and happens only when a setting changes: a console
    /// command, a template, a configuration downlink. A save whose record is identical to the stored one (a downlink
    /// repeating the same interval) is not written at all. Normal use is therefore 0 writes a day; see
    /// docs/configuration.md for the figures.</para>
    /// </summary>
    public sealed class SettingsStore : ISettingsStore
    {
        public const string StorageKey = "config.settings";

        private const int MaxObservers = 8;

        private readonly IKeyValueStorage _storage;
        private readonly SettingsDefaults _defaults;
        private readonly SettingsRules _rules;
        private readonly Log _log;
        private readonly byte[] _record = new byte[SettingsRecord.MaxLength];
        // The record last stored, to skip a save that would write the same again; exactly its length (a record is about
        // 450 bytes of the 1 KB it may take), made anew only when a record is written.
        private byte[] _stored = new byte[0];
        private readonly SettingValue _scratch = new SettingValue();
        private readonly ISettingsObserver[] _observers = new ISettingsObserver[MaxObservers];
        private int _storedLength;
        private int _observerCount;

        public SettingsStore(IKeyValueStorage storage, SettingsDefaults defaults, SettingsRules rules, Log log)
        {
            _storage = storage;
            _defaults = defaults;
            _rules = rules;
            _log = log;
            Current = defaults.Create();
        }

        public Settings Current { get; }

        public SettingsDefaults Defaults => _defaults;

        public SettingsRules Rules => _rules;

        /// <summary>Records written since boot.</summary>
        public int Writes { get; private set; }

        /// <summary>Saves since boot that were not written because nothing had changed.</summary>
        public int UnchangedSaves { get; private set; }

        /// <summary>Saves over the board's life, as the last record says (0: never saved).</summary>
        public uint Sequence { get; private set; }

        /// <summary>Length of the last record written or read, in bytes.</summary>
        public int RecordLength => _storedLength;

        /// <summary>Reads the stored settings into <see cref="Current"/>; factory defaults when there are none or they
        /// are unreadable (an unreadable record stays in storage until the next save replaces it). Says which in the log.</summary>
        public void Load()
        {
            int length = _storage == null ? -1 : _storage.Read(StorageKey, _record);
            if (length < 0)
            {
                _log.Line("config").Append("no stored settings: factory defaults, region ").Append(Current.LoRaWan.Region);
                _log.End();
                return;
            }

            if (length > _record.Length)
            {
                _log.Warn("config", "stored settings unreadable (" + length.ToString() + " bytes, more than " + _record.Length.ToString() + "): factory defaults used");
                return;
            }

            string reason = SettingsRecord.Read(_record, length, Current, _rules, out uint sequence, out string warnings);
            if (reason != null)
            {
                _log.Warn("config", "stored settings unreadable (" + reason + "): factory defaults used");
                return;
            }

            Sequence = sequence;
            Keep(length);
            _log.Line("config").Append("settings restored (save #").Append(sequence).Append(", ").Append(length).Append(" bytes), region ").Append(Current.LoRaWan.Region);
            _log.End();
            if (warnings != null)
            {
                _log.Warn("config", "stored settings partly unusable: " + warnings);
            }
        }

        /// <summary>
        /// Persists <see cref="Current"/> atomically (the contract every writer uses: change Current, then Save). An
        /// invalid Current or a storage failure is logged, nothing is written, and it throws: the writer changed Current
        /// itself, so only it can put the values back (a downlink does, and then runs none of its actions).
        /// </summary>
        public void Save()
        {
            string reason = Commit(Current);
            if (reason != null)
            {
                _log.Warn("config", "settings not saved: " + reason);
                throw new InvalidOperationException(reason);
            }
        }

        /// <summary>
        /// Makes <paramref name="candidate"/> the settings: checks it whole, stores it, then copies it into
        /// <see cref="Current"/> and tells the observers. Returns null, or why nothing changed (neither storage nor Current).
        /// </summary>
        public string Commit(Settings candidate)
        {
            string reason = _rules.CheckAll(candidate);
            if (reason != null)
            {
                return reason;
            }

            int length = SettingsRecord.Write(candidate, Sequence + 1, _record, _scratch);
            if (SameAsStored(length))
            {
                UnchangedSaves++;
                SettingsAccess.Copy(candidate, Current, _scratch);
                return null;
            }

            try
            {
                _storage.Replace(StorageKey, _record, length);
            }
            catch (Exception e)
            {
                return "storage failed (" + e.Message + "); nothing changed";
            }

            Sequence++;
            Writes++;
            Keep(length);
            SettingsAccess.Copy(candidate, Current, _scratch);
            Notify();
            return null;
        }

        /// <summary>
        /// Factory settings again: the record is deleted (the next boot finds none) and <see cref="Current"/> holds the
        /// defaults. False, with the storage untouched, when the delete fails.
        /// </summary>
        public bool Forget()
        {
            try
            {
                _storage.Delete(StorageKey);
            }
            catch (Exception e)
            {
                _log.Warn("config", "could not erase the settings: " + e.Message);
                return false;
            }

            _storedLength = 0;
            SettingsAccess.Copy(_defaults.Create(), Current, _scratch);
            Notify();
            return true;
        }

        public void Subscribe(ISettingsObserver observer)
        {
            if (_observerCount == MaxObservers)
            {
                throw new InvalidOperationException("too many settings observers");
            }

            _observers[_observerCount++] = observer;
        }

        private void Keep(int length)
        {
            if (_stored.Length != length)
            {
                _stored = new byte[length];
            }

            Array.Copy(_record, _stored, length);
            _storedLength = length;
        }

        // Compares with the stored record past the sequence number, the one field that always differs.
        private bool SameAsStored(int length)
        {
            if (length != _storedLength)
            {
                return false;
            }

            for (int i = SettingsRecord.HeaderLength; i < length; i++)
            {
                if (_record[i] != _stored[i])
                {
                    return false;
                }
            }

            return true;
        }

        private void Notify()
        {
            for (int i = 0; i < _observerCount; i++)
            {
                _observers[i].OnSettingsChanged(Current);
            }
        }
    }
}
