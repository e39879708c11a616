using Ws52x.Diagnostics;
using Ws52x.LoRaWan.Mac;
using Ws52x.Util;

namespace Ws52x.App
{
    /// <summary>
    /// Until the socket application listens to the LoRaWAN link, this says in the log what the link does: join
    /// attempts, the session, how each uplink ended, what came down.
    /// </summary>
    internal sealed class LinkLog : ILoRaWanEvents
    {
        private readonly Log _log;

        public LinkLog(Log log)
        {
            _log = log;
        }

        public void OnJoinRequestSent(int attempt)
        {
        }

        public void OnJoined()
        {
            _log.Info("link", "session up");
        }

        public void OnUplinkDone(int port, UplinkOutcome outcome)
        {
            _log.Line("link").Append("uplink on port ").Append(port).Append(": ").Append(outcome == UplinkOutcome.Acknowledged ? "acknowledged" : outcome == UplinkOutcome.Sent ? "sent" : "failed");
            _log.End();
        }

        public void OnDownlink(int port, byte[] payload, int offset, int length, bool multicast)
        {
            _log.Line("link").Append(multicast ? "multicast" : "downlink").Append(" on port ").Append(port).Append(": ").Hex(payload, offset, length);
            _log.End();
        }

        public void OnLinkLost()
        {
            _log.Warn("link", "the network stopped answering");
        }
    }
}
