using System;
using System.Collections.Generic;
using System.IO;
using Ws52x.LoRaWan.Mac;
using Ws52x.Loop;
using Ws52x.Platform;

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
        private readonly IMonotonicClock _clock;
        private readonly List<HostUplink> _sent;
        private readonly int _boot;
        private readonly LoopTimer _request;
        private readonly LoopTimer _accept;
        private ILoRaWanEvents _events;

        /// <param name="sent">Where each payload taken is recorded (the board keeps one list over all its boots).</param>
        public LoggingLink(TextWriter output, IMonotonicClock clock, List<HostUplink> sent, int boot)
        {
            _output = output;
            _clock = clock;
            _sent = sent;
            _boot = boot;
            _request = new LoopTimer(_ => OnRequest());
            _accept = new LoopTimer(_ => OnAccept());
        }

        public bool IsJoined { get; private set; }

        /// <summary>EU868 DR2 (SF10, the guide's default data rate) carries 51 bytes.</summary>
        public int MaxPayloadLength { get; set; } = 51;

        /// <summary>Whether the pretend join happens at all (tests of the join behaviour drive the events themselves).</summary>
        public bool PretendJoin { get; set; } = true;

        /// <summary>Schedules the pretend join on the firmware's loop.</summary>
        public void Start(EventLoop loop, ILoRaWanEvents events)
        {
            _events = events;
            if (!PretendJoin)
            {
                return;
            }

            loop.Schedule(_request, loop.NowMicros + JoinRequestMicros);
            loop.Schedule(_accept, loop.NowMicros + JoinAcceptMicros);
        }

        public SendStatus Send(int port, byte[] payload, int offset, int length, bool confirmed, bool urgent)
        {
            if (!IsJoined)
            {
                return SendStatus.NotJoined;
            }

            var copy = new byte[length];
            Array.Copy(payload, offset, copy, 0, length);
            _sent.Add(new HostUplink(_clock.NowMicros, _boot, port, copy, confirmed, urgent));
            return SendStatus.Queued;
        }

        /// <summary>The join is accepted now (tests that drive the join themselves).</summary>
        public void AcceptJoin() => OnAccept();

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

    /// <summary>One application payload as the host board's link took it.</summary>
    public sealed record HostUplink(long AtMicros, int Boot, int Port, byte[] Payload, bool Confirmed, bool Urgent);
}
