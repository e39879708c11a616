using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.Loop;

namespace Ws52x.Socket
{
    /// <summary>
    /// The button lock's time (ff25's low 15 bits, minutes; the guide gives no meaning, the vendor encoder calls it
    /// lock_time). Our choice: a lock with a time N > 0 releases itself N minutes after it was set (a child lock for
    /// the afternoon); 0 locks until unlocked. The board has no clock across a reset, so after a reboot a timed lock
    /// runs its full time again: it stays locked at least as long as asked, never shorter.
    /// </summary>
    public sealed class ButtonLock
    {
        private readonly EventLoop _loop;
        private readonly ISettingsStore _settings;
        private readonly Log _log;
        private readonly LoopTimer _expiry;
        private bool _armedLock;
        private int _armedMinutes;

        public ButtonLock(EventLoop loop, ISettingsStore settings, Log log)
        {
            _loop = loop;
            _settings = settings;
            _log = log;
            _expiry = new LoopTimer(OnExpired);
        }

        public bool IsLocked => _settings.Current.Socket.ButtonLock;

        /// <summary>When a timed lock releases itself, in loop time; meaningless when <see cref="IsTimed"/> is false.</summary>
        public long ReleaseMicros => _expiry.Deadline;

        public bool IsTimed => _expiry.IsScheduled;

        /// <summary>Mains is failing: nothing may be written, so a lock due to end waits (a minute at a time).</summary>
        public bool SavesFrozen { get; set; }

        /// <summary>Follows the settings: arms, moves or cancels the release. <paramref name="restart"/>: a new ff25 restarts its time.</summary>
        public void Apply(bool restart)
        {
            SocketSettings s = _settings.Current.Socket;
            bool timed = s.ButtonLock && s.ButtonLockMinutes > 0;
            if (!timed)
            {
                _loop.Cancel(_expiry);
            }
            else if (restart || !_expiry.IsScheduled || !_armedLock || _armedMinutes != s.ButtonLockMinutes)
            {
                _loop.Schedule(_expiry, _loop.NowMicros + (long)s.ButtonLockMinutes * 60 * 1000000);
            }

            _armedLock = s.ButtonLock;
            _armedMinutes = s.ButtonLockMinutes;
        }

        private void OnExpired(LoopTimer timer)
        {
            SocketSettings s = _settings.Current.Socket;
            if (!s.ButtonLock)
            {
                return;
            }

            if (SavesFrozen)
            {
                _loop.ScheduleAfter(_expiry, 60L * 1000000);
                return;
            }

            s.ButtonLock = false;
            try
            {
                _settings.Save();
            }
            catch (System.Exception e)
            {
                // Locked as flash says, so a reboot finds what the button does now; tried again in a minute.
                s.ButtonLock = true;
                _loop.ScheduleAfter(_expiry, 60L * 1000000);
                _log.Warn("button", "lock time over but the unlock was not saved (" + e.Message + "): tried again in a minute");
                return;
            }

            _armedLock = false;
            _log.Info("button", "lock time of " + s.ButtonLockMinutes.ToString() + " min over: button unlocked");
        }
    }
}
