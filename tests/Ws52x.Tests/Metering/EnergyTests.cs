using System.IO;
using System.Numerics;
using Ws52x.Diagnostics;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Metering;
using Ws52x.Loop;
using Ws52x.Metering;
using Ws52x.Platform;

namespace Ws52x.Tests.Metering
{
    public class EnergyTests
    {
        private const long Minute = 60_000_000;

        [Fact]
        public void Pulses_become_watt_hours_exactly_with_the_remainder_kept()
        {
            var e = new EnergyCounter();
            e.AddPulses(999, 3_600_000_000); // 3.6 J per pulse: 1000 pulses = 1 Wh
            Assert.Equal(0, e.WattHours);
            Assert.Equal(999L * 3_600_000_000, e.RemainderNanojoules);
            e.AddPulses(2, 3_600_000_000);
            Assert.Equal(1, e.WattHours);
            Assert.Equal(3_600_000_000, e.RemainderNanojoules);
        }

        [Fact]
        public void A_century_at_16_amps_does_not_overflow()
        {
            // 3680 W on the HLW8012 default board: ~356 pulses/s; added a million pulses at a time as ticks would.
            long kp = Calibration.FromDatasheet(new MeteringBoard()).PowerNanoWattsPerHz;
            var e = new EnergyCounter();
            long chunks = 1_120_000; // 1.12e12 pulses ≈ 100 years at 356 Hz
            for (long i = 0; i < chunks; i++)
            {
                e.AddPulses(1_000_000, kp);
            }

            BigInteger nj = new BigInteger(chunks) * 1_000_000 * kp;
            Assert.Equal((long)(nj / EnergyCounter.NanojoulesPerWattHour), e.WattHours);
            Assert.Equal((long)(nj % EnergyCounter.NanojoulesPerWattHour), e.RemainderNanojoules);
        }

        [Fact]
        public void Recording_off_counts_nothing_and_reset_zeroes()
        {
            var e = new EnergyCounter();
            e.AddPulses(5000, 3_600_000_000);
            e.Recording = false;
            e.AddPulses(5000, 3_600_000_000);
            Assert.Equal(5, e.WattHours);
            e.Reset();
            Assert.Equal(0, e.WattHours);
            Assert.Equal(0, e.RemainderNanojoules);
        }

        [Fact]
        public void Record_round_trips_and_a_torn_record_is_refused()
        {
            var e = new EnergyCounter();
            e.AddPulses(123_456, 10_343_611_735);
            e.Recording = false;
            var buffer = new byte[EnergyCounter.RecordLength];
            int n = e.Write(buffer);

            var back = new EnergyCounter();
            Assert.True(back.TryRead(buffer, n));
            Assert.Equal(e.WattHours, back.WattHours);
            Assert.Equal(e.RemainderNanojoules, back.RemainderNanojoules);
            Assert.False(back.Recording);

            var fresh = new EnergyCounter();
            Assert.False(fresh.TryRead(buffer, n - 3));
            buffer[10 + 7] = 0x7f; // remainder far above one Wh: impossible
            Assert.False(fresh.TryRead(buffer, n));
            Assert.Equal(0, fresh.WattHours);
        }

        [Fact]
        public void Saves_come_at_most_once_per_10_minutes()
        {
            var s = new Socket(MeteringChip.Hlw8012, 1000);
            s.Loop.RunFor(4 * 60 * Minute);
            Assert.Equal(24, s.Storage.Writes); // 24 slots in 4 hours, each with new energy
            Assert.InRange(s.Service.Meter.Energy.WattHours, 3_995, 4_001);
        }

        [Fact]
        public void Nothing_changed_means_nothing_written()
        {
            var s = new Socket(MeteringChip.Hlw8012, 0);
            s.Loop.RunFor(6 * 60 * Minute);
            Assert.Equal(0, s.Storage.Writes);
        }

        [Fact]
        public void Power_fail_saves_once_per_outage_and_the_reboot_restores_it()
        {
            var s = new Socket(MeteringChip.Hlw8012, 2000);
            s.Loop.RunFor(7 * Minute); // no periodic save yet
            Assert.Equal(0, s.Storage.Writes);

            // The detector chatters while the supply collapses: one save.
            for (int i = 0; i < 5; i++)
            {
                s.PowerFail.Edge(false, s.Clock.NowMicros);
                s.PowerFail.Edge(true, s.Clock.NowMicros);
                s.PowerFail.Edge(false, s.Clock.NowMicros);
                s.Loop.RunUntilIdle();
            }

            // Rising edges re-arm, but with nothing counted between the outages there is nothing new to write.
            Assert.Equal(1, s.Storage.Writes);
            long saved = s.Service.Meter.Energy.WattHours;
            Assert.InRange(saved, 230, 236); // 2 kW for 7 min = 233.3 Wh

            var reboot = new Socket(MeteringChip.Hlw8012, 2000, s.Storage);
            Assert.Equal(saved, reboot.Service.Meter.Energy.WattHours);
        }

        [Fact]
        public void A_detector_that_only_falls_saves_once()
        {
            var s = new Socket(MeteringChip.Hlw8012, 2000);
            s.Loop.RunFor(3 * Minute);
            for (int i = 0; i < 5; i++)
            {
                s.PowerFail.Edge(false, s.Clock.NowMicros);
                s.Loop.RunUntilIdle();
            }

            Assert.Equal(1, s.Storage.Writes);
        }

        [Fact]
        public void An_unannounced_cut_loses_at_most_10_minutes_and_never_goes_backwards()
        {
            var s = new Socket(MeteringChip.Hlw8012, 3680);
            long previous = 0;
            for (int minute = 1; minute <= 35; minute++)
            {
                s.Loop.RunFor(Minute);

                // Cut here, without warning: reboot from what storage holds.
                var reboot = new Socket(MeteringChip.Hlw8012, 3680, s.Storage.Clone());
                long restored = reboot.Service.Meter.Energy.WattHours;
                long live = s.Service.Meter.Energy.WattHours;
                Assert.True(restored >= previous, "restored energy went backwards at minute " + minute);
                Assert.True(live - restored <= 3680 * 10 / 60 + 1, "lost " + (live - restored) + " Wh at minute " + minute);
                previous = restored;
            }
        }

        [Fact]
        public void An_unreadable_record_starts_from_zero_and_says_so()
        {
            var storage = new MemoryStorage();
            storage.Replace(EnergyStore.StorageKey, new byte[] { 1, 2, 3 }, 3);
            var s = new Socket(MeteringChip.Hlw8012, 0, storage);
            Assert.Equal(0, s.Service.Meter.Energy.WattHours);
            Assert.Contains("stored energy counter unreadable", s.Output.ToString());
        }

        /// <summary>A power-fail detector pin the test drives.</summary>
        internal sealed class TestPin : IDigitalInput
        {
            private IEdgeSink _sink;
            private bool _level = true;

            public bool Read() => _level;

            public void SetEdgeSink(IEdgeSink sink) => _sink = sink;

            public void Edge(bool level, long micros)
            {
                _level = level;
                _sink?.OnEdge(this, level, micros);
            }
        }

        /// <summary>The metering area of one socket on a virtual clock with a constant resistive load.</summary>
        internal sealed class Socket
        {
            public Socket(MeteringChip chip, double watts, MemoryStorage storage = null)
            {
                Clock = new VirtualClock();
                Loop = new EventLoop(Clock);
                Storage = storage ?? new MemoryStorage();
                Output = new StringWriter();
                var board = new MeteringBoard { Chip = chip };
                var sim = new SimulatedMeteringChip(board, new ConstantLoad("c", "c", LoadPoint.FromWatts(watts, 1.0)), 7) { Clock = Clock };
                Service = new MeteringService(board, sim.Cf, sim.Cf1, sim.Sel, Storage, new Log(new WriterConsole(Output), Clock));
                PowerFail = new TestPin();
                Service.Start(Loop, PowerFail);
            }

            public VirtualClock Clock { get; }

            public EventLoop Loop { get; }

            public MemoryStorage Storage { get; }

            public StringWriter Output { get; }

            public MeteringService Service { get; }

            public TestPin PowerFail { get; }
        }
    }
}
