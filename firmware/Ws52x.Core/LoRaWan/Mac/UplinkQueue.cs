namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// The application's uplinks waiting for the radio, copied into fixed slots (no allocation). Urgent frames (the
    /// power-outage alert) go before everything waiting; the head stays in place while it is being transmitted.
    /// </summary>
    internal sealed class UplinkQueue
    {
        // Room for the basic information and a report split into 11-byte pieces at US915 DR0, with the outage alert besides.
        public const int Capacity = 8;
        public const int MaxPayload = 242;

        private readonly byte[][] _payload = new byte[Capacity][];
        private readonly int[] _length = new int[Capacity];
        private readonly int[] _port = new int[Capacity];
        private readonly bool[] _confirmed = new bool[Capacity];

        // _order[0.._count) are slot numbers, head first.
        private readonly int[] _order = new int[Capacity];
        private int _count;

        public UplinkQueue()
        {
            for (int i = 0; i < Capacity; i++)
            {
                _payload[i] = new byte[MaxPayload];
            }
        }

        public int Count => _count;

        public bool IsFull => _count == Capacity;

        /// <summary>
        /// Copies a frame in. <paramref name="behindHead"/>: the head is on the air, so an urgent frame goes right after it.
        /// </summary>
        public bool Enqueue(int port, byte[] data, int offset, int length, bool confirmed, bool urgent, bool behindHead)
        {
            if (_count == Capacity || length < 0 || length > MaxPayload)
            {
                return false;
            }

            int slot = FreeSlot();
            System.Array.Copy(data, offset, _payload[slot], 0, length);
            _length[slot] = length;
            _port[slot] = port;
            _confirmed[slot] = confirmed;
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

        public byte[] HeadPayload => _payload[_order[0]];

        public void DropHead()
        {
            if (_count == 0)
            {
                return;
            }

            for (int i = 1; i < _count; i++)
            {
                _order[i - 1] = _order[i];
            }

            _count--;
        }

        public void Clear()
        {
            _count = 0;
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
