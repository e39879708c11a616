using Ws52x.LoRaWan.Mac;

namespace Ws52x.App
{
    /// <summary>
    /// The MAC's listener, handed to it when it is made, before the application that will listen exists (the socket
    /// needs the MAC as its link first). Until <see cref="Target"/> is set, nothing can happen: the MAC only starts after.
    /// </summary>
    internal sealed class LinkEvents : ILoRaWanEvents
    {
        public ILoRaWanEvents Target { get; set; }

        public void OnJoinRequestSent(int attempt) => Target.OnJoinRequestSent(attempt);

        public void OnJoined() => Target.OnJoined();

        public void OnUplinkDone(int port, UplinkOutcome outcome) => Target.OnUplinkDone(port, outcome);

        public void OnDownlink(int port, byte[] payload, int offset, int length, bool multicast) =>
            Target.OnDownlink(port, payload, offset, length, multicast);

        public void OnLinkLost() => Target.OnLinkLost();
    }
}
