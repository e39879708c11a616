using Ws52x.Util;

namespace Ws52x.Config
{
    /// <summary>What an import changed, for the console's answer.</summary>
    public sealed class TemplateResult
    {
        /// <summary>Settings the template named.</summary>
        public int Named;

        /// <summary>Settings whose value changed.</summary>
        public int Changed;

        /// <summary>Keys given as ***** and so kept as they were.</summary>
        public int KeysKept;

        /// <summary><see cref="SettingFlags"/> of the changed settings, OR-ed: whether a rejoin or reboot is due.</summary>
        public int ChangedFlags;

        public void Clear()
        {
            Named = 0;
            Changed = 0;
            KeysKept = 0;
            ChangedFlags = 0;
        }
    }

    /// <summary>
    /// Settings templates (guide 3.4.2, "Backup"): every setting a board shares with its kind, as one JSON object.
    /// <code>
    /// {
    ///   "model": "WS52x-868M",    the board's model and band: a template only goes to the same
    ///   "template": 1,            this format
    ///   "region": "EU868",        ... and the same region ("Backup is allowed only for devices with the same model and
    ///   "app_eui": "24E124C0002A0001",   LoRaWAN frequency band")
    ///   ...
    /// }
    /// </code>
    /// Keys are "*****" unless exported with keys; importing "*****" keeps the board's own key, so one template can
    /// configure many boards without giving them the same keys. The board's identity (dev_eui, dev_addr) and the
    /// password are never in a template. An import names any subset of settings; it is checked whole before anything
    /// changes.
    /// </summary>
    public static class Template
    {
        public const int FormatVersion = 1;
        public const string ModelName = "model";
        public const string VersionName = "template";
        public const string RegionName = "region";

        /// <summary>The longest template accepted (the full export with keys is about 2 KB).</summary>
        public const int MaxLength = 4096;

        /// <summary>The template of <paramref name="s"/>; keys in clear only when <paramref name="keys"/>.</summary>
        public static string Export(Settings s, SettingsRules rules, bool keys)
        {
            var w = new JsonWriter(MaxLength);
            var value = new SettingValue();
            w.BeginObject();
            w.Member(ModelName, rules.Model);
            w.Member(VersionName, FormatVersion);
            w.Member(RegionName, s.LoRaWan.Region);
            for (int id = 0; id < SettingsTable.All.Length; id++)
            {
                SettingInfo info = SettingsTable.All[id];
                if (!info.InTemplate || id == SettingsTable.Region)
                {
                    continue;
                }

                SettingsAccess.Read(s, id, value);
                if (info.Kind == SettingKind.Bool)
                {
                    w.Member(info.Name, value.Number != 0);
                }
                else if (info.Kind == SettingKind.Integer)
                {
                    w.Member(info.Name, value.Number);
                }
                else
                {
                    w.Member(info.Name, SettingText.Format(info, value, keys));
                }
            }

            w.EndObject();
            return w.ToString();
        }

        /// <summary>
        /// Reads the template's model, format and region without applying anything (what a tool needs to pick the
        /// board to check it against). Null, or what is wrong with the document or its header.
        /// </summary>
        public static string ReadHeader(string json, out string model, out int version, out string region)
        {
            model = null;
            region = null;
            version = -1;
            if (json == null || json.Length > MaxLength)
            {
                return "template longer than " + MaxLength.ToString() + " characters";
            }

            var r = new JsonReader(json);
            if (r.Read() != JsonToken.StartObject)
            {
                return r.Token == JsonToken.Error ? r.Error : "offset " + r.Offset.ToString() + ": a template is one JSON object";
            }

            while (true)
            {
                JsonToken t = r.Read();
                if (t == JsonToken.EndObject)
                {
                    break;
                }

                if (t == JsonToken.Error)
                {
                    return r.Error;
                }

                string name = r.Text;
                int at = r.Offset;
                if (name == ModelName || name == RegionName)
                {
                    if (r.Read() != JsonToken.String)
                    {
                        return r.Token == JsonToken.Error ? r.Error : "offset " + at.ToString() + ": \"" + name + "\" takes a string";
                    }

                    if (name == ModelName)
                    {
                        model = r.Text;
                    }
                    else
                    {
                        region = r.Text;
                    }
                }
                else if (name == VersionName)
                {
                    if (r.Read() != JsonToken.Number)
                    {
                        return r.Token == JsonToken.Error ? r.Error : "offset " + at.ToString() + ": \"" + VersionName + "\" takes a number";
                    }

                    version = r.Number > 1000 || r.Number < 0 ? 1000 : (int)r.Number;
                }
                else if (!r.SkipValue())
                {
                    return r.Error ?? "offset " + r.Offset.ToString() + ": expected a value";
                }
            }

            if (r.Read() != JsonToken.EndOfDocument)
            {
                return r.Error;
            }

            if (model == null)
            {
                return "no \"model\": is this a WS52x template?";
            }

            if (version < 0)
            {
                return "no \"template\" format number";
            }

            return region == null ? "no \"region\"" : null;
        }

        /// <summary>
        /// Applies the template to <paramref name="target"/> (a copy of the board's settings, which the caller commits
        /// only on success). Null, or why the template is refused; on refusal <paramref name="target"/> may be part-written
        /// and must be thrown away.
        /// </summary>
        public static string Import(string json, Settings target, SettingsRules rules, TemplateResult result)
        {
            result.Clear();
            string header = ReadHeader(json, out string model, out int version, out string region);
            if (header != null)
            {
                return header;
            }

            if (model != rules.Model)
            {
                return "the template is for " + model + ", this board is " + rules.Model;
            }

            if (version != FormatVersion)
            {
                return "template format " + version.ToString() + "; this firmware reads format " + FormatVersion.ToString();
            }

            if (region != target.LoRaWan.Region)
            {
                return "the template is for region " + region + ", this board is set to " + target.LoRaWan.Region +
                    " (set region " + region + " first)";
            }

            var r = new JsonReader(json);
            var seen = new bool[SettingsTable.All.Length];
            var value = new SettingValue();
            var before = new SettingValue();
            r.Read();
            while (r.Read() == JsonToken.PropertyName)
            {
                string name = r.Text;
                int at = r.Offset;
                if (name == ModelName || name == VersionName || name == RegionName)
                {
                    r.SkipValue();
                    continue;
                }

                SettingInfo info = SettingsTable.Find(name);
                if (info == null)
                {
                    return "offset " + at.ToString() + ": unknown setting \"" + name + "\"";
                }

                if (!info.InTemplate)
                {
                    return "offset " + at.ToString() + ": " + name + " is the board's own identity, never part of a template";
                }

                if (seen[info.Id])
                {
                    return "offset " + at.ToString() + ": \"" + name + "\" appears twice";
                }

                seen[info.Id] = true;
                result.Named++;
                string reason = ReadValue(r, info, value, out bool kept);
                if (reason == null && !kept)
                {
                    reason = rules.Check(info, value, target);
                }

                if (reason != null)
                {
                    return "offset " + r.Offset.ToString() + ": " + reason;
                }

                if (kept)
                {
                    result.KeysKept++;
                    continue;
                }

                SettingsAccess.Read(target, info.Id, before);
                if (!before.SameAs(value))
                {
                    SettingsAccess.Write(target, info.Id, value);
                    result.Changed++;
                    result.ChangedFlags |= info.Flags;
                }
            }

            return r.Token == JsonToken.Error ? r.Error : rules.CheckBetween(target);
        }

        // The member's value as the setting's kind; 'kept' for a masked key.
        private static string ReadValue(JsonReader r, SettingInfo info, SettingValue value, out bool kept)
        {
            kept = false;
            value.Clear();
            JsonToken t = r.Read();
            if (t == JsonToken.Error)
            {
                return r.Error.Substring(r.Error.IndexOf(':') + 2);
            }

            switch (info.Kind)
            {
                case SettingKind.Bool:
                    if (t != JsonToken.True && t != JsonToken.False)
                    {
                        return info.Name + " takes true or false";
                    }

                    value.Number = t == JsonToken.True ? 1 : 0;
                    return null;
                case SettingKind.Integer:
                    if (t != JsonToken.Number)
                    {
                        return info.Name + " takes a number";
                    }

                    if (r.Number < int.MinValue || r.Number > int.MaxValue)
                    {
                        return info.Name + " " + r.Number.ToString() + " is far out of range";
                    }

                    value.Number = (int)r.Number;
                    return null;
                default:
                    if (t != JsonToken.String)
                    {
                        return info.Name + " takes a string";
                    }

                    if (info.Has(SettingFlags.Masked) && r.Text == SettingText.Mask)
                    {
                        kept = true;
                        return null;
                    }

                    return SettingText.Parse(info, r.Text, value);
            }
        }
    }
}
