// APIs used here, checked against the nanoFramework sources:
//   System.Random() and Random.NextBytes(byte[])
//     - nanoFramework.CoreLibrary 1.17.11 mscorlib (lib/mscorlib.xml lists M:System.Random.NextBytes(System.Byte[]))
//   On ESP32 every System.Random draws from the hardware generator: CLR_RT_Random::NextBytes calls esp_random() and
//   the seed is ignored - nanoframework/nf-interpreter targets/ESP32/_nanoCLR/targetRandom.cpp.
using System;
using Ws52x.Platform;

namespace Ws52x.Esp32.Adapters
{
    /// <summary>
    /// Random bytes from the ESP32 hardware RNG, through System.Random (nanoFramework maps it to esp_random()).
    /// Espressif rates esp_random() as true random only while Wi-Fi/Bluetooth (or the boot entropy source) runs, which
    /// is not the case in this app; its output is then pseudo-random, which suits what the core draws it for (LoRaWAN
    /// 1.0.x DevNonce, jitter, channel choice) but would not suit key generation.
    /// </summary>
    public sealed class HardwareRandom : IRandomSource
    {
        private readonly Random _random = new Random();
        private readonly byte[] _scratch = new byte[16];

        public void NextBytes(byte[] buffer, int offset, int count)
        {
            // NextBytes fills a whole array, so draw into a small scratch buffer and copy the requested slice.
            lock (_scratch)
            {
                while (count > 0)
                {
                    _random.NextBytes(_scratch);
                    int n = count < _scratch.Length ? count : _scratch.Length;
                    Array.Copy(_scratch, 0, buffer, offset, n);
                    offset += n;
                    count -= n;
                }
            }
        }
    }
}
