using System.Linq;
using System.Text.Json.Nodes;
using Ws52x.Host.Commands;
using Ws52x.LoRaWan.Regions;

namespace Ws52x.Tests.Host
{
    /// <summary>`ws52x region`: the JSON field by field against RP002-1.0.3, the table, the list and the errors.</summary>
    public class RegionCommandTests
    {
        // Through its text, as a reader of the output gets it.
        private static JsonObject Region(string name) =>
            JsonNode.Parse(RegionCommand.Json(RegionDescription.Describe(KnownRegions.Find(name))).ToJsonString()).AsObject();

        private static int[] Ints(JsonNode array) => array.AsArray().Select(v => (int)v).ToArray();

        [Fact]
        public void EU868_as_RP002_gives_it()
        {
            JsonObject r = Region("eu868");
            Assert.Equal("EU868", (string)r["name"]);
            Assert.Equal(new[] { 868_100_000, 868_300_000, 868_500_000 }, r["channels"].AsArray().Select(c => (int)c["frequency"]));
            Assert.All(r["channels"].AsArray(), c => Assert.Equal((0, 5), ((int)c["minDr"], (int)c["maxDr"])));
            Assert.Equal(new[] { 0, 1, 2 }, r["channels"].AsArray().Select(c => (int)c["index"]));
            JsonArray rates = r["dataRates"].AsArray();
            Assert.Equal(Enumerable.Range(0, 8), rates.Select(d => (int)d["dr"]));
            Assert.Equal(new int?[] { 12, 11, 10, 9, 8, 7, 7, null }, rates.Select(d => (int?)d["sf"]));
            Assert.Equal(new int?[] { 125, 125, 125, 125, 125, 125, 250, null }, rates.Select(d => (int?)d["bw"]));
            Assert.Equal("FSK", (string)rates[7]["modulation"]);
            Assert.Equal(new[] { 51, 51, 51, 115, 242, 242, 242, 242 }, rates.Select(d => (int)d["maxPayload"]));
            Assert.Null(rates[0]["maxPayloadDwell"]); // no dwell rule in EU868: the field is absent
            Assert.Equal(8, r["rx1DataRate"].AsArray().Count);
            Assert.Equal(new[] { 0, 0, 0, 0, 0, 0 }, Ints(r["rx1DataRate"][0]));
            Assert.Equal(new[] { 5, 4, 3, 2, 1, 0 }, Ints(r["rx1DataRate"][5]));
            Assert.Equal(new[] { 7, 6, 5, 4, 3, 2 }, Ints(r["rx1DataRate"][7]));
            Assert.Equal((869_525_000, 0), ((int)r["rx2"]["frequency"], (int)r["rx2"]["dr"]));
            Assert.Equal(new[] { 16, 14, 12, 10, 8, 6, 4, 2 }, Ints(r["txPower"]));
            Assert.Equal(16, (double)r["maxEirp"]);
            JsonArray bands = r["dutyCycleBands"].AsArray();
            Assert.Equal(new[] { 0.001, 0.01, 0.01, 0.001, 0.1, 0.01 }, bands.Select(b => (double)b["dutyCycle"]));
            Assert.Equal((869_400_000, 869_650_000), ((int)bands[4]["min"], (int)bands[4]["max"])); // g3: RX2's 10 % band
        }

        [Fact]
        public void US915_as_RP002_gives_it()
        {
            JsonObject r = Region("US915");
            JsonArray channels = r["channels"].AsArray();
            Assert.Equal(72, channels.Count);
            Assert.Equal((902_300_000, 0, 3), ((int)channels[0]["frequency"], (int)channels[0]["minDr"], (int)channels[0]["maxDr"]));
            Assert.Equal(914_900_000, (int)channels[63]["frequency"]);
            Assert.Equal((903_000_000, 4, 4), ((int)channels[64]["frequency"], (int)channels[64]["minDr"], (int)channels[64]["maxDr"]));
            Assert.Equal(914_200_000, (int)channels[71]["frequency"]);
            JsonArray rates = r["dataRates"].AsArray();
            Assert.Equal(new[] { 0, 1, 2, 3, 4, 8, 9, 10, 11, 12, 13 }, rates.Select(d => (int)d["dr"]));
            Assert.Equal(new[] { 10, 9, 8, 7, 8, 12, 11, 10, 9, 8, 7 }, rates.Select(d => (int)d["sf"]));
            Assert.Equal(new[] { 125, 125, 125, 125, 500, 500, 500, 500, 500, 500, 500 }, rates.Select(d => (int)d["bw"]));
            Assert.Equal(new[] { 11, 53, 125, 242, 242, 53, 129, 242, 242, 242, 242 }, rates.Select(d => (int)d["maxPayload"]));
            Assert.Equal(new[] { new[] { 10, 9, 8, 8 }, new[] { 11, 10, 9, 8 }, new[] { 12, 11, 10, 9 }, new[] { 13, 12, 11, 10 }, new[] { 13, 13, 12, 11 } },
                r["rx1DataRate"].AsArray().Select(Ints));
            Assert.Equal((923_300_000, 8), ((int)r["rx2"]["frequency"], (int)r["rx2"]["dr"]));
            Assert.Equal(Enumerable.Range(0, 15).Select(i => 30 - 2 * i), Ints(r["txPower"]));
            Assert.Equal(30, (double)r["maxEirp"]);
            Assert.Empty(r["dutyCycleBands"].AsArray());
        }

        [Fact]
        public void AS923_has_the_dwell_payload_limits_and_the_negative_offsets_and_IN865_its_gap_at_DR6()
        {
            JsonObject r = Region("AS923");
            Assert.Equal("AS923-1", (string)r["name"]);
            Assert.Equal(new[] { 923_200_000, 923_400_000 }, r["channels"].AsArray().Select(c => (int)c["frequency"]));
            JsonArray rates = r["dataRates"].AsArray();
            Assert.Equal(new[] { 51, 51, 115, 115, 242, 242, 242, 242 }, rates.Select(d => (int)d["maxPayload"]));
            Assert.Equal(new int?[] { null, null, 11, 53, 125, 242, 242, 242 }, rates.Select(d => (int?)d["maxPayloadDwell"]));
            Assert.Equal(new[] { 5, 4, 3, 2, 1, 0, 6, 7 }, Ints(r["rx1DataRate"][5]));
            Assert.Equal((923_200_000, 2), ((int)r["rx2"]["frequency"], (int)r["rx2"]["dr"]));
            Assert.Equal(16, (double)r["maxEirp"]);
            Assert.True((bool)r["dwellTime"]["downlink"]);
            Assert.Equal((921_400_000, 921_600_000), ((int)Region("AS923-2")["channels"][0]["frequency"], (int)Region("AS923-2")["channels"][1]["frequency"]));

            JsonObject india = Region("IN865");
            Assert.Null(india["rx1DataRate"][6]);
            Assert.Equal(new[] { 7, 5, 5, 4, 3, 2, 7, 7 }, Ints(india["rx1DataRate"][7]));
            Assert.Equal((866_550_000, 2), ((int)india["rx2"]["frequency"], (int)india["rx2"]["dr"]));
            Assert.Equal(30, (double)india["maxEirp"]);
        }

        [Fact]
        public void The_command_prints_JSON_a_table_and_the_list_and_refuses_unknown_names()
        {
            var json = HostProcess.InProcess("region", "Eu868", "--json");
            Assert.Equal(0, json.ExitCode);
            JsonNode parsed = JsonNode.Parse(json.Stdout);
            Assert.Equal(Region("EU868").ToJsonString(), parsed.ToJsonString());

            var table = HostProcess.InProcess("region", "us915");
            Assert.Equal(0, table.ExitCode);
            string[] lines = table.Stdout.Split('\n');
            Assert.Equal("US915 (fixed channel plan)", lines[0]);
            Assert.Contains(lines, l => l.Trim() == "64  903.000 MHz  DR4-DR4");
            Assert.Contains(lines, l => l.StartsWith("RX2: 923.300 MHz, DR8"));
            Assert.Contains(lines, l => l.StartsWith("TX power (EIRP) by TXPower index: 30, 28, 26"));

            var list = HostProcess.InProcess("region", "--list");
            Assert.Equal(0, list.ExitCode);
            Assert.Equal(KnownRegions.CreateAll().Select(x => x.Name), list.Stdout.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]));

            HostProcess.AssertUsageErrorInProcess("region", "EU433");
            HostProcess.AssertUsageErrorInProcess("region");
            HostProcess.AssertUsageErrorInProcess("region", "EU868", "--list");
            Assert.Equal("ws52x: region takes one of " + KnownRegions.NameList() + " (got 'EU433')", HostProcess.InProcess("region", "EU433").Stderr.Trim());
        }
    }
}
