namespace Ws52x.Loop
{
    /// <summary>Called on the loop's thread when a timer's deadline has come.</summary>
    public delegate void TimerElapsed(LoopTimer timer);

    /// <summary>
    /// A one-shot or periodic timer on an absolute deadline of the loop's clock. Create it once and reuse it:
    /// scheduling, cancelling and firing allocate nothing.
    /// </summary>
    public sealed class LoopTimer
    {
        internal int HeapIndex = -1;
        internal long Sequence;

        public LoopTimer(TimerElapsed elapsed, object state = null)
        {
            Elapsed = elapsed;
            State = state;
        }

        public TimerElapsed Elapsed { get; }

        /// <summary>Whatever the owner wants to find again in the callback.</summary>
        public object State { get; set; }

        /// <summary>The deadline it is scheduled for (or last fired at), in clock microseconds.</summary>
        public long Deadline { get; internal set; }

        /// <summary>The period of a periodic timer, 0 for a one-shot.</summary>
        public long Period { get; internal set; }

        public bool IsScheduled => HeapIndex >= 0;
    }
}
