using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Ws52x.Host.Board.Radio;
using Ws52x.Radio;

namespace Ws52x.Host.Network.SemtechUdp
{
    /// <summary>The gateway's counters in a "stat" object (PROTOCOL.TXT section 4).</summary>
    public sealed class GatewayStat
    {
        public DateTime Utc;
        public long RxReceived;
        public long RxOk;
        public long RxForwarded;

        /// <summary>Percentage of upstream datagrams acknowledged in the last interval (100 when none was sent).</summary>
        public double AckPercent = 100;

        public long DownlinksReceived;
        public long TxEmitted;
    }

    /// <summary>
    /// The protocol's JSON: the gateway writes "rxpk" (received frames with their metadata), "stat" (its counters) and
    /// "txpk_ack" (the verdict on a downlink), and reads "txpk" (a downlink to send). Numbers and names as PROTOCOL.TXT
    /// gives them; what ChirpStack's and The Things Stack's gateway servers read back.
    /// </summary>
    public static class SemtechJson
    {
        /// <summary>{"rxpk":[{...}]} for one frame: tmst is the gateway's µs counter at the frame's end; tmms and time when known.</summary>
        public static byte[] Rxpk(GatewayFrame frame, uint tmst, DateTime utc, long? gpsMillis)
        {
            using var stream = new MemoryStream(128 + frame.Payload.Length * 2);
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                w.WriteStartArray("rxpk");
                w.WriteStartObject();
                w.WriteString("time", utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
                if (gpsMillis.HasValue)
                {
                    w.WriteNumber("tmms", gpsMillis.Value);
                }

                w.WriteNumber("tmst", tmst);
                w.WriteNumber("chan", frame.Channel < 0 ? 0 : frame.Channel);
                w.WriteNumber("rfch", 0);
                WriteMhz(w, "freq", frame.ChannelFrequencyHz);
                w.WriteNumber("stat", !frame.CrcPresent ? 0 : frame.CrcOk ? 1 : -1);
                w.WriteString("modu", "LORA");
                w.WriteString("datr", DataRate(frame.SpreadingFactor, frame.BandwidthHz));
                w.WriteString("codr", CodingRate(frame.CodingRate));
                w.WriteNumber("rssi", frame.RssiDbm);
                w.WriteNumber("lsnr", Math.Round(frame.SnrQuarterDb / 4.0, 1));
                w.WriteNumber("size", frame.Payload.Length);
                w.WriteString("data", Convert.ToBase64String(frame.Payload));
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            return stream.ToArray();
        }

        /// <summary>{"stat":{...}}: the gateway's counters, time in the protocol's "expanded" format.</summary>
        public static byte[] Stat(GatewayStat stat)
        {
            using var stream = new MemoryStream(160);
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                w.WriteStartObject("stat");
                w.WriteString("time", stat.Utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " GMT");
                w.WriteNumber("rxnb", stat.RxReceived);
                w.WriteNumber("rxok", stat.RxOk);
                w.WriteNumber("rxfw", stat.RxForwarded);
                w.WriteNumber("ackr", Math.Round(stat.AckPercent, 1));
                w.WriteNumber("dwnb", stat.DownlinksReceived);
                w.WriteNumber("txnb", stat.TxEmitted);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            return stream.ToArray();
        }

        /// <summary>{"txpk_ack":{"error":"..."}} for a refused downlink; null for an accepted one (the protocol sends no JSON then).</summary>
        public static byte[] TxAck(TxAckError error)
        {
            if (error == TxAckError.None)
            {
                return null;
            }

            using var stream = new MemoryStream(48);
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                w.WriteStartObject("txpk_ack");
                w.WriteString("error", TxAckErrors.Name(error));
                w.WriteEndObject();
                w.WriteEndObject();
            }

            return stream.ToArray();
        }

        /// <summary>"SF7BW125": a LoRa data rate as the protocol names it.</summary>
        public static string DataRate(int spreadingFactor, int bandwidthHz) =>
            "SF" + spreadingFactor.ToString(CultureInfo.InvariantCulture) + "BW" + (bandwidthHz / 1000).ToString(CultureInfo.InvariantCulture);

        /// <summary>"4/5" ... "4/8".</summary>
        public static string CodingRate(LoRaCodingRate rate)
        {
            int n = (int)rate;
            return "4/" + (n < 1 || n > 4 ? 5 : 4 + n).ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>A frequency in MHz with Hz precision (six decimals, trailing zeros dropped).</summary>
        public static string Mhz(int hz) => (hz / 1e6).ToString("0.######", CultureInfo.InvariantCulture);

        private static void WriteMhz(Utf8JsonWriter w, string name, int hz)
        {
            w.WritePropertyName(name);
            w.WriteRawValue(Mhz(hz), skipInputValidation: true);
        }
    }
}
