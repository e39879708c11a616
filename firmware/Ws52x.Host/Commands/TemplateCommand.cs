using System;
using System.CommandLine;
using System.IO;
using Ws52x.Config;
using Ws52x.LoRaWan.Regions;
using Ws52x.Metering;

namespace Ws52x.Host.Commands
{
    /// <summary>
    /// `ws52x template validate FILE`: checks a settings template (what the console's export prints) without a board,
    /// with the same code a board's import runs. `ws52x template settings`: the table of settings, as docs/configuration.md has it.
    /// </summary>
    public static class TemplateCommand
    {
        public static Command Create()
        {
            var template = new Command("template", "Settings templates (guide 3.4.2): check one, or list the settings they hold.");
            template.Subcommands.Add(CreateValidate());
            var settings = new Command("settings", "Print the table of settings (name, what, values, default, when it takes effect) in Markdown.");
            settings.SetAction(parse =>
            {
                parse.InvocationConfiguration.Output.Write(SettingsMarkdown());
                return 0;
            });
            template.Subcommands.Add(settings);
            return template;
        }

        private static Command CreateValidate()
        {
            var file = new Argument<string>("file") { Description = "The template: a JSON file as `export` prints it." };
            var rated = Cli.RatedCurrent();
            var validate = new Command("validate", "Check a template as a board of its model and region would, without a board.");
            validate.Arguments.Add(file);
            validate.Options.Add(rated);
            validate.SetAction(parse =>
            {
                string path = parse.GetValue(file);
                int amps = Cli.ValueOr(parse, rated, Cli.DefaultRatedCurrentAmps);
                if (Directory.Exists(path))
                {
                    throw new CliException("template: " + Cli.Echo(path) + " is a folder; validate takes a template file");
                }

                string json;
                try
                {
                    var info = new FileInfo(path);
                    if (info.Exists && info.Length > Template.MaxLength * 4)
                    {
                        throw new CliException("template: " + path + ": " + info.Length + " bytes; a template has at most " + Template.MaxLength + " characters");
                    }

                    json = File.ReadAllText(path);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    return Cli.FailIo(parse.InvocationConfiguration.Error, "template: cannot read " + path + ": " + e.Message);
                }

                string reason = Validate(json, amps, out string summary);
                if (reason != null)
                {
                    throw new CliException("template: " + path + ": " + reason);
                }

                parse.InvocationConfiguration.Output.WriteLine(path + ": " + summary);
                return 0;
            });
            return validate;
        }

        /// <summary>Null and a summary when a board of the template's model and region would take it; else why not.</summary>
        public static string Validate(string json, int ratedCurrentAmps, out string summary)
        {
            summary = null;
            string header = Template.ReadHeader(json, out string model, out int version, out string region);
            if (header != null)
            {
                return header;
            }

            string band = model.StartsWith("WS52x-", StringComparison.Ordinal) ? model.Substring(6) : null;
            if (band == null || !KnownRegions.IsBand(band))
            {
                return "model \"" + model + "\" is not a WS52x (WS52x-868M, WS52x-915M or WS52x-470M)";
            }

            var rules = new SettingsRules(ratedCurrentAmps, band);
            Region r = KnownRegions.Find(region);
            if (r == null || r.Name != region)
            {
                return "region \"" + region + "\" is not one of " + KnownRegions.NameList();
            }

            if (r.RadioBand != band)
            {
                return "region " + region + " is not served by the " + model + " (" + rules.RegionsOfBand() + ")";
            }

            Settings board = new SettingsDefaults(null, band).Create();
            SettingsDefaults.ApplyRegion(board, region);
            var result = new TemplateResult();
            string reason = Template.Import(json, board, rules, result);
            if (reason != null)
            {
                return reason;
            }

            summary = "valid " + model + " template for " + region + ": " + result.Named + " settings" +
                (result.KeysKept > 0 ? ", " + result.KeysKept + " keys masked (an import keeps the board's own)" : "");
            return null;
        }

        /// <summary>The settings table of docs/configuration.md, from <see cref="SettingsTable"/>.</summary>
        public static string SettingsMarkdown()
        {
            var rules = new SettingsRules(new MeteringBoard().RatedCurrentMilliamps / 1000, KnownRegions.DefaultBand);
            Settings defaults = new SettingsDefaults(null, KnownRegions.DefaultBand).Create();
            var value = new SettingValue();
            var text = new System.Text.StringBuilder();
            text.Append("| name | what (guide section) | values | default | takes effect |\n");
            text.Append("|---|---|---|---|---|\n");
            foreach (SettingInfo info in SettingsTable.All)
            {
                if (info.Has(SettingFlags.Hidden))
                {
                    continue;
                }

                SettingsAccess.Read(defaults, info.Id, value);
                string shown = info.Has(SettingFlags.Identity) ? "from the SN"
                    : info.Id == SettingsTable.Region ? "EU868 on -868M, AU915 on -915M, CN470 on -470M"
                    : info.Id == SettingsTable.DataRate ? "SF10: 2, or 0 on US915"
                    : SettingText.Format(info, value, true) + (info.Unit.Length > 0 ? " " + info.Unit : "");
                string flags = info.TakesEffect + (info.Has(SettingFlags.Masked) ? "; shown as *****" : "") +
                    (info.InTemplate ? "" : "; not in templates");
                text.Append("| `").Append(info.Name).Append("` | ").Append(info.Title).Append(" | ")
                    .Append(rules.RangeText(info, null)).Append(" | ").Append(shown).Append(" | ").Append(flags).Append(" |\n");
            }

            return text.ToString();
        }
    }
}
