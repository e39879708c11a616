using System;
using Ws52x.Loop;

namespace Ws52x.Host.Fleet
{
    /// <summary>One event loop the scheduler runs: a socket's firmware (and, before its boot, the boot itself).</summary>
    public interface IScheduledLoop
    {
        /// <summary>The loop to run, or null while the socket is dark (its <see cref="Boot"/> is due instead).</summary>
        EventLoop Loop { get; }

        /// <summary>Board time the socket is powered up at; called once, when that time comes.</summary>
        void Boot();

        /// <summary>Called after each turn of the loop: a firmware that asked for a reboot gets a new one here.</summary>
        void AfterTurn();

        /// <summary>Where the scheduler keeps it (its heap position and key); only the scheduler touches it.</summary>
        SchedulerSlot Slot { get; }
    }

    /// <summary>A loop's place in the scheduler's heap: its due time and its index there (−1 when not in the heap).</summary>
    public sealed class SchedulerSlot
    {
        internal readonly IScheduledLoop Owner;
        internal long Key;
        internal int HeapIndex = -1;
        internal int Order;
        internal bool Booted;

        public SchedulerSlot(IScheduledLoop owner)
        {
            Owner = owner;
        }
    }

    /// <summary>
    /// Runs many event loops in time order on one thread and one virtual clock: the board's <see cref="BoardClock"/>
    /// idea for a fleet. The world loop (air, gateways, network server) and N socket loops; whichever is due first runs
    /// next, and a socket's loop keeps running its own timers for as long as nothing else is due before them. Socket
    /// loops sit in a binary heap keyed on their next deadline (or "now" once an event was posted to them), so picking the
    /// next one costs O(log N), never a pass over all N. A socket's clock (<see cref="ClockFor"/>) is how its loop learns
    /// that it must yield: its wait returns early when another loop is due first.
    /// </summary>
    public sealed partial class FleetScheduler
    {
        private SchedulerSlot[] _heap = new SchedulerSlot[16];
        private int _count;
        private int _nextOrder;
        private long _now;
        private IScheduledLoop _running;

        // Set when something posts to the world loop (its clock is woken by every post): the world is due now. It spares
        // asking the world's event queue, which takes a lock, at every turn of every socket.
        private bool _worldPosted;

        // Set when the running socket's loop got an event after its turn (a new firmware's boot posts to its own loop).
        private bool _runningPosted;

        public FleetScheduler()
        {
            World = new EventLoop(new WorldClock(this), eventCapacity: 256, timerCapacity: 4096);
        }

        /// <summary>The loop of the air, the gateways and the network server.</summary>
        public EventLoop World { get; }

        public long NowMicros => _now;

        /// <summary>Turns of socket loops run so far (each is one pass until the loop yielded).</summary>
        public long Turns { get; private set; }

        /// <summary>Adds a socket that powers up at <paramref name="bootAtMicros"/>.</summary>
        public void Add(IScheduledLoop socket, long bootAtMicros)
        {
            SchedulerSlot slot = socket.Slot;
            slot.Order = _nextOrder++;
            slot.Key = bootAtMicros;
            Push(slot);
        }

        /// <summary>The clock a socket's firmware loop runs on.</summary>
        public ILoopClock ClockFor(IScheduledLoop socket) => new SocketClock(this, socket);

        /// <summary>Runs every loop in time order until board time <paramref name="untilMicros"/>.</summary>
        public void Run(long untilMicros)
        {
            while (true)
            {
                long worldAt = _worldPosted ? _now : World.NextDeadlineMicros;
                long socketAt = TopKey;
                long next = worldAt < socketAt ? worldAt : socketAt;
                if (next > untilMicros)
                {
                    _now = untilMicros > _now ? untilMicros : _now;
                    return;
                }

                _now = next > _now ? next : _now;
                if (worldAt <= socketAt)
                {
                    // On a tie the world goes first: a frame that ends now is heard before the firmware's timers of now.
                    _worldPosted = false;
                    World.Run(_now);
                    continue;
                }

                IScheduledLoop socket = Pop().Owner;
                _running = socket;
                if (!socket.Slot.Booted)
                {
                    socket.Slot.Booted = true;
                    socket.Boot();
                }

                socket.Loop?.Run(untilMicros);
                Turns++;
                _runningPosted = false;
                socket.AfterTurn();
                _running = null;
                Requeue(socket);
            }
        }

        // A loop's Run returns (its clock refused to wait) only once its event queue is empty; events posted to it later
        // make it due again through its clock's Wake (a reboot's new firmware posts to itself while it is still running).
        private void Requeue(IScheduledLoop socket)
        {
            EventLoop loop = socket.Loop;
            long key = loop == null ? long.MaxValue : _runningPosted ? _now : loop.NextDeadlineMicros;
            if (key != long.MaxValue)
            {
                socket.Slot.Key = key;
                Push(socket.Slot);
            }
        }

        /// <summary>The earliest time anything but the running socket is due (what its clock may not sleep past).</summary>
        private long OthersDueAt()
        {
            long worldAt = _worldPosted ? _now : World.NextDeadlineMicros;
            long socketAt = TopKey;
            return worldAt < socketAt ? worldAt : socketAt;
        }

        // An event was posted to a socket's loop (a pin edge from its radio, on the world's turn): it is due now.
        private void Woken(IScheduledLoop socket)
        {
            if (ReferenceEquals(socket, _running))
            {
                _runningPosted = true;
                return;
            }

            if (!socket.Slot.Booted)
            {
                return;
            }

            SchedulerSlot slot = socket.Slot;
            if (slot.HeapIndex < 0)
            {
                slot.Key = _now;
                Push(slot);
            }
            else if (slot.Key > _now)
            {
                slot.Key = _now;
                MovedEarlier(slot);
            }
        }

        /// <summary>A socket's view of the fleet's clock: waiting ends early (false) when another loop is due first.</summary>
        private sealed class SocketClock : ILoopClock
        {
            private readonly FleetScheduler _scheduler;
            private readonly IScheduledLoop _socket;

            public SocketClock(FleetScheduler scheduler, IScheduledLoop socket)
            {
                _scheduler = scheduler;
                _socket = socket;
            }

            public long NowMicros => _scheduler._now;

            public bool WaitUntil(long deadlineMicros)
            {
                if (deadlineMicros == long.MaxValue || deadlineMicros >= _scheduler.OthersDueAt())
                {
                    return false;
                }

                if (deadlineMicros > _scheduler._now)
                {
                    _scheduler._now = deadlineMicros;
                }

                return true;
            }

            public void Wake() => _scheduler.Woken(_socket);
        }

        /// <summary>The world loop's clock: it only ever runs what is due now, so it never waits.</summary>
        private sealed class WorldClock : ILoopClock
        {
            private readonly FleetScheduler _scheduler;

            public WorldClock(FleetScheduler scheduler)
            {
                _scheduler = scheduler;
            }

            public long NowMicros => _scheduler._now;

            public bool WaitUntil(long deadlineMicros) => false;

            public void Wake() => _scheduler._worldPosted = true;
        }
    }
}
