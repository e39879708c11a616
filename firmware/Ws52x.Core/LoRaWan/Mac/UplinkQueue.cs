namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// The application's uplinks waiting for the radio, copied into one fixed pool of bytes (no allocation). Urgent
    /// frames (the power-outage alert) go before everything waiting; the head stays in place while it is being
    /// transmitted. The pool holds one frame of the largest payload, or many of the socket's (a report is 26 bytes).
    /// </summary>
    internal sealed class UplinkQueue
    {
        // Room for the basic information and a report split into 11-byte pieces at US915 DR0, with the outage alert besides.
        public const int Capacity = 8;
        public const int MaxPayload = 242;

        /// <summary>Bytes of all the frames waiting together: 242 and a little, not 8 x 242.</summary>
        public const int PoolSize = 256;

        private readonly byte[] _pool = new byte[PoolSize];
        private readonly int[] _offset = new int[Capacity];
        private readonly int[] _length = new int[Capacity];
        private readonly int[] _port = new int[Capacity];
        private readonly bool[] _confirmed = new bool[Capacity];

        // _order[0.._count) are slot numbers, head first; a slot's bytes are _pool[_offset.._offset+_length).
        private readonly int[] _order = new int[Capacity];
        private int _count;
        private int _used;

        public int Count => _count;

        public bool IsFull => _count == Capacity;

        /// <summary>
        /// Copies a frame in; false when the slots or the pool are full. <paramref name="behindHead"/>: the head is on the
        /// air, so an urgent frame goes right after it.
        /// </summary>
        public bool Enqueue(int port, byte[] data, int offset, int length, bool confirmed, bool urgent, bool behindHead)
        {
            if (_count == Capacity || length < 0 || length > MaxPayload || _used + length > PoolSize)
            {
                return false;
            }

            int slot = FreeSlot();
            System.Array.Copy(data, offset, _pool, _used, length);
            _offset[slot] = _used;
            _length[slot] = length;
            _port[slot] = port;
            _confirmed[slot] = confirmed;
            _used += length;
            int at = urgent ? (behindHead && _count > 0 ? 1 : 0) : _count;
            for (int i = _count; i > at; i--)
            {
                _order[i] = _order[i - 1];
            }

            _order[at] = slot;
            _count++;
            return true;
        }

        public int HeadPort => _port[_order[0]];

        public int HeadLength => _length[_order[0]];

        public bool HeadConfirmed => _confirmed[_order[0]];

        /// <summary>The pool; the head's bytes start at <see cref="HeadOffset"/>.</summary>
        public byte[] Pool => _pool;

        public int HeadOffset => _offset[_order[0]];

        /// <summary>Forgets the head; the bytes after it in the pool move down into its place.</summary>
        public void DropHead()
        {
            if (_count == 0)
            {
                return;
            }

            int slot = _order[0];
            int start = _offset[slot];
            int length = _length[slot];
            System.Array.Copy(_pool, start + length, _pool, start, _used - start - length);
            _used -= length;
            for (int i = 1; i < _count; i++)
            {
                int other = _order[i];
                if (_offset[other] > start)
                {
                    _offset[other] -= length;
                }

                _order[i - 1] = other;
            }

            _count--;
        }

        public void Clear()
        {
            _count = 0;
            _used = 0;
        }

        private int FreeSlot()
        {
            for (int slot = 0; slot < Capacity; slot++)
            {
                bool used = false;
                for (int i = 0; i < _count; i++)
                {
                    used |= _order[i] == slot;
                }

                if (!used)
                {
                    return slot;
                }
            }

            return -1;
        }
    }
}
