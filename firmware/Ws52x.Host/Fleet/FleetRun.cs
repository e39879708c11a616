using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Metering;
using Ws52x.Host.Board.Radio;
using Ws52x.Host.Network;
using Ws52x.LoRaWan.Regions;

namespace Ws52x.Host.Fleet
{
    /// <summary>
    /// A street of sockets on one virtual air: N firmwares, one or more gateways and the built-in network server, all
    /// on one <see cref="FleetScheduler"/> and one virtual clock. Everything random (where each socket stands, its walls,
    /// its load, when it is plugged in, its own firmware's randomness, the air's) comes from the seed, so a run repeats
    /// exactly.
    /// </summary>
    public sealed class FleetRun : IDisposable
    {
        private readonly List<FleetSocket> _sockets = new List<FleetSocket>();
        private readonly List<VirtualGateway> _gateways = new List<VirtualGateway>();

        public FleetRun(FleetOptions options)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.Count < 1 || options.Gateways < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "a fleet has at least one socket and one gateway");
            }

            Region = KnownRegions.Find(options.Region) ?? throw new ArgumentException("no region " + options.Region, nameof(options));
            BoardOptions = new HostBoardOptions { Region = Region, Class = options.Class, Seed = options.Seed };
            Scheduler = new FleetScheduler();
            Air = new VirtualAir(Scheduler.World, options.Seed);
            NetworkPlan plan = NetworkPlan.For(Region);
            Network = new NetworkServer(Scheduler.World, plan, new WriterConsole(TextWriter.Null),
                new NetworkServerOptions { Seed = options.Seed, DecodeUplinks = false });
            var random = new Random(options.Seed);
            var gatewayPositions = new (double X, double Y)[options.Gateways];
            for (int g = 0; g < options.Gateways; g++)
            {
                double angle = 2 * Math.PI * g / options.Gateways;
                double r = options.Gateways == 1 ? 0 : options.RadiusMetres / 2;
                gatewayPositions[g] = (r * Math.Cos(angle), r * Math.Sin(angle));
                var gateway = new VirtualGateway(Air, "gw" + (g + 1)) { RecordFrames = false };
                Network.Attach(gateway);
                _gateways.Add(gateway);
            }

            Statistics = new FleetStatistics(this);
            Air.Observer = Statistics;
            UplinkChannels = _gateways[0].ChannelCount(125_000);
            int centre = CentreFrequencyHz(Region);
            LoadProfile[] loads = FleetLoads();
            for (int i = 0; i < options.Count; i++)
            {
                // Even over the disc: the radius goes as the square root of a uniform draw.
                double rho = options.RadiusMetres * Math.Sqrt(random.NextDouble());
                double phi = 2 * Math.PI * random.NextDouble();
                double wall = options.MaxWallLossDb * random.NextDouble();
                LoadProfile load = loads[random.Next(loads.Length)];
                long bootAt = (long)(random.NextDouble() * options.ReportIntervalMicros);
                var loss = new double[options.Gateways];
                for (int g = 0; g < options.Gateways; g++)
                {
                    double dx = rho * Math.Cos(phi) - gatewayPositions[g].X;
                    double dy = rho * Math.Sin(phi) - gatewayPositions[g].Y;
                    loss[g] = LinkBudget.LogDistanceLossDb(Math.Sqrt(dx * dx + dy * dy), centre, options.PathLossExponent) + wall;
                }

                var socket = new FleetSocket(this, i, load, loss);
                Network.Register(socket.Settings);
                _sockets.Add(socket);
                Scheduler.Add(socket, bootAt);
            }
        }

        public FleetOptions Options { get; }

        public Region Region { get; }

        /// <summary>The board options every socket is configured from (region, class, seed).</summary>
        internal HostBoardOptions BoardOptions { get; }

        public FleetScheduler Scheduler { get; }

        public VirtualAir Air { get; }

        public NetworkServer Network { get; }

        public IReadOnlyList<VirtualGateway> Gateways => _gateways;

        public IReadOnlyList<FleetSocket> Sockets => _sockets;

        public FleetStatistics Statistics { get; }

        /// <summary>Uplink channels of 125 kHz the gateways listen on (ALOHA's "channels").</summary>
        public int UplinkChannels { get; }

        /// <summary>Host seconds the last <see cref="Run"/> took.</summary>
        public double HostSeconds { get; private set; }

        /// <summary>Runs the whole fleet for the options' duration.</summary>
        public void Run()
        {
            var wall = Stopwatch.StartNew();
            Scheduler.Run(Options.DurationMicros);
            HostSeconds = wall.Elapsed.TotalSeconds;
        }

        public void Dispose() => Network.Dispose();

        // The host board's loads, but not the 16 A step (it exists to trip the protection).
        private static LoadProfile[] FleetLoads()
        {
            var loads = new List<LoadProfile>();
            foreach (LoadProfile p in LoadProfiles.All)
            {
                if (p.Name != "step16a")
                {
                    loads.Add(p);
                }
            }

            return loads.ToArray();
        }

        private static int CentreFrequencyHz(Region region) => (int)(((long)region.MinFrequencyHz + region.MaxFrequencyHz) / 2);
    }
}
