namespace Ws52x.LoRaWan.Mac
{
    /// <summary>The MAC's answer to <see cref="ILoRaWanLink.Send"/>.</summary>
    public enum SendStatus
    {
        /// <summary>Copied into the MAC's queue; <see cref="ILoRaWanEvents.OnUplinkDone"/> follows.</summary>
        Queued = 0,

        /// <summary>Longer than the current data rate allows.</summary>
        TooLong = 1,

        /// <summary>No session yet (OTAA join in progress).</summary>
        NotJoined = 2,

        /// <summary>The queue is full; nothing was taken.</summary>
        QueueFull = 3,

        /// <summary>FPort outside 1-223.</summary>
        BadPort = 4,
    }

    /// <summary>How an application uplink ended.</summary>
    public enum UplinkOutcome
    {
        /// <summary>Unconfirmed: every transmission (NbTrans) went out.</summary>
        Sent = 0,

        /// <summary>Confirmed: the network acknowledged it.</summary>
        Acknowledged = 1,

        /// <summary>Confirmed: no ACK after every retransmission; or it could not be sent at all.</summary>
        Failed = 2,
    }

    /// <summary>
    /// What the application asks of the LoRaWAN MAC. The MAC copies what it is given, so the caller's buffer may be
    /// reused at once; answers come on the loop through <see cref="ILoRaWanEvents"/>.
    /// </summary>
    public interface ILoRaWanLink
    {
        /// <summary>True while a session exists (OTAA joined, or ABP).</summary>
        bool IsJoined { get; }

        /// <summary>The longest application payload the current data rate carries (FOpts the MAC needs counted out).</summary>
        int MaxPayloadLength { get; }

        /// <summary>
        /// Queues payload[offset..offset+length) for FPort <paramref name="port"/>. <paramref name="urgent"/> puts it
        /// before everything else waiting (the power-outage alert).
        /// </summary>
        SendStatus Send(int port, byte[] payload, int offset, int length, bool confirmed, bool urgent);
    }

    /// <summary>What the MAC tells the application, always on the event loop.</summary>
    public interface ILoRaWanEvents
    {
        /// <summary>A JoinRequest went out; <paramref name="attempt"/> counts from 1 since boot or the last join (LED: one blink).</summary>
        void OnJoinRequestSent(int attempt);

        /// <summary>A session started (OTAA accept, or at boot: ABP, or an OTAA session kept from before the power cut): LED two blinks, basic information uplink.</summary>
        void OnJoined();

        /// <summary>An uplink queued by <see cref="ILoRaWanLink.Send"/> ended.</summary>
        void OnUplinkDone(int port, UplinkOutcome outcome);

        /// <summary>An application downlink (FPort 1-223) was accepted. The buffer is the MAC's: copy what you keep.</summary>
        void OnDownlink(int port, byte[] payload, int offset, int length, bool multicast);

        /// <summary>The network stopped answering (rejoin mode's link checks, or ADR back-off at its end); a rejoin follows for OTAA in rejoin mode.</summary>
        void OnLinkLost();
    }

    /// <summary>Which Class A receive window the MAC is in or waiting for (a board's trace names its radio's receives by it).</summary>
    public enum ReceiveWindow
    {
        None = 0,
        Rx1 = 1,
        Rx2 = 2,
    }

    /// <summary>What a board may read of the MAC from outside (the host's fleet table, tools): nothing it can change.</summary>
    public interface IMacFigures
    {
        bool IsJoined { get; }

        /// <summary>The data rate of the next uplink.</summary>
        int DataRate { get; }

        /// <summary>Times the MAC waited for a duty-cycle band, the aggregated limit or the join back-off.</summary>
        int DutyCycleWaits { get; }

        int JoinRequests { get; }
    }
}
