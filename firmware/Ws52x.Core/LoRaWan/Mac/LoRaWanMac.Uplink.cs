using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.MacCommands;
using Ws52x.Loop;
using Ws52x.Radio;
using Ws52x.Util;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// Uplinks: what the next frame carries (the application's head of queue, MAC answers in FOpts, or the answers
    /// alone on port 0 when they do not fit), on which channel and data rate, its repetitions (confirmed: resent after
    /// ACK_TIMEOUT up to three times; unconfirmed: NbTrans), and what follows once it is done (FCntUp, ADR, link checks).
    /// </summary>
    internal sealed partial class LoRaWanMac
    {
        private bool _frameOpen;
        private bool _frameCarriesApp;
        private bool _frameConfirmed;
        private bool _frameHasLinkCheck;
        private int _framePort;
        private int _transmissions;
        private bool _acked;
        private bool _downlinkSinceFrame;
        private bool _answerWanted;
        private bool _ackPending;
        private bool _linkCheckDue;
        private int _linkChecksUnanswered;
        private uint _fCntUpReserve;
        private bool _counterExhausted;
        private bool _txIsJoin;
        private int _txLength;
        private int _txChannel;
        private int _txDr;

        private void OnTxTimer(LoopTimer timer)
        {
            if (_state != MacState.Idle || !_radioReady)
            {
                return; // the end of the transaction in progress asks again
            }

            if (!_joined)
            {
                if (_otaa)
                {
                    TryJoin();
                }

                return;
            }

            if (_counterExhausted)
            {
                CounterExhausted();
                return;
            }

            if (!_frameOpen && !OpenFrame())
            {
                return;
            }

            SendFrame();
        }

        /// <summary>Builds the next frame with FCnt = FCntUp; false when there is nothing to send.</summary>
        private bool OpenFrame()
        {
            if (_settings.Adr && AdrBackoff())
            {
                return false; // the link is lost: a rejoin (or nothing, for ABP) follows
            }

            int dr = CurrentDataRate();
            int n = _region.MaxPayload(dr, _params.UplinkDwell);
            bool app = _queue.Count > 0;
            if (app && _queue.HeadLength > n)
            {
                // The data rate dropped (ADR back-off) below what this payload needs: it cannot go. Say so, and send an
                // empty frame in its place so that the network still hears the device (and its ADRACKReq).
                _log.Warning("lorawan").Append("uplink of ").Append(_queue.HeadLength).Append(" bytes on port ").Append(_queue.HeadPort)
                    .Append(" does not fit DR").Append(dr).Append(" (max ").Append(n).Append("): not sent");
                _log.End();
                int port = _queue.HeadPort;
                _queue.DropHead();
                _events.OnUplinkDone(port, UplinkOutcome.Failed);
                app = false;
                _answerWanted = true;
            }

            // Rejoin mode's link check rides on the next report (never a frame of its own).
            bool linkCheck = _otaa && _settings.RejoinMode && app && (_linkCheckDue || _socket.ReportingIntervalSeconds > 30 * 60);
            if (linkCheck && _handler.RequestLinkCheck())
            {
                _linkCheckDue = false;
                _frameHasLinkCheck = true;
                _answerWanted = true;
            }

            // Without application data a frame still goes to carry an ACK, answers, or to open windows (FPending).
            if (!app && !_ackPending && !_answerWanted)
            {
                return false;
            }

            int fctrl = (_settings.Adr ? FCtrl.Adr : 0) | (_settings.Adr && _adr.AckRequest ? FCtrl.AdrAckReq : 0) | (_ackPending ? FCtrl.Ack : 0);
            int m = _handler.CopyPending(_macPayload, 0);
            int length;
            _frameCarriesApp = false;
            _frameConfirmed = false;
            if (m > FCtrl.MaxFOptsLength || (app && _queue.HeadLength + m > n))
            {
                // Answers alone on port 0, as many whole commands as this data rate carries; the application frame is next.
                m = WholeCommands(_macPayload, m, n);
                length = _builder.BuildUplink(_session, false, fctrl, null, 0, 0, 0, _macPayload, 0, m, _txBuffer, 0);
            }
            else if (app)
            {
                _frameCarriesApp = true;
                _frameConfirmed = _queue.HeadConfirmed;
                _framePort = _queue.HeadPort;
                length = _builder.BuildUplink(_session, _frameConfirmed, fctrl, _macPayload, 0, m, _framePort, _queue.Pool, _queue.HeadOffset,
                    _queue.HeadLength, _txBuffer, 0);
            }
            else
            {
                length = _builder.BuildUplink(_session, false, fctrl, _macPayload, 0, m, -1, null, 0, 0, _txBuffer, 0);
            }

            _answerWanted = false;
            if (length < 0)
            {
                _log.Warning("lorawan").Append("uplink not built: ").Append(FrameErrors.Message(_builder.LastError));
                _log.End();
                _handler.ClearAnswers();
                return false;
            }

            _txLength = length;
            _frameOpen = true;
            _transmissions = 0;
            _acked = false;
            _downlinkSinceFrame = false;
            return true;
        }

        /// <summary>Puts the open frame on the air (first time or repetition) once a channel's duty cycle allows.</summary>
        private void SendFrame()
        {
            long now = _clock.NowMicros;
            int dr = CurrentDataRate();
            int ch = _selector.Pick(_plan, _duty, dr, now, out long earliest);
            if (ch < 0)
            {
                WaitFor(earliest == long.MaxValue ? now + RadioRetryMicros : earliest, earliest == long.MaxValue ? "no enabled channel carries DR" + dr.ToString() : null);
                return;
            }

            if (_transmissions == 0)
            {
                if (!ReserveCounter())
                {
                    WaitFor(now + RadioRetryMicros, "FCntUp reserve not saved (" + _store.LastFailure + "): nothing is sent until it is, next try in 60 s");
                    return;
                }

                _adr.OnUplinkSent();
            }

            _txIsJoin = false;
            Transmit(ch, dr, Airtime(dr, _txLength));
            _transmissions++;
            Statistics.Transmissions++;
            if (_transmissions == 1)
            {
                // Once-only answers and the ACK went out with this frame (its repetitions carry the same bytes).
                _handler.ClearAnswers();
                _ackPending = false;
            }
            else
            {
                Statistics.Repetitions++;
            }

            if (LogFrames)
            {
                TextBuffer line = _log.Line("lorawan").Append(_frameConfirmed ? "confirmed" : "uplink").Append(" FCnt ").Append(_session.FCntUp);
                if (_frameCarriesApp)
                {
                    line.Append(" port ").Append(_framePort);
                }

                line.Append(' ').Append(_txLength).Append(" bytes on ").Mhz(_tx.FrequencyHz).Append(" DR").Append(dr);
                if (_transmissions > 1)
                {
                    line.Append(" (transmission ").Append(_transmissions).Append(')');
                }

                _log.End();
            }
        }

        private void Transmit(int ch, int dr, long airtime)
        {
            long now = _clock.NowMicros;
            _tx.FrequencyHz = _plan.Frequency(ch);
            _tx.SpreadingFactor = _region.SpreadingFactor(dr);
            _tx.BandwidthHz = _region.BandwidthHz(dr);
            _tx.InvertIq = false;
            _tx.CrcOn = true;
            _tx.PowerDbm = ConductedPowerDbm(_tx.FrequencyHz);
            _duty.OnTransmit(_region, _region.BandOf(_tx.FrequencyHz), now, airtime, _txIsJoin ? 0 : _params.MaxDutyCycle);
            _txChannel = ch;
            _txDr = dr;
            _state = MacState.Transmitting;
            _radio.StartTransmit(_txBuffer, 0, _txLength, _tx);
        }

        /// <summary>The transaction of this frame is over: decide between another transmission and done.</summary>
        private long AfterDataTransaction(bool downlink, long now)
        {
            if (!_frameOpen)
            {
                return now;
            }

            if (_frameConfirmed)
            {
                if (_acked)
                {
                    Complete(UplinkOutcome.Acknowledged);
                }
                else if (_transmissions < ConfirmedTransmissions)
                {
                    // ACK_TIMEOUT: 2 s ± 1 s after RX2, random.
                    return now + Second + 1000L * _selector.NextInt(2001);
                }
                else
                {
                    Complete(UplinkOutcome.Failed);
                }
            }
            else if (downlink || _transmissions >= _params.NbTrans)
            {
                Complete(UplinkOutcome.Sent);
            }

            return now;
        }

        /// <summary>The frame is done: FCntUp moves on, ADR counts it, the application hears how it went.</summary>
        private void Complete(UplinkOutcome outcome)
        {
            bool app = _frameCarriesApp;
            int port = _framePort;
            bool linkLost = false;
            _frameOpen = false;
            _frameCarriesApp = false;
            _frameConfirmed = false;
            if (_frameHasLinkCheck)
            {
                _frameHasLinkCheck = false;
                if (!_downlinkSinceFrame && ++_linkChecksUnanswered >= (_settings.RejoinPackets > 0 ? _settings.RejoinPackets : 32))
                {
                    _log.Warning("lorawan").Append(_linkChecksUnanswered).Append(" link checks without an answer");
                    _log.End();
                    linkLost = true;
                }
            }

            if (_session.FCntUp == uint.MaxValue)
            {
                _counterExhausted = true;
            }
            else
            {
                _session.FCntUp++;
            }

            if (app)
            {
                _queue.DropHead();
                _events.OnUplinkDone(port, outcome);
            }

            if (linkLost)
            {
                LinkLost();
            }
        }

        /// <summary>ADR back-off before a new frame; true when it ended without an answer (the link is lost).</summary>
        private bool AdrBackoff()
        {
            int before = _params.DataRate * 10000 + _params.TxPowerIndex * 100 + _plan.EnabledCount();
            int nb = _params.NbTrans;
            bool lost = _adr.BeforeUplink(_params, _plan, _region);
            if (before != _params.DataRate * 10000 + _params.TxPowerIndex * 100 + _plan.EnabledCount() || nb != _params.NbTrans)
            {
                _log.Line("lorawan").Append("ADR back-off: DR").Append(_params.DataRate).Append(", power index ").Append(_params.TxPowerIndex)
                    .Append(", ").Append(_plan.EnabledCount()).Append(" channels");
                _log.End();
                Saved(_store.SaveSession(_otaa, _session, _params, _plan), "session");
            }

            if (!lost)
            {
                return false;
            }

            _log.Warn("lorawan", "ADR back-off ended without an answer from the network");
            LinkLost();
            return !_joined;
        }

        private void LinkLost()
        {
            _events.OnLinkLost();
            if (_otaa && _settings.RejoinMode)
            {
                Rejoin();
            }
        }

        /// <summary>
        /// Before FCnt c first goes out: when c reaches the persisted reserve, the reserve 16 ahead goes to flash first;
        /// false when the flash refused it (then c must not go out: after a power cut it could go out again).
        /// </summary>
        private bool ReserveCounter()
        {
            uint c = _session.FCntUp;
            if (c < _fCntUpReserve)
            {
                return true;
            }

            uint reserve = c > uint.MaxValue - MacStore.Reserve ? uint.MaxValue : c + MacStore.Reserve;
            if (!_store.SaveCounters(reserve, _session, _multicast))
            {
                return false;
            }

            _fCntUpReserve = reserve;
            return true;
        }

        /// <summary>Fails what was waiting (a rejoin or a halt): the application hears about each frame.</summary>
        private void CloseFrameAndQueue()
        {
            _frameOpen = false;
            _frameCarriesApp = false;
            _frameHasLinkCheck = false;
            _ackPending = false;
            _answerWanted = false;
            while (_queue.Count > 0)
            {
                int port = _queue.HeadPort;
                _queue.DropHead();
                _events.OnUplinkDone(port, UplinkOutcome.Failed);
            }
        }
    }
}
