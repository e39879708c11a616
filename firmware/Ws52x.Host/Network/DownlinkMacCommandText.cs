using System;
using System.Collections.Generic;
using System.Globalization;

namespace Ws52x.Host.Network
{
    /// <summary>
    /// MAC requests written as text, for scenarios and tools: the spec's name, then name=value fields, e.g.
    /// "RXTimingSetupReq delay=2", "RXParamSetupReq rx1DrOffset=1 rx2Dr=3 frequency=869525000",
    /// "LinkADRReq dr=5 txPower=1 chMask=0x0007 chMaskCntl=0 nbTrans=1", "NewChannelReq index=3 frequency=867100000
    /// minDr=0 maxDr=5", "DlChannelReq index=0 frequency=868500000", "DutyCycleReq maxDutyCycle=4",
    /// "TxParamSetupReq downlinkDwell=0 uplinkDwell=0 maxEirp=5", "DevStatusReq". Names and fields in any letter case.
    /// </summary>
    public static class DownlinkMacCommandText
    {
        public const string Known = "LinkADRReq, DutyCycleReq, RXParamSetupReq, DevStatusReq, NewChannelReq, RXTimingSetupReq, TxParamSetupReq, DlChannelReq";

        /// <summary>The command, or null with <paramref name="error"/> saying what is wrong in one sentence.</summary>
        public static DownlinkMacCommand Parse(string text, out string error)
        {
            error = null;
            string[] words = (text ?? "").Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                error = "a MAC command needs a name: " + Known;
                return null;
            }

            var fields = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int i = 1; i < words.Length; i++)
            {
                int eq = words[i].IndexOf('=');
                if (eq <= 0 || !TryNumber(words[i].Substring(eq + 1), out int value))
                {
                    error = "'" + words[i] + "' is not name=number";
                    return null;
                }

                fields[words[i].Substring(0, eq)] = value;
            }

            try
            {
                switch (words[0].ToLowerInvariant())
                {
                    case "linkadrreq":
                        return DownlinkMacCommand.LinkAdrReq(Get(fields, "dr"), Get(fields, "txPower"), Get(fields, "chMask"), Get(fields, "chMaskCntl", 0), Get(fields, "nbTrans", 1));
                    case "dutycyclereq":
                        return DownlinkMacCommand.DutyCycleReq(Get(fields, "maxDutyCycle"));
                    case "rxparamsetupreq":
                        return DownlinkMacCommand.RxParamSetupReq(Get(fields, "rx1DrOffset"), Get(fields, "rx2Dr"), Get(fields, "frequency"));
                    case "devstatusreq":
                        return DownlinkMacCommand.DevStatusReq();
                    case "newchannelreq":
                        return DownlinkMacCommand.NewChannelReq(Get(fields, "index"), Get(fields, "frequency"), Get(fields, "minDr", 0), Get(fields, "maxDr", 5));
                    case "rxtimingsetupreq":
                        return DownlinkMacCommand.RxTimingSetupReq(Get(fields, "delay"));
                    case "txparamsetupreq":
                        return DownlinkMacCommand.TxParamSetupReq(Get(fields, "downlinkDwell", 0) != 0, Get(fields, "uplinkDwell", 0) != 0, Get(fields, "maxEirp"));
                    case "dlchannelreq":
                        return DownlinkMacCommand.DlChannelReq(Get(fields, "index"), Get(fields, "frequency"));
                    default:
                        error = "unknown MAC command '" + words[0] + "' (known: " + Known + ")";
                        return null;
                }
            }
            catch (ArgumentException e)
            {
                error = words[0] + ": " + FirstLine(e.Message);
                return null;
            }
        }

        private static int Get(Dictionary<string, int> fields, string name, int? fallback = null)
        {
            if (fields.TryGetValue(name, out int v))
            {
                return v;
            }

            if (fallback.HasValue)
            {
                return fallback.Value;
            }

            throw new ArgumentException("needs " + name + "=");
        }

        private static bool TryNumber(string text, out int value)
        {
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                return int.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
        }

        // ArgumentException appends "(Parameter 'x')" on a second line.
        private static string FirstLine(string message)
        {
            int cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            return cut > 0 ? message.Substring(0, cut) : message;
        }
    }
}
