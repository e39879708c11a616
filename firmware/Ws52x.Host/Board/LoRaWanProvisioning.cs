using System;
using Ws52x.Config;
using Ws52x.Host.Board.Radio;
using Ws52x.Host.Network;
using Ws52x.Host.Network.SemtechUdp;
using Ws52x.LoRaWan.Regions;
using Ws52x.Loop;
using Ws52x.Platform;

namespace Ws52x.Host.Board
{
    /// <summary>
    /// The one hand-off of the LoRaWAN run options (--region, --class, --activation, --adr, --dr, --confirmed, --appkey,
    /// --deveui): they become the device's settings, and the network server registers the device from those same
    /// settings, so the two always share identity and keys. With a persisted settings store, apply the options after it
    /// loaded and register after that.
    /// </summary>
    public static class LoRaWanProvisioning
    {
        /// <summary>The radio band the board is built for: the one its region needs (868M unless --region says otherwise).</summary>
        public static string BandOf(HostBoardOptions options)
        {
            return options.Region == null ? KnownRegions.DefaultBand : options.Region.RadioBand;
        }

        /// <summary>
        /// Writes the options that were given into the device's LoRaWAN settings, as the owner would have configured them;
        /// the others keep their stored value. A new region brings its own defaults first (data rate, power, RX2,
        /// channels), as the console's `set region` does.
        /// </summary>
        /// <returns>Whether anything was given (and so the settings need saving).</returns>
        public static bool Apply(HostBoardOptions options, LoRaWanSettings settings, Settings all)
        {
            bool given = options.Region != null || options.Class.HasValue || options.Activation.HasValue || options.Adr.HasValue
                || options.DataRate.HasValue || options.Confirmed.HasValue || options.AppKey != null || options.DevEui != null;
            if (options.Region != null && options.Region.Name != settings.Region)
            {
                SettingsDefaults.ApplyRegion(all, options.Region.Name);
            }

            settings.Class = options.Class ?? settings.Class;
            settings.JoinType = options.Activation ?? settings.JoinType;
            settings.Adr = options.Adr ?? settings.Adr;
            settings.DataRate = options.DataRate ?? settings.DataRate;
            settings.Confirmed = options.Confirmed ?? settings.Confirmed;
            if (options.AppKey != null)
            {
                Array.Copy(options.AppKey, settings.AppKey, 16);
            }

            if (options.DevEui != null)
            {
                Array.Copy(options.DevEui, settings.DevEui, 8);
            }

            // An ABP device does not learn its channels from a JoinAccept: its user sets them to the gateway's sub-band
            // (guide 3.2.2: "make sure the channels match the LoRaWAN gateway").
            Region region = KnownRegions.Find(settings.Region);
            if (settings.JoinType == JoinType.Abp && region != null && region.IsFixedPlan && string.IsNullOrWhiteSpace(settings.Channels))
            {
                settings.Channels = NetworkPlan.For(region).SubBandChannelList();
                given = true;
            }

            return given;
        }

        /// <summary>The board's gateway and what is behind it: the server at --gateway-udp, or the built-in network server.</summary>
        public static VirtualGateway StartGateway(EventLoop loop, VirtualAir air, HostBoardOptions options, LoRaWanSettings settings, ITextConsole console,
            out NetworkServer network, out SemtechUdpBridge bridge)
        {
            VirtualGateway gateway;
            network = null;
            bridge = null;
            if (options.GatewayServerHost != null)
            {
                bridge = StartBridge(loop, air, options, settings, console, out gateway);
            }
            else
            {
                network = StartNetwork(loop, air, options, settings, console, out gateway);
            }

            return gateway;
        }

        /// <summary>
        /// A gateway on the board's air that forwards to the network server at --gateway-udp (Semtech UDP), listening on the
        /// region's usual channels (those the built-in server's plan uses, as ChirpStack's region files do).
        /// </summary>
        public static SemtechUdpBridge StartBridge(EventLoop loop, VirtualAir air, HostBoardOptions options, LoRaWanSettings settings, ITextConsole console, out VirtualGateway gateway)
        {
            Region region = KnownRegions.Find(settings.Region);
            gateway = new VirtualGateway(air);
            NetworkPlan.For(region).ListenOn(gateway);
            var bridgeOptions = new SemtechBridgeOptions
            {
                GatewayEui = options.GatewayEui ?? SemtechBridgeOptions.DefaultEui(options.Seed),
                MinTxFrequencyHz = region.MinFrequencyHz,
                MaxTxFrequencyHz = region.MaxFrequencyHz,
                Seed = options.Seed,
            };
            var bridge = new SemtechUdpBridge(loop, gateway, new UdpTransport(options.GatewayServerHost, options.GatewayServerPort), console, bridgeOptions);
            bridge.Start();
            return bridge;
        }

        /// <summary>A gateway on the board's air and the network server behind it, with the device registered from its settings.</summary>
        public static NetworkServer StartNetwork(EventLoop loop, VirtualAir air, HostBoardOptions options, LoRaWanSettings settings, ITextConsole console, out VirtualGateway gateway)
        {
            gateway = new VirtualGateway(air);
            var server = new NetworkServer(loop, NetworkPlan.For(KnownRegions.Find(settings.Region)), console, new NetworkServerOptions { Seed = options.Seed });
            server.Attach(gateway);
            server.Register(settings);
            return server;
        }
    }
}
