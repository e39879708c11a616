namespace Ws52x.Host.Network
{
    /// <summary>How the built-in network server behaves; the defaults are ChirpStack's where it has one.</summary>
    public sealed class NetworkServerOptions
    {
        /// <summary>How long the server waits for copies of an uplink from other gateways before it acts (ChirpStack: 200 ms).</summary>
        public long DeduplicationMicros { get; set; } = 200_000;

        /// <summary>
        /// How long before its air time a downlink must be handed over (backhaul plus the gateway's just-in-time queue).
        /// A window closer than this from the moment the server decides is "too late" and the next one is tried.
        /// </summary>
        public long DownlinkLeadMicros { get; set; } = 100_000;

        /// <summary>NetID of the JoinAccept; DevAddrs carry its NwkID in their top 7 bits (type 0 NetIDs). 0 as ChirpStack's default.</summary>
        public uint NetId { get; set; }

        /// <summary>Seed of the DevAddr allocator, so that a run repeats.</summary>
        public int Seed { get; set; } = 52;

        /// <summary>ADR runs for devices that set the ADR bit; false turns the network's side off.</summary>
        public bool Adr { get; set; } = true;

        /// <summary>ADR's installation margin in quarter dB (ChirpStack: 10 dB).</summary>
        public int InstallationMarginQuarterDb { get; set; } = NetworkAdr.InstallationMarginQuarterDb;

        /// <summary>DevStatusReq goes with the first answer after a join and then at this interval (0 = never).</summary>
        public long DevStatusIntervalMicros { get; set; } = 24L * 3600 * 1_000_000;

        /// <summary>
        /// GPS time (seconds since 1980-01-06) at board time 0, for DeviceTimeAns. The default is 2026-01-01 00:00:00 UTC
        /// (18 leap seconds), so that runs repeat.
        /// </summary>
        public long GpsSecondsAtBoardZero { get; set; } = 1451260818;

        /// <summary>Class C downlinks wait this long after the device's RX2 of an uplink or a join (its receiver may still be busy).</summary>
        public long ClassCGuardMicros { get; set; } = 500_000;

        /// <summary>
        /// After a confirmed Class C downlink the next one waits for the device's uplink with the ACK (and its windows),
        /// at most this long, so that it does not start as the device transmits (ChirpStack's Class-C timeout).
        /// </summary>
        public long ClassCAckTimeoutMicros { get; set; } = 8_000_000;

        /// <summary>Prints each application uplink with the vendor decoder's view of the payload.</summary>
        public bool DecodeUplinks { get; set; } = true;
    }
}
