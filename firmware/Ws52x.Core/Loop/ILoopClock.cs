using Ws52x.Platform;

namespace Ws52x.Loop
{
    /// <summary>
    /// The time base of the event loop: a monotonic clock the loop can sleep on until a deadline,
    /// and that another thread can wake early when it posts an event.
    /// </summary>
    public interface ILoopClock : IMonotonicClock
    {
        /// <summary>
        /// Sleeps until <paramref name="deadlineMicros"/> or until <see cref="Wake"/>, whichever comes first
        /// (long.MaxValue: no deadline). Returns false when the clock can never reach the deadline by waiting:
        /// a virtual clock asked to wait for nothing, which means the loop is idle for good.
        /// </summary>
        bool WaitUntil(long deadlineMicros);

        /// <summary>Ends a <see cref="WaitUntil"/> in progress (or the next one) early. Safe from any thread.</summary>
        void Wake();
    }
}
