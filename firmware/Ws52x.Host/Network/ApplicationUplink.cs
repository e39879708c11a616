namespace Ws52x.Host.Network
{
    /// <summary>An application uplink as the network server hands it on: the decrypted payload and how it was heard.</summary>
    public sealed class ApplicationUplink
    {
        public NetworkDevice Device { get; internal set; }

        public uint FCnt { get; internal set; }

        public int Port { get; internal set; }

        public byte[] Payload { get; internal set; }

        public bool Confirmed { get; internal set; }

        public int DataRate { get; internal set; }

        public int FrequencyHz { get; internal set; }

        public int RssiDbm { get; internal set; }

        public int SnrQuarterDb { get; internal set; }

        public int GatewayCount { get; internal set; }

        /// <summary>Board time at the end of the uplink.</summary>
        public long ReceivedAtMicros { get; internal set; }

        /// <summary>The vendor decoder's JSON for the payload, or null when it does not decode as a WS52x uplink.</summary>
        public string VendorJson { get; internal set; }
    }
}
