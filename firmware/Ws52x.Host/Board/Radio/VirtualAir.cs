using System;
using System.Collections.Generic;
using Ws52x.Loop;
using Ws52x.Radio;

namespace Ws52x.Host.Board.Radio
{
    /// <summary>
    /// The radio channel between simulated SX127x chips and gateways, on the board's event loop and clock.
    /// A frame occupies the air from <see cref="Start"/> for its LoRa airtime. Listeners that are receiving on its
    /// channel when its preamble starts may lock on to it and get it at its end. Two frames on the same channel and
    /// spreading factor that overlap in time are both lost (no capture effect; other SFs are taken as orthogonal).
    /// Who hears a frame, and at what RSSI and SNR, follows from its power and the link budget (VirtualAir.Links.cs);
    /// below its spreading factor's demodulation floor a receiver does not see it at all.
    /// Loss and corruption are drawn from a seeded generator, so a run repeats exactly.
    /// </summary>
    public sealed partial class VirtualAir
    {
        private readonly EventLoop _loop;
        private readonly Random _random;
        private readonly List<IAirListener> _listeners = new List<IAirListener>(8);
        private readonly List<AirTransmission> _active = new List<AirTransmission>(16);
        private readonly Stack<AirTransmission> _pool = new Stack<AirTransmission>(16);
        private readonly TimerElapsed _onEnd;
        private long _nextId = 1;
        private int _corruptNext;

        public VirtualAir(EventLoop loop, int seed)
        {
            _loop = loop ?? throw new ArgumentNullException(nameof(loop));
            _random = new Random(seed);
            _onEnd = OnEnd;

            // A few frames made with the air, so that the first transmissions do not allocate on the senders' turns.
            for (int i = 0; i < 4; i++)
            {
                var frame = new AirTransmission();
                frame.EndTimer = new LoopTimer(_onEnd, frame);
                _pool.Push(frame);
            }
        }

        public EventLoop Loop => _loop;

        /// <summary>Chance (0-1) that a listener misses a frame altogether (fading, interference), drawn per listener and frame.</summary>
        public double LossProbability { get; set; }

        /// <summary>Chance (0-1) that a listener gets a frame with bit errors.</summary>
        public double CorruptionProbability { get; set; }

        public long FramesStarted { get; private set; }
        public long Collisions { get; private set; }
        public long Deliveries { get; private set; }
        /// <summary>Fades drawn by <see cref="LossProbability"/> (one draw per frame and listener tuned to it and in range).</summary>
        public long Misses { get; private set; }

        /// <summary>Told of every frame at its end, after its receivers (statistics of a fleet); null = nobody.</summary>
        public IAirObserver Observer { get; set; }

        /// <summary>Frames on the air now.</summary>
        public int ActiveCount => _active.Count;

        /// <summary>Told of each frame as it starts, its end already known (the host board's trace); the frame is the air's: copy what you keep.</summary>
        public event Action<AirTransmission> FrameStarted;

        /// <summary>Adds a listener (a chip model or a gateway does this itself).</summary>
        public void Attach(IAirListener listener)
        {
            if (!_listeners.Contains(listener))
            {
                _listeners.Add(listener);
            }
        }

        /// <summary>Removes a listener (a chip whose board lost its supply); frames it is receiving are lost to it.</summary>
        public void Detach(IAirListener listener)
        {
            _listeners.Remove(listener);
        }

        /// <summary>The next <paramref name="count"/> receptions arrive corrupted, whatever the probability (for tests).</summary>
        public void CorruptNext(int count = 1)
        {
            _corruptNext = count;
        }

        /// <summary>A frame to fill and pass to <see cref="Start"/>.</summary>
        public AirTransmission Rent()
        {
            AirTransmission frame = _pool.Count > 0 ? _pool.Pop() : new AirTransmission();
            if (frame.EndTimer == null)
            {
                frame.EndTimer = new LoopTimer(_onEnd, frame);
            }

            frame.Clear();
            return frame;
        }

        /// <summary>Puts a filled frame on the air now; its sender is told at the end (unless aborted).</summary>
        public void Start(AirTransmission frame, object sender, IAirSender callback)
        {
            long now = _loop.NowMicros;
            frame.Id = _nextId++;
            frame.Sender = sender;
            frame.SenderCallback = callback;
            frame.AirtimeMicros = LoRaAirtime.TimeOnAirMicros(frame.SpreadingFactor, frame.BandwidthHz, frame.CodingRate,
                frame.PreambleSymbols, frame.Length, !frame.ImplicitHeader, frame.CrcOn, frame.LowDataRateOptimize);
            frame.StartMicros = now;
            frame.EndMicros = now + frame.AirtimeMicros;
            FramesStarted++;

            for (int i = 0; i < _active.Count; i++)
            {
                AirTransmission other = _active[i];
                if (other.SpreadingFactor == frame.SpreadingFactor && Overlaps(other, frame))
                {
                    if (!other.Collided)
                    {
                        Collisions++;
                    }

                    other.Collided = true;
                    frame.Collided = true;
                }
            }

            _active.Add(frame);
            FrameStarted?.Invoke(frame);
            int floor = DemodulationFloorQuarterDb(frame.SpreadingFactor);
            for (int i = 0; i < _listeners.Count && frame.FrequencyHz > 0; i++)
            {
                IAirListener listener = _listeners[i];
                if (ReferenceEquals(listener, sender))
                {
                    continue; // half duplex: a transmitter does not hear itself
                }

                if (!listener.IsTunedTo(frame))
                {
                    continue;
                }

                Measure(frame, listener, out int rssi, out int snr);
                if (snr < floor)
                {
                    continue;
                }

                if (LossProbability > 0 && _random.NextDouble() < LossProbability)
                {
                    // Faded out for this listener: it never sees the preamble, so a single receive runs into its timeout.
                    Misses++;
                    continue;
                }

                if (!listener.TryLock(frame))
                {
                    continue;
                }

                AirOutcome outcome = AirOutcome.Ok;
                if (_corruptNext > 0)
                {
                    _corruptNext--;
                    outcome = AirOutcome.Corrupted;
                }
                else if (CorruptionProbability > 0 && _random.NextDouble() < CorruptionProbability)
                {
                    outcome = AirOutcome.Corrupted;
                }

                frame.AddListener(listener, outcome, rssi, snr);
            }

            _loop.Schedule(frame.EndTimer, frame.EndMicros);
        }

        /// <summary>The sender stopped (changed mode) mid-frame: nobody gets it, and it still blocks the channel until its end.</summary>
        public void Abort(AirTransmission frame)
        {
            frame.Aborted = true;
        }

        /// <summary>True when a frame of this SF is on the air within a quarter bandwidth of the frequency (what CAD detects).</summary>
        public bool ChannelBusy(int frequencyHz, int bandwidthHz, int spreadingFactor)
        {
            for (int i = 0; i < _active.Count; i++)
            {
                AirTransmission frame = _active[i];
                if (frame.SpreadingFactor == spreadingFactor && Math.Abs(frame.FrequencyHz - frequencyHz) <= bandwidthHz / 4)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The lowest SNR at which a spreading factor still demodulates (SX1276 datasheet table 13), in quarter dB.</summary>
        public static int DemodulationFloorQuarterDb(int spreadingFactor)
        {
            // SF7 −7.5 dB, then 2.5 dB lower per SF step, to −20 dB at SF12.
            return -30 - 10 * (spreadingFactor - 7);
        }

        /// <summary>True when two frames overlap in time and in spectrum (centres closer than half the wider bandwidth).</summary>
        public static bool Overlaps(AirTransmission a, AirTransmission b)
        {
            if (a.StartMicros >= b.EndMicros || b.StartMicros >= a.EndMicros)
            {
                return false;
            }

            int bw = a.BandwidthHz > b.BandwidthHz ? a.BandwidthHz : b.BandwidthHz;
            return Math.Abs(a.FrequencyHz - b.FrequencyHz) < bw / 2;
        }

        private void OnEnd(LoopTimer timer)
        {
            var frame = (AirTransmission)timer.State;
            _active.Remove(frame);
            for (int i = 0; i < frame.ListenerCount; i++)
            {
                IAirListener listener = frame.Listeners[i];
                AirOutcome outcome = frame.Collided || frame.Aborted ? AirOutcome.Lost : frame.OutcomeFor[i];
                if (outcome != AirOutcome.Lost)
                {
                    Deliveries++;
                }

                listener.OnFrameEnd(frame, outcome, frame.RssiFor[i], frame.SnrFor[i]);
            }

            if (!frame.Aborted)
            {
                frame.SenderCallback?.OnTransmitted(frame);
            }

            Observer?.OnFrameEnd(frame);
            frame.Clear();
            _pool.Push(frame);
        }
    }
}
