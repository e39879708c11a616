using System;
using System.CommandLine;
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
        private readonly Option<DeviceClass?> _class;
        private readonly Option<JoinType?> _activation;
        private readonly Option<OnOff?> _adr;
        private readonly Option<int?> _dr;
        private readonly Option<bool> _confirmed;
        private readonly Option<byte[]> _appKey;
        private readonly Option<byte[]> _devEui;

        public LoRaWanRunOptions(Command command)
        {
            var defaults = new HostBoardOptions();
            _region = new Option<Region>("--region")
            {
                Description = "LoRaWAN region of the socket and the network server: " + KnownRegions.NameList() + " (default " + defaults.Region.Name + ").",
                HelpName = "name",
                CustomParser = r =>
                {
                    string t = Cli.Token(r);
                    Region region = KnownRegions.Find(t);
                    if (region == null)
                    {
                        r.AddError("--region takes one of " + KnownRegions.NameList() + " (got '" + t + "')");
                    }

                    return region;
                },
            };
            _class = Choice<DeviceClass>("--class", "a|c", "LoRaWAN class: a or c (default: the socket's setting, class C).", "a or c",
                t => t == "a" ? DeviceClass.A : t == "c" ? DeviceClass.C : (DeviceClass?)null);
            _activation = Choice<JoinType>("--activation", "otaa|abp", "How the socket joins: otaa or abp (default otaa).", "otaa or abp",
                t => t == "otaa" ? JoinType.Otaa : t == "abp" ? JoinType.Abp : (JoinType?)null);
            _adr = Choice<OnOff>("--adr", "on|off", "Adaptive data rate: on or off (default on).", "on or off",
                t => t == "on" ? OnOff.On : t == "off" ? OnOff.Off : (OnOff?)null);
            _dr = new Option<int?>("--dr")
            {
                Description = "Uplink data rate when ADR is off, and the first one when it is on (default DR2, SF10 on EU868).",
                HelpName = "N",
                CustomParser = r =>
                {
                    string t = Cli.Token(r);
                    if (int.TryParse(t, out int dr) && dr >= 0 && dr <= 15)
                    {
                        return dr;
                    }

                    r.AddError("--dr takes a data rate number, 0-15 as the region allows (got '" + t + "')");
                    return null;
                },
            };
            _confirmed = new Option<bool>("--confirmed") { Description = "Confirmed uplinks (resent up to 3 times without an ACK)." };
            _appKey = Key("--appkey", 16, "OTAA AppKey, 32 hex digits (default the guide's 5572404C696E6B4C6F52613230313823).");
            _devEui = Key("--deveui", 8, "DevEUI, 16 hex digits (default: the board's own).");
            foreach (Option o in new Option[] { _region, _class, _activation, _adr, _dr, _confirmed, _appKey, _devEui })
            {
                command.Options.Add(o);
            }
        }

        /// <summary>Copies the parsed values into the board's options; a data rate the region lacks is a usage error.</summary>
        public void ReadInto(ParseResult parse, HostBoardOptions options)
        {
            options.Region = parse.GetValue(_region) ?? options.Region;
            options.Class = parse.GetValue(_class);
            options.Activation = parse.GetValue(_activation);
            OnOff? adr = parse.GetValue(_adr);
            options.Adr = adr.HasValue ? adr.Value == OnOff.On : (bool?)null;
            options.DataRate = parse.GetValue(_dr);
            options.Confirmed = parse.GetValue(_confirmed) ? true : (bool?)null;
            // System.CommandLine hands an empty array for an array option that was not given.
            byte[] appKey = parse.GetValue(_appKey);
            byte[] devEui = parse.GetValue(_devEui);
            options.AppKey = appKey != null && appKey.Length == 16 ? appKey : null;
            options.DevEui = devEui != null && devEui.Length == 8 ? devEui : null;
            Region region = options.Region;
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

        private static Option<T?> Choice<T>(string name, string helpName, string description, string accepted, Func<string, T?> parse)
            where T : struct
        {
            return new Option<T?>(name)
            {
                Description = description,
                HelpName = helpName,
                Arity = ArgumentArity.ExactlyOne,
                CustomParser = r =>
                {
                    string t = Cli.Token(r);
                    T? value = parse(t.ToLowerInvariant());
                    if (value == null)
                    {
                        r.AddError(name + " takes " + accepted + " (got '" + t + "')");
                    }

                    return value;
                },
            };
        }

        private static Option<byte[]> Key(string name, int bytes, string description)
        {
            return new Option<byte[]>(name)
            {
                Description = description,
                HelpName = "hex",
                CustomParser = r =>
                {
                    string t = Cli.Token(r);
                    var value = new byte[bytes];
                    if (t.Length == 2 * bytes && Hex.TryParse(t, value) == bytes)
                    {
                        return value;
                    }

                    r.AddError(name + " takes " + 2 * bytes + " hex digits (got '" + t + "')");
                    return null;
                },
            };
        }
    }
}
