using System;
using Ws52x.Config;
using Ws52x.Host.Board.Metering;
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

        /// <summary>Reporting interval (the guide's default: 20 minutes).</summary>
        public TimeSpan ReportInterval { get; set; } = TimeSpan.FromTicks(Ws52x.App.PeriodicReport.DefaultIntervalMicros * 10);

        /// <summary>LoRaWAN region of the device and of the network server (--region).</summary>
        public Region Region { get; set; } = KnownRegions.Find("EU868");

        // LoRaWAN settings given on the command line; null = the device's own setting (the guide's default).
        public DeviceClass? Class { get; set; }

        public JoinType? Activation { get; set; }

        public bool? Adr { get; set; }

        public int? DataRate { get; set; }

        public bool? Confirmed { get; set; }

        public byte[] AppKey { get; set; }

        public byte[] DevEui { get; set; }
    }
}
