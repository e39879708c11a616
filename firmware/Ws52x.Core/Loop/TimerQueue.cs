namespace Ws52x.Loop
{
    /// <summary>
    /// Scheduled timers as a binary min-heap on (deadline, sequence), so equal deadlines fire in the order they were
    /// scheduled. Each timer knows its heap slot, so cancelling is O(log n) without a search. The array grows only when
    /// more timers are scheduled at once than ever before; steady state allocates nothing.
    /// </summary>
    internal sealed class TimerQueue
    {
        private LoopTimer[] _heap;
        private int _count;
        private long _nextSequence;

        public TimerQueue(int initialCapacity)
        {
            _heap = new LoopTimer[initialCapacity < 4 ? 4 : initialCapacity];
        }

        public int Count => _count;

        public LoopTimer Peek() => _count == 0 ? null : _heap[0];

        public void Add(LoopTimer timer, long deadline)
        {
            if (timer.HeapIndex >= 0)
            {
                Remove(timer);
            }

            if (_count == _heap.Length)
            {
                var bigger = new LoopTimer[_heap.Length * 2];
                System.Array.Copy(_heap, bigger, _count);
                _heap = bigger;
            }

            timer.Deadline = deadline;
            timer.Sequence = _nextSequence++;
            timer.HeapIndex = _count;
            _heap[_count] = timer;
            _count++;
            SiftUp(timer.HeapIndex);
        }

        public bool Remove(LoopTimer timer)
        {
            int index = timer.HeapIndex;
            if (index < 0 || index >= _count || _heap[index] != timer)
            {
                return false;
            }

            _count--;
            timer.HeapIndex = -1;
            if (index == _count)
            {
                _heap[_count] = null;
                return true;
            }

            LoopTimer last = _heap[_count];
            _heap[_count] = null;
            _heap[index] = last;
            last.HeapIndex = index;
            SiftDown(index);
            SiftUp(last.HeapIndex);
            return true;
        }

        private static bool Earlier(LoopTimer a, LoopTimer b)
        {
            return a.Deadline < b.Deadline || (a.Deadline == b.Deadline && a.Sequence < b.Sequence);
        }

        private void SiftUp(int index)
        {
            LoopTimer item = _heap[index];
            while (index > 0)
            {
                int parent = (index - 1) >> 1;
                LoopTimer p = _heap[parent];
                if (!Earlier(item, p))
                {
                    break;
                }

                _heap[index] = p;
                p.HeapIndex = index;
                index = parent;
            }

            _heap[index] = item;
            item.HeapIndex = index;
        }

        private void SiftDown(int index)
        {
            LoopTimer item = _heap[index];
            while (true)
            {
                int child = (index << 1) + 1;
                if (child >= _count)
                {
                    break;
                }

                int right = child + 1;
                if (right < _count && Earlier(_heap[right], _heap[child]))
                {
                    child = right;
                }

                LoopTimer c = _heap[child];
                if (!Earlier(c, item))
                {
                    break;
                }

                _heap[index] = c;
                c.HeapIndex = index;
                index = child;
            }

            _heap[index] = item;
            item.HeapIndex = index;
        }
    }
}
