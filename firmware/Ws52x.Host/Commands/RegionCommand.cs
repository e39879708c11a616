using System;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ws52x.LoRaWan.Regions;

namespace Ws52x.Host.Commands
{
    /// <summary>
    /// `ws52x region NAME [--json]` and `ws52x region --list`: a LoRaWAN region as the firmware holds it (the core's
    /// <see cref="RegionDescription"/>; this only formats): default channels, data rates and payload limits, RX1 data
    /// rates per offset, RX2, power steps, duty-cycle bands. Frequencies in Hz in JSON, powers in dBm EIRP.
    /// </summary>
    public static class RegionCommand
    {
        public static Command Create()
        {
            var name = new Argument<string>("name") { Description = "The region: " + KnownRegions.NameList() + " (any letter case; AS923 is AS923-1).", Arity = ArgumentArity.ZeroOrOne };
            var json = Cli.Flag("--json", "Print one JSON object instead of tables.");
            var list = Cli.Flag("--list", "Name every region the firmware knows.");
            var command = new Command("region", "Show a LoRaWAN region as the firmware holds it (RP002-1.0.3), or list the regions.");
            command.Arguments.Add(name);
            command.Options.Add(json);
            command.Options.Add(list);
            command.SetAction(parse =>
            {
                string wanted = parse.GetValue(name);
                if (parse.GetValue(list))
                {
                    if (wanted != null)
                    {
                        throw new CliException("region takes a region name or --list, not both");
                    }

                    parse.InvocationConfiguration.Output.Write(parse.GetValue(json) ? ListJson().ToJsonString() + Environment.NewLine : ListText());
                    return 0;
                }

                if (wanted == null)
                {
                    throw new CliException("region takes a region name (" + KnownRegions.NameList() + ") or --list");
                }

                Region region = KnownRegions.Find(wanted) ?? throw new CliException("region takes one of " + KnownRegions.NameList() + " (got '" + wanted + "')");
                RegionDescription d = RegionDescription.Describe(region);
                parse.InvocationConfiguration.Output.Write(parse.GetValue(json) ? Json(d).ToJsonString() + Environment.NewLine : Text(d));
                return 0;
            });
            return command;
        }

        /// <summary>The region as one JSON object, in the field names of issue 9 item 17 (and a few more).</summary>
        public static JsonObject Json(RegionDescription d)
        {
            var channels = new JsonArray();
            foreach (ChannelDescription c in d.Channels)
            {
                channels.Add(new JsonObject { ["index"] = c.Index, ["frequency"] = c.Frequency, ["minDr"] = c.MinDr, ["maxDr"] = c.MaxDr });
            }

            var rates = new JsonArray();
            foreach (DataRateDescription r in d.DataRates)
            {
                bool lora = r.Modulation == "LoRa";
                var o = new JsonObject
                {
                    ["dr"] = r.Dr,
                    ["modulation"] = r.Modulation,
                    ["sf"] = lora ? r.Sf : null,
                    ["bw"] = lora ? r.Bw : null,
                    ["maxPayload"] = r.MaxPayload < 0 ? null : r.MaxPayload,
                };
                if (r.MaxPayloadDwell != -2)
                {
                    o["maxPayloadDwell"] = r.MaxPayloadDwell < 0 ? null : r.MaxPayloadDwell;
                }

                rates.Add(o);
            }

            // One row per uplink data rate, indexed by it: a data rate without RX1 row (IN865's RFU DR6) is null.
            var rx1 = new JsonArray();
            int lastRow = d.Rx1UplinkDrs.Length == 0 ? -1 : d.Rx1UplinkDrs[d.Rx1UplinkDrs.Length - 1];
            for (int dr = 0; dr <= lastRow; dr++)
            {
                int k = Array.IndexOf(d.Rx1UplinkDrs, dr);
                rx1.Add(k < 0 ? null : new JsonArray(Array.ConvertAll(d.Rx1DataRate[k], v => (JsonNode)v)));
            }

            var bands = new JsonArray();
            foreach (DutyCycleBandDescription b in d.DutyCycleBands)
            {
                bands.Add(new JsonObject { ["min"] = b.Min, ["max"] = b.Max, ["dutyCycle"] = b.DutyCycle });
            }

            return new JsonObject
            {
                ["name"] = d.Name,
                ["plan"] = d.Plan,
                ["channels"] = channels,
                ["dataRates"] = rates,
                ["rx1DataRate"] = rx1,
                ["rx2"] = new JsonObject { ["frequency"] = d.Rx2Frequency, ["dr"] = d.Rx2Dr },
                ["txPower"] = new JsonArray(Array.ConvertAll(d.TxPower, p => (JsonNode)p)),
                ["maxEirp"] = d.MaxEirp,
                ["dutyCycleBands"] = bands,
                ["joinDataRates"] = new JsonObject { ["min"] = d.JoinMinDr, ["max"] = d.JoinMaxDr },
                ["dwellTime"] = new JsonObject { ["uplink"] = d.UplinkDwellTime, ["downlink"] = d.DownlinkDwellTime },
            };
        }

        public static string Text(RegionDescription d)
        {
            var s = new StringBuilder();
            s.AppendLine(d.Name + " (" + d.Plan + " channel plan)");
            s.AppendLine("channels enabled after a reset:");
            s.AppendLine("  index  frequency     data rates");
            foreach (ChannelDescription c in d.Channels)
            {
                s.AppendLine(string.Format(CultureInfo.InvariantCulture, "  {0,5}  {1,11}  DR{2}-DR{3}", c.Index, Mhz(c.Frequency), c.MinDr, c.MaxDr));
            }

            s.AppendLine("data rates (N = longest FRMPayload, no repeater):");
            bool dwell = Array.Exists(d.DataRates, r => r.MaxPayloadDwell != -2);
            s.AppendLine("  DR  modulation  SF  bandwidth      N" + (dwell ? "  N with dwell" : ""));
            foreach (DataRateDescription r in d.DataRates)
            {
                bool lora = r.Modulation == "LoRa";
                s.AppendLine(string.Format(CultureInfo.InvariantCulture, "  {0,2}  {1,-10}  {2,2}  {3,9}  {4,5}  {5,12}", r.Dr, r.Modulation,
                    lora ? r.Sf.ToString(CultureInfo.InvariantCulture) : "-", lora ? r.Bw + " kHz" : "50 kbps",
                    r.MaxPayload < 0 ? "-" : r.MaxPayload.ToString(CultureInfo.InvariantCulture),
                    !dwell ? "" : r.MaxPayloadDwell < 0 ? "-" : r.MaxPayloadDwell.ToString(CultureInfo.InvariantCulture)).TrimEnd());
            }

            s.AppendLine("RX1 data rate by RX1DROffset:");
            s.Append("  uplink DR ");
            int offsets = d.Rx1DataRate.Length == 0 ? 0 : d.Rx1DataRate[0].Length;
            for (int o = 0; o < offsets; o++)
            {
                s.Append(string.Format(CultureInfo.InvariantCulture, " {0,3}", o));
            }

            s.AppendLine();
            for (int k = 0; k < d.Rx1UplinkDrs.Length; k++)
            {
                s.Append(string.Format(CultureInfo.InvariantCulture, "  {0,9} ", d.Rx1UplinkDrs[k]));
                foreach (int dr in d.Rx1DataRate[k])
                {
                    s.Append(string.Format(CultureInfo.InvariantCulture, " {0,3}", dr < 0 ? "-" : dr.ToString(CultureInfo.InvariantCulture)));
                }

                s.AppendLine();
            }

            s.AppendLine("RX2: " + Mhz(d.Rx2Frequency) + ", DR" + d.Rx2Dr);
            s.AppendLine("TX power (EIRP) by TXPower index: " + string.Join(", ", Array.ConvertAll(d.TxPower, Dbm)) + " dBm; max EIRP " + Dbm(d.MaxEirp) + " dBm");
            s.Append("duty-cycle bands:");
            foreach (DutyCycleBandDescription b in d.DutyCycleBands)
            {
                s.Append(" " + Mhz(b.Min) + "-" + Mhz(b.Max) + " " + (b.DutyCycle * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %;");
            }

            s.AppendLine(d.DutyCycleBands.Length == 0 ? " none" : "");
            s.AppendLine("join data rates: DR" + d.JoinMinDr + "-DR" + d.JoinMaxDr + "; dwell time: uplink " + (d.UplinkDwellTime ? "on" : "off") + ", downlink " + (d.DownlinkDwellTime ? "on" : "off"));
            return s.ToString();
        }

        private static JsonArray ListJson()
        {
            var names = new JsonArray();
            foreach (Region r in KnownRegions.CreateAll())
            {
                names.Add(r.Name);
            }

            return names;
        }

        private static string ListText()
        {
            var s = new StringBuilder();
            foreach (Region r in KnownRegions.CreateAll())
            {
                s.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0,-8}  {1,-7}  {2:0.###}-{3:0.###} MHz", r.Name,
                    r.Kind == PlanKind.Dynamic ? "dynamic" : "fixed", r.MinFrequencyHz / 1e6, r.MaxFrequencyHz / 1e6));
            }

            return s.ToString();
        }

        private static string Mhz(int hz) => (hz / 1e6).ToString("0.000", CultureInfo.InvariantCulture) + " MHz";

        private static string Dbm(double dbm) => dbm.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
