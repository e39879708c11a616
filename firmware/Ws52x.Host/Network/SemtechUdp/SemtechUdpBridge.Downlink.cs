using System.Collections.Generic;
using System.Globalization;
using Ws52x.Diagnostics;
using Ws52x.Radio;
using Ws52x.Util;

namespace Ws52x.Host.Network.SemtechUdp
{
    /// <summary>
    /// PULL_RESP: the server's downlinks. Each is checked in the order a concentrator's forwarder checks them (a GPS
    /// time needs a fix, the carrier must be in the gateway's band, the power in its gain table, the time neither past
    /// nor too close, nor too far ahead, nor on top of another downlink), answered with a TX_ACK, and sent on time.
    /// </summary>
    public sealed partial class SemtechUdpBridge
    {
        private readonly List<(long Start, long End)> _scheduled = new List<(long, long)>();

        private void OnPullResp(ushort token, byte[] datagram)
        {
            string why = TxRequest.TryParse(datagram, SemtechPacket.ShortHeaderLength, datagram.Length - SemtechPacket.ShortHeaderLength, out TxRequest request);
            if (why != null)
            {
                // The reference forwarder answers nothing to a txpk it cannot read.
                Drop("PULL_RESP " + SemtechPacket.TokenText(token) + ": " + why);
                return;
            }

            DownlinksReceived++;
            long now = _loop.NowMicros;
            TxAckError verdict = Check(request, now, out long at, out string detail);
            LastVerdict = verdict;
            _transport.Send(SemtechPacket.FromGateway(SemtechPacketType.TxAck, token, _options.GatewayEui, SemtechJson.TxAck(verdict)));
            string what = "downlink " + SemtechPacket.TokenText(token) + " " + SemtechJson.Mhz(request.FrequencyHz) + " MHz " +
                SemtechJson.DataRate(request.SpreadingFactor, request.BandwidthHz) + " " + SemtechJson.CodingRate(request.CodingRate) +
                (request.IqInverted ? "" : " (normal IQ)") + ", " + request.PowerDbm + " dBm, " + Bytes.CountText(request.Payload.Length);
            if (verdict != TxAckError.None)
            {
                DownlinksRefused++;
                _log.Warn("gateway", what + ": refused, TX_ACK " + TxAckErrors.Name(verdict) + " (" + detail + ")");
                return;
            }

            DownlinksAccepted++;
            _scheduled.Add((at, at + Airtime(request)));
            _gateway.Transmit(at, request.Channel(), request.Payload, request.Payload.Length, !request.NoCrc, request.PowerDbm);
            _log.Info("gateway", what + " at " + Log.FormatTime(at) + " (" + detail + "): TX_ACK");
        }

        /// <summary>The verdict on a downlink, the board time it goes at, and a few words on why.</summary>
        private TxAckError Check(TxRequest r, long now, out long at, out string detail)
        {
            at = now;
            if (r.Immediate)
            {
                detail = "immediately";
            }
            else if (r.Tmst.HasValue)
            {
                at = Clock.BoardMicros(r.Tmst.Value, now);
                detail = "tmst " + r.Tmst.Value + ", " + Millis(at - now) + " ahead";
            }
            else if (!Clock.GpsLocked)
            {
                detail = "GPS time " + r.Tmms.Value + " ms, and the gateway has no GPS fix";
                return TxAckError.GpsUnlocked;
            }
            else
            {
                at = Clock.BoardMicrosOfGps(r.Tmms.Value);
                detail = "GPS time " + r.Tmms.Value + " ms, " + Millis(at - now) + " ahead";
            }

            if (_options.MaxTxFrequencyHz > 0 && (r.FrequencyHz < _options.MinTxFrequencyHz || r.FrequencyHz > _options.MaxTxFrequencyHz))
            {
                detail = SemtechJson.Mhz(r.FrequencyHz) + " MHz is outside " + SemtechJson.Mhz(_options.MinTxFrequencyHz) + "-" +
                    SemtechJson.Mhz(_options.MaxTxFrequencyHz) + " MHz";
                return TxAckError.TxFreq;
            }

            if (r.PowerDbm < _options.MinPowerDbm || r.PowerDbm > _options.MaxPowerDbm)
            {
                detail = r.PowerDbm + " dBm is outside the gain table's " + _options.MinPowerDbm + "-" + _options.MaxPowerDbm + " dBm";
                return TxAckError.TxPower;
            }

            if (r.Immediate)
            {
                // As soon as the concentrator can take it.
                at = now + _options.MinLeadMicros;
            }
            else if (at - now < _options.MinLeadMicros)
            {
                detail += ", the gateway needs " + Millis(_options.MinLeadMicros) + ": the receive window is missed";
                return TxAckError.TooLate;
            }
            else if (at - now > _options.MaxAdvanceMicros)
            {
                detail += ", more than " + Millis(_options.MaxAdvanceMicros) + " ahead";
                return TxAckError.TooEarly;
            }

            long end = at + Airtime(r);
            _scheduled.RemoveAll(s => s.End < now);
            long margin = _options.CollisionMarginMicros;
            foreach ((long start, long stop) in _scheduled)
            {
                if (at < stop + margin && start < end + margin)
                {
                    detail += ", another downlink is on the air from " + Log.FormatTime(start) + " to " + Log.FormatTime(stop);
                    return TxAckError.CollisionPacket;
                }
            }

            return TxAckError.None;
        }

        private static long Airtime(TxRequest r) => LoRaAirtime.TimeOnAirMicros(r.SpreadingFactor, r.BandwidthHz, r.CodingRate, r.PreambleSymbols,
            r.Payload.Length, true, !r.NoCrc, LdroMode.Auto);

        private static string Millis(long micros)
        {
            return micros >= 10_000_000 || micros <= -10_000_000
                ? (micros / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + " s"
                : (micros / 1000).ToString(CultureInfo.InvariantCulture) + " ms";
        }
    }
}
