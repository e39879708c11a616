namespace Ws52x.Platform
{
    /// <summary>Random bytes: the ESP32 hardware RNG on the device, a seeded generator on the host (DevNonce, jitter, channel choice).</summary>
    public interface IRandomSource
    {
        void NextBytes(byte[] buffer, int offset, int count);
    }
}
