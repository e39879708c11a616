using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.Regions;
using Ws52x.Util;

namespace Ws52x.Host.Network
{
    /// <summary>The join server: JoinRequest checks, DevAddr allocation, the JoinAccept in RX1 (or RX2) of the request.</summary>
    public sealed partial class NetworkServer
    {
        private readonly byte[] _joinAppEui = new byte[8];
        private readonly byte[] _joinDevEui = new byte[8];
        private readonly byte[] _cfList = new byte[JoinAccept.CFListLength];
        private readonly byte[] _acceptBuffer = new byte[JoinAccept.LengthWithCFList];

        private void HandleJoinRequest(UplinkSet set)
        {
            GatewayFrame f = set.Best;
            Counters.JoinRequests++;
            FrameError e = JoinRequest.Read(_crypto, f.Payload, 0, f.Payload.Length, null, _joinAppEui, _joinDevEui, out ushort devNonce, out _);
            if (e != FrameError.None)
            {
                Reject(RejectReason.Malformed, "JoinRequest: " + FrameErrors.Message(e));
                return;
            }

            string devEui = Hex.ToHex(_joinDevEui);
            string nonce = "DevNonce " + Hex.ToHex(new[] { (byte)(devNonce >> 8), (byte)devNonce });
            int dr = UplinkDataRate(f);
            _log.Info("ns", "join request from " + devEui + ", " + nonce + ", " + DrText(dr) + " on " + DownlinkMacCommand.Mhz(f.FrequencyHz) +
                ", RSSI " + f.RssiDbm + " dBm, SNR " + SnrText(f.SnrQuarterDb) + ", " + set.Copies.Count + " gateway(s)");
            NetworkDevice d = Find(devEui);
            if (d == null || !d.Otaa)
            {
                Reject(RejectReason.UnknownDevEui, devEui + (d == null ? "" : " is an ABP device"));
                return;
            }

            if (!Bytes.ConstantTimeEquals(_joinAppEui, 0, d.AppEui, 0, 8))
            {
                Reject(RejectReason.JoinEuiMismatch, "JoinEUI " + Hex.ToHex(_joinAppEui) + " for " + devEui);
                return;
            }

            JoinRequest.Read(_crypto, f.Payload, 0, f.Payload.Length, d.AppKey, _joinAppEui, _joinDevEui, out _, out bool micValid);
            if (!micValid)
            {
                Reject(RejectReason.JoinMic, devEui);
                return;
            }

            // TTS and ChirpStack keep every DevNonce a device has used and refuse a repeat: a replayed JoinRequest
            // must not give its sender a session.
            if (!d.UsedDevNonces.Add(devNonce))
            {
                Reject(RejectReason.DevNonceReused, devEui + " " + nonce);
                return;
            }

            if (dr < 0)
            {
                Reject(RejectReason.Malformed, "JoinRequest on SF" + f.SpreadingFactor + "/" + f.BandwidthHz / 1000 + " kHz, not a data rate of " + Region.Name);
                return;
            }

            Accept(d, set, dr, devNonce);
        }

        private void Accept(NetworkDevice d, UplinkSet set, int dr, ushort devNonce)
        {
            GatewayFrame f = set.Best;
            uint devAddr = AllocateDevAddr();
            uint appNonce = d.NextJoinNonce;
            bool hasCFList = Plan.WriteCFList(_cfList, 0);
            int length = _joinWriter.Write(d.AppKey, appNonce, Options.NetId, devAddr, Plan.DLSettings, Plan.RxDelaySeconds,
                hasCFList ? _cfList : null, _acceptBuffer);

            // The device answers on its default plan: RX1 after JOIN_ACCEPT_DELAY1 on the uplink channel's RX1 carrier at
            // RX1DROffset 0, RX2 one second later on the region's RX2.
            int channel = ChannelOf(_defaultChannels, f.FrequencyHz, f.BandwidthHz);
            int rx1Hz = channel >= 0 ? _defaultChannels.Rx1Frequency(channel) : RoundTo100Hz(f.FrequencyHz);
            int rx1Dr = Region.Rx1DataRate(dr, 0, Region.DefaultDownlinkDwell);
            var rx1 = new Window("RX1", f.EndMicros + JoinAcceptDelay1Micros, rx1Hz, rx1Dr);
            var rx2 = new Window("RX2", f.EndMicros + JoinAcceptDelay2Micros, Region.Rx2FrequencyHz, Region.Rx2DataRate);
            if (!TrySendJoinAccept(set.BestGateway, d, length, rx1, rx2))
            {
                // The device will try again with a new DevNonce; nothing of the new session is kept.
                Counters.DownlinksMissed++;
                return;
            }

            d.NextJoinNonce++;
            if (d.Joined)
            {
                _byDevAddr.Remove(d.DevAddr);
            }

            d.ResetSession(Plan);
            if (hasCFList)
            {
                d.Channels.ApplyCFList(_cfList, 0);
            }

            _crypto.DeriveSessionKeys(d.AppKey, appNonce, Options.NetId, devNonce, d.NwkSKey, d.AppSKey);
            d.DevAddr = devAddr;
            d.Joined = true;
            d.LastGateway = set.BestGateway;
            d.ClassCQuietUntilMicros = f.EndMicros + JoinAcceptDelay2Micros + Options.ClassCGuardMicros;
            d.DataRate = dr;
            _byDevAddr[devAddr] = d;
            Counters.Joins++;
            _log.Info("ns", "join accepted: " + d.DevEui + " DevAddr " + devAddr.ToString("x8") + ", JoinNonce " + appNonce +
                ", NetID " + Options.NetId.ToString("x6") + ", RX1DROffset " + Plan.Rx1DrOffset + ", RX2 " + DrText(Plan.Rx2DataRate) +
                " " + DownlinkMacCommand.Mhz(Plan.Rx2FrequencyHz) + ", RxDelay " + Plan.RxDelaySeconds + " s, " + CFListText(hasCFList));
            ScheduleClassC(d); // what waited for a session goes once the JoinAccept windows are over
        }

        private bool TrySendJoinAccept(VirtualGateway gateway, NetworkDevice d, int length, Window rx1, Window rx2)
        {
            string reasons = "";
            foreach (Window w in new[] { rx1, rx2 })
            {
                if (TryTransmit(gateway, w, _acceptBuffer, length, out string why))
                {
                    if (w == rx1)
                    {
                        Counters.DownlinksRx1++;
                    }
                    else
                    {
                        Counters.DownlinksRx2++;
                    }

                    _log.Info("ns", "JoinAccept to " + d.DevEui + " in " + w.Name + " at " + Ws52x.Diagnostics.Log.FormatTime(w.AtMicros) + " on " +
                        DownlinkMacCommand.Mhz(w.FrequencyHz) + " " + DrText(w.DataRate) + " via " + gateway.Name + (reasons.Length > 0 ? " (" + reasons + ")" : ""));
                    return true;
                }

                reasons += (reasons.Length == 0 ? "" : "; ") + w.Name + ": " + why;
            }

            _log.Info("ns", "no window for the JoinAccept to " + d.DevEui + " (" + reasons + ")");
            return false;
        }

        /// <summary>A fresh DevAddr with the NetID's NwkID in its top 7 bits (type 0 NetID), not in use by another session.</summary>
        private uint AllocateDevAddr()
        {
            uint nwkId = (Options.NetId & 0x7F) << 25;
            while (true)
            {
                uint addr = nwkId | ((uint)_random.Next() & 0x01FFFFFF);
                if (addr != 0 && !_byDevAddr.ContainsKey(addr))
                {
                    return addr;
                }
            }
        }

        private string CFListText(bool hasCFList)
        {
            if (!hasCFList)
            {
                return "no CFList";
            }

            if (!Region.IsFixedPlan)
            {
                return "CFList " + Plan.ExtraChannels.Length + " channel(s)";
            }

            return "CFList channel mask of sub-band " + (Plan.SubBand + 1) + " (channels " + string.Join(",", Plan.SubBandChannels()) + ")";
        }

        private static int RoundTo100Hz(int hz) => (hz + 50) / 100 * 100;
    }
}
