namespace Ws52x.Host.Fleet
{
    /// <summary>
    /// The scheduler's binary min-heap of socket loops, ordered by due time and then by the order they were added (so
    /// that loops due at the same microsecond always run in the same order: a fleet run repeats exactly). Each loop
    /// knows its index, so an earlier due time is a sift up from where it is.
    /// </summary>
    public sealed partial class FleetScheduler
    {
        /// <summary>Loops waiting in the heap (the running one is out of it).</summary>
        public int Waiting => _count;

        private static bool Before(SchedulerSlot x, SchedulerSlot y) => x.Key < y.Key || (x.Key == y.Key && x.Order < y.Order);

        private void Push(SchedulerSlot slot)
        {
            if (_count == _heap.Length)
            {
                System.Array.Resize(ref _heap, _heap.Length * 2);
            }

            _heap[_count] = slot;
            slot.HeapIndex = _count;
            _count++;
            SiftUp(_count - 1);
        }

        private SchedulerSlot Pop()
        {
            SchedulerSlot top = _heap[0];
            _count--;
            if (_count > 0)
            {
                _heap[0] = _heap[_count];
                _heap[0].HeapIndex = 0;
                SiftDown(0);
            }

            _heap[_count] = null;
            top.HeapIndex = -1;
            return top;
        }

        private void SiftUp(int i)
        {
            SchedulerSlot item = _heap[i];
            while (i > 0)
            {
                int parent = (i - 1) / 2;
                if (!Before(item, _heap[parent]))
                {
                    break;
                }

                _heap[i] = _heap[parent];
                _heap[i].HeapIndex = i;
                i = parent;
            }

            _heap[i] = item;
            item.HeapIndex = i;
        }

        private void SiftDown(int i)
        {
            SchedulerSlot item = _heap[i];
            while (true)
            {
                int child = 2 * i + 1;
                if (child >= _count)
                {
                    break;
                }

                if (child + 1 < _count && Before(_heap[child + 1], _heap[child]))
                {
                    child++;
                }

                if (!Before(_heap[child], item))
                {
                    break;
                }

                _heap[i] = _heap[child];
                _heap[i].HeapIndex = i;
                i = child;
            }

            _heap[i] = item;
            item.HeapIndex = i;
        }
    }
}
