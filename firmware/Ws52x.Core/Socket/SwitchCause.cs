namespace Ws52x.Socket
{
    /// <summary>What switched the relay: the log and the host trace say it.</summary>
    public enum SwitchCause
    {
        /// <summary>The power-restore policy at boot (guide 3.3 "When Power is Restored, Socket").</summary>
        Restore = 0,

        /// <summary>A short press of the power button (guide 2.4).</summary>
        Button = 1,

        /// <summary>Downlink 08 (open/close).</summary>
        Downlink = 2,

        /// <summary>The delay task of ff22 ran.</summary>
        Delay = 3,

        /// <summary>Overcurrent protection (ff30) opened the relay.</summary>
        Protection = 4,
    }

    /// <summary>Names of <see cref="SwitchCause"/> (enum names are not kept on the device).</summary>
    public static class SwitchCauses
    {
        public static string Name(SwitchCause cause)
        {
            switch (cause)
            {
                case SwitchCause.Restore: return "restore";
                case SwitchCause.Button: return "button";
                case SwitchCause.Downlink: return "downlink";
                case SwitchCause.Delay: return "delay";
                case SwitchCause.Protection: return "protection";
                default: return "unknown";
            }
        }
    }
}
