using Ws52x.Loop;

namespace Ws52x.Socket
{
    /// <summary>
    /// The delay task of ff22 (guide 4.4): open or close the socket N seconds from now, on the loop clock. There is one
    /// task; a later ff22 replaces it and ff23 deletes it. It lives in RAM only: a reboot or power cut forgets a pending
    /// task (the board keeps no time across a reset, and a switch at an unknown moment would surprise more than a lost one).
    /// </summary>
    public sealed class DelayTask
    {
        private readonly EventLoop _loop;
        private readonly Relay _relay;
        private readonly LoopTimer _timer;

        public DelayTask(EventLoop loop, Relay relay)
        {
            _loop = loop;
            _relay = relay;
            _timer = new LoopTimer(OnDue);
        }

        public bool IsPending => _timer.IsScheduled;

        /// <summary>What the pending task will do: true = open (switch on).</summary>
        public bool Opens { get; private set; }

        /// <summary>When the pending task runs, in loop time.</summary>
        public long DueMicros => _timer.Deadline;

        /// <summary>Runs <paramref name="opens"/> after <paramref name="seconds"/>, replacing a pending task.</summary>
        public void Add(int seconds, bool opens)
        {
            Opens = opens;
            _loop.Schedule(_timer, _loop.NowMicros + (long)seconds * 1000000);
        }

        /// <summary>Deletes the pending task; false when there was none.</summary>
        public bool Delete()
        {
            return _loop.Cancel(_timer);
        }

        private void OnDue(LoopTimer timer)
        {
            _relay.Switch(Opens, SwitchCause.Delay);
        }
    }
}
