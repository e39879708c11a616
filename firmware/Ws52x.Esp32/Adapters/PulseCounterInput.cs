// APIs used here, checked against the nanoFramework sources:
//   System.Device.Gpio.GpioPulseCounter(int pinNumberA, int pinNumberB = -1); .Polarity; .FilterPulses; .Start(); .Read()
//   GpioPulseCount.Count (long), GpioPulseCount.RelativeTime (TimeSpan); GpioPulsePolarity.Rising
//     - nanoframework/nanoFramework.Hardware.Esp32 v1.6.42: nanoFramework.Hardware.Esp32/Gpio/Gpio\u200BPulseCounter.cs,
//       Gpio/GpioPulseCount.cs, Gpio/GpioPulsePolarity.cs. The class lives in that package, in namespace
//       System.Device.Gpio; its source spells the name with a zero-width space after "Gpio", which C# ignores in
//       identifiers, so "GpioPulseCounter" binds to it.
//   Native side (nanoframework/nf-interpreter targets/ESP32/_nanoCLR/nanoFramework.Hardware.ESP32/
//     nanoFramework_hardware_esp32_native_System_Device_Gpio_GpioPulseCounter.cpp): the 16-bit PCNT unit has watch
//     points at +-0x7fff whose interrupt adds to a 64-bit overflow count, so Count is already a running 64-bit total;
//     FilterPulses goes to max_glitch_ns; RelativeTime is esp_timer_get_time() in ticks (microseconds x 10), the same
//     base as HighResTimer.GetCurrent().
using System.Device.Gpio;
using Ws52x.Platform;

namespace Ws52x.Esp32.Adapters
{
    /// <summary>
    /// HLW8012/BL0937 CF or CF1 on an ESP32 hardware pulse counter (PCNT): rising edges counted in hardware, read with
    /// the time of the reading. The PCNT cannot timestamp single edges, so lastEdgeMicros is always -1.
    /// </summary>
    public sealed class PulseCounterInput : IPulseInput
    {
        // Glitch filter: pulses shorter than this are ignored. The managed doc speaks of APB cycles, but the native code
        // passes the value to ESP-IDF as pcnt_glitch_filter_config_t.max_glitch_ns, i.e. nanoseconds (0..1023 accepted).
        // 1 us rejects the nanosecond spikes of relay switching; kept short because CF pulse widths differ between
        // HLW8012 and BL0937 parts.
        private const ushort GlitchFilterNanos = 1000;

        // What one 16-bit wrap adds to the native total (the watch points are at +-0x7fff).
        private const long WrapPulses = 0x7fff;

        // No HLW8012/BL0937 CF or CF1 comes near 100 kHz: a rise of a wrap or more faster than that is a miscounted wrap.
        private const long MinMicrosPerPulse = 10;

        private readonly GpioPulseCounter _counter;
        private readonly object _lock = new object();
        private long _highestRaw;
        private long _lastReadMicros = long.MinValue;

        public PulseCounterInput(int pinNumber)
        {
            _counter = new GpioPulseCounter(pinNumber);
            _counter.Polarity = GpioPulsePolarity.Rising;
            _counter.FilterPulses = GlitchFilterNanos;
            _counter.Start();
        }

        public long Read(out long readMicros, out long lastEdgeMicros)
        {
            GpioPulseCount reading = _counter.Read();
            long now = reading.RelativeTime.Ticks / 10;
            readMicros = now;
            lastEdgeMicros = -1;

            // The native total is 64-bit already, but not read atomically: between the 16-bit unit wrapping to 0 and
            // its watch-point interrupt adding 0x7fff to the overflow total, a read comes out 32,767 low; and a wrap
            // between reading the count and reading the total makes it 32,767 high. The next read is right again. So a
            // count below the highest seen (this adapter never resets the counter), or a wrap's worth above it sooner
            // than the chip can pulse, is passed over: the reading after it counts from the highest, so no pulse is
            // lost or counted twice.
            lock (_lock)
            {
                long rise = reading.Count - _highestRaw;
                bool tooFast = rise >= WrapPulses && _lastReadMicros != long.MinValue && now - _lastReadMicros < rise * MinMicrosPerPulse;
                _lastReadMicros = now;
                if (rise > 0 && !tooFast)
                {
                    _highestRaw = reading.Count;
                }

                return _highestRaw;
            }
        }
    }
}
