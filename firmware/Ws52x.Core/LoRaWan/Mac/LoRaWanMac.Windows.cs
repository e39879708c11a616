using Ws52x.Config;
using Ws52x.Loop;
using Ws52x.Radio;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// The radio's side: after each uplink RX1 at RECEIVE_DELAY1 (JOIN_ACCEPT_DELAY1) on the region's RX1 channel and
    /// data rate, RX2 one second later on the RX2 parameters, each opened early enough for the clock and loop budget of
    /// <see cref="RxWindowTiming"/>. Class C listens on RX2 whenever it neither transmits nor listens in RX1, and goes
    /// back to it after every uplink and every RX1.
    /// </summary>
    internal sealed partial class LoRaWanMac
    {
        private int _rx1Symbols;
        private int _frameSnrDb;
        private int _frameRssiDbm;
        private int _rx2Symbols;
        private long _rx2WindowMicros;
        private bool _rx1Possible;

        /// <summary>Class C once a session exists; joins are always Class A.</summary>
        private bool ClassCActive => _joined && _settings.Class == DeviceClass.C && !_txIsJoin;

        public void OnRadioReady(long timestampMicros)
        {
            RadioObserver?.OnRadioReady(timestampMicros);
            _radioReady = true;
            _state = MacState.Idle;
            _log.Line("lorawan").Append("radio ready, ").Append(_region.Name).Append(", class ").Append(_settings.Class == DeviceClass.C ? "C" : "A");
            _log.End();
            long now = _clock.NowMicros;
            if (_joined)
            {
                if (!_sessionAnnounced)
                {
                    _sessionAnnounced = true;
                    _events.OnJoined();
                }

                StartClassC();
                RequestTransmit(now);
            }
            else if (_otaa)
            {
                // A few seconds of random wait, so that sockets powered up together do not all join at once.
                RequestTransmit(now + 1000L * _selector.NextInt(3000));
            }
        }

        public void OnRadioFault(string message)
        {
            RadioObserver?.OnRadioFault(message);
            Statistics.RadioFaults++;
            _radioReady = false;
            _clock.Cancel(_rx1Timer);
            _clock.Cancel(_rx2Timer);
            _clock.Cancel(_rx2EndTimer);
            if (_state != MacState.Halted)
            {
                _state = MacState.Stopped;
            }

            _log.Warning("lorawan").Append("no radio (").Append(message).Append("): next try in ").Append(RadioRetryMicros / Second).Append(" s");
            _log.End();
            _clock.Schedule(_radioTimer, _clock.NowMicros + RadioRetryMicros);
        }

        public void OnTxDone(long timestampMicros)
        {
            if (_state != MacState.Transmitting)
            {
                return;
            }

            long end = _clock.FromRadioTime(timestampMicros);
            long delay1 = _txIsJoin ? JoinAcceptDelay1Micros : _params.RxDelaySeconds * Second;
            long delay2 = delay1 + Second;
            int rx1Dr = _region.Rx1DataRate(_txDr, _txIsJoin ? 0 : _params.Rx1DrOffset, _params.DownlinkDwell);
            _rx1Possible = rx1Dr >= 0 && _region.IsLoRa(rx1Dr);
            if (_rx1Possible)
            {
                long early1 = ConfigureWindow(_rx1, _plan.Rx1Frequency(_txChannel), rx1Dr, delay1, out _rx1Symbols);
                _clock.Schedule(_rx1Timer, end + delay1 - early1);
            }

            long early2 = ConfigureWindow(_rx2, _params.Rx2FrequencyHz, _params.Rx2DataRate, delay2, out _rx2Symbols);
            _rx2WindowMicros = early2 + _rx2Symbols * LoRaAirtime.SymbolTimeMicros(_rx2.SpreadingFactor, _rx2.BandwidthHz);
            _clock.Schedule(_rx2Timer, end + delay2 - early2);
            _state = _rx1Possible ? MacState.WaitRx1 : MacState.WaitRx2;
            if (ClassCActive)
            {
                _radio.StartReceiveContinuous(_rx2);
            }
        }

        public void OnRxDone(byte[] buffer, int count, RadioPacketInfo info)
        {
            // DevStatusAns reports the SNR of the frame that asked, rounded to the nearest dB (1.0.3 5.5).
            int q = info.SnrQuarterDb;
            _frameSnrDb = q >= 0 ? (q + 2) / 4 : -((-q + 2) / 4);
            _frameRssiDbm = info.RssiDbm;
            MacState s = _state;
            if (s == MacState.Rx1 || (s == MacState.Rx2 && !ClassCActive))
            {
                // A single receive: the radio stopped with this frame.
                if (HandleFrame(buffer, count, true))
                {
                    EndTransaction(true);
                }
                else if (s == MacState.Rx1)
                {
                    AfterRx1();
                }
                else
                {
                    EndTransaction(false);
                }

                return;
            }

            // Class C's continuous RX2: inside the transaction's RX2 window it is the Class A answer, otherwise a Class C downlink.
            bool inWindow = s == MacState.Rx2;
            bool ours = HandleFrame(buffer, count, inWindow);
            if (ours && inWindow)
            {
                EndTransaction(true);
            }
            else if (ours && _state == MacState.Idle)
            {
                if (_acked && _frameOpen)
                {
                    Complete(UplinkOutcome.Acknowledged);
                }

                RequestTransmit(_clock.NowMicros);
            }
        }

        public void OnRxTimeout(long timestampMicros)
        {
            Statistics.RxTimeouts++;
            NoFrame();
        }

        /// <summary>A frame with a bad payload CRC: for a window it is as if nothing came.</summary>
        public void OnRxError(RadioPacketInfo info)
        {
            NoFrame();
        }

        private void NoFrame()
        {
            if (_state == MacState.Rx1)
            {
                AfterRx1();
            }
            else if (_state == MacState.Rx2 && !ClassCActive)
            {
                EndTransaction(false);
            }
        }

        private void OnRx1Timer(LoopTimer timer)
        {
            if (_state == MacState.WaitRx1)
            {
                _radio.StartReceiveSingle(_rx1, _rx1Symbols);
                _state = MacState.Rx1;
            }
        }

        private void OnRx2Timer(LoopTimer timer)
        {
            if (_state == MacState.Rx1)
            {
                return; // RX1 still receiving a frame: RX2 is skipped, AfterRx1 ends the transaction
            }

            if (_state != MacState.WaitRx2)
            {
                return;
            }

            _state = MacState.Rx2;
            if (ClassCActive)
            {
                // RX2 is already open; its Class A window lasts as long as a single RX2 would listen. A frame found in it
                // and still arriving afterwards is handled as a Class C downlink (an ACK in it still counts).
                _clock.Schedule(_rx2EndTimer, _clock.NowMicros + _rx2WindowMicros);
            }
            else
            {
                _radio.StartReceiveSingle(_rx2, _rx2Symbols);
            }
        }

        private void OnRx2EndTimer(LoopTimer timer)
        {
            if (_state == MacState.Rx2)
            {
                EndTransaction(false);
            }
        }

        /// <summary>RX1 is over without a frame for us: wait for RX2 (Class C: back on RX2 at once).</summary>
        private void AfterRx1()
        {
            if (!_rx2Timer.IsScheduled)
            {
                EndTransaction(false); // RX1 ran past RX2's time with someone else's frame
                return;
            }

            _state = MacState.WaitRx2;
            if (ClassCActive)
            {
                _radio.StartReceiveContinuous(_rx2);
            }
        }

        private void EndTransaction(bool downlink)
        {
            _clock.Cancel(_rx1Timer);
            _clock.Cancel(_rx2Timer);
            _clock.Cancel(_rx2EndTimer);
            _state = MacState.Idle;
            long now = _clock.NowMicros;
            long next = now;
            if (_txIsJoin)
            {
                if (_joined)
                {
                    _txIsJoin = false;
                    _sessionAnnounced = true;
                    StartClassC();
                    _events.OnJoined();
                }

                RequestTransmit(now);
                return;
            }

            next = AfterDataTransaction(downlink, now);
            if (_state == MacState.Idle)
            {
                StartClassC();
                RequestTransmit(next);
            }
        }

        /// <summary>Class C: RX2 open whenever nothing else uses the radio.</summary>
        private void StartClassC()
        {
            if (!ClassCActive || !_radioReady || _state != MacState.Idle)
            {
                return;
            }

            // Already listening there (the end of a Class C RX2 window): restarting would drop a frame in progress.
            if (_radio.State == RadioState.ReceivingContinuous && _rx2.FrequencyHz == _params.Rx2FrequencyHz
                && _rx2.SpreadingFactor == _region.SpreadingFactor(_params.Rx2DataRate) && _rx2.BandwidthHz == _region.BandwidthHz(_params.Rx2DataRate))
            {
                return;
            }

            ConfigureWindow(_rx2, _params.Rx2FrequencyHz, _params.Rx2DataRate, Second, out _);
            _radio.StartReceiveContinuous(_rx2);
        }

        /// <summary>Sets a window's channel and returns how early (device µs) it opens; the symbol timeout comes out.</summary>
        private long ConfigureWindow(RadioRxConfig config, int frequencyHz, int dr, long delayMicros, out int symbols)
        {
            config.FrequencyHz = frequencyHz;
            config.SpreadingFactor = _region.SpreadingFactor(dr);
            config.BandwidthHz = _region.BandwidthHz(dr);
            config.InvertIq = true;
            long symbol = LoRaAirtime.SymbolTimeMicros(config.SpreadingFactor, config.BandwidthHz);
            symbols = RxWindowTiming.SymbolTimeout(symbol, delayMicros, _radio.WakeupMicros, RxWindowTiming.LoopLatencyMicros, _radio.MaxSymbolTimeout);
            return RxWindowTiming.OpenEarlyMicros(delayMicros, _radio.WakeupMicros, RxWindowTiming.LoopLatencyMicros);
        }
    }
}
