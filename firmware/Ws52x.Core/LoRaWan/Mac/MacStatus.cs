using Ws52x.Diagnostics;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>The MAC's line on the console's `status`: join state, counters, data rate, and how the last downlink was heard.</summary>
    internal sealed class MacStatus : IStatusSource
    {
        private readonly LoRaWanMac _mac;

        public MacStatus(LoRaWanMac mac)
        {
            _mac = mac;
        }

        public string StatusArea => "lorawan";

        public string StatusLine()
        {
            MacStatistics s = _mac.Statistics;
            string line = _mac.Region.Name + ", " + StateName(_mac.State) + ", ";
            if (!_mac.IsJoined)
            {
                return line + "not joined (" + s.JoinRequests.ToString() + " join requests sent)";
            }

            line += "DevAddr " + Util.Hex.ToHex(Bytes(_mac.DevAddr), 0, 4) + ", DR" + _mac.DataRate.ToString() + ", FCntUp " +
                _mac.FCntUp.ToString() + ", FCntDown " + _mac.FCntDown.ToString() + ", uplinks queued " + _mac.QueuedUplinks.ToString() +
                ", downlinks " + s.DownlinksAccepted.ToString() + " (rejected " + s.DownlinksRejected.ToString() + ")";
            return s.DownlinksAccepted == 0 ? line + ", no downlink yet"
                : line + ", last downlink RSSI " + s.LastRssiDbm.ToString() + " dBm, SNR " + s.LastSnrDb.ToString() + " dB";
        }

        private static byte[] Bytes(uint devAddr)
        {
            var b = new byte[4];
            Util.Bytes.WriteUInt32BE(b, 0, devAddr);
            return b;
        }

        // Enum names are not kept by every nanoFramework build.
        private static string StateName(MacState state)
        {
            switch (state)
            {
                case MacState.Stopped: return "stopped";
                case MacState.Idle: return "idle";
                case MacState.Transmitting: return "transmitting";
                case MacState.Halted: return "halted";
                default: return "in a receive window";
            }
        }
    }
}
