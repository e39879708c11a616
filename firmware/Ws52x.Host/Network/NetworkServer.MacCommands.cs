using System.Collections.Generic;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.MacCommands;
using Ws52x.LoRaWan.Regions;

namespace Ws52x.Host.Network
{
    /// <summary>
    /// The device's MAC commands (requests it makes, answers to ours) and the network's ADR. An answer changes what the
    /// server believes of the device only when it acknowledges every part of the request it answers, as the device
    /// applies a request all or nothing.
    /// </summary>
    public sealed partial class NetworkServer
    {
        private readonly byte[] _requestBytes = new byte[256];

        /// <summary>Handles the MAC commands of the uplink in <see cref="_frame"/>; true when one of them is a sticky answer.</summary>
        private bool ReadMacCommands(NetworkDevice d, UplinkSet set, int dr, List<DownlinkMacCommand> answers)
        {
            FrameError e;
            if (_frame.FPort == 0)
            {
                _parser.Decrypt(d.NwkSKey, d.AppSKey, set.Best.Payload, 0, _frame);
                e = MacCommandCodec.ParseUplink(_frame.Payload, 0, _frame.PayloadLength, _commands);
            }
            else if (_frame.FOptsLength > 0)
            {
                e = MacCommandCodec.ParseUplink(_frame.FOpts, 0, _frame.FOptsLength, _commands);
            }
            else
            {
                return false;
            }

            if (e != FrameError.None)
            {
                // The commands before the unreadable one stand, as the device would treat ours.
                Reject(RejectReason.MacCommand, FrameErrors.Message(e) + " at CID " + Util.Hex.ByteLiteral(_commands.StoppedAtCid));
            }

            bool sticky = false;
            for (int i = 0; i < _commands.Count; i++)
            {
                MacCommand c = _commands[i];
                switch ((Cid)c.Cid)
                {
                    case Cid.LinkCheck:
                        int margin = dr >= 0 ? (d.LastSnrQuarterDb - NetworkAdr.RequiredSnrQuarterDb(Region.SpreadingFactor(dr))) / 4 : 0;
                        answers.Add(DownlinkMacCommand.LinkCheckAns(margin, set.Copies.Count));
                        _log.Info("ns", "LinkCheckReq from " + d.DevEui + ": answering " + answers[answers.Count - 1]);
                        break;
                    case Cid.DeviceTime:
                        long end = set.Best.EndMicros;
                        uint seconds = (uint)(Options.GpsSecondsAtBoardZero + end / Second);
                        answers.Add(DownlinkMacCommand.DeviceTimeAns(seconds, (int)(end % Second * 256 / Second)));
                        _log.Info("ns", "DeviceTimeReq from " + d.DevEui + ": answering " + answers[answers.Count - 1]);
                        break;
                    case Cid.LinkAdr:
                        int status = 7;
                        int count = 0;
                        for (; i < _commands.Count && _commands[i].Cid == (int)Cid.LinkAdr; i++, count++)
                        {
                            status &= _commands[i].Status;
                        }

                        i--;
                        OnLinkAdrAns(d, status, count);
                        break;
                    case Cid.DevStatus:
                        Answered(d, Cid.DevStatus);
                        d.Battery = c.Battery;
                        d.StatusMargin = c.Margin;
                        _log.Info("ns", "DevStatusAns from " + d.DevEui + ": battery " + c.Battery + (c.Battery == 0 ? " (mains powered)" : "") + ", SNR margin " + c.Margin + " dB");
                        break;
                    default:
                        sticky |= OnStatusAnswer(d, (Cid)c.Cid, c.Status);
                        break;
                }
            }

            return sticky;
        }

        /// <summary>RXParamSetup, RXTimingSetup, DlChannel, NewChannel, DutyCycle and TxParamSetup answers; true for the sticky ones.</summary>
        private bool OnStatusAnswer(NetworkDevice d, Cid cid, int status)
        {
            string name = CidInfo.Name((int)cid, false);
            bool sticky = cid == Cid.RxParamSetup || cid == Cid.RxTimingSetup || cid == Cid.DlChannel;
            MacCommand request = Answered(d, cid);
            if (request == null)
            {
                _log.Info("ns", name + " from " + d.DevEui + (sticky ? " repeated (sticky answer): a downlink stops it" : " without a request: ignored"));
                return sticky;
            }

            int all = cid == Cid.RxParamSetup ? 7 : cid == Cid.DlChannel || cid == Cid.NewChannel ? 3 : 0;
            bool ok = (status & all) == all;
            if (ok)
            {
                switch (cid)
                {
                    case Cid.RxParamSetup:
                        d.Rx1DrOffset = request.Rx1DrOffset;
                        d.Rx2DataRate = request.Rx2DataRate;
                        d.Rx2FrequencyHz = (int)request.Frequency;
                        break;
                    case Cid.RxTimingSetup:
                        d.RxDelaySeconds = request.Delay == 0 ? 1 : request.Delay;
                        break;
                    case Cid.DlChannel:
                        d.Channels.DlChannel(request.ChIndex, (int)request.Frequency);
                        break;
                    case Cid.NewChannel:
                        d.Channels.NewChannel(request.ChIndex, (int)request.Frequency, request.MinDr, request.MaxDr);
                        break;
                    case Cid.DutyCycle:
                        d.MaxDutyCycle = request.MaxDutyCycle;
                        break;
                    case Cid.TxParamSetup:
                        d.DownlinkDwell = request.DownlinkDwellTime;
                        d.UplinkDwell = request.UplinkDwellTime;
                        d.MaxEirpIndex = request.MaxEirpIndex;
                        break;
                }
            }

            _log.Info("ns", name + " from " + d.DevEui + (all == 0 ? "" : ", status " + StatusBits(status, all)) + (ok ? ": applied" : ": refused, nothing changed"));
            return sticky;
        }

        private void OnLinkAdrAns(NetworkDevice d, int status, int answers)
        {
            int requests = TakeAwaiting(d, Cid.LinkAdr);
            if (requests == 0)
            {
                _log.Info("ns", "LinkADRAns from " + d.DevEui + " without a request: ignored");
                return;
            }

            Counters.MacAnswers++;
            MacCommand last = _requests[requests - 1];
            if (status != 7)
            {
                d.LastRefusedAdr = new AdrDecision(last.DataRate, last.TxPower, last.NbTrans);
                _log.Info("ns", "LinkADRAns from " + d.DevEui + ", status " + StatusBits(status, 7) + " (power, data rate, channel mask): refused, nothing changed");
                return;
            }

            var work = new ushort[ChannelPlan.MaskWords];
            d.Channels.CopyMask(work);
            for (int k = 0; k < requests; k++)
            {
                d.Channels.ApplyLinkAdrMask(work, _requests[k].ChMaskCntl, _requests[k].ChMask);
            }

            d.Channels.SetMask(work);
            int nbTrans = last.NbTrans == 0 ? d.NbTrans : last.NbTrans;
            if (last.DataRate != d.DataRate || last.TxPower != d.TxPowerIndex || nbTrans != d.NbTrans)
            {
                d.AdrHistory.Clear();
            }

            d.DataRate = last.DataRate;
            d.TxPowerIndex = last.TxPower;
            d.NbTrans = nbTrans;
            _log.Info("ns", "LinkADRAns from " + d.DevEui + " (" + answers + " answer(s) to " + requests + " request(s)): applied, " +
                DrText(d.DataRate) + ", TXPower " + d.TxPowerIndex + ", NbTrans " + d.NbTrans + ", " + d.Channels.EnabledCount() + " channel(s) enabled");
        }

        private void RunAdr(NetworkDevice d, uint fCnt32)
        {
            NetworkAdr.Remember(d.AdrHistory, new AdrSample(fCnt32, d.LastSnrQuarterDb, d.TxPowerIndex));
            if (HasLinkAdrPending(d))
            {
                return;
            }

            int maxDr = MaxAdrDataRate(d);
            AdrDecision next = NetworkAdr.Decide(d.AdrHistory, d.DataRate, Region.SpreadingFactor(d.DataRate), d.TxPowerIndex, d.NbTrans,
                maxDr, Region.MaxTxPowerIndex, Options.InstallationMarginQuarterDb);
            bool same = next.DataRate == d.DataRate && next.TxPowerIndex == d.TxPowerIndex && next.NbTrans == d.NbTrans;
            if (same || (d.LastRefusedAdr.HasValue && d.LastRefusedAdr.Value.Equals(next)))
            {
                return;
            }

            int margin = NetworkAdr.MaxSnrQuarterDb(d.AdrHistory) - NetworkAdr.RequiredSnrQuarterDb(Region.SpreadingFactor(d.DataRate));
            _log.Info("ns", "ADR for " + d.DevEui + ": best SNR of " + d.AdrHistory.Count + " uplink(s) is " + SnrText(margin) + " above " +
                DrText(d.DataRate) + "'s floor: asking " + DrText(next.DataRate) + ", TXPower " + next.TxPowerIndex + ", NbTrans " + next.NbTrans);
            foreach (DownlinkMacCommand c in LinkAdrBlock(d, next))
            {
                d.MacToSend.Add(c);
            }
        }

        /// <summary>
        /// The LinkADRReq block that asks for a decision and keeps the device's channels: one command on dynamic plans;
        /// on US915/AU915 "125 kHz all off + 500 kHz mask" then each non-empty 16-channel bank; on CN470 each bank.
        /// </summary>
        private List<DownlinkMacCommand> LinkAdrBlock(NetworkDevice d, AdrDecision a)
        {
            var mask = new ushort[ChannelPlan.MaskWords];
            d.Channels.CopyMask(mask);
            var block = new List<DownlinkMacCommand>();
            switch (Region.Kind)
            {
                case PlanKind.Dynamic:
                    block.Add(DownlinkMacCommand.LinkAdrReq(a.DataRate, a.TxPowerIndex, mask[0], 0, a.NbTrans));
                    break;
                case PlanKind.FixedUs:
                    block.Add(DownlinkMacCommand.LinkAdrReq(a.DataRate, a.TxPowerIndex, mask[4] & 0xFF, 7, a.NbTrans));
                    for (int w = 0; w < 4; w++)
                    {
                        if (mask[w] != 0)
                        {
                            block.Add(DownlinkMacCommand.LinkAdrReq(a.DataRate, a.TxPowerIndex, mask[w], w, a.NbTrans));
                        }
                    }

                    break;
                default:
                    for (int w = 0; w < ChannelPlan.MaskWords; w++)
                    {
                        block.Add(DownlinkMacCommand.LinkAdrReq(a.DataRate, a.TxPowerIndex, mask[w], w, a.NbTrans));
                    }

                    break;
            }

            return block;
        }

        /// <summary>ChirpStack's ADR works on 125 kHz LoRa data rates: the highest one the device's enabled channels carry.</summary>
        private int MaxAdrDataRate(NetworkDevice d)
        {
            for (int dr = Region.DefaultMaxDr; dr > 0; dr--)
            {
                if (Region.IsLoRa(dr) && Region.BandwidthHz(dr) == 125000 && Region.IsUplinkDataRate(dr, d.UplinkDwell) && d.Channels.AnyEnabledFor(dr))
                {
                    return dr;
                }
            }

            return 0;
        }

        private static bool HasLinkAdrPending(NetworkDevice d)
        {
            foreach (DownlinkMacCommand c in d.MacToSend)
            {
                if (c.Cid == Cid.LinkAdr)
                {
                    return true;
                }
            }

            foreach (DownlinkMacCommand c in d.MacAwaitingAnswer)
            {
                if (c.Cid == Cid.LinkAdr)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The request of this CID the device answers (decoded into <see cref="_requests"/>), taken off the awaited list; null if none.</summary>
        private MacCommand Answered(NetworkDevice d, Cid cid)
        {
            if (TakeAwaiting(d, cid) == 0)
            {
                return null;
            }

            Counters.MacAnswers++;
            return _requests[0];
        }

        /// <summary>Moves every awaited request of this CID into <see cref="_requests"/>, decoded by the core's codec; returns how many.</summary>
        private int TakeAwaiting(NetworkDevice d, Cid cid)
        {
            int length = 0;
            for (int k = 0; k < d.MacAwaitingAnswer.Count; k++)
            {
                DownlinkMacCommand c = d.MacAwaitingAnswer[k];
                if (c.Cid == cid && length + c.Length <= _requestBytes.Length)
                {
                    c.CopyTo(_requestBytes, length);
                    length += c.Length;
                    d.MacAwaitingAnswer.RemoveAt(k--);
                }
            }

            MacCommandCodec.ParseDownlink(_requestBytes, 0, length, _requests);
            return _requests.Count;
        }

        private static string StatusBits(int status, int all)
        {
            string s = "";
            for (int bit = 2; bit >= 0; bit--)
            {
                if ((all & (1 << bit)) != 0)
                {
                    s += (s.Length == 0 ? "" : "/") + ((status & (1 << bit)) != 0 ? "ACK" : "NACK");
                }
            }

            return s;
        }
    }
}
