using System;
using Ws52x.Host.Trace;
using Ws52x.LoRaWan.Mac;
using Ws52x.Socket;

namespace Ws52x.Host.Board
{
    /// <summary>The host board's part of the --trace: what flows, the relay, the LED, and the radio's air and rx records.</summary>
    public sealed partial class HostBoard
    {
        private RadioTrace _radioTrace;

        // Frames on the air from the start; the chip's receive windows from each boot on (Boot hands the new chip over).
        private void WatchAirForTrace()
        {
            if (_options.Trace != null)
            {
                _radioTrace = new RadioTrace(_options.Trace, Clock, () => Firmware == null ? ReceiveWindow.None : Firmware.MacWindow);
                _radioTrace.Watch(Air);
            }
        }

        private void OnLedPin(bool lit)
        {
            Trace?.Begin(Clock.NowMicros, "led").Field("on", lit).End();
        }

        private void OnRelaySwitched(bool on, SwitchCause cause)
        {
            Trace?.Begin(Clock.NowMicros, "relay").Field("on", on).Field("cause", SwitchCauses.Name(cause)).End();
        }

        // A "current" record whenever what flows through the socket changes (load, relay, mains).
        private void TraceCurrent()
        {
            Chip.AdvanceTo(Clock.NowMicros);
            long milliamps = (long)Math.Round(Chip.TrueLoad.Amps * 1000);
            if (milliamps != _tracedMilliamps)
            {
                _tracedMilliamps = milliamps;
                Trace?.Begin(Clock.NowMicros, "current").Field("mA", milliamps).End();
            }
        }

        // A load that changes by itself (a kettle's cycle) is watched at its own change times.
        private void WatchLoad()
        {
            Chip.AdvanceTo(Clock.NowMicros);
            long next = Chip.NextLoadChangeMicros;
            _loadWatchAt = next;
            if (next != long.MaxValue)
            {
                At(next, () =>
                {
                    if (_loadWatchAt == next)
                    {
                        TraceCurrent();
                        WatchLoad();
                    }
                });
            }
        }
    }
}
