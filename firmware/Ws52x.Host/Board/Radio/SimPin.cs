using Ws52x.Loop;
using Ws52x.Platform;

namespace Ws52x.Host.Board.Radio
{
    /// <summary>
    /// An input pin driven by a simulated chip: each level change goes to the edge sink at once, stamped with the
    /// loop clock's time, the way the ESP32 board stamps a GPIO interrupt.
    /// </summary>
    public sealed class SimPin : IDigitalInput
    {
        private readonly IMonotonicClock _clock;
        private IEdgeSink _sink;
        private bool _level;

        public SimPin(IMonotonicClock clock, string name)
        {
            _clock = clock;
            Name = name;
        }

        public string Name { get; }

        /// <summary>Rising edges seen so far (for tests and statistics).</summary>
        public int RisingEdges { get; private set; }

        public bool Read() => _level;

        public void SetEdgeSink(IEdgeSink sink)
        {
            _sink = sink;
        }

        /// <summary>Sets the level; an actual change is an edge for the sink.</summary>
        public void Drive(bool level)
        {
            if (level == _level)
            {
                return;
            }

            _level = level;
            if (level)
            {
                RisingEdges++;
            }

            _sink?.OnEdge(this, level, _clock.NowMicros);
        }

        public override string ToString() => Name;
    }

    /// <summary>An SPI bus with no chip on it: every byte clocked in reads as the MISO pull level (0x00 or 0xFF).</summary>
    public sealed class FloatingSpiBus : ISpiDevice
    {
        private readonly byte _value;

        public FloatingSpiBus(byte value)
        {
            _value = value;
        }

        public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer, int count)
        {
            for (int i = 0; i < count; i++)
            {
                readBuffer[i] = _value;
            }
        }
    }
}
