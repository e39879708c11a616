using Ws52x.LoRaWan.Mac;
using Ws52x.Platform;
using Ws52x.Util;

namespace Ws52x.Host.Trace
{
    /// <summary>
    /// Wraps the link the firmware sends through and writes an "uplink" trace record for each application payload
    /// handed to it ({"t", "kind": "uplink", "port", "hex"}), whatever the link answers.
    /// </summary>
    public sealed class TracingLink : ILoRaWanLink
    {
        private readonly ILoRaWanLink _inner;
        private readonly TraceWriter _trace;
        private readonly IMonotonicClock _clock;

        public TracingLink(ILoRaWanLink inner, TraceWriter trace, IMonotonicClock clock)
        {
            _inner = inner;
            _trace = trace;
            _clock = clock;
        }

        public bool IsJoined => _inner.IsJoined;

        public int MaxPayloadLength => _inner.MaxPayloadLength;

        public SendStatus Send(int port, byte[] payload, int offset, int length, bool confirmed, bool urgent)
        {
            _trace.Begin(_clock.NowMicros, "uplink").Field("port", port).Field("hex", Hex.ToHex(payload, offset, length)).End();
            return _inner.Send(port, payload, offset, length, confirmed, urgent);
        }
    }
}
