using System.IO;
using Ws52x.LoRaWan.Mac;
using Ws52x.Loop;

namespace Ws52x.Host.Board
{
    /// <summary>
    /// The host board's LoRaWAN link until the MAC is wired: it takes every uplink (the firmware logs what would go out)
    /// and pretends one join a moment after boot, so the socket's join behaviour (LED blinks, basic information) runs.
    /// Downlinks do not come through it: the scenario hands them to the application directly.
    /// </summary>
    public sealed class LoggingLink : ILoRaWanLink
    {
        /// <summary>When the pretend join request goes out, and when it is accepted (in RX1, 5 s later), from boot.</summary>
        public const long JoinRequestMicros = 1000000;
        public const long JoinAcceptMicros = 6000000;

        private readonly TextWriter _output;
        private readonly LoopTimer _request;
        private readonly LoopTimer _accept;
        private ILoRaWanEvents _events;

        public LoggingLink(TextWriter output)
        {
            _output = output;
            _request = new LoopTimer(_ => OnRequest());
            _accept = new LoopTimer(_ => OnAccept());
        }

        public bool IsJoined { get; private set; }

        /// <summary>EU868 DR2 (SF10, the guide's default data rate) carries 51 bytes.</summary>
        public int MaxPayloadLength { get; set; } = 51;

        public int Sent { get; private set; }

        /// <summary>Schedules the pretend join on the firmware's loop.</summary>
        public void Start(EventLoop loop, ILoRaWanEvents events)
        {
            _events = events;
            loop.Schedule(_request, loop.NowMicros + JoinRequestMicros);
            loop.Schedule(_accept, loop.NowMicros + JoinAcceptMicros);
        }

        public SendStatus Send(int port, byte[] payload, int offset, int length, bool confirmed, bool urgent)
        {
            if (!IsJoined)
            {
                return SendStatus.NotJoined;
            }

            Sent++;
            return SendStatus.Queued;
        }

        private void OnRequest()
        {
            _output.WriteLine("host: no LoRaWAN MAC yet: a join request would go out now");
            _events.OnJoinRequestSent(1);
        }

        private void OnAccept()
        {
            _output.WriteLine("host: no LoRaWAN MAC yet: pretending the join was accepted; uplinks are logged, not transmitted");
            IsJoined = true;
            _events.OnJoined();
        }
    }
}
