using System;
using System.Globalization;
using System.Text.Json;
using Ws52x.Radio;

namespace Ws52x.Host.Network.SemtechUdp
{
    /// <summary>The "error" values of a TX_ACK (PROTOCOL.TXT section 6); None is an accepted downlink.</summary>
    public enum TxAckError
    {
        None,
        TooLate,
        TooEarly,
        CollisionPacket,
        CollisionBeacon,
        TxFreq,
        TxPower,
        GpsUnlocked,
    }

    public static class TxAckErrors
    {
        public static string Name(TxAckError error)
        {
            switch (error)
            {
                case TxAckError.None: return "NONE";
                case TxAckError.TooLate: return "TOO_LATE";
                case TxAckError.TooEarly: return "TOO_EARLY";
                case TxAckError.CollisionPacket: return "COLLISION_PACKET";
                case TxAckError.CollisionBeacon: return "COLLISION_BEACON";
                case TxAckError.TxFreq: return "TX_FREQ";
                case TxAckError.TxPower: return "TX_POWER";
                default: return "GPS_UNLOCKED";
            }
        }
    }

    /// <summary>
    /// A downlink the server asked for in a PULL_RESP's "txpk": when (imme, tmst or tmms), where (freq, datr, codr, ipol,
    /// prea), how strong (powe) and what (base64 data, size, ncrc). <see cref="TryParse"/> takes the JSON as a network
    /// server sends it and refuses, with the reason, what a gateway could not send.
    /// </summary>
    public sealed class TxRequest
    {
        public bool Immediate;
        public uint? Tmst;
        public long? Tmms;
        public int FrequencyHz;
        public int RfChain;
        public int PowerDbm = 14;
        public int SpreadingFactor;
        public int BandwidthHz;
        public LoRaCodingRate CodingRate = LoRaCodingRate.Cr4_5;
        public bool IqInverted;
        public int PreambleSymbols = 8;
        public bool NoCrc;
        public byte[] Payload;

        /// <summary>The request's radio parameters as a channel for the virtual gateway.</summary>
        public RadioChannelConfig Channel() => new RadioChannelConfig
        {
            FrequencyHz = FrequencyHz,
            SpreadingFactor = SpreadingFactor,
            BandwidthHz = BandwidthHz,
            CodingRate = CodingRate,
            PreambleSymbols = PreambleSymbols,
            InvertIq = IqInverted,
        };

        /// <summary>Reads a PULL_RESP's JSON (<paramref name="json"/>[offset..]); null when it is a downlink, else why not.</summary>
        public static string TryParse(byte[] json, int offset, int count, out TxRequest request)
        {
            request = null;
            try
            {
                using JsonDocument document = JsonDocument.Parse(new ReadOnlyMemory<byte>(json, offset, count));
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("txpk", out JsonElement txpk)
                    || txpk.ValueKind != JsonValueKind.Object)
                {
                    return "no \"txpk\" object";
                }

                var r = new TxRequest();
                string why = r.Read(txpk);
                if (why == null)
                {
                    request = r;
                }

                return why;
            }
            catch (Exception e) when (e is JsonException || e is ArgumentException)
            {
                return "malformed JSON (" + e.Message + ")";
            }
        }

        private string Read(JsonElement txpk)
        {
            Immediate = txpk.TryGetProperty("imme", out JsonElement imme) && imme.ValueKind == JsonValueKind.True;
            if (txpk.TryGetProperty("tmst", out JsonElement tmst))
            {
                if (tmst.ValueKind != JsonValueKind.Number || !tmst.TryGetDouble(out double t) || t < 0 || t > uint.MaxValue || t != Math.Floor(t))
                {
                    return "\"tmst\" is not a 32-bit counter value";
                }

                Tmst = (uint)t;
            }

            if (txpk.TryGetProperty("tmms", out JsonElement tmms))
            {
                if (tmms.ValueKind != JsonValueKind.Number || !tmms.TryGetInt64(out long ms) || ms < 0)
                {
                    return "\"tmms\" is not a GPS time in milliseconds";
                }

                Tmms = ms;
            }

            if (!Immediate && Tmst == null && Tmms == null)
            {
                return "neither \"imme\", \"tmst\" nor \"tmms\": no time to send";
            }

            if (!txpk.TryGetProperty("freq", out JsonElement freq) || freq.ValueKind != JsonValueKind.Number || !freq.TryGetDouble(out double mhz)
                || mhz <= 0 || mhz > 2000)
            {
                return "no \"freq\" in MHz";
            }

            FrequencyHz = (int)Math.Round(mhz * 1e6);
            string modu = txpk.TryGetProperty("modu", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() : "LORA";
            if (modu != "LORA")
            {
                return "modulation " + modu + ": the gateway sends LoRa only";
            }

            if (!txpk.TryGetProperty("datr", out JsonElement datr) || datr.ValueKind != JsonValueKind.String || !TryDataRate(datr.GetString(), out SpreadingFactor, out BandwidthHz))
            {
                return "no LoRa \"datr\" such as SF9BW125";
            }

            if (txpk.TryGetProperty("codr", out JsonElement codr) && (codr.ValueKind != JsonValueKind.String || !TryCodingRate(codr.GetString(), out CodingRate)))
            {
                return "\"codr\" is not 4/5 to 4/8";
            }

            IqInverted = txpk.TryGetProperty("ipol", out JsonElement ipol) && ipol.ValueKind == JsonValueKind.True;
            NoCrc = txpk.TryGetProperty("ncrc", out JsonElement ncrc) && ncrc.ValueKind == JsonValueKind.True;
            if (!Integer(txpk, "powe", 0, 255, ref PowerDbm) || !Integer(txpk, "rfch", 0, 255, ref RfChain)
                || !Integer(txpk, "prea", 6, 65535, ref PreambleSymbols))
            {
                return "\"powe\", \"rfch\" or \"prea\" out of range";
            }

            if (!txpk.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.String)
            {
                return "no \"data\"";
            }

            string base64 = data.GetString();
            try
            {
                Payload = Convert.FromBase64String(base64.PadRight((base64.Length + 3) / 4 * 4, '='));
            }
            catch (FormatException)
            {
                return "\"data\" is not base64";
            }

            if (Payload.Length > 255)
            {
                return "payload of " + Payload.Length + " bytes, a LoRa frame carries 255";
            }

            int size = Payload.Length;
            if (txpk.TryGetProperty("size", out JsonElement sizeElement)
                && (sizeElement.ValueKind != JsonValueKind.Number || !sizeElement.TryGetInt32(out size) || size != Payload.Length))
            {
                return "\"size\" " + sizeElement.GetRawText() + " but \"data\" holds " + Payload.Length + " bytes";
            }

            return null;
        }

        private static bool Integer(JsonElement txpk, string name, int min, int max, ref int value)
        {
            if (!txpk.TryGetProperty(name, out JsonElement e))
            {
                return true;
            }

            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out int n) || n < min || n > max)
            {
                return false;
            }

            value = n;
            return true;
        }

        /// <summary>"SF9BW125" → 9, 125000.</summary>
        public static bool TryDataRate(string text, out int spreadingFactor, out int bandwidthHz)
        {
            spreadingFactor = 0;
            bandwidthHz = 0;
            int bw = text == null ? -1 : text.IndexOf("BW", StringComparison.Ordinal);
            if (bw < 3 || !text.StartsWith("SF", StringComparison.Ordinal)
                || !int.TryParse(text.AsSpan(2, bw - 2), NumberStyles.None, CultureInfo.InvariantCulture, out spreadingFactor)
                || !int.TryParse(text.AsSpan(bw + 2), NumberStyles.None, CultureInfo.InvariantCulture, out int khz))
            {
                return false;
            }

            bandwidthHz = khz * 1000;
            return spreadingFactor >= 7 && spreadingFactor <= 12 && (khz == 125 || khz == 250 || khz == 500);
        }

        private static bool TryCodingRate(string text, out LoRaCodingRate rate)
        {
            rate = LoRaCodingRate.Cr4_5;
            if (text == null || text.Length != 3 || text[0] != '4' || text[1] != '/' || text[2] < '5' || text[2] > '8')
            {
                return false;
            }

            rate = (LoRaCodingRate)(text[2] - '4');
            return true;
        }
    }
}
