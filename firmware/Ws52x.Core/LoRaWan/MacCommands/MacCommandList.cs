using Ws52x.LoRaWan.Frames;

namespace Ws52x.LoRaWan.MacCommands
{
    /// <summary>
    /// The MAC commands of one frame, parsed by <see cref="MacCommandCodec"/> into preallocated slots. When parsing
    /// stopped early, <see cref="Error"/> says why and <see cref="StoppedAtCid"/>/<see cref="StoppedAtOffset"/> say where;
    /// the commands before it are still valid (the spec: an unknown CID ends processing of the rest).
    /// </summary>
    public sealed class MacCommandList
    {
        /// <summary>15 bytes of FOpts or up to 242 of FPort-0 payload hold at most this many zero-length commands.</summary>
        public const int MaxCapacity = 64;

        private readonly MacCommand[] _items;

        /// <summary>Room for every command a frame can carry (tools, the network side).</summary>
        public MacCommandList()
            : this(MaxCapacity)
        {
        }

        /// <summary>Room for <paramref name="capacity"/> commands; parsing stops there (<see cref="FrameError.BufferTooSmall"/>).</summary>
        public MacCommandList(int capacity)
        {
            _items = new MacCommand[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _items[i] = new MacCommand();
            }
        }

        public int Capacity => _items.Length;

        public int Count { get; private set; }

        public FrameError Error { get; internal set; }

        public int StoppedAtCid { get; internal set; }

        public int StoppedAtOffset { get; internal set; }

        public MacCommand this[int index] => _items[index];

        internal void Clear()
        {
            Count = 0;
            Error = FrameError.None;
            StoppedAtCid = -1;
            StoppedAtOffset = -1;
        }

        internal MacCommand Add()
        {
            MacCommand c = _items[Count++];
            c.Reset();
            return c;
        }

        internal bool IsFull => Count == Capacity;
    }
}
