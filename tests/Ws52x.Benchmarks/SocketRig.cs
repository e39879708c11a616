using System.IO;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Metering;
using Ws52x.Loop;
using Ws52x.Socket;
using Ws52x.Metering;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// The host board set up for socket tests and benchmarks: a virtual clock (or one with loop latency), a load, and
    /// settings changed before the first boot as a ToolBox would have written them.
    /// </summary>
    public static class SocketRig
    {
        public const long Ms = 1000;
        public const long Second = 1000000;

        public static HostBoard Board(LoadProfile load, MeteringChip chip = MeteringChip.Hlw8012, ILoopClock clock = null, TextWriter output = null, bool pretendJoin = true, int seed = 52)
        {
            var options = new HostBoardOptions
            {
                Speed = HostBoardOptions.MaxSpeed,
                Load = load,
                Chip = chip,
                Clock = clock,
                StandInLink = true, // the socket alone: a pretend join, no radio traffic
                PretendJoin = pretendJoin,
                Seed = seed,
            };
            return new HostBoard(options, output ?? TextWriter.Null);
        }

        public static LoadProfile Amps(double amps, double powerFactor = 1.0) =>
            new ConstantLoad(amps + "A", amps + " A", new LoadPoint(230, amps, powerFactor));

        /// <summary>
        /// Time from a step of the load to the relay opening, in µs (-1: it never opened within 1 s): the socket on
        /// at <paramref name="fromAmps"/>, protection at <paramref name="thresholdAmps"/>, the step at
        /// <paramref name="stepAtMicros"/> of board time, on a loop that wakes 'minLatency..maxLatency' µs late.
        /// </summary>
        public static long TripLatencyMicros(MeteringChip chip, int thresholdAmps, double fromAmps, double stepAmps, long stepAtMicros, long minLatencyMicros, long maxLatencyMicros, int seed)
        {
            return TripLatencyMicros(chip, thresholdAmps, fromAmps, stepAmps, stepAtMicros, minLatencyMicros, maxLatencyMicros, seed, out _);
        }

        /// <param name="duringVoltageVisit">Whether CF1 measured voltage at some moment between the step and the trip (the
        /// meter then sees current only through CF power until it has switched back and settled).</param>
        public static long TripLatencyMicros(MeteringChip chip, int thresholdAmps, double fromAmps, double stepAmps, long stepAtMicros, long minLatencyMicros, long maxLatencyMicros, int seed, out bool duringVoltageVisit)
        {
            duringVoltageVisit = false;
            ILoopClock clock = maxLatencyMicros > 0 ? new LatencyClock(minLatencyMicros, maxLatencyMicros, seed) : new VirtualClock();
            HostBoard board = Board(Amps(fromAmps), chip, clock, pretendJoin: false, seed: seed);
            var s = board.Settings.Current.Socket;
            s.OvercurrentProtectionEnabled = true;
            s.OvercurrentProtectionThresholdAmps = thresholdAmps;
            board.Settings.Save();
            board.Start();
            board.RunFor(500 * Ms);
            board.Press();
            board.RunUntil(stepAtMicros);
            if (!board.Relay.Level)
            {
                return -2; // tripped before the step: a false trip
            }

            long step = clock.NowMicros;
            bool voltageAtStep = board.Firmware.Metering.Meter.VoltageMode;
            int selAtStep = board.Chip.SelSwitches;
            int selAtTrip = -1;
            var pin = board.Relay.Changed;
            board.Relay.Changed = level =>
            {
                pin(level);
                selAtTrip = board.Chip.SelSwitches;
            };
            board.SetLoad(Amps(stepAmps));
            board.RunUntil(step + Second);
            duringVoltageVisit = voltageAtStep || selAtTrip - selAtStep >= 1;
            return board.Relay.Level ? -1 : board.RelayChangedAtMicros - step;
        }

        /// <summary>
        /// The cost of one protection check (a steady 8.7 A against alarm and protection at 10 A) and of one status report
        /// build, on a socket that has run for a minute with a heater: ns and bytes per operation.
        /// </summary>
        public static (Measure.Figures Check, Measure.Figures Build) ProtectionCheckAndReportBuild(long count)
        {
            HostBoard board = Board(LoadProfiles.Find("heater"));
            var s = board.Settings.Current.Socket;
            s.OvercurrentAlarmEnabled = true;
            s.OvercurrentProtectionEnabled = true;
            board.Settings.Save();
            board.Start();
            board.Press();
            board.RunFor(60 * Second);
            var watch = board.Socket.Overcurrent;
            var report = board.Socket.Reporting.Status;
            long current = board.Firmware.Metering.Meter.FastCurrentMicroamps;
            long at = board.Clock.NowMicros;
            var check = Measure.Run(() => watch.Evaluate(current, at += 10_000), count, warmup: 20_000);
            var build = Measure.Run(() => report.Build(0), count, warmup: 20_000);
            return (check, build);
        }
    }
}
