using System;
using Ws52x.Platform;

namespace Ws52x.Host.Board
{
    /// <summary>Random bytes from a seed, so a host-board run or a test can be repeated exactly.</summary>
    public sealed class SeededRandom : IRandomSource
    {
        private readonly Random _random;

        public SeededRandom(int seed)
        {
            _random = new Random(seed);
        }

        public void NextBytes(byte[] buffer, int offset, int count)
        {
            _random.NextBytes(buffer.AsSpan(offset, count));
        }
    }
}
