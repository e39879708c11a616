using Ws52x.Config;

namespace Ws52x.Socket
{
    /// <summary>Guide 3.3 "When Power is Restored, Socket": the state the relay takes at boot.</summary>
    public static class PowerRestore
    {
        /// <param name="policy">The owner's choice: off, on, or the last state.</param>
        /// <param name="stored">The last state persisted by <see cref="RelayStateStore"/>; false when none was.</param>
        /// <param name="softReboot">The firmware restarted itself (ff10ff) without a power cut: the socket keeps its
        /// state whatever the policy, as nothing lost power.</param>
        public static bool Decide(PowerRestorePolicy policy, bool stored, bool softReboot)
        {
            if (softReboot)
            {
                return stored;
            }

            switch (policy)
            {
                case PowerRestorePolicy.On:
                    return true;
                case PowerRestorePolicy.LastState:
                    return stored;
                default:
                    return false;
            }
        }

        public static string Name(PowerRestorePolicy policy)
        {
            switch (policy)
            {
                case PowerRestorePolicy.On: return "on";
                case PowerRestorePolicy.LastState: return "last state";
                default: return "off";
            }
        }
    }
}
