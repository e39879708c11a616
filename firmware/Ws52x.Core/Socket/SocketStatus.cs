using Ws52x.Config;
using Ws52x.Diagnostics;

namespace Ws52x.Socket
{
    /// <summary>The socket's line on the console's `status`: relay, what switched it last, button lock, delay task, alarm and protection.</summary>
    public sealed class SocketStatus : IStatusSource
    {
        private readonly SocketApplication _socket;
        private readonly ISettingsStore _settings;
        private readonly Loop.EventLoop _loop;
        private SwitchCause _lastCause;
        private bool _switched;

        public SocketStatus(SocketApplication socket, ISettingsStore settings, Loop.EventLoop loop)
        {
            _socket = socket;
            _settings = settings;
            _loop = loop;
        }

        public string StatusArea => "socket";

        /// <summary>Told of each relay switch (the firmware chains it after the board's own listener).</summary>
        public void OnSwitched(bool on, SwitchCause cause)
        {
            _lastCause = cause;
            _switched = true;
        }

        public string StatusLine()
        {
            SocketSettings s = _settings.Current.Socket;
            string line = (_socket.Relay.IsOn ? "on" : "off") + (_switched ? " (" + SwitchCauses.Name(_lastCause) + ")" : "");
            line += ", button " + (_socket.Lock.IsLocked ? "locked" : "free");
            if (_socket.Delay.IsPending)
            {
                long seconds = (_socket.Delay.DueMicros - _loop.NowMicros + 999999) / 1000000;
                line += ", delay task: " + (_socket.Delay.Opens ? "on" : "off") + " in " + seconds.ToString() + " s";
            }

            line += ", alarm " + Threshold(s.OvercurrentAlarmEnabled, s.OvercurrentAlarmThresholdAmps);
            line += ", protection " + Threshold(s.OvercurrentProtectionEnabled, s.OvercurrentProtectionThresholdAmps);
            return line + ", report every " + s.ReportingIntervalSeconds.ToString() + " s";
        }

        private static string Threshold(bool enabled, int amps) => enabled ? amps.ToString() + " A" : "off";
    }
}
