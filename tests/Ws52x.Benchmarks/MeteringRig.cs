using Ws52x.Host.Board.Metering;
using Ws52x.Loop;
using Ws52x.Metering;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// The metering driver on a simulated chip and a virtual clock, without the rest of the firmware: what the accuracy
    /// benchmark and the metering tests drive. The firmware's idea of the board and the board's true resistors are
    /// separate, so that calibration can be tested against a board whose parts are off their nominal values.
    /// </summary>
    public sealed class MeteringRig
    {
        public MeteringRig(MeteringChip chip, LoadProfile load, int seed = 52, MeteringBoard trueBoard = null, bool edgeTimestamps = false)
        {
            FirmwareBoard = new MeteringBoard { Chip = chip };
            TrueBoard = trueBoard ?? new MeteringBoard { Chip = chip };
            Clock = new VirtualClock();
            Loop = new EventLoop(Clock, eventCapacity: 16, timerCapacity: 8);
            Chip = new SimulatedMeteringChip(TrueBoard, load, seed) { Clock = Clock, EdgeTimestamps = edgeTimestamps };
            Meter = new PowerMeter(FirmwareBoard, Calibration.FromDatasheet(FirmwareBoard), Chip.Cf, Chip.Cf1, Chip.Sel);
            Meter.Start(Loop);
        }

        public MeteringBoard FirmwareBoard { get; }

        public MeteringBoard TrueBoard { get; }

        public VirtualClock Clock { get; }

        public EventLoop Loop { get; }

        public SimulatedMeteringChip Chip { get; }

        public PowerMeter Meter { get; }

        public void RunFor(long micros) => Loop.RunFor(micros);

        public void RunForSeconds(double seconds) => Loop.RunFor((long)(seconds * 1e6));
    }
}
