using System;
using System.Collections.Generic;
using Ws52x.LoRaWan.Mac;
using Ws52x.Platform;

namespace Ws52x.Host.Board
{
    /// <summary>
    /// Around the firmware's MAC: every application payload the MAC takes is kept in the board's uplink list (what the
    /// tests and the scenario's story read), then the MAC does the rest.
    /// </summary>
    public sealed class RecordingLink : ILoRaWanLink
    {
        private readonly ILoRaWanLink _mac;
        private readonly IMonotonicClock _clock;
        private readonly List<HostUplink> _sent;
        private readonly int _boot;

        public RecordingLink(ILoRaWanLink mac, IMonotonicClock clock, List<HostUplink> sent, int boot)
        {
            _mac = mac;
            _clock = clock;
            _sent = sent;
            _boot = boot;
        }

        public bool IsJoined => _mac.IsJoined;

        public int MaxPayloadLength => _mac.MaxPayloadLength;

        public SendStatus Send(int port, byte[] payload, int offset, int length, bool confirmed, bool urgent)
        {
            SendStatus status = _mac.Send(port, payload, offset, length, confirmed, urgent);
            if (status == SendStatus.Queued)
            {
                var copy = new byte[length];
                Array.Copy(payload, offset, copy, 0, length);
                _sent.Add(new HostUplink(_clock.NowMicros, _boot, port, copy, confirmed, urgent));
            }

            return status;
        }
    }
}
