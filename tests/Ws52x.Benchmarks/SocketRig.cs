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

        // How long before a step a switch of SEL still counts as "CF1 away from current": the meter's 50 ms of settling,
        // then the three readings of the fast current's ring (up to 40 ms apart on a late loop).
        private const long SelSettleMicros = 200 * Ms;

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

        /// <param name="duringVoltageVisit">Whether CF1 was away from current at some moment between the step and the trip:
        /// measuring voltage, or back on current for less than 200 ms (settling, its ring refilling) at the step (the meter then sees
        /// current only through CF power until CF1 is back on current and settled).</param>
        /// <param name="visitOffsetMicros">-1: the step is at <paramref name="stepAtMicros"/>; otherwise this long after
        /// the start of the first voltage visit that begins at or after <paramref name="stepAtMicros"/> (the worst moments).</param>
        public static long TripLatencyMicros(MeteringChip chip, int thresholdAmps, double fromAmps, double stepAmps, long stepAtMicros, long minLatencyMicros, long maxLatencyMicros, int seed, out bool duringVoltageVisit, long visitOffsetMicros = -1)
        {
            duringVoltageVisit = false;
            ILoopClock clock = maxLatencyMicros > 0 ? new LatencyClock(minLatencyMicros, maxLatencyMicros, seed) : new VirtualClock();
            HostBoard board = ProtectedAndPressed(chip, thresholdAmps, fromAmps, clock, seed);
            long stepAt = stepAtMicros;
            if (visitOffsetMicros >= 0)
            {
                board.RunUntil(stepAtMicros);
                long visitStart = NextVoltageVisit(board, stepAtMicros + 120 * Second);
                if (visitStart < 0)
                {
                    return -3; // no voltage visit came
                }

                stepAt = visitStart + visitOffsetMicros;
            }

            board.RunUntil(stepAt - SelSettleMicros);
            int selBefore = board.Chip.SelSwitches;
            board.RunUntil(stepAt);

            if (!board.Relay.Level)
            {
                return -2; // tripped before the step: a false trip
            }

            long step = clock.NowMicros;
            bool voltageAtStep = board.Firmware.Metering.Meter.VoltageMode;
            int selAtTrip = -1;
            var pin = board.Relay.Changed;
            board.Relay.Changed = level =>
            {
                pin(level);
                selAtTrip = board.Chip.SelSwitches;
            };
            board.SetLoad(Amps(stepAmps));
            board.RunUntil(step + Second);
            duringVoltageVisit = voltageAtStep || selAtTrip - selBefore >= 1;
            return board.Relay.Level ? -1 : board.RelayChangedAtMicros - step;
        }

        /// <summary>
        /// A started board at <paramref name="fromAmps"/> with protection at <paramref name="thresholdAmps"/>, pressed on at
        /// 500 ms (the relay closes at its release); <paramref name="beforeStart"/> may rewire the board first.
        /// </summary>
        public static HostBoard ProtectedAndPressed(MeteringChip chip, int thresholdAmps, double fromAmps, ILoopClock clock, int seed, System.Action<HostBoard> beforeStart = null)
        {
            HostBoard board = Board(Amps(fromAmps), chip, clock, pretendJoin: false, seed: seed);
            beforeStart?.Invoke(board);
            var s = board.Settings.Current.Socket;
            s.OvercurrentProtectionEnabled = true;
            s.OvercurrentProtectionThresholdAmps = thresholdAmps;
            board.Settings.Save();
            board.Start();
            board.RunFor(500 * Ms);
            board.Press();
            return board;
        }

        // Runs until CF1 next switches to voltage (found to the metering tick); its board time, or -1 by the deadline.
        private static long NextVoltageVisit(HostBoard board, long deadlineMicros)
        {
            var meter = board.Firmware.Metering.Meter;
            while (meter.VoltageMode && board.Clock.NowMicros < deadlineMicros)
            {
                board.RunFor(10 * Ms);
            }

            while (!meter.VoltageMode && board.Clock.NowMicros < deadlineMicros)
            {
                board.RunFor(10 * Ms);
            }

            return meter.VoltageMode ? board.Clock.NowMicros : -1;
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
