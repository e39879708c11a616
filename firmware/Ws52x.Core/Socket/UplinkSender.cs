using Ws52x.Codec;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.LoRaWan.Mac;
using Ws52x.Util;

namespace Ws52x.Socket
{
    /// <summary>
    /// Hands application payloads to the LoRaWAN MAC on the application port (guide 3.2.1, default 85), confirmed as the
    /// settings say, and logs each one (hex and the vendor decoder's view). A payload longer than the current data rate
    /// carries (US915 / AU915 DR0: 11 bytes) is split between whole fields into several uplinks, each a valid WS52x
    /// payload. The MAC copies what it is given, so the caller's buffer is free again when this returns.
    /// </summary>
    public sealed class UplinkSender
    {
        private readonly ILoRaWanLink _link;
        private readonly ISettingsStore _settings;
        private readonly Log _log;
        private readonly UplinkValues _decoded = new UplinkValues();
        private readonly DecodeError _error = new DecodeError();

        public UplinkSender(ILoRaWanLink link, ISettingsStore settings, Log log)
        {
            _link = link;
            _settings = settings;
            _log = log;
        }

        /// <summary>Uplinks handed to the MAC since boot.</summary>
        public int Queued { get; private set; }

        public bool IsJoined => _link != null && _link.IsJoined;

        /// <summary>A MAC is there but has no session yet: reports wait for the join (which sends one).</summary>
        public bool HasLinkButNotJoined => _link != null && !_link.IsJoined;

        /// <summary>
        /// Sends payload[0..length) as <paramref name="what"/> (for the log). <paramref name="urgent"/> uplinks are
        /// unconfirmed and go before everything queued (the outage alert). Returns the MAC's answer for the last part.
        /// </summary>
        public SendStatus Send(string what, byte[] payload, int length, bool urgent)
        {
            LoRaWanSettings lorawan = _settings.Current.LoRaWan;
            bool confirmed = lorawan.Confirmed && !urgent;
            _log.Info("uplink", what + " " + Hex.ToHex(payload, 0, length) + " " + View(payload, length));
            if (_link == null)
            {
                _log.Warn("uplink", what + " not sent: no LoRaWAN link on this board yet");
                return SendStatus.NotJoined;
            }

            int max = _link.MaxPayloadLength;
            int offset = 0;
            SendStatus status = SendStatus.Queued;
            while (offset < length)
            {
                int part = length - offset;
                if (max > 0 && part > max)
                {
                    part = FieldsThatFit(payload, offset, length, max);
                }

                status = _link.Send(lorawan.ApplicationPort, payload, offset, part, confirmed, urgent);
                if (status != SendStatus.Queued)
                {
                    _log.Warn("uplink", what + " not sent: " + Reason(status));
                    return status;
                }

                Queued++;
                offset += part;
            }

            return status;
        }

        // The longest run of whole fields from 'offset' that fits in 'max' bytes (at least one field, even if too long:
        // the MAC then refuses it and says so).
        private static int FieldsThatFit(byte[] d, int offset, int length, int max)
        {
            int i = offset;
            while (i + 2 <= length)
            {
                int size = UplinkDecoder.FieldSize(d[i], d[i + 1]);
                if (size < 0)
                {
                    return length - offset;
                }

                int next = i + 2 + size;
                if (next - offset > max)
                {
                    return i == offset ? next - offset : i - offset;
                }

                i = next;
            }

            return length - offset;
        }

        private string View(byte[] payload, int length)
        {
            return UplinkDecoder.TryDecode(payload, 0, length, _decoded, _error) ? VendorJson.Uplink(_decoded) : _error.ToString();
        }

        private static string Reason(SendStatus status)
        {
            switch (status)
            {
                case SendStatus.TooLong: return "longer than the data rate carries";
                case SendStatus.NotJoined: return "not joined yet";
                case SendStatus.QueueFull: return "the MAC's queue is full";
                case SendStatus.BadPort: return "the application port is outside 1-223";
                default: return "refused";
            }
        }
    }
}
