using System;
using Ws52x.Platform;

namespace Ws52x.Host.Board
{
    /// <summary>
    /// Reboot on the host board: the running firmware's loop stops after the handler in progress, and the board boots a
    /// new firmware on the same kept storage (see <see cref="HostBoard"/>).
    /// </summary>
    public sealed class HostBoardControl : IBoardControl
    {
        private readonly Action<string> _reboot;

        public HostBoardControl(Action<string> reboot)
        {
            _reboot = reboot;
        }

        public int Reboots { get; private set; }

        public void Reboot(string reason)
        {
            Reboots++;
            _reboot(reason);
        }
    }
}
