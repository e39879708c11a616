using Ws52x.Platform;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// A xorshift32 generator for boards that hand the MAC no random source. Good enough to spread channels and
    /// back-off; not for keys (the MAC derives none).
    /// </summary>
    internal sealed class PseudoRandom : IRandomSource
    {
        private uint _state;

        public PseudoRandom(uint seed)
        {
            _state = seed == 0 ? 0x9E3779B9 : seed;
        }

        public void NextBytes(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _state ^= _state << 13;
                _state ^= _state >> 17;
                _state ^= _state << 5;
                buffer[offset + i] = (byte)_state;
            }
        }
    }
}
