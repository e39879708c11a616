using System.CommandLine;
using System.Globalization;
using Ws52x.Config;
using Ws52x.Host.Board;
using Ws52x.LoRaWan.Regions;
using Ws52x.Util;

namespace Ws52x.Host.Commands
{
    /// <summary>
    /// The LoRaWAN options of `ws52x run`: region, class, activation, ADR, data rate, confirmed uplinks, AppKey and DevEUI.
    /// They set the device's settings and the built-in network server's registration alike. A bad value is one line
    /// naming the option and what it takes.
    /// </summary>
    public sealed class LoRaWanRunOptions
    {
        // Not bool: System.CommandLine takes a bool option's value only when it reads "true" or "false".
        private enum OnOff
        {
            Off,
            On,
        }

        private readonly Option<Region> _region;
        private readonly Option<DeviceClass> _class;
        private readonly Option<JoinType> _activation;
        private readonly Option<OnOff> _adr;
        private readonly Option<int> _dr;
        private readonly Option<bool> _confirmed;
        private readonly Option<byte[]> _appKey;
        private readonly Option<byte[]> _devEui;

        public LoRaWanRunOptions(Command command)
        {
            var settings = new LoRaWanSettings();

            // Each is a setting the owner would configure; not given, the board keeps its stored one (the guide's default
            // on a new board, which help shows).
            _region = RegionOption("LoRaWAN region of the socket and the network server (default: " + settings.Region.ToLowerInvariant() + ").");
            _class = Cli.Choice("--class", "LoRaWAN class (default: " + (settings.Class == DeviceClass.C ? "c" : "a") + ").",
                new[] { "a", "c" }, new[] { DeviceClass.A, DeviceClass.C });
            _activation = Cli.Choice("--activation", "How the socket joins (default: " + (settings.JoinType == JoinType.Otaa ? "otaa" : "abp") + ").",
                new[] { "otaa", "abp" }, new[] { JoinType.Otaa, JoinType.Abp });
            _adr = Cli.Choice("--adr", "Adaptive data rate (default: " + (settings.Adr ? "on" : "off") + ").", new[] { "on", "off" }, new[] { OnOff.On, OnOff.Off });
            _dr = Cli.Integer("--dr", "Uplink data rate when ADR is off, and the first one when it is on; the region says which exist (default: " +
                settings.DataRate.ToString(CultureInfo.InvariantCulture) + ", SF10 on EU868).", 0, 15);
            _confirmed = Cli.Flag("--confirmed", "Confirmed uplinks (resent up to 3 times without an ACK).");
            _appKey = Cli.HexBytes("--appkey", "OTAA AppKey (default: " + Hex.ToHex(settings.AppKey).ToUpperInvariant() + ", the guide's).", 16);
            _devEui = Cli.HexBytes("--deveui", "DevEUI; without it, the board's own from its serial number.", 8);
            foreach (Option o in new Option[] { _region, _class, _activation, _adr, _dr, _confirmed, _appKey, _devEui })
            {
                command.Options.Add(o);
            }
        }

        /// <summary>--region: the regions by name, and "as923" for AS923-1 as the guide's plain "AS923" means.</summary>
        public static Option<Region> RegionOption(string description)
        {
            Region[] known = KnownRegions.CreateAll();
            var regions = new Region[known.Length + 1];
            var regionNames = new string[known.Length + 1];
            for (int i = 0; i < known.Length; i++)
            {
                regions[i] = known[i];
                regionNames[i] = known[i].Name.ToLowerInvariant();
            }

            regions[known.Length] = KnownRegions.Find("AS923");
            regionNames[known.Length] = "as923";
            return Cli.Choice("--region", description, regionNames, regions);
        }

        /// <summary>Copies the parsed values into the board's options; a data rate the region lacks is a usage error.</summary>
        public void ReadInto(ParseResult parse, HostBoardOptions options)
        {
            options.Region = Given(parse, _region) ? parse.GetValue(_region) : options.Region;
            options.Class = Given(parse, _class) ? parse.GetValue(_class) : (DeviceClass?)null;
            options.Activation = Given(parse, _activation) ? parse.GetValue(_activation) : (JoinType?)null;
            options.Adr = Given(parse, _adr) ? parse.GetValue(_adr) == OnOff.On : (bool?)null;
            options.DataRate = Given(parse, _dr) ? parse.GetValue(_dr) : (int?)null;
            options.Confirmed = parse.GetValue(_confirmed) ? true : (bool?)null;
            options.AppKey = Given(parse, _appKey) ? parse.GetValue(_appKey) : null;
            options.DevEui = Given(parse, _devEui) ? parse.GetValue(_devEui) : null;
            Region region = options.Region ?? KnownRegions.Find(new LoRaWanSettings().Region);
            if (options.DataRate.HasValue && !IsUplinkLoRa(region, options.DataRate.Value))
            {
                throw new CliException("--dr takes a data rate of " + region.Name + ": " + UplinkDataRates(region) + " (got " + options.DataRate.Value + ")");
            }
        }

        /// <summary>The LoRa uplink data rates of a region under its default dwell rule, as ranges ("0-6").</summary>
        public static string UplinkDataRates(Region region)
        {
            string text = "";
            for (int dr = 0; dr < Region.DataRateCount; dr++)
            {
                if (!IsUplinkLoRa(region, dr) || IsUplinkLoRa(region, dr - 1))
                {
                    continue;
                }

                int last = dr;
                while (IsUplinkLoRa(region, last + 1))
                {
                    last++;
                }

                text += (text.Length == 0 ? "" : ", ") + (last == dr ? dr.ToString() : dr + "-" + last);
            }

            return text;
        }

        private static bool IsUplinkLoRa(Region region, int dr) => region.IsLoRa(dr) && region.IsUplinkDataRate(dr, region.DefaultUplinkDwell);

        private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) != null;
    }
}
