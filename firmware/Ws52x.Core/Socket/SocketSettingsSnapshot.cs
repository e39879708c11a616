using Ws52x.Config;

namespace Ws52x.Socket
{
    /// <summary>
    /// A copy of the socket settings (guide 3.3), field by field: kept to put values back when a save fails, and by a
    /// board that keeps settings across its own reboots. Allocation-free once made.
    /// </summary>
    public sealed class SocketSettingsSnapshot
    {
        private int _interval;
        private bool _led;
        private bool _power;
        private PowerRestorePolicy _restore;
        private bool _lock;
        private int _lockMinutes;
        private bool _alarm;
        private int _alarmAmps;
        private bool _protection;
        private int _protectionAmps;

        public SocketSettingsSnapshot()
        {
            CopyFrom(new SocketSettings());
        }

        public void CopyFrom(SocketSettings s)
        {
            _interval = s.ReportingIntervalSeconds;
            _led = s.LedEnabled;
            _power = s.PowerConsumptionEnabled;
            _restore = s.PowerRestore;
            _lock = s.ButtonLock;
            _lockMinutes = s.ButtonLockMinutes;
            _alarm = s.OvercurrentAlarmEnabled;
            _alarmAmps = s.OvercurrentAlarmThresholdAmps;
            _protection = s.OvercurrentProtectionEnabled;
            _protectionAmps = s.OvercurrentProtectionThresholdAmps;
        }

        public void CopyTo(SocketSettings s)
        {
            s.ReportingIntervalSeconds = _interval;
            s.LedEnabled = _led;
            s.PowerConsumptionEnabled = _power;
            s.PowerRestore = _restore;
            s.ButtonLock = _lock;
            s.ButtonLockMinutes = _lockMinutes;
            s.OvercurrentAlarmEnabled = _alarm;
            s.OvercurrentAlarmThresholdAmps = _alarmAmps;
            s.OvercurrentProtectionEnabled = _protection;
            s.OvercurrentProtectionThresholdAmps = _protectionAmps;
        }
    }
}
