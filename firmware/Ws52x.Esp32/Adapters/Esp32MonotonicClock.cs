// APIs used here, checked against the nanoFramework sources:
//   nanoFramework.Hardware.Esp32.HighResTimer.GetCurrent() -> ulong, microseconds since boot
//     - nanoframework/nanoFramework.Hardware.Esp32 v1.6.42: nanoFramework.Hardware.Esp32/HighResTimer.cs
//     - native side is esp_timer_get_time(): nanoframework/nf-interpreter
//       targets/ESP32/_nanoCLR/nanoFramework.Hardware.ESP32/nanoFramework_hardware_esp32_native_Hardware_Esp32_HighResTimer.cpp
using nanoFramework.Hardware.Esp32;
using Ws52x.Platform;

namespace Ws52x.Esp32.Adapters
{
    /// <summary>
    /// The ESP32's 64-bit microsecond timer (esp_timer): monotonic, unaffected by setting the wall clock, and the same
    /// time base the pulse counter stamps its readings with. A static call, so it allocates nothing.
    /// </summary>
    public sealed class Esp32MonotonicClock : IMonotonicClock
    {
        // 2^63 microseconds is 292,000 years of uptime, so the cast to long never goes negative.
        public long NowMicros => (long)HighResTimer.GetCurrent();
    }
}
