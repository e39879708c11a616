using Ws52x.Loop;

namespace Ws52x.Config.Console
{
    /// <summary>
    /// Login, logout and passwd. Five wrong passwords in a row lock login (and passwd) for a minute; each further
    /// lockout doubles it, up to a day; a right password ends the doubling. Times are on the loop's clock. A login
    /// ends with logout, a factory reset, or <see cref="IdleLogoutMicros"/> without a command.
    /// </summary>
    public sealed partial class ConfigConsole
    {
        public const int AttemptsBeforeLockout = 5;
        public const long FirstLockoutMicros = 60L * 1000000;
        public const long MaxLockoutMicros = 24L * 3600 * 1000000;
        public const long IdleLogoutMicros = 10L * 60 * 1000000;

        private const int JobNone = 0;
        private const int JobLogin = 1;
        private const int JobPasswdOld = 2;
        private const int JobPasswdNew = 3;

        private readonly PasswordCheck _check = new PasswordCheck();
        private readonly LoopTimer _idleTimer;
        private readonly LoopTimer _jobTimer;
        private bool _loggedIn;
        private int _failures;
        private int _lockouts;
        private long _lockedUntil;
        private int _job;
        private string _newPassword;

        public bool LoggedIn => _loggedIn;

        /// <summary>Wrong passwords since the last right one or lockout.</summary>
        public int Failures => _failures;

        /// <summary>When login opens again (loop time, µs); in the past when it is open.</summary>
        public long LockedUntilMicros => _lockedUntil;

        private void Login(string password)
        {
            if (password.Length == 0)
            {
                Error("usage: login PASSWORD");
                return;
            }

            if (_loggedIn)
            {
                Reply("already logged in");
                return;
            }

            if (Locked())
            {
                return;
            }

            _check.BeginVerify(password, _store.Current.Password);
            StartJob(JobLogin);
        }

        private void Logout(string rest)
        {
            if (!NoArguments("logout", rest))
            {
                return;
            }

            if (!_loggedIn)
            {
                Reply("not logged in");
                return;
            }

            EndLogin("logged out");
        }

        private void Passwd(string rest)
        {
            if (!RequireLogin("passwd"))
            {
                return;
            }

            string old = ConsoleLine.Word(rest, out string fresh);
            if (old.Length == 0 || fresh.Length == 0 || fresh.IndexOf(' ') >= 0 || fresh.IndexOf('\t') >= 0)
            {
                Error("usage: passwd OLD NEW");
                return;
            }

            string reason = PasswordRules.Check(fresh);
            if (reason != null)
            {
                Error(reason + "; password unchanged");
                return;
            }

            if (Locked())
            {
                return;
            }

            _newPassword = fresh;
            _check.BeginVerify(old, _store.Current.Password);
            StartJob(JobPasswdOld);
        }

        private bool RequireLogin(string command)
        {
            if (_loggedIn)
            {
                return true;
            }

            Error(command + " needs a login (login PASSWORD)");
            return false;
        }

        private bool Locked()
        {
            long left = _lockedUntil - _loop.NowMicros;
            if (left <= 0)
            {
                return false;
            }

            Error("locked after " + AttemptsBeforeLockout.ToString() + " wrong passwords: try again in " + ((left + 999999) / 1000000).ToString() + " s");
            return true;
        }

        private void StartJob(int job)
        {
            _job = job;
            if (_check.Busy)
            {
                _loop.ScheduleAfter(_jobTimer, 0);
            }
            else
            {
                FinishJob();
            }
        }

        // One slice of the password hash per loop turn, so the loop's other work goes on in between.
        private void OnJobSlice(LoopTimer timer)
        {
            if (!_check.Step())
            {
                _loop.ScheduleAfter(_jobTimer, 0);
                return;
            }

            FinishJob();
            Drain();
        }

        private void FinishJob()
        {
            int job = _job;
            _job = JobNone;
            switch (job)
            {
                case JobLogin:
                    if (!_check.Matches)
                    {
                        WrongPassword("not logged in");
                        return;
                    }

                    _loggedIn = true;
                    _failures = 0;
                    _lockouts = 0;
                    _loop.ScheduleAfter(_idleTimer, IdleLogoutMicros);
                    _log.Info("config", "console login");
                    Reply(_store.Current.Password.Iterations == 0
                        ? "logged in (the password is still the factory default: passwd 123456 NEW changes it)"
                        : "logged in");
                    return;
                case JobPasswdOld:
                    if (!_check.Matches)
                    {
                        _newPassword = null;
                        WrongPassword("password unchanged");
                        return;
                    }

                    _failures = 0;
                    var salt = new byte[PasswordRules.SaltLength];
                    _random.NextBytes(salt, 0, salt.Length);
                    _check.BeginHash(_newPassword, salt);
                    _newPassword = null;
                    StartJob(JobPasswdNew);
                    return;
                case JobPasswdNew:
                    Settings candidate = SettingsAccess.Clone(_store.Current);
                    _check.StoreInto(candidate.Password);
                    string reason = _store.Commit(candidate);
                    if (reason != null)
                    {
                        Error(reason);
                        return;
                    }

                    _log.Info("config", "console password changed");
                    Reply("password changed");
                    return;
            }
        }

        private void WrongPassword(string outcome)
        {
            _failures++;
            if (_failures < AttemptsBeforeLockout)
            {
                int left = AttemptsBeforeLockout - _failures;
                Error("wrong password, " + outcome + " (" + left.ToString() + " more tr" + (left == 1 ? "y" : "ies") + " before a lockout)");
                return;
            }

            long lockout = FirstLockoutMicros;
            for (int i = 0; i < _lockouts && lockout < MaxLockoutMicros; i++)
            {
                lockout *= 2;
            }

            if (lockout > MaxLockoutMicros)
            {
                lockout = MaxLockoutMicros;
            }

            _lockouts++;
            _failures = 0;
            _lockedUntil = _loop.NowMicros + lockout;
            _log.Warn("config", AttemptsBeforeLockout.ToString() + " wrong console passwords: locked for " + (lockout / 1000000).ToString() + " s");
            Error("wrong password, " + outcome + "; locked for " + (lockout / 1000000).ToString() + " s");
        }

        private void OnIdle(LoopTimer timer)
        {
            if (_loggedIn)
            {
                EndLogin("logged out after " + (IdleLogoutMicros / 60000000).ToString() + " minutes without a command");
            }
        }

        private void EndLogin(string message)
        {
            _loggedIn = false;
            _loop.Cancel(_idleTimer);
            Reply(message);
        }
    }
}
