using System;
using System.Collections.Generic;
using Ws52x.Config;
using Ws52x.Host.Board.Metering;
using Ws52x.Host.Scenario;
using Ws52x.Host.Trace;
using Ws52x.Loop;
using Ws52x.LoRaWan.Regions;
using Ws52x.Metering;

namespace Ws52x.Host.Board
{
    /// <summary>How the host board is set up from the command line.</summary>
    public sealed class HostBoardOptions
    {
        /// <summary>The --speed value that means "virtual clock, as fast as possible".</summary>
        public const int MaxSpeed = int.MaxValue;

        public int Speed { get; set; } = 1;

        /// <summary>Board time to run; null = until stopped.</summary>
        public TimeSpan? Duration { get; set; }

        /// <summary>Seed for everything random on the board, so that a run can be repeated.</summary>
        public int Seed { get; set; } = 52;

        /// <summary>What is plugged into the simulated socket.</summary>
        public LoadProfile Load { get; set; } = LoadProfiles.Find(LoadProfiles.Default);

        /// <summary>The board's metering chip.</summary>
        public MeteringChip Chip { get; set; } = MeteringChip.Hlw8012;

        /// <summary>The folder that keeps the board's flash between runs (--state), so a run on it is a reboot of the same
        /// socket; null = flash in memory, gone when the run ends.</summary>
        public string StateDirectory { get; set; }

        /// <summary>Lines typed into the board's serial console (standard input with --console); null = no console input.</summary>
        public System.IO.TextReader ConsoleInput { get; set; }

        /// <summary>Reporting interval to configure before the first boot (--interval); null = the stored setting (20 minutes on a new board).</summary>
        public TimeSpan? ReportInterval { get; set; }

        /// <summary>Timed stimuli to play (--scenario); null = the built-in one (a press at 1 s).</summary>
        public IReadOnlyList<ScenarioStep> Scenario { get; set; }

        /// <summary>Where the JSON-lines trace goes (--trace); null = no trace.</summary>
        public TraceWriter Trace { get; set; }

        /// <summary>
        /// A stand-in link instead of the LoRaWAN MAC (tests of the socket alone): it pretends a join and records uplinks
        /// without a radio. False = the firmware's own MAC on the virtual air.
        /// </summary>
        public bool StandInLink { get; set; }

        /// <summary>Whether the stand-in link pretends a join after each boot (false: a test drives the join).</summary>
        public bool PretendJoin { get; set; } = true;

        /// <summary>A clock of the caller's (tests: a virtual clock with added loop latency); null = by <see cref="Speed"/>.</summary>
        public ILoopClock Clock { get; set; }
        /// <summary>LoRaWAN region of the device and of the network server (--region); null = the stored setting (EU868 on a new board).</summary>
        public Region Region { get; set; }

        // LoRaWAN settings given on the command line; null = the device's own setting (the guide's default).
        public DeviceClass? Class { get; set; }

        public JoinType? Activation { get; set; }

        public bool? Adr { get; set; }

        public int? DataRate { get; set; }

        public bool? Confirmed { get; set; }

        public byte[] AppKey { get; set; }

        public byte[] DevEui { get; set; }

        /// <summary>
        /// A real network server behind a Semtech UDP packet forwarder (--gateway-udp HOST:PORT) instead of the built-in
        /// one; null = the built-in server. Needs real time (speed 1).
        /// </summary>
        public string GatewayServerHost { get; set; }

        public int GatewayServerPort { get; set; } = 1700;

        /// <summary>The forwarding gateway's EUI (--gateway-eui); null = derived from the seed.</summary>
        public byte[] GatewayEui { get; set; }
    }
}
