using System;
using Ws52x.Config;
using Ws52x.Host.Board.Radio;
using Ws52x.Host.Network;
using Ws52x.Loop;
using Ws52x.Platform;
using Ws52x.Util;

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
        /// <summary>Writes the options that were given into the device's LoRaWAN settings; the others keep their value.</summary>
        public static void Apply(HostBoardOptions options, LoRaWanSettings settings)
        {
            settings.Region = options.Region.Name;
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
            else if (IsZero(settings.DevEui))
            {
                // Until the configuration area derives it from the board's serial number: a locally administered EUI
                // from the seed, so that it is nobody's real one and a run repeats.
                new Random(options.Seed ^ 0x4555).NextBytes(settings.DevEui);
                settings.DevEui[0] = (byte)((settings.DevEui[0] & 0xFC) | 0x02);
            }

            // An ABP device does not learn its channels from a JoinAccept: its user sets them to the gateway's sub-band
            // (guide 3.2.2: "make sure the channels match the LoRaWAN gateway").
            if (settings.JoinType == JoinType.Abp && options.Region.IsFixedPlan && string.IsNullOrWhiteSpace(settings.Channels))
            {
                settings.Channels = NetworkPlan.For(options.Region).SubBandChannelList();
            }

            if (settings.DevAddr == 0)
            {
                // The same stand-in for the ABP DevAddr (the guide: digits 5-12 of the SN): the DevEUI's last four bytes.
                settings.DevAddr = Bytes.ReadUInt32BE(settings.DevEui, 4);
            }
        }

        /// <summary>A gateway on the board's air and the network server behind it, with the device registered from its settings.</summary>
        public static NetworkServer StartNetwork(EventLoop loop, VirtualAir air, HostBoardOptions options, LoRaWanSettings settings, ITextConsole console, out VirtualGateway gateway)
        {
            gateway = new VirtualGateway(air);
            var server = new NetworkServer(loop, NetworkPlan.For(options.Region), console, new NetworkServerOptions { Seed = options.Seed });
            server.Attach(gateway);
            server.Register(settings);
            return server;
        }

        private static bool IsZero(byte[] value)
        {
            foreach (byte b in value)
            {
                if (b != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
