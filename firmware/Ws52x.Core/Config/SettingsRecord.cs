using Ws52x.Util;

namespace Ws52x.Config
{
    /// <summary>
    /// The stored form of the settings: a header and one field per setting.
    /// <code>
    /// 0  'W' '5' '2' 'S'   magic
    /// 4  format version    (1)
    /// 5  field count
    /// 6  sequence          UInt32 LE: how many times settings were saved on this board, this save included
    /// 10 fields            tag (SettingsTable), length, value: Bool 1 byte, Integer/Address 4 LE, Eui 8, Key 16, Choice (by name) and channel list ASCII
    /// </code>
    /// Integrity and atomicity are the storage's (IKeyValueStorage.Replace, with its own CRC); this format's job is to
    /// be read safely by this firmware and the next: unknown tags are skipped, missing ones keep their default, and a
    /// field whose value is damaged or out of range falls back to its default with a warning. A record that is not this
    /// format at all is refused as a whole.
    /// </summary>
    internal static class SettingsRecord
    {
        public const int FormatVersion = 1;
        public const int HeaderLength = 10;

        /// <summary>Room for every setting with the longest channel list (the full record is about 450 bytes).</summary>
        public const int MaxLength = 1024;

        /// <summary>Writes <paramref name="s"/> into <paramref name="buffer"/> (<see cref="MaxLength"/> bytes); returns the length.</summary>
        public static int Write(Settings s, uint sequence, byte[] buffer, SettingValue scratch)
        {
            buffer[0] = (byte)'W';
            buffer[1] = (byte)'5';
            buffer[2] = (byte)'2';
            buffer[3] = (byte)'S';
            buffer[4] = FormatVersion;
            buffer[5] = (byte)SettingsTable.All.Length;
            Bytes.WriteUInt32LE(buffer, 6, sequence);
            int at = HeaderLength;
            for (int id = 0; id < SettingsTable.All.Length; id++)
            {
                SettingInfo info = SettingsTable.All[id];
                SettingsAccess.Read(s, id, scratch);
                buffer[at] = info.Tag;
                int length;
                switch (info.Kind)
                {
                    case SettingKind.Bool:
                        buffer[at + 2] = (byte)scratch.Number;
                        length = 1;
                        break;
                    case SettingKind.Choice:
                        // By name, not number: a choice list (the regions) may grow or be reordered by a later firmware.
                        length = WriteText(SettingText.Format(info, scratch, true), buffer, at + 2);
                        break;
                    case SettingKind.Integer:
                    case SettingKind.Address:
                        Bytes.WriteUInt32LE(buffer, at + 2, (uint)scratch.Number);
                        length = 4;
                        break;
                    case SettingKind.Eui:
                    case SettingKind.Key:
                        System.Array.Copy(scratch.Bytes, 0, buffer, at + 2, scratch.ByteCount);
                        length = scratch.ByteCount;
                        break;
                    default:
                        length = WriteText(scratch.Text ?? "", buffer, at + 2);
                        break;
                }

                buffer[at + 1] = (byte)length;
                at += 2 + length;
            }

            return at;
        }

        /// <summary>The sequence number of a record, or 0 when it has no valid header.</summary>
        public static uint SequenceOf(byte[] record, int length)
        {
            return HeaderProblem(record, length) == null ? Bytes.ReadUInt32LE(record, 6) : 0;
        }

        /// <summary>
        /// Reads a record into <paramref name="into"/>, which must hold the board's defaults. Returns null, or why the
        /// record was refused as a whole (<paramref name="into"/> is then unchanged). <paramref name="warnings"/> names the
        /// fields that kept their default.
        /// </summary>
        public static string Read(byte[] record, int length, Settings into, SettingsRules rules, out uint sequence, out string warnings)
        {
            sequence = 0;
            warnings = null;
            string problem = HeaderProblem(record, length);
            if (problem != null)
            {
                return problem;
            }

            // First pass: the structure only, so a refused record changes nothing.
            int at = HeaderLength;
            int fields = record[5];
            for (int f = 0; f < fields; f++)
            {
                if (at + 2 > length || at + 2 + record[at + 1] > length)
                {
                    return "field " + (f + 1).ToString() + " of " + fields.ToString() + " runs past the end (" + length.ToString() + " bytes)";
                }

                at += 2 + record[at + 1];
            }

            if (at != length)
            {
                return (length - at).ToString() + " bytes after the last field";
            }

            sequence = Bytes.ReadUInt32LE(record, 6);
            Settings defaults = SettingsAccess.Clone(into);
            var value = new SettingValue();
            at = HeaderLength;
            for (int f = 0; f < fields; f++)
            {
                SettingInfo info = SettingsTable.FindTag(record[at]);
                int size = record[at + 1];
                if (info != null)
                {
                    if (Decode(info, record, at + 2, size, value))
                    {
                        SettingsAccess.Write(into, info.Id, value);
                    }
                    else
                    {
                        warnings = Append(warnings, info.Name + " stored with " + size.ToString() + " bytes");
                    }
                }

                at += 2 + size;
            }

            // Second pass over the values, now that the region they depend on is in: out of range means default.
            for (int id = 0; id < SettingsTable.All.Length; id++)
            {
                SettingsAccess.Read(into, id, value);
                string reason = rules.Check(SettingsTable.All[id], value, into);
                if (reason != null)
                {
                    warnings = Append(warnings, reason + ", default used");
                    SettingsAccess.Read(defaults, id, value);
                    SettingsAccess.Write(into, id, value);
                }
                else if (SettingsTable.All[id].Kind == SettingKind.ChannelList)
                {
                    SettingsAccess.Write(into, id, value);
                }
            }

            for (int rule = 0; rule < 3; rule++)
            {
                string between = rules.CheckBetween(into, out int first, out int last);
                if (between == null)
                {
                    break;
                }

                warnings = Append(warnings, between + ", defaults used");
                for (int id = first; id <= last; id++)
                {
                    SettingsAccess.Read(defaults, id, value);
                    SettingsAccess.Write(into, id, value);
                }
            }

            return null;
        }

        private static string HeaderProblem(byte[] record, int length)
        {
            if (length < HeaderLength)
            {
                return "only " + length.ToString() + " bytes";
            }

            if (record[0] != 'W' || record[1] != '5' || record[2] != '2' || record[3] != 'S')
            {
                return "not a settings record (magic " + Hex.ToHex(record, 0, 4) + ")";
            }

            if (record[4] != FormatVersion)
            {
                return "format " + record[4].ToString() + ", this firmware reads format " + FormatVersion.ToString();
            }

            return null;
        }

        private static bool Decode(SettingInfo info, byte[] b, int at, int size, SettingValue v)
        {
            v.Clear();
            switch (info.Kind)
            {
                case SettingKind.Bool:
                    if (size != 1)
                    {
                        return false;
                    }

                    v.Number = b[at];
                    return true;
                case SettingKind.Integer:
                case SettingKind.Address:
                    if (size != 4)
                    {
                        return false;
                    }

                    v.Number = (int)Bytes.ReadUInt32LE(b, at);
                    return true;
                case SettingKind.Eui:
                case SettingKind.Key:
                    int expected = info.Kind == SettingKind.Eui ? 8 : 16;
                    if (size != expected)
                    {
                        return false;
                    }

                    System.Array.Copy(b, at, v.Bytes, 0, size);
                    v.ByteCount = size;
                    return true;
                case SettingKind.Choice:
                    string name = ReadText(b, at, size);
                    return name != null && SettingText.Parse(info, name, v) == null;
                default:
                    v.Text = ReadText(b, at, size);
                    return v.Text != null;
            }
        }

        private static int WriteText(string text, byte[] buffer, int at)
        {
            int length = text.Length > LoRaWan.Regions.ChannelListSyntax.MaxTextLength ? LoRaWan.Regions.ChannelListSyntax.MaxTextLength : text.Length;
            for (int i = 0; i < length; i++)
            {
                buffer[at + i] = (byte)text[i];
            }

            return length;
        }

        // Printable ASCII only; null for anything else.
        private static string ReadText(byte[] b, int at, int size)
        {
            var chars = new char[size];
            for (int i = 0; i < size; i++)
            {
                if (b[at + i] < 0x20 || b[at + i] > 0x7E)
                {
                    return null;
                }

                chars[i] = (char)b[at + i];
            }

            return new string(chars);
        }

        private static string Append(string list, string item) => list == null ? item : list + "; " + item;
    }
}
