using Ws52x.Loop;

namespace Ws52x.Host.Board
{
    /// <summary>
    /// The clock the host board's firmware runs on: the board's own clock, except that the firmware's loop never sleeps
    /// past a deadline of the board's world (the air, the gateway, the network server, which run on their own loop and
    /// outlive the firmware's reboots). When the world is due first, the wait ends there and tells the firmware's loop
    /// to return, so the board runs the world at that moment and then the firmware again: both stay in time order on
    /// one thread and one clock.
    /// </summary>
    public sealed class BoardClock : ILoopClock
    {
        private readonly ILoopClock _clock;
        private readonly EventLoop _world;

        public BoardClock(ILoopClock clock, EventLoop world)
        {
            _clock = clock;
            _world = world;
        }

        public long NowMicros => _clock.NowMicros;

        public bool WaitUntil(long deadlineMicros)
        {
            long world = _world.NextDeadlineMicros;
            if (_world.HasPendingEvents || world <= _clock.NowMicros)
            {
                return false;
            }

            if (world < deadlineMicros)
            {
                _clock.WaitUntil(world);
                return false;
            }

            return _clock.WaitUntil(deadlineMicros);
        }

        public void Wake() => _clock.Wake();
    }
}
