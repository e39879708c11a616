namespace Ws52x.Socket
{
    /// <summary>
    /// Application payloads (or what is left of one) the MAC had no room for yet, oldest first, in one preallocated
    /// buffer: nothing is allocated to keep or send them. Bounded by <see cref="MaxEntries"/> payloads and
    /// <see cref="MaxBytes"/> bytes. An urgent payload (the outage alert) goes before everything waiting. The head may
    /// be partly sent: its first pieces are in the MAC, the rest waits here.
    /// </summary>
    internal sealed class PendingUplinks
    {
        /// <summary>
        /// Room for what a busy minute can bring on US915 DR0 beyond the MAC's 8 queued frames: basic information and
        /// reports (a join, an ff2c and ff28 downlink, switches), each split into 11-byte pieces.
        /// </summary>
        public const int MaxEntries = 8;
        public const int MaxBytes = 512;

        private readonly byte[] _bytes = new byte[MaxBytes];
        private readonly int[] _start = new int[MaxEntries];
        private readonly int[] _length = new int[MaxEntries];
        private readonly bool[] _urgent = new bool[MaxEntries];
        private readonly string[] _what = new string[MaxEntries];
        private int _count;
        private int _used;

        public int Count => _count;

        public int Bytes => _used;

        public byte[] Buffer => _bytes;

        public int HeadStart => _start[0];

        public int HeadLength => _length[0];

        public bool HeadUrgent => _urgent[0];

        public string HeadWhat => _what[0];

        /// <summary>Whether a payload of <paramref name="length"/> bytes fits behind those waiting.</summary>
        public bool HasRoom(int length) => _count < MaxEntries && _used + length <= MaxBytes;

        /// <summary>
        /// Keeps payload[offset..offset+length): behind the others, or first when <paramref name="urgent"/>. False (and
        /// nothing kept) when it does not fit (<see cref="DropNewest"/> makes room).
        /// </summary>
        public bool Keep(string what, byte[] payload, int offset, int length, bool urgent)
        {
            if (!HasRoom(length))
            {
                return false;
            }

            if (urgent)
            {
                InsertFirst(length);
            }
            else
            {
                _start[_count] = _used;
                _length[_count] = length;
                _count++;
            }

            int at = urgent ? 0 : _count - 1;
            System.Array.Copy(payload, offset, _bytes, _start[at], length);
            _urgent[at] = urgent;
            _what[at] = what;
            _used += length;
            return true;
        }

        /// <summary>The head's first <paramref name="length"/> bytes went to the MAC: the rest of it stays first.</summary>
        public void Consume(int length)
        {
            if (length >= _length[0])
            {
                RemoveHead();
                return;
            }

            _start[0] += length;
            _length[0] -= length;
        }

        /// <summary>Gives up the head (sent, or refused by the MAC for good); what follows moves to the buffer's start.</summary>
        public void RemoveHead()
        {
            int end = _start[0] + _length[0];
            System.Array.Copy(_bytes, end, _bytes, 0, _used - end);
            for (int i = 1; i < _count; i++)
            {
                _start[i - 1] = _start[i] - end;
                _length[i - 1] = _length[i];
                _urgent[i - 1] = _urgent[i];
                _what[i - 1] = _what[i];
            }

            _count--;
            _used -= end;
            _what[_count] = null;
        }

        /// <summary>The name of the newest waiting payload (the one <see cref="DropNewest"/> gives up), or null.</summary>
        public string NewestWhat => _count == 0 ? null : _what[_count - 1];

        /// <summary>Gives up the newest waiting payload (to make room for an urgent one).</summary>
        public void DropNewest()
        {
            _count--;
            _used = _count == 0 ? 0 : _start[_count];
            _what[_count] = null;
        }

        // Makes room for 'length' bytes and an entry in front: everything waiting moves back.
        private void InsertFirst(int length)
        {
            int first = _count == 0 ? 0 : _start[0];
            System.Array.Copy(_bytes, first, _bytes, first + length, _used - first);
            for (int i = _count; i > 0; i--)
            {
                _start[i] = _start[i - 1] + length;
                _length[i] = _length[i - 1];
                _urgent[i] = _urgent[i - 1];
                _what[i] = _what[i - 1];
            }

            _start[0] = first;
            _length[0] = length;
            _count++;
        }
    }
}
