using System;
using System.Threading;

namespace Ws52x.Loop
{
    /// <summary>Told about an exception that escaped a timer or event handler; the loop goes on.</summary>
    public delegate void LoopFaultHandler(Exception fault);

    /// <summary>
    /// The one loop of the firmware: timers on absolute deadlines of one clock, and events posted from interrupt
    /// context. Everything runs on the thread that calls <see cref="Run"/>; <see cref="Post"/> and <see cref="Stop"/>
    /// are the only members safe from other threads. Once running, a turn of the loop allocates nothing.
    /// </summary>
    public sealed class EventLoop
    {
        private readonly ILoopClock _clock;
        private readonly TimerQueue _timers;
        private readonly EventQueue _events;
        // An int set with Interlocked: nanoFramework has no 'volatile' (no IsVolatile modifier type).
        private int _stopRequested;

        public EventLoop(ILoopClock clock, int eventCapacity = 64, int timerCapacity = 32)
        {
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _timers = new TimerQueue(timerCapacity);
            _events = new EventQueue(eventCapacity);
        }

        public ILoopClock Clock => _clock;

        public long NowMicros => _clock.NowMicros;

        /// <summary>Where handler exceptions go. When null they propagate out of <see cref="Run"/> (what tests want).</summary>
        public LoopFaultHandler FaultHandler { get; set; }

        public long TimersFired { get; private set; }

        public long EventsDispatched { get; private set; }

        public int EventsDropped => _events.Dropped;

        public int Faults { get; private set; }

        /// <summary>The largest delay seen between a timer's deadline and its firing (non-zero only on a real clock).</summary>
        public long MaxLatenessMicros { get; private set; }

        public int ScheduledTimers => _timers.Count;

        /// <summary>The deadline of the earliest scheduled timer, or long.MaxValue when none is scheduled.</summary>
        public long NextDeadlineMicros
        {
            get
            {
                LoopTimer next = _timers.Peek();
                return next == null ? long.MaxValue : next.Deadline;
            }
        }

        /// <summary>True when posted events wait to be handled.</summary>
        public bool HasPendingEvents => !_events.IsEmpty;

        /// <summary>Schedules (or moves) a one-shot timer to an absolute deadline.</summary>
        public void Schedule(LoopTimer timer, long deadlineMicros)
        {
            timer.Period = 0;
            _timers.Add(timer, deadlineMicros);
        }

        /// <summary>Schedules (or moves) a one-shot timer <paramref name="delayMicros"/> from now.</summary>
        public void ScheduleAfter(LoopTimer timer, long delayMicros)
        {
            Schedule(timer, _clock.NowMicros + (delayMicros < 0 ? 0 : delayMicros));
        }

        /// <summary>
        /// Schedules a periodic timer: first at <paramref name="firstDeadlineMicros"/>, then every <paramref name="periodMicros"/>
        /// after that deadline (not after the moment it ran), so it never drifts.
        /// </summary>
        public void SchedulePeriodic(LoopTimer timer, long firstDeadlineMicros, long periodMicros)
        {
            if (periodMicros <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(periodMicros), "a period must be positive");
            }

            _timers.Add(timer, firstDeadlineMicros);
            timer.Period = periodMicros;
        }

        /// <summary>Cancels a timer; false if it was not scheduled. Safe from inside any callback.</summary>
        public bool Cancel(LoopTimer timer)
        {
            return _timers.Remove(timer);
        }

        /// <summary>
        /// Queues an event for <paramref name="sink"/> and wakes the loop. Safe from any thread and from interrupt handlers.
        /// Returns false (and counts it in <see cref="EventsDropped"/>) when the queue is full.
        /// </summary>
        public bool Post(IEventSink sink, int code, int arg, long timestampMicros, object payload = null)
        {
            bool queued = _events.TryPost(sink, code, arg, timestampMicros, payload);
            _clock.Wake();
            return queued;
        }

        /// <summary>Asks <see cref="Run"/> to return after the handler in progress. Safe from any thread.</summary>
        public void Stop()
        {
            Interlocked.Exchange(ref _stopRequested, 1);
            _clock.Wake();
        }

        /// <summary>
        /// Runs until the clock reaches <paramref name="untilMicros"/>, <see cref="Stop"/> is called, or (on a virtual clock)
        /// nothing is left to do. Posted events are handled before timers that are due at the same moment.
        /// </summary>
        public void Run(long untilMicros = long.MaxValue)
        {
            Interlocked.Exchange(ref _stopRequested, 0);
            while (Interlocked.CompareExchange(ref _stopRequested, 0, 0) == 0)
            {
                if (DispatchOneEvent())
                {
                    continue;
                }

                if (FireOneDueTimer(untilMicros))
                {
                    continue;
                }

                if (_clock.NowMicros >= untilMicros)
                {
                    return;
                }

                LoopTimer next = _timers.Peek();
                long wakeAt = next == null ? long.MaxValue : next.Deadline;
                if (wakeAt > untilMicros)
                {
                    wakeAt = untilMicros;
                }

                if (!_events.IsEmpty)
                {
                    continue;
                }

                if (!_clock.WaitUntil(wakeAt))
                {
                    return;
                }
            }
        }

        /// <summary>Runs for <paramref name="durationMicros"/> of clock time from now.</summary>
        public void RunFor(long durationMicros)
        {
            Run(_clock.NowMicros + durationMicros);
        }

        /// <summary>Handles every pending event and due timer without letting time pass.</summary>
        public void RunUntilIdle()
        {
            Run(_clock.NowMicros);
        }

        private bool DispatchOneEvent()
        {
            if (!_events.TryTake(out IEventSink sink, out int code, out int arg, out long time, out object payload))
            {
                return false;
            }

            EventsDispatched++;
            if (sink == null)
            {
                return true;
            }

            try
            {
                sink.OnEvent(code, arg, time, payload);
            }
            catch (Exception fault)
            {
                if (!Absorb(fault))
                {
                    throw;
                }
            }

            return true;
        }

        private bool FireOneDueTimer(long untilMicros)
        {
            LoopTimer timer = _timers.Peek();
            long now = _clock.NowMicros;
            if (timer == null || timer.Deadline > now || timer.Deadline > untilMicros)
            {
                return false;
            }

            long deadline = timer.Deadline;
            if (now - deadline > MaxLatenessMicros)
            {
                MaxLatenessMicros = now - deadline;
            }

            if (timer.Period > 0)
            {
                // Rearm before the callback so that it may cancel or move the timer; skip whole missed periods.
                long next = deadline + timer.Period;
                if (next <= now)
                {
                    next += ((now - next) / timer.Period + 1) * timer.Period;
                }

                long period = timer.Period;
                _timers.Add(timer, next);
                timer.Period = period;
            }
            else
            {
                _timers.Remove(timer);
            }

            TimersFired++;
            try
            {
                timer.Elapsed(timer);
            }
            catch (Exception fault)
            {
                if (!Absorb(fault))
                {
                    throw;
                }
            }

            return true;
        }

        // Exception filters are not available on every nanoFramework runtime, so the catch asks here and rethrows.
        private bool Absorb(Exception fault)
        {
            if (FaultHandler == null)
            {
                return false;
            }

            Faults++;
            FaultHandler(fault);
            return true;
        }
    }
}
