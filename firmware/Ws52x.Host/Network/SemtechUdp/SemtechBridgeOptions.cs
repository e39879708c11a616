using System;

namespace Ws52x.Host.Network.SemtechUdp
{
    /// <summary>How the virtual gateway forwards: its identity, its timers and what its concentrator can transmit.</summary>
    public sealed class SemtechBridgeOptions
    {
        /// <summary>The gateway's EUI, sent in every PUSH_DATA, PULL_DATA and TX_ACK (8 bytes).</summary>
        public byte[] GatewayEui { get; set; } = new byte[8];

        /// <summary>PULL_DATA interval, which keeps the server's route to the gateway open (the forwarder's default: 10 s).</summary>
        public long KeepAliveMicros { get; set; } = 10_000_000;

        /// <summary>How often a "stat" report goes up (the forwarder's default: 30 s).</summary>
        public long StatIntervalMicros { get; set; } = 30_000_000;

        /// <summary>
        /// How long before its air time a timed downlink must reach the gateway, to be programmed into the concentrator;
        /// less is TOO_LATE. (The reference forwarder's just-in-time queue asks about 32 ms; here 30 ms.)
        /// </summary>
        public long MinLeadMicros { get; set; } = 30_000;

        /// <summary>A timed downlink farther ahead than this is TOO_EARLY: four Class B beacon periods (512 s).</summary>
        public long MaxAdvanceMicros { get; set; } = 512_000_000;

        /// <summary>The gain table of the virtual concentrator: whole dBm from here to <see cref="MaxPowerDbm"/>; others are TX_POWER.</summary>
        public int MinPowerDbm { get; set; }

        public int MaxPowerDbm { get; set; } = 30;

        /// <summary>Carriers the gateway can transmit on (its region's band); others are TX_FREQ. 0 = no limit.</summary>
        public int MinTxFrequencyHz { get; set; }

        public int MaxTxFrequencyHz { get; set; }

        /// <summary>Guard between two downlinks of the gateway; closer is COLLISION_PACKET.</summary>
        public long CollisionMarginMicros { get; set; } = 1_000;

        /// <summary>The concentrator counter (tmst) at board time 0; a test starts it near the wrap.</summary>
        public uint CounterAtStart { get; set; }

        /// <summary>UTC at board time 0 (rxpk "time", stat "time", GPS time); by default the host's clock when the board starts.</summary>
        public DateTime? UtcAtStart { get; set; }

        /// <summary>Whether the gateway has a GPS fix (tmms in rxpk, txpk by tmms accepted).</summary>
        public bool GpsLocked { get; set; } = true;

        /// <summary>Seed of the datagram tokens, so that a run repeats.</summary>
        public int Seed { get; set; } = 52;

        /// <summary>A default EUI for a board seed: "WS52" then the seed, so that each simulated gateway is told apart.</summary>
        public static byte[] DefaultEui(int seed)
        {
            return new byte[] { 0x57, 0x53, 0x35, 0x32, (byte)(seed >> 24), (byte)(seed >> 16), (byte)(seed >> 8), (byte)seed };
        }
    }
}
