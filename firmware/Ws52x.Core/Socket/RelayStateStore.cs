using System;
using Ws52x.Diagnostics;
using Ws52x.Loop;
using Ws52x.Platform;

namespace Ws52x.Socket
{
    /// <summary>
    /// The relay's last state on flash, for the "last state" power-restore policy, with bounded wear: a change is
    /// written at once unless the previous write is less than <see cref="MinWriteGapMicros"/> (10 s) old; then it is
    /// written when the gap ends, and only if the state still differs from what flash holds. Ordinary use writes once
    /// per switch; a switching storm (a server toggling every second) writes at most every 10 s, 8,640 a day.
    ///
    /// The record also carries a "soft reboot" mark, written just before the firmware restarts itself (ff10ff), so that
    /// the next boot keeps the socket as it was instead of applying the power-restore policy. While mains is failing
    /// nothing is written (the hold-up energy is the outage alert's); a change still pending then is lost, which can only
    /// happen within 10 s of an earlier switch.
    /// </summary>
    public sealed class RelayStateStore
    {
        public const string StorageKey = "socket.relay";

        public const long MinWriteGapMicros = 10L * 1000000;

        private const byte RecordVersion = 1;
        private const int RecordLength = 2;
        private const byte FlagOn = 1;
        private const byte FlagSoftReboot = 2;

        private readonly IKeyValueStorage _storage;
        private readonly EventLoop _loop;
        private readonly Log _log;
        private readonly byte[] _record = new byte[8];
        private readonly LoopTimer _deferred;
        private bool _storedOn;
        private bool _storedMark;
        private bool _wanted;
        private bool _frozen;
        private long _lastWriteMicros = long.MinValue;

        public RelayStateStore(IKeyValueStorage storage, EventLoop loop, Log log)
        {
            _storage = storage;
            _loop = loop;
            _log = log;
            _deferred = new LoopTimer(OnDeferred);
        }

        /// <summary>Records written since boot.</summary>
        public int Writes { get; private set; }

        /// <summary>A change waits for the end of the write gap.</summary>
        public bool Pending => _deferred.IsScheduled;

        /// <summary>Reads the record: the last state and whether the last shutdown was a soft reboot. False when absent or unreadable.</summary>
        public bool Load(out bool lastOn, out bool softReboot)
        {
            lastOn = false;
            softReboot = false;
            int length = _storage == null ? -1 : _storage.Read(StorageKey, _record);
            if (length < 0)
            {
                return false;
            }

            if (length != RecordLength || _record[0] != RecordVersion || _record[1] > (FlagOn | FlagSoftReboot))
            {
                _log.Warn("relay", "stored relay state unreadable (" + length.ToString() + " bytes), taken as off");
                return false;
            }

            lastOn = (_record[1] & FlagOn) != 0;
            softReboot = (_record[1] & FlagSoftReboot) != 0;
            _storedOn = lastOn;
            _storedMark = softReboot;
            _wanted = lastOn;
            return true;
        }

        /// <summary>The relay is now <paramref name="on"/>: persists it now, or at the end of the write gap.</summary>
        public void Changed(bool on)
        {
            _wanted = on;
            if (_frozen)
            {
                return;
            }

            if (on == _storedOn && !_storedMark)
            {
                _loop.Cancel(_deferred);
                return;
            }

            long now = _loop.NowMicros;
            if (_lastWriteMicros == long.MinValue || now - _lastWriteMicros >= MinWriteGapMicros)
            {
                Write(on, false);
            }
            else if (!_deferred.IsScheduled)
            {
                _loop.Schedule(_deferred, _lastWriteMicros + MinWriteGapMicros);
            }
        }

        /// <summary>Writes the state with the soft-reboot mark, at once (the firmware restarts next).</summary>
        public void MarkSoftReboot(bool on)
        {
            _wanted = on;
            _loop.Cancel(_deferred);
            if (!_frozen)
            {
                Write(on, true);
            }
        }

        /// <summary>After a boot that used the mark: the plain state again, so a later power cut applies the policy.</summary>
        public void ClearSoftReboot()
        {
            if (_storedMark && !_frozen)
            {
                Write(_storedOn, false);
            }
        }

        /// <summary>Mains failing (true): no writes until it is back (false), when a change still waiting is written.</summary>
        public void SetFrozen(bool frozen)
        {
            if (_frozen == frozen)
            {
                return;
            }

            _frozen = frozen;
            if (frozen)
            {
                _loop.Cancel(_deferred);
            }
            else
            {
                Changed(_wanted);
            }
        }

        private void OnDeferred(LoopTimer timer)
        {
            if (!_frozen && (_wanted != _storedOn || _storedMark))
            {
                Write(_wanted, false);
            }
        }

        private void Write(bool on, bool mark)
        {
            _record[0] = RecordVersion;
            _record[1] = (byte)((on ? FlagOn : 0) | (mark ? FlagSoftReboot : 0));
            if (_storage != null)
            {
                try
                {
                    _storage.Replace(StorageKey, _record, RecordLength);
                }
                catch (Exception e)
                {
                    // The switch itself stands and must still report; flash keeps the old state, tried again after the gap.
                    _lastWriteMicros = _loop.NowMicros;
                    _loop.Schedule(_deferred, _lastWriteMicros + MinWriteGapMicros);
                    _log.Warn("relay", "last state not saved (" + e.Message + "): tried again in 10 s");
                    return;
                }
            }

            _storedOn = on;
            _storedMark = mark;
            _lastWriteMicros = _loop.NowMicros;
            Writes++;
        }
    }
}
