using System;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Mac;
using Ws52x.Platform;
using Ws52x.Radio.Sx127x;
using Ws52x.Util;

namespace Ws52x.Host.Trace
{
    /// <summary>
    /// The radio's part of the trace, from what the hardware did, never from what the host expects the MAC to do:
    /// an "air" record for every frame on the virtual air ({"t", "end", "kind": "air", "dir": "up"|"down", "freq",
    /// "sf", "bw", "hex"}), and an "rx" record for every receive the board's SX127x ran ({"t", "end", "kind": "rx",
    /// "window": "rx1"|"rx2"|"c", "freq", "sf", "bw"}), from the chip model's mode changes: from the moment it entered
    /// RX until it left it (timeout, frame received, the driver's next command, the board losing power). A continuous
    /// receive is "c"; a single receive is named by the MAC's own state at its start (waiting for or in RX1: "rx1";
    /// RX2: "rx2"). Frequencies in Hz, bandwidths in kHz, times in board µs.
    /// </summary>
    public sealed class RadioTrace
    {
        private readonly TraceWriter _trace;
        private readonly IMonotonicClock _clock;
        private readonly Func<ReceiveWindow> _macWindow;
        private Sx127xModel _radio;
        private long _ticket = -1;
        private string _window;
        private int _frequencyHz;
        private int _spreadingFactor;
        private int _bandwidthHz;

        /// <param name="window">The running firmware's MAC window (None while no MAC runs): it names a single receive.</param>
        public RadioTrace(TraceWriter trace, IMonotonicClock clock, Func<ReceiveWindow> window)
        {
            _trace = trace;
            _clock = clock;
            _macWindow = window;
        }

        /// <summary>Records every frame <paramref name="air"/> carries, at its start; uplinks are the frames a gateway did not send.</summary>
        public void Watch(VirtualAir air)
        {
            air.FrameStarted += OnFrameStarted;
        }

        /// <summary>Follows the receive windows of the board's chip (a new one at each boot).</summary>
        public void Watch(Sx127xModel radio)
        {
            Stop();
            _radio = radio;
            radio.ModeChanged = OnModeChanged;
        }

        /// <summary>The chip lost its supply, or the run ends: a window still open ends now.</summary>
        public void Stop()
        {
            CloseWindow();
            if (_radio != null)
            {
                _radio.ModeChanged = null;
                _radio = null;
            }
        }

        private void OnFrameStarted(AirTransmission frame)
        {
            _trace.Begin(frame.StartMicros, "air")
                .Field("end", frame.EndMicros)
                .Field("dir", frame.Sender is VirtualGateway ? "down" : "up")
                .Field("freq", frame.FrequencyHz)
                .Field("sf", frame.SpreadingFactor)
                .Field("bw", frame.BandwidthHz / 1000)
                .Field("hex", Hex.ToHex(frame.Payload, 0, frame.Length))
                .End();
        }

        private void OnModeChanged(Sx127xModel radio, Sx127xOpMode left)
        {
            if (radio != _radio)
            {
                return;
            }

            if (left == Sx127xOpMode.RxSingle || left == Sx127xOpMode.RxContinuous)
            {
                CloseWindow();
            }

            Sx127xOpMode mode = radio.Mode;
            if (radio.LoRaMode && (mode == Sx127xOpMode.RxSingle || mode == Sx127xOpMode.RxContinuous))
            {
                _window = mode == Sx127xOpMode.RxContinuous ? "c" : SingleWindow();
                _frequencyHz = radio.FrequencyHz;
                _spreadingFactor = radio.SpreadingFactor;
                _bandwidthHz = radio.BandwidthHz;
                _ticket = _trace.Reserve(_clock.NowMicros, "rx");
            }
        }

        // The MAC opens RX1 from WaitRx1 and RX2 in Rx2 (a single receive in any other state has never been seen).
        private string SingleWindow()
        {
            switch (_macWindow())
            {
                case ReceiveWindow.Rx1:
                    return "rx1";
                case ReceiveWindow.Rx2:
                    return "rx2";
                default:
                    return "single";
            }
        }

        private void CloseWindow()
        {
            if (_ticket < 0)
            {
                return;
            }

            _trace.Complete(_ticket)
                .Field("end", _clock.NowMicros)
                .Field("window", _window)
                .Field("freq", _frequencyHz)
                .Field("sf", _spreadingFactor)
                .Field("bw", _bandwidthHz / 1000)
                .End();
            _ticket = -1;
        }
    }
}
