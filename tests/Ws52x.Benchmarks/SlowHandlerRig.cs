using Ws52x.Host.Board;
using Ws52x.Loop;
using Ws52x.Metering;
using Ws52x.Platform;
using Ws52x.Util;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// Protection against a slow handler: the step of the load, and in the same moment a downlink whose settings save
    /// holds the loop for a set time of board time (the flash write made slow), on the host board's virtual clock.
    /// </summary>
    public static class SlowHandlerRig
    {
        /// <summary>
        /// Time from a step of 2 A to <paramref name="stepAmps"/> (protection at 10 A, CF1 on current) to the relay
        /// opening, when a settings save of <paramref name="handlerMicros"/> starts in the same moment; -1: no trip in 1 s.
        /// </summary>
        public static long TripLatencyMicros(MeteringChip chip, double stepAmps, long handlerMicros, int seed = 52)
        {
            var clock = new VirtualClock();
            SlowWrites slow = null;
            HostBoard board = SocketRig.ProtectedAndPressed(chip, 10, 2.0, clock, seed, b => b.Io.Storage = slow = new SlowWrites(b.Io.Storage, clock));
            board.RunFor(5 * SocketRig.Second);

            slow.NextSettingsWriteMicros = handlerMicros;
            long step = clock.NowMicros;
            board.SetLoad(SocketRig.Amps(stepAmps));
            board.Downlink(85, Hex.Parse("ff035802")); // reporting interval 10 min: a settings save
            board.RunFor(SocketRig.Second);
            if (handlerMicros > 0 && slow.SlowWritesDone != 1)
            {
                throw new System.InvalidOperationException("the settings save did not come");
            }

            return board.Relay.Level ? -1 : board.RelayChangedAtMicros - step;
        }

        /// <summary>The board's flash, where the next write of the settings record takes a set time of board time.</summary>
        public sealed class SlowWrites : IKeyValueStorage
        {
            private readonly IKeyValueStorage _inner;
            private readonly VirtualClock _clock;

            public SlowWrites(IKeyValueStorage inner, VirtualClock clock)
            {
                _inner = inner;
                _clock = clock;
            }

            public long NextSettingsWriteMicros { get; set; }

            public int SlowWritesDone { get; private set; }

            public int Read(string key, byte[] buffer) => _inner.Read(key, buffer);

            public void Replace(string key, byte[] data, int length)
            {
                if (key == Config.SettingsStore.StorageKey && NextSettingsWriteMicros > 0)
                {
                    _clock.Advance(NextSettingsWriteMicros);
                    NextSettingsWriteMicros = 0;
                    SlowWritesDone++;
                }

                _inner.Replace(key, data, length);
            }

            public bool Delete(string key) => _inner.Delete(key);
        }
    }
}
