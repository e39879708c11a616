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
    ///
    /// Nothing is dropped because the MAC's queue is full: what it has no room for waits here (<see cref="PendingUplinks"/>,
    /// in order, bounded) and goes as soon as the MAC reports an uplink done. Only the bound (a warning names what could
    /// not be kept), a payload the data rate cannot carry even one field of, or no session lose an uplink.
    /// </summary>
    public sealed class UplinkSender
    {
        private readonly ILoRaWanLink _link;
        private readonly ISettingsStore _settings;
        private readonly Log _log;
        private readonly UplinkValues _decoded = new UplinkValues();
        private readonly DecodeError _error = new DecodeError();
        private readonly PendingUplinks _pending = new PendingUplinks();

        public UplinkSender(ILoRaWanLink link, ISettingsStore settings, Log log)
        {
            _link = link;
            _settings = settings;
            _log = log;
        }

        /// <summary>Uplinks (pieces) handed to the MAC since boot.</summary>
        public int Queued { get; private set; }

        /// <summary>Payloads (or their rest) waiting for room in the MAC's queue.</summary>
        public int Waiting => _pending.Count;

        /// <summary>Payloads given up since boot because the socket's own buffer was full.</summary>
        public int Dropped { get; private set; }

        public bool IsJoined => _link != null && _link.IsJoined;

        /// <summary>A MAC is there but has no session yet: reports wait for the join (which sends one).</summary>
        public bool HasLinkButNotJoined => _link != null && !_link.IsJoined;

        /// <summary>
        /// Sends payload[0..length) as <paramref name="what"/> (for the log). <paramref name="urgent"/> uplinks are
        /// unconfirmed and go before everything queued or waiting (the outage alert). Queued: handed to the MAC or
        /// waiting for room in its queue; otherwise why it was not sent.
        /// </summary>
        public SendStatus Send(string what, byte[] payload, int length, bool urgent)
        {
            // Every report passes here: the line is written into the log's buffer, so it makes no garbage.
            TextBuffer line = _log.Line("uplink").Append(what).Append(' ').Hex(payload, 0, length).Append(' ');
            if (UplinkDecoder.TryDecode(payload, 0, length, _decoded, _error))
            {
                VendorJson.WriteUplink(_decoded, line);
            }
            else
            {
                line.Append(_error.ToString());
            }

            _log.End();
            if (_link == null)
            {
                _log.Warn("uplink", what + " not sent: no LoRaWAN link on this board yet");
                return SendStatus.NotJoined;
            }

            int sent = 0;
            SendStatus status = SendStatus.QueueFull;
            if (urgent || _pending.Count == 0)
            {
                sent = SendParts(payload, 0, length, urgent, out status);
            }

            if (status == SendStatus.QueueFull)
            {
                // Behind what already waits (an urgent one before it), so the server gets them in the order they were made.
                return Keep(what, payload, sent, length - sent, urgent) ? SendStatus.Queued : SendStatus.QueueFull;
            }

            if (status != SendStatus.Queued)
            {
                _log.Warn("uplink", what + " not sent: " + Reason(status));
            }

            return status;
        }

        /// <summary>The MAC finished an uplink (a slot of its queue is free), or a session started: what waits goes now.</summary>
        public void Drain()
        {
            while (_pending.Count > 0 && _link != null)
            {
                int start = _pending.HeadStart;
                int sent = SendParts(_pending.Buffer, start, start + _pending.HeadLength, _pending.HeadUrgent, out SendStatus status);
                if (sent > 0)
                {
                    _pending.Consume(sent);
                }

                if (status == SendStatus.QueueFull || status == SendStatus.NotJoined)
                {
                    return; // the next uplink done, or the join, tries again
                }

                if (status != SendStatus.Queued)
                {
                    _log.Warn("uplink", _pending.HeadWhat + " not sent: " + Reason(status));
                    _pending.RemoveHead();
                }
            }
        }

        // Hands payload[offset..end) to the MAC in pieces of whole fields; returns how many bytes it took, and its answer
        // to the last piece tried.
        private int SendParts(byte[] payload, int offset, int end, bool urgent, out SendStatus status)
        {
            LoRaWanSettings lorawan = _settings.Current.LoRaWan;
            bool confirmed = lorawan.Confirmed && !urgent;
            int max = _link.MaxPayloadLength;
            int at = offset;
            status = SendStatus.Queued;
            while (at < end)
            {
                int part = end - at;
                if (max > 0 && part > max)
                {
                    part = FieldsThatFit(payload, at, end, max);
                }

                status = _link.Send(lorawan.ApplicationPort, payload, at, part, confirmed, urgent);
                if (status != SendStatus.Queued)
                {
                    break;
                }

                Queued++;
                at += part;
            }

            return at - offset;
        }

        // Keeps what the MAC had no room for; the bound says what is given up (an urgent payload gives up the newest).
        private bool Keep(string what, byte[] payload, int offset, int length, bool urgent)
        {
            while (urgent && !_pending.HasRoom(length) && _pending.Count > 0)
            {
                Dropped++;
                _log.Warn("uplink", _pending.NewestWhat + " given up for the " + what + ": the socket's uplink buffer is full");
                _pending.DropNewest();
            }

            if (!_pending.Keep(what, payload, offset, length, urgent))
            {
                Dropped++;
                _log.Warn("uplink", what + " not sent: " + _pending.Bytes.ToString() + " bytes in " + _pending.Count.ToString() +
                    " uplinks already wait for the MAC (the socket keeps " + PendingUplinks.MaxEntries.ToString() + " or " +
                    PendingUplinks.MaxBytes.ToString() + " bytes)");
                return false;
            }

            _log.Info("uplink", what + ": " + length.ToString() + " bytes wait for room in the MAC's queue");
            return true;
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
