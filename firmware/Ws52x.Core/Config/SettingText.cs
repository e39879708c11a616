using Ws52x.Util;

namespace Ws52x.Config
{
    /// <summary>
    /// A setting's value as text, both ways, by its kind: what the console prints and takes, and what a template
    /// holds in its strings. Ranges are not checked here (<see cref="SettingsRules"/>), only the form.
    /// </summary>
    public static class SettingText
    {
        /// <summary>What a secret shows as (the guide's own mask).</summary>
        public const string Mask = "*****";

        /// <summary>How an empty channel list (the region's default plan) is shown and typed.</summary>
        public const string DefaultChannels = "default";

        /// <summary>Parses <paramref name="text"/> into <paramref name="into"/>; null, or why it is not a value of this kind.</summary>
        public static string Parse(SettingInfo info, string text, SettingValue into)
        {
            text = text == null ? "" : text.Trim();
            into.Clear();
            switch (info.Kind)
            {
                case SettingKind.Bool:
                    return ParseBool(text, into) ? null : info.Name + " takes on or off (got '" + text + "')";
                case SettingKind.Integer:
                    return TryParseInt(text, out into.Number) ? null : info.Name + " takes a whole number (got '" + text + "')";
                case SettingKind.Choice:
                    into.Number = ChoiceIndex(info, text);
                    return into.Number >= 0 ? null : info.Name + " takes one of " + ChoiceList(info) + " (got '" + text + "')";
                case SettingKind.Eui:
                    return ParseHex(text, 8, into) ? null : info.Name + " takes 16 hex digits (got '" + text + "')";
                case SettingKind.Key:
                    return ParseHex(text, 16, into) ? null : info.Name + " takes 32 hex digits (got " + text.Length.ToString() + " characters)";
                case SettingKind.Address:
                    if (!ParseHex(text, 4, into))
                    {
                        return info.Name + " takes 8 hex digits (got '" + text + "')";
                    }

                    into.Number = (int)Bytes.ReadUInt32BE(into.Bytes, 0);
                    into.ByteCount = 0;
                    return null;
                default:
                    if (text.Length > LoRaWan.Regions.ChannelListSyntax.MaxTextLength)
                    {
                        return info.Name + " is longer than " + LoRaWan.Regions.ChannelListSyntax.MaxTextLength.ToString() + " characters";
                    }

                    into.Text = text.ToLower() == DefaultChannels ? "" : text;
                    return null;
            }
        }

        /// <summary>The value as text; a <see cref="SettingFlags.Masked"/> one as ***** unless <paramref name="reveal"/>.</summary>
        public static string Format(SettingInfo info, SettingValue value, bool reveal)
        {
            if (info.Has(SettingFlags.Masked) && !reveal)
            {
                return Mask;
            }

            switch (info.Kind)
            {
                case SettingKind.Bool:
                    return value.Number != 0 ? "on" : "off";
                case SettingKind.Integer:
                    return value.Number.ToString();
                case SettingKind.Choice:
                    return value.Number >= 0 && value.Number < info.Choices.Length ? info.Choices[value.Number] : "?";
                case SettingKind.Eui:
                case SettingKind.Key:
                    return Hex.ToHex(value.Bytes, 0, value.ByteCount).ToUpper();
                case SettingKind.Address:
                    var b = new byte[4];
                    Bytes.WriteUInt32BE(b, 0, (uint)value.Number);
                    return Hex.ToHex(b).ToUpper();
                default:
                    return value.Text == null || value.Text.Length == 0 ? DefaultChannels : value.Text;
            }
        }

        /// <summary>"OTAA, ABP" for messages.</summary>
        public static string ChoiceList(SettingInfo info)
        {
            string s = "";
            for (int i = 0; i < info.Choices.Length; i++)
            {
                s += (i == 0 ? "" : ", ") + info.Choices[i];
            }

            return s;
        }

        /// <summary>
        /// A whole number: optional '-', then at most 10 digits that fit an int; no spaces, signs or separators elsewhere.
        /// </summary>
        public static bool TryParseInt(string text, out int value)
        {
            value = 0;
            if (text == null || text.Length == 0 || text.Length > 11)
            {
                return false;
            }

            int i = text[0] == '-' ? 1 : 0;
            if (i == text.Length)
            {
                return false;
            }

            long v = 0;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                v = v * 10 + (c - '0');
            }

            if (text[0] == '-')
            {
                v = -v;
            }

            if (v < int.MinValue || v > int.MaxValue)
            {
                return false;
            }

            value = (int)v;
            return true;
        }

        private static bool ParseBool(string text, SettingValue into)
        {
            switch (text.ToLower())
            {
                case "on":
                case "1":
                case "true":
                case "yes":
                case "enable":
                case "enabled":
                    into.Number = 1;
                    return true;
                case "off":
                case "0":
                case "false":
                case "no":
                case "disable":
                case "disabled":
                    into.Number = 0;
                    return true;
                default:
                    return false;
            }
        }

        private static int ChoiceIndex(SettingInfo info, string text)
        {
            string lower = text.ToLower();
            for (int i = 0; i < info.Choices.Length; i++)
            {
                if (info.Choices[i].ToLower() == lower)
                {
                    return i;
                }
            }

            return -1;
        }

        // Exactly 'count' bytes of hex; separators as Util.Hex allows, and never more than 3 characters a byte.
        private static bool ParseHex(string text, int count, SettingValue into)
        {
            if (text.Length < count * 2 || text.Length > count * 3 + 2)
            {
                return false;
            }

            int n = Hex.TryParse(text, into.Bytes);
            if (n != count)
            {
                return false;
            }

            into.ByteCount = count;
            return true;
        }
    }
}
