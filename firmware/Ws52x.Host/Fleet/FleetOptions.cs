using Ws52x.Config;
using Ws52x.Host.Board.Radio;

namespace Ws52x.Host.Fleet
{
    /// <summary>
    /// A fleet run: how many sockets, for how long, around how many gateways, on which seed. The street: sockets spread
    /// evenly over a disc of <see cref="RadiusMetres"/> around the centre, each indoors behind 0 to
    /// <see cref="MaxWallLossDb"/> dB of walls; one gateway at the centre, or several on a circle of half the radius;
    /// path loss by the log-distance model (<see cref="LinkBudget"/>). Each socket is plugged in at a time drawn from
    /// the first reporting interval, with a load drawn from the host board's loads.
    /// </summary>
    public sealed class FleetOptions
    {
        public int Count { get; set; } = 100;

        public long DurationMicros { get; set; } = 24L * 3600 * 1_000_000;

        public int Gateways { get; set; } = 1;

        public int Seed { get; set; } = 52;

        public string Region { get; set; } = "EU868";

        /// <summary>The sockets' reporting interval (the guide's default 20 min).</summary>
        public long ReportIntervalMicros { get; set; } = 20L * 60 * 1_000_000;

        /// <summary>The sockets' LoRaWAN class; null = the guide's default (C).</summary>
        public DeviceClass? Class { get; set; }

        public double RadiusMetres { get; set; } = 2500;

        public double PathLossExponent { get; set; } = LinkBudget.DefaultPathLossExponent;

        /// <summary>Walls between a socket and the street: uniform from 0 to this, per socket.</summary>
        public double MaxWallLossDb { get; set; } = 20;
    }
}
