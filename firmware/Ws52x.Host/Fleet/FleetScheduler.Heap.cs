using System;

namespace Ws52x.Host.Fleet
{
    /// <summary>
    /// The scheduler's binary min-heap of socket loops, ordered by due time and then by the order they were added (so
    /// that loops due at the same microsecond always run in the same order: a fleet run repeats exactly). Due times and
    /// orders sit in arrays of their own, so that a sift compares neighbouring numbers instead of chasing a thousand
    /// objects; each loop knows its index, so an earlier due time is a sift up from where it is.
    /// </summary>
    public sealed partial class FleetScheduler
    {
        private long[] _keys = new long[16];
        private int[] _orders = new int[16];

        /// <summary>Loops waiting in the heap (the running one is out of it).</summary>
        public int Waiting => _count;

        private long TopKey => _count > 0 ? _keys[0] : long.MaxValue;

        private bool Before(int a, long key, int order) => _keys[a] < key || (_keys[a] == key && _orders[a] < order);

        private void Push(SchedulerSlot slot)
        {
            if (_count == _heap.Length)
            {
                Array.Resize(ref _heap, _heap.Length * 2);
                Array.Resize(ref _keys, _heap.Length);
                Array.Resize(ref _orders, _heap.Length);
            }

            _count++;
            SiftUp(_count - 1, slot);
        }

        private SchedulerSlot Pop()
        {
            SchedulerSlot top = _heap[0];
            _count--;
            if (_count > 0)
            {
                SiftDown(0, _heap[_count]);
            }

            _heap[_count] = null;
            top.HeapIndex = -1;
            return top;
        }

        /// <summary>A slot whose due time moved earlier, from where it is.</summary>
        private void MovedEarlier(SchedulerSlot slot) => SiftUp(slot.HeapIndex, slot);

        // Places slot at hole i or above it.
        private void SiftUp(int i, SchedulerSlot slot)
        {
            long key = slot.Key;
            int order = slot.Order;
            while (i > 0)
            {
                int parent = (i - 1) / 2;
                if (!(key < _keys[parent] || (key == _keys[parent] && order < _orders[parent])))
                {
                    break;
                }

                Place(i, _heap[parent]);
                i = parent;
            }

            Place(i, slot);
        }

        // Places slot at hole i or below it.
        private void SiftDown(int i, SchedulerSlot slot)
        {
            long key = slot.Key;
            int order = slot.Order;
            while (true)
            {
                int child = 2 * i + 1;
                if (child >= _count)
                {
                    break;
                }

                if (child + 1 < _count && Before(child + 1, _keys[child], _orders[child]))
                {
                    child++;
                }

                if (!Before(child, key, order))
                {
                    break;
                }

                Place(i, _heap[child]);
                i = child;
            }

            Place(i, slot);
        }

        private void Place(int i, SchedulerSlot slot)
        {
            _heap[i] = slot;
            _keys[i] = slot.Key;
            _orders[i] = slot.Order;
            slot.HeapIndex = i;
        }
    }
}
