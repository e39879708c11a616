using System;
using System.Collections.Generic;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Frames;

namespace Ws52x.Host.Fleet
{
    /// <summary>
    /// What happened to every frame the sockets sent, seen from the air at each frame's end: delivered (a gateway got it
    /// intact), lost to a collision (a gateway could have heard it, but another frame on its channel and SF overlapped),
    /// lost to the link budget (under its SF's demodulation floor at every gateway), or lost otherwise (every gateway
    /// in range was transmitting or had no free demodulator, or the sender cut the frame). Per spreading factor it keeps
    /// the offered airtime and the collisions, for the comparison with pure ALOHA.
    /// </summary>
    public sealed class FleetStatistics : IAirObserver
    {
        public const int MaxSf = 12;

        private readonly FleetRun _fleet;
        private readonly Dictionary<object, FleetSocket> _byRadio = new Dictionary<object, FleetSocket>();
        private readonly long[] _airtimeBySocket;

        internal FleetStatistics(FleetRun fleet)
        {
            _fleet = fleet;
            _airtimeBySocket = new long[fleet.Options.Count];
        }

        public long UplinksSent { get; private set; }
        public long JoinRequestsSent { get; private set; }
        public long Delivered { get; private set; }
        public long LostToCollisions { get; private set; }
        public long LostToLinkBudget { get; private set; }

        /// <summary>Of <see cref="LostToLinkBudget"/>, the JoinRequests (a socket no gateway hears keeps trying to join).</summary>
        public long JoinRequestsLostToLinkBudget { get; private set; }
        public long LostOtherwise { get; private set; }

        /// <summary>Frames sent at each SF (index = SF), their airtime, and those that overlapped another on their channel and SF.</summary>
        public long[] FramesBySf { get; } = new long[MaxSf + 1];
        public long[] AirtimeMicrosBySf { get; } = new long[MaxSf + 1];
        public long[] CollidedBySf { get; } = new long[MaxSf + 1];

        /// <summary>Airtime one socket has spent on uplinks, in µs.</summary>
        public long AirtimeMicros(int socket) => _airtimeBySocket[socket];

        internal void OnBoot(FleetSocket socket, object radio) => _byRadio[radio] = socket;

        public void OnFrameEnd(AirTransmission frame)
        {
            if (frame.Sender == null || frame.IqInverted || !_byRadio.TryGetValue(frame.Sender, out FleetSocket socket))
            {
                return; // a gateway's downlink
            }

            int sf = Math.Min(Math.Max(frame.SpreadingFactor, 0), MaxSf);
            UplinksSent++;
            bool join = frame.Length > 0 && Mhdr.TypeOf(frame.Payload[0]) == MType.JoinRequest;
            FramesBySf[sf]++;
            if (join)
            {
                JoinRequestsSent++;
            }

            AirtimeMicrosBySf[sf] += frame.AirtimeMicros;
            _airtimeBySocket[socket.Index] += frame.AirtimeMicros;
            if (frame.Collided)
            {
                CollidedBySf[sf]++;
            }

            if (DeliveredToAGateway(frame))
            {
                Delivered++;
            }
            else if (!InRangeOfAGateway(frame))
            {
                LostToLinkBudget++;
                JoinRequestsLostToLinkBudget += join ? 1 : 0;
            }
            else if (frame.Collided)
            {
                LostToCollisions++;
            }
            else
            {
                LostOtherwise++;
            }
        }

        private static bool DeliveredToAGateway(AirTransmission frame)
        {
            for (int i = 0; i < frame.ReceiverCount; i++)
            {
                if (frame.ReceiverAt(i) is VirtualGateway && frame.ReceivedIntactBy(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool InRangeOfAGateway(AirTransmission frame)
        {
            int floor = VirtualAir.DemodulationFloorQuarterDb(frame.SpreadingFactor);
            foreach (VirtualGateway gateway in _fleet.Gateways)
            {
                _fleet.Air.Measure(frame, gateway, out _, out int snr);
                if (snr >= floor)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
