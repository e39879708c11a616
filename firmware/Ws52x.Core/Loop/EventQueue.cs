namespace Ws52x.Loop
{
    /// <summary>
    /// A bounded ring of posted events, the one thread-safe entry into the loop. Fixed capacity, parallel arrays:
    /// posting and taking allocate nothing. When full, new events are dropped and counted, never blocking an interrupt.
    /// </summary>
    internal sealed class EventQueue
    {
        private readonly object _sync = new object();
        private readonly IEventSink[] _sinks;
        private readonly int[] _codes;
        private readonly int[] _args;
        private readonly long[] _times;
        private readonly object[] _payloads;
        private int _head;
        private int _count;
        private int _dropped;

        public EventQueue(int capacity)
        {
            if (capacity < 1)
            {
                capacity = 1;
            }

            _sinks = new IEventSink[capacity];
            _codes = new int[capacity];
            _args = new int[capacity];
            _times = new long[capacity];
            _payloads = new object[capacity];
        }

        public int Capacity => _sinks.Length;

        /// <summary>Events lost because the queue was full.</summary>
        public int Dropped => _dropped;

        // An atomic read without the lock: the loop asks on every turn, and nearly always the answer is "empty". A post
        // that lands just after the read is not lost: it wakes the loop's clock, and the next turn takes it.
        public bool IsEmpty => System.Threading.Interlocked.CompareExchange(ref _count, 0, 0) == 0;

        public bool TryPost(IEventSink sink, int code, int arg, long timestampMicros, object payload)
        {
            lock (_sync)
            {
                if (_count == _sinks.Length)
                {
                    _dropped++;
                    return false;
                }

                int tail = (_head + _count) % _sinks.Length;
                _sinks[tail] = sink;
                _codes[tail] = code;
                _args[tail] = arg;
                _times[tail] = timestampMicros;
                _payloads[tail] = payload;
                _count++;
                return true;
            }
        }

        /// <summary>Takes the oldest event; false when empty.</summary>
        public bool TryTake(out IEventSink sink, out int code, out int arg, out long timestampMicros, out object payload)
        {
            // The lock only when there may be something to take (IsEmpty reads without it); the count is checked again
            // under it.
            if (!IsEmpty)
            {
                lock (_sync)
                {
                    if (_count != 0)
                    {
                        sink = _sinks[_head];
                        code = _codes[_head];
                        arg = _args[_head];
                        timestampMicros = _times[_head];
                        payload = _payloads[_head];
                        _sinks[_head] = null;
                        _payloads[_head] = null;
                        _head = (_head + 1) % _sinks.Length;
                        _count--;
                        return true;
                    }
                }
            }

            sink = null;
            code = 0;
            arg = 0;
            timestampMicros = 0;
            payload = null;
            return false;
        }
    }
}
