namespace Ws52x.Config.Console
{
    /// <summary>get, set, export, import and help for a setting: all driven by <see cref="SettingsTable"/>.</summary>
    public sealed partial class ConfigConsole
    {
        private const string KeysOption = "--keys";

        private void Get(string rest)
        {
            bool keys = ConsoleLine.TakeOption(ref rest, KeysOption);
            if (keys && !_loggedIn)
            {
                Error("get --keys needs a login (login PASSWORD)");
                return;
            }

            Settings s = _store.Current;
            var value = new SettingValue();
            if (rest.Length == 0)
            {
                for (int id = 0; id < SettingsTable.All.Length; id++)
                {
                    if (!SettingsTable.All[id].Has(SettingFlags.Hidden))
                    {
                        Reply(Describe(SettingsTable.All[id], s, value, keys));
                    }
                }

                return;
            }

            SettingInfo info = Find(rest);
            if (info != null)
            {
                Reply(Describe(info, s, value, keys));
            }
        }

        private void Set(string rest)
        {
            if (!RequireLogin("set"))
            {
                return;
            }

            string name = ConsoleLine.FirstWord(rest, out string text);
            if (name.Length == 0 || text.Length == 0)
            {
                Error("usage: set NAME VALUE (get lists the names, help NAME tells what one takes)");
                return;
            }

            SettingInfo info = Find(name);
            if (info == null)
            {
                return;
            }

            var value = new SettingValue();
            string reason = SettingText.Parse(info, text, value);
            Settings candidate = SettingsAccess.Clone(_store.Current);
            if (reason == null)
            {
                reason = _store.Rules.Check(info, value, candidate);
            }

            if (reason != null)
            {
                Error(reason + "; nothing changed");
                return;
            }

            var before = new SettingValue();
            SettingsAccess.Read(candidate, info.Id, before);
            if (before.SameAs(value))
            {
                Reply(Describe(info, candidate, value, false) + " (unchanged)");
                return;
            }

            string also = "";
            if (info.Id == SettingsTable.Region)
            {
                string region = LoRaWan.Regions.KnownRegions.NameAt(value.Number);
                SettingsDefaults.ApplyRegion(candidate, region);
                also = "; data_rate, tx_power, rx2_data_rate, rx2_frequency and channels are back to " + region + "'s defaults";
            }
            else
            {
                SettingsAccess.Write(candidate, info.Id, value);
            }

            reason = _store.Commit(candidate);
            if (reason != null)
            {
                Error(reason + "; nothing changed");
                return;
            }

            _log.Info("config", info.Name + " set from the console");
            Reply(Describe(info, _store.Current, value, false) + " (saved; takes effect " + info.TakesEffect + Hint(info.Flags) + ")" + also);
        }

        private void Export(string rest)
        {
            bool keys = ConsoleLine.TakeOption(ref rest, KeysOption);
            if (rest.Length > 0)
            {
                Error("usage: export [--keys]");
                return;
            }

            if (keys && !_loggedIn)
            {
                Error("export --keys needs a login (login PASSWORD)");
                return;
            }

            string json = Template.Export(_store.Current, _store.Rules, keys);
            int start = 0;
            for (int i = 0; i <= json.Length; i++)
            {
                if (i == json.Length || json[i] == '\n')
                {
                    Reply(json.Substring(start, i - start));
                    start = i + 1;
                }
            }
        }

        private void Import(string rest)
        {
            if (!RequireLogin("import"))
            {
                return;
            }

            _collector.Begin();
            if (rest.Length == 0)
            {
                Reply("paste the template; it ends at its closing brace (an empty line cancels)");
                return;
            }

            ImportLine(rest);
        }

        private void ImportLine(string line)
        {
            int state = _collector.Add(line);
            if (state == TemplateCollector.Failed)
            {
                Error(_collector.Error + "; nothing changed");
                return;
            }

            if (state == TemplateCollector.NeedMore)
            {
                return;
            }

            Settings candidate = SettingsAccess.Clone(_store.Current);
            var result = new TemplateResult();
            string reason = Template.Import(_collector.Text, candidate, _store.Rules, result);
            if (reason == null)
            {
                reason = _store.Commit(candidate);
            }

            if (reason != null)
            {
                Error("template refused: " + reason + "; nothing changed");
                return;
            }

            _log.Info("config", "template imported from the console: " + result.Changed.ToString() + " settings changed");
            string effect = (result.ChangedFlags & SettingFlags.NeedsReboot) != 0 ? "; some take effect after a reboot"
                : (result.ChangedFlags & SettingFlags.NeedsRejoin) != 0 ? "; some take effect at the next join" : "";
            Reply("imported: " + result.Named.ToString() + " settings in the template, " + result.Changed.ToString() + " changed, " +
                result.KeysKept.ToString() + " keys kept as they were" + effect);
        }

        private void HelpSetting(string name)
        {
            SettingInfo info = Find(name);
            if (info == null)
            {
                return;
            }

            var value = new SettingValue();
            Settings defaults = _store.Defaults.Create();
            if (info.Range != SettingRange.Fixed || info.Kind == SettingKind.ChannelList)
            {
                SettingsDefaults.ApplyRegion(defaults, _store.Current.LoRaWan.Region);
            }

            SettingsAccess.Read(defaults, info.Id, value);
            string shown = SettingText.Format(info, value, false);
            Reply(info.Name + ": " + info.Title);
            Reply("  takes " + _store.Rules.RangeText(info, _store.Current) + "; default " + (shown.Length == 0 ? "(empty)" : shown) +
                "; takes effect " + info.TakesEffect + (info.Has(SettingFlags.Masked) ? "; shown as *****" : "") +
                (info.InTemplate ? "" : "; not in templates"));
        }

        private SettingInfo Find(string name)
        {
            SettingInfo info = SettingsTable.Find(name);
            if (info == null)
            {
                Error("unknown setting '" + Shorten(name) + "' (get lists them)");
            }

            return info;
        }

        private static string Describe(SettingInfo info, Settings s, SettingValue scratch, bool reveal)
        {
            SettingsAccess.Read(s, info.Id, scratch);
            string unit = info.Unit.Length == 0 ? "" : " " + info.Unit;
            return info.Name + " = " + SettingText.Format(info, scratch, reveal) + unit;
        }

        private static string Hint(int flags)
        {
            if ((flags & SettingFlags.NeedsReboot) != 0)
            {
                return ": type reboot";
            }

            return (flags & SettingFlags.NeedsRejoin) != 0 ? ": reboot to join now" : "";
        }
    }
}
