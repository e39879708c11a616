using Ws52x.LoRaWan.Frames;
using Ws52x.Util;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>Activation: the session at boot (restored, ABP keys, or none yet), JoinRequests, the JoinAccept, rejoins.</summary>
    internal sealed partial class LoRaWanMac
    {
        private const int MaxDevNonce = 0xFFFF;

        private int _devNonce;
        private int _devNonceReserve;
        private ushort _requestNonce;
        private int _joinAttempts;
        private bool _sessionAnnounced;

        /// <summary>JoinRequests sent since boot or the last join (what the LED shows, guide 2.4).</summary>
        public int JoinAttempts => _joinAttempts;

        private void StartSession()
        {
            _joined = false;
            _sessionAnnounced = false;
            ResetParameters();
            if (_otaa)
            {
                if (_store.LoadSession(out bool otaa, _session, _params, _plan, _region) && otaa)
                {
                    RestoreCounters();
                    _joined = true;
                    _log.Line("lorawan").Append("session restored: DevAddr ").Hex32(_session.DevAddr).Append(", FCntUp ").Append(_session.FCntUp).Append(", no join needed");
                    _log.End();
                }
                else
                {
                    _log.Line("lorawan").Append("OTAA: joining on ").Append(_region.Name).Append(" (DevEUI ").Hex(_settings.DevEui, 0, 8).Append(')');
                    _log.End();
                }

                return;
            }

            // ABP: the keys are the settings'; what the network changed since (parameters, channels) comes back if stored.
            _store.LoadSession(out _, _session, _params, _plan, _region);
            _session.SetKeys(_settings.DevAddr, _settings.NwkSKey, _settings.AppSKey);
            RestoreCounters();
            _joined = true;
            _log.Line("lorawan").Append("ABP: DevAddr ").Hex32(_session.DevAddr).Append(" on ").Append(_region.Name).Append(", FCntUp ").Append(_session.FCntUp);
            _log.End();
        }

        /// <summary>
        /// FCntUp continues from the persisted reserve: every value below it may have been sent already. A reserve
        /// capped at 2^32-1 may cover that last value too, and a FCntDown of 2^32-1 admits no further downlink: either
        /// way the session is spent, and stays spent across power cuts (OTAA joins again, ABP stops).
        /// </summary>
        private void RestoreCounters()
        {
            if (_store.LoadCounters(out uint reserve, _session, _multicast))
            {
                _session.FCntUp = reserve;
                _fCntUpReserve = reserve;
                _counterExhausted = reserve == uint.MaxValue || (_session.HasDownlink && _session.FCntDown == uint.MaxValue);
            }
            else
            {
                _session.FCntUp = 0;
                _session.FCntDown = 0;
                _session.HasDownlink = false;
                _fCntUpReserve = 0;
                _counterExhausted = false;
            }
        }

        /// <summary>The region's defaults with the user's data rate, power, RX2 and channel list (guide 3.2).</summary>
        private void ResetParameters()
        {
            _params.Reset(_region, _settings.DataRate, _settings.TxPowerIndex, _settings.Rx2DataRate, _settings.Rx2FrequencyHz);
            _plan.Reset();
            if (_settings.Channels != null && _settings.Channels.Trim().Length > 0)
            {
                var e = _plan.ApplyChannelList(_settings.Channels, _scratchMask, out int position);
                if (e != Regions.ChannelListError.None)
                {
                    _log.Warning("lorawan").Append("channel list '").Append(_settings.Channels).Append("': ")
                        .Append(Regions.ChannelListSyntax.Describe(e, position, _plan.Count, _settings.Channels)).Append("; using the region's channels");
                    _log.End();
                }
                else if (_plan.EnabledCount() == 0)
                {
                    _log.Warning("lorawan").Append("channel list '").Append(_settings.Channels).Append("' enables no channel of ").Append(_region.Name)
                        .Append("; using the region's channels");
                    _log.End();
                    _plan.Reset();
                }
            }

            _adr.Reset();
            _handler.ClearAnswers();
            _handler.ClearSticky();
        }

        private void TryJoin()
        {
            if (_devNonce > MaxDevNonce)
            {
                Halt("every DevNonce has been used: this AppKey cannot join again");
                return;
            }

            long now = _clock.NowMicros;
            int ch = _selector.PickJoin(_plan, _duty, now, out int dr, out long earliest);
            if (ch < 0)
            {
                WaitFor(earliest == long.MaxValue ? now + RadioRetryMicros : earliest, earliest == long.MaxValue ? "no enabled channel for a join" : null);
                return;
            }

            long airtime = Airtime(dr, JoinRequest.Length);
            long start = _joinBackoff.EarliestStart(now, airtime);
            if (start > now)
            {
                WaitFor(start, null);
                return;
            }

            // The reserve is on flash before a DevNonce under it goes out: one the flash refused could come again after a
            // power cut, and a join server refuses a DevNonce it has seen.
            if (_devNonce >= _devNonceReserve)
            {
                if (!_store.SaveDevNonce(_devNonce + MacStore.Reserve))
                {
                    WaitFor(now + RadioRetryMicros, "DevNonce reserve not saved (" + _store.LastFailure + "): no JoinRequest until it is, next try in 60 s");
                    return;
                }

                _devNonceReserve = _devNonce + MacStore.Reserve;
            }

            _requestNonce = (ushort)_devNonce;
            _devNonce++;
            _txLength = JoinRequest.Build(_crypto, _settings.AppKey, _settings.AppEui, _settings.DevEui, _requestNonce, _txBuffer, 0);
            _txIsJoin = true;
            Transmit(ch, dr, airtime);
            _joinAttempts++;
            Statistics.JoinRequests++;
            _selector.OnJoinSent(_plan, ch);

            // Random part of the spacing (TR007): up to a quarter of it, so sockets that lost power together drift apart.
            long spacingMs = airtime * _joinBackoff.DivisorAt(now) / 4000;
            _joinBackoff.OnJoinSent(now, airtime, 1000L * _selector.NextInt(spacingMs > int.MaxValue ? int.MaxValue : (int)spacingMs));
            if (LogFrames)
            {
                _log.Line("lorawan").Append("JoinRequest ").Append(_joinAttempts).Append(" DevNonce ").Append(_requestNonce).Append(" on ").Mhz(_tx.FrequencyHz)
                    .Append(" DR").Append(dr);
                _log.End();
            }

            _events.OnJoinRequestSent(_joinAttempts);
        }

        /// <summary>A JoinAccept in a join's RX1/RX2: MIC under the AppKey, then the session it starts.</summary>
        private bool AcceptJoin(byte[] frame, int count)
        {
            FrameError e = _accept.Accept(_crypto, _settings.AppKey, frame, 0, count);
            if (e != FrameError.None)
            {
                Reject(e);
                return false;
            }

            ResetParameters();
            _accept.StartSession(_crypto, _settings.AppKey, _requestNonce, _session);
            if (_accept.Rx1DrOffset <= _region.MaxRx1DrOffset)
            {
                _params.Rx1DrOffset = _accept.Rx1DrOffset;
            }

            if (_region.IsDownlinkDataRate(_accept.Rx2DataRate) && _region.IsLoRa(_accept.Rx2DataRate))
            {
                _params.Rx2DataRate = _accept.Rx2DataRate;
            }

            _params.RxDelaySeconds = _accept.RxDelaySeconds;
            if (_accept.HasCFList && !_plan.ApplyCFList(_accept.CFList, 0))
            {
                _log.Warning("lorawan").Append("JoinAccept CFList of type ").Append(_accept.CFListType).Append(" does not fit ").Append(_region.Name).Append(": ignored");
                _log.End();
            }

            _fCntUpReserve = 0;
            _counterExhausted = false;
            _linkChecksUnanswered = 0;
            _joined = true;
            Saved(_store.SaveSession(true, _session, _params, _plan) && _store.SaveCounters(_fCntUpReserve, _session, _multicast), "new session");
            Statistics.Joins++;
            _log.Line("lorawan").Append("joined: DevAddr ").Hex32(_session.DevAddr).Append(" after ").Append(_joinAttempts).Append(" JoinRequest(s), RX1 offset ")
                .Append(_params.Rx1DrOffset).Append(", RX2 DR").Append(_params.Rx2DataRate).Append(", RX delay ").Append(_params.RxDelaySeconds).Append(" s");
            _log.End();
            _joinAttempts = 0;
            return true;
        }

        /// <summary>A new join (OTAA): the old session is forgotten, queued uplinks fail, the join procedure starts over.</summary>
        private void Rejoin()
        {
            _joined = false;
            _sessionAnnounced = false;
            Saved(_store.EraseSession(), "erase of the old session");
            CloseFrameAndQueue();
            ResetParameters();
            _selector.ResetJoin();
            _joinAttempts = 0;
            _linkChecksUnanswered = 0;
            _log.Info("lorawan", "joining again");
            RequestTransmit(_clock.NowMicros + Second * (1 + _selector.NextInt(3)));
        }

        /// <summary>A counter can go no further: OTAA joins again, ABP stops (new keys are needed).</summary>
        private void CounterExhausted()
        {
            _counterExhausted = false;
            if (_otaa)
            {
                _log.Warn("lorawan", "frame counter exhausted at 2^32: joining again for new session keys");
                Rejoin();
                return;
            }

            CloseFrameAndQueue();
            _joined = false;
            Halt("ABP frame counter exhausted at 2^32: no frame may be sent again with these keys; set new ABP keys");
        }

        /// <summary>Logs a record the flash refused; the MAC goes on with what it holds in memory.</summary>
        private void Saved(bool ok, string what)
        {
            if (!ok)
            {
                _log.Warn("lorawan", what + " not saved (" + _store.LastFailure + ")");
            }
        }

        private void Halt(string why)
        {
            _state = MacState.Halted;
            _clock.Cancel(_txTimer);
            _clock.Cancel(_rx1Timer);
            _clock.Cancel(_rx2Timer);
            _clock.Cancel(_rx2EndTimer);
            _radio.Sleep();
            _log.Warning("lorawan").Append("stopped: ").Append(why);
            _log.End();
        }

    }
}
