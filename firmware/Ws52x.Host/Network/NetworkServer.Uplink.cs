using System;
using System.Collections.Generic;
using Ws52x.Codec;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.MacCommands;
using Ws52x.Util;

namespace Ws52x.Host.Network
{
    /// <summary>Data uplinks: session and counter checks, confirmed-downlink ACKs, MAC commands, application payloads, ADR.</summary>
    public sealed partial class NetworkServer
    {
        private enum CounterVerdict
        {
            New,
            Same,
            Older,
            Gap,
        }

        private void HandleDataUplink(UplinkSet set)
        {
            GatewayFrame f = set.Best;
            byte[] phy = f.Payload;
            FrameError e = FrameParser.ReadStructure(phy, 0, phy.Length, _frame);
            if (e != FrameError.None)
            {
                Reject(RejectReason.Malformed, FrameErrors.Message(e));
                return;
            }

            string who = "DevAddr " + _frame.DevAddr.ToString("x8") + " fcnt " + _frame.FCnt16;
            if (!_byDevAddr.TryGetValue(_frame.DevAddr, out NetworkDevice d))
            {
                Reject(RejectReason.UnknownDevAddr, who);
                return;
            }

            CounterVerdict verdict = Reconstruct(d, _frame.FCnt16, out uint fCnt32);
            _frame.FCnt32 = fCnt32;
            if (!_parser.MicMatches(d.NwkSKey, phy, 0, phy.Length, _frame))
            {
                Reject(RejectReason.BadMic, who);
                return;
            }

            // Lengths first: a frame with the last counter but longer than the last frame is not a retransmission of it.
            if (verdict == CounterVerdict.Same && d.LastUplink != null && d.LastUplink.Length == phy.Length && Bytes.ConstantTimeEquals(d.LastUplink, 0, phy, 0, phy.Length))
            {
                Counters.Retransmissions++;
                QuietDuringClassAWindows(d, f); // the repetition opened RX1/RX2 again: no Class C downlink into them
                _log.Info("ns", "uplink " + who + " repeated (retransmission" + (_frame.IsConfirmed ? ", ACK sent again" : "") + ")");
                if (_frame.IsConfirmed)
                {
                    SendClassAReply(d, set, UplinkDataRate(f), ChannelOf(d.Channels, f.FrequencyHz, f.BandwidthHz), true, new List<DownlinkMacCommand>(), true);
                }

                return;
            }

            if (verdict != CounterVerdict.New)
            {
                Reject(verdict == CounterVerdict.Gap ? RejectReason.CounterGap : RejectReason.Replay,
                    who + ", last accepted " + d.FCntUp);
                return;
            }

            Accept(d, set, fCnt32);
        }

        private void Accept(NetworkDevice d, UplinkSet set, uint fCnt32)
        {
            GatewayFrame f = set.Best;
            int dr = UplinkDataRate(f);
            int channel = ChannelOf(d.Channels, f.FrequencyHz, f.BandwidthHz);
            d.HasUplink = true;
            d.FCntUp = fCnt32;
            d.LastUplink = (byte[])f.Payload.Clone();
            d.LastGateway = set.BestGateway;
            d.LastRssiDbm = f.RssiDbm;
            d.LastSnrQuarterDb = f.SnrQuarterDb;
            d.LastGatewayCount = set.Copies.Count;
            d.AdrEnabled = _frame.Adr;
            d.UplinkCount++;
            if (dr >= 0)
            {
                d.DataRate = dr;
            }

            Counters.Uplinks++;
            _log.Info("ns", "uplink from " + d.DevEui + " DevAddr " + d.DevAddr.ToString("x8") + ": fcnt " + fCnt32 +
                (_frame.FPort >= 0 ? ", port " + _frame.FPort : "") + (_frame.IsConfirmed ? ", confirmed" : "") +
                (_frame.Adr ? ", ADR" : "") + (_frame.AdrAckReq ? ", ADRACKReq" : "") + (_frame.Ack ? ", ACK" : "") +
                ", " + DrText(dr) + " on " + DownlinkMacCommand.Mhz(f.FrequencyHz) + ", RSSI " + f.RssiDbm + " dBm, SNR " +
                SnrText(f.SnrQuarterDb) + ", " + set.Copies.Count + " gateway(s)");

            if (d.AwaitingDownlinkAck)
            {
                d.AwaitingDownlinkAck = false;
                if (_frame.Ack)
                {
                    Counters.DownlinkAcks++;
                    _log.Info("ns", "confirmed downlink fcnt " + d.PendingConfirmedFCnt + " acknowledged");
                }
                else
                {
                    Counters.DownlinkNacks++;
                    _log.Info("ns", "confirmed downlink fcnt " + d.PendingConfirmedFCnt + " not acknowledged");
                }
            }

            var answers = new List<DownlinkMacCommand>();
            bool sticky = ReadMacCommands(d, set, dr, answers);
            foreach (DownlinkMacCommand unanswered in d.MacAwaitingAnswer)
            {
                Counters.MacUnanswered++;
                _log.Info("ns", unanswered.Name + " not answered");
                if (unanswered.Cid == Cid.DevStatus)
                {
                    d.LastDevStatusMicros = long.MinValue;
                }
            }

            d.MacAwaitingAnswer.Clear();
            if (_frame.FPort > 0)
            {
                Deliver(d, set, fCnt32, dr);
            }

            if (Options.Adr && _frame.Adr && dr >= 0)
            {
                RunAdr(d, fCnt32);
            }

            long now = _loop.NowMicros;
            if (Options.DevStatusIntervalMicros > 0 && (d.LastDevStatusMicros == long.MinValue || now - d.LastDevStatusMicros >= Options.DevStatusIntervalMicros))
            {
                d.LastDevStatusMicros = now;
                d.MacToSend.Add(DownlinkMacCommand.DevStatusReq());
            }

            // With the RxDelay it has now, answers applied.
            QuietDuringClassAWindows(d, f);
            bool mustAnswer = _frame.IsConfirmed || answers.Count > 0 || sticky || _frame.AdrAckReq;
            if (mustAnswer || d.MacToSend.Count > 0 || d.Queue.Count > 0)
            {
                SendClassAReply(d, set, dr, channel, _frame.IsConfirmed, answers, mustAnswer);
            }

            ScheduleClassC(d);
        }

        /// <summary>The device's receiver belongs to this uplink's RX1 and RX2: Class C downlinks wait until after them.</summary>
        private void QuietDuringClassAWindows(NetworkDevice d, GatewayFrame f)
        {
            d.ClassCQuietUntilMicros = f.EndMicros + (d.RxDelaySeconds + 1) * Second + Options.ClassCGuardMicros;
        }

        /// <summary>
        /// The 32-bit counter of a 16-bit FCnt given the last accepted one: ahead (new, or beyond MAX_FCNT_GAP), the
        /// same, or behind.
        /// </summary>
        private static CounterVerdict Reconstruct(NetworkDevice d, int fCnt16, out uint fCnt32)
        {
            if (!d.HasUplink)
            {
                fCnt32 = (uint)fCnt16;
                return CounterVerdict.New;
            }

            uint diff = ((uint)fCnt16 - d.FCntUp) & 0xFFFF;
            if (diff == 0)
            {
                fCnt32 = d.FCntUp;
                return CounterVerdict.Same;
            }

            if (diff >= 0x8000)
            {
                fCnt32 = d.FCntUp - (0x10000 - diff);
                return CounterVerdict.Older;
            }

            fCnt32 = d.FCntUp + diff;
            return diff > Session.MaxFCntGap ? CounterVerdict.Gap : CounterVerdict.New;
        }

        private void Deliver(NetworkDevice d, UplinkSet set, uint fCnt32, int dr)
        {
            GatewayFrame f = set.Best;
            _parser.Decrypt(d.NwkSKey, d.AppSKey, f.Payload, 0, _frame);
            var payload = new byte[_frame.PayloadLength];
            Array.Copy(_frame.Payload, payload, payload.Length);
            string json = UplinkDecoder.TryDecode(payload, 0, payload.Length, _decoded, _decodeError) ? VendorJson.Uplink(_decoded) : null;
            Counters.ApplicationUplinks++;
            if (Options.DecodeUplinks)
            {
                _log.Info("ns", "application uplink port " + _frame.FPort + ": " + Hex.ToHex(payload) + " " + (json ?? "(not a WS52x uplink: " + _decodeError + ")"));
            }

            UplinkReceived?.Invoke(new ApplicationUplink
            {
                Device = d,
                FCnt = fCnt32,
                Port = _frame.FPort,
                Payload = payload,
                Confirmed = _frame.IsConfirmed,
                DataRate = dr,
                FrequencyHz = f.FrequencyHz,
                RssiDbm = f.RssiDbm,
                SnrQuarterDb = f.SnrQuarterDb,
                GatewayCount = set.Copies.Count,
                ReceivedAtMicros = f.EndMicros,
                VendorJson = json,
            });
        }
    }
}
