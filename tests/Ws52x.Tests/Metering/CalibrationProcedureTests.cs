using System;
using System.IO;
using Ws52x.Diagnostics;
using Ws52x.Host.Board;
using Ws52x.Loop;
using Ws52x.Tests.Config;
using Ws52x.Benchmarks;
using Ws52x.Host.Board.Metering;
using Ws52x.Metering;

namespace Ws52x.Tests.Metering
{
    public class CalibrationProcedureTests
    {
        // A board whose shunt is 5 % high and whose divider's upper leg is 5 % low, while the firmware assumes nominal parts.
        private static MeteringBoard OffBoard(MeteringChip chip) => new MeteringBoard
        {
            Chip = chip,
            ShuntMicroOhms = 1050,
            DividerUpperOhms = 2_232_500,
        };

        [Theory]
        [InlineData(MeteringChip.Hlw8012)]
        [InlineData(MeteringChip.Bl0937)]
        public void Calibrating_on_a_1_kW_heater_brings_a_5_percent_off_board_within_half_a_percent_on_other_loads(MeteringChip chip)
        {
            LoadPoint heater = LoadPoint.FromWatts(1000, 1.0);
            var rig = new MeteringRig(chip, new ConstantLoad("heater", "1 kW", heater), seed: 3, trueBoard: OffBoard(chip));
            rig.RunForSeconds(20);

            // Uncalibrated, the resistor errors show: power reads ~5 % high (shunt), voltage ~5 % low (divider).
            double before = rig.Meter.PowerMicrowatts / 1e6;
            Assert.True(Math.Abs(before / heater.Watts - 1) > 0.04, "the off board should read off before calibration: " + before);

            var calibrator = new MeteringCalibrator(rig.Meter);
            calibrator.Begin();
            rig.RunForSeconds(120);
            Assert.True(FinishOn(calibrator, heater), calibrator.Error);

            foreach (LoadPoint load in new[]
            {
                LoadPoint.FromWatts(60, 1.0), LoadPoint.FromWatts(2000, 1.0), LoadPoint.FromWatts(3680, 1.0),
                LoadPoint.FromWatts(110, 0.65), LoadPoint.FromWatts(9, 0.5),
            })
            {
                rig.Chip.SetLoad(new ConstantLoad("next", "next", load));
                rig.RunForSeconds(120);
                AssertWithin(load.Watts, rig.Meter.PowerMicrowatts / 1e6, "power", load);
                AssertWithin(load.Amps, rig.Meter.CurrentMicroamps / 1e6, "current", load);
                AssertWithin(load.Volts, rig.Meter.VoltageMicrovolts / 1e6, "voltage", load);
            }
        }

        [Fact]
        public void Too_early_or_implausible_calibration_is_refused_and_changes_nothing()
        {
            var rig = new MeteringRig(MeteringChip.Hlw8012, new ConstantLoad("heater", "1 kW", LoadPoint.FromWatts(1000, 1.0)));
            rig.RunForSeconds(5);
            long kp = rig.Meter.Calibration.PowerNanoWattsPerHz;
            var calibrator = new MeteringCalibrator(rig.Meter);
            calibrator.Begin();
            rig.RunForSeconds(2);
            Assert.False(calibrator.Finish(230_000_000, 4_347_826, 1_000_000_000));
            Assert.Contains("not enough pulses", calibrator.Error);

            rig.RunForSeconds(120);
            Assert.False(calibrator.Finish(230_000_000, 4_347_826, 3_000_000_000)); // "3 kW" for a 1 kW heater
            Assert.Contains("factor of two", calibrator.Error);
            Assert.False(calibrator.Finish(0, 4_347_826, 1_000_000_000));
            Assert.Equal(kp, rig.Meter.Calibration.PowerNanoWattsPerHz);
        }

        [Theory]
        [InlineData(MeteringChip.Hlw8012)]
        [InlineData(MeteringChip.Bl0937)]
        public void An_hour_long_calibration_on_a_3680_W_heater_is_accepted_and_right(MeteringChip chip)
        {
            // An hour of power windows at 3.68 kW is 3.68e9 µW × 3.6e9 µs: beyond 64 bits as one product.
            LoadPoint heater = LoadPoint.FromWatts(3680, 1.0);
            var rig = new MeteringRig(chip, new ConstantLoad("heater", "3.68 kW", heater), seed: 5, trueBoard: OffBoard(chip));
            rig.RunForSeconds(20);
            var calibrator = new MeteringCalibrator(rig.Meter);
            calibrator.Begin();
            rig.RunForSeconds(3600);
            Assert.True(FinishOn(calibrator, heater), calibrator.Error);

            rig.Chip.SetLoad(new ConstantLoad("next", "next", LoadPoint.FromWatts(500, 1.0)));
            rig.RunForSeconds(120);
            AssertWithin(500, rig.Meter.PowerMicrowatts / 1e6, "power", heater);
        }

        [Fact]
        public void A_calibration_the_flash_refuses_is_not_applied_either()
        {
            // Applied but not stored, a reboot would silently undo it; and the storage exception escaped the console command.
            var (service, storage, _) = CalibrationCollected();
            long kp = service.Meter.Calibration.PowerNanoWattsPerHz;

            storage.WritesBeforeCut = 0;
            Assert.False(service.FinishCalibration(230_000_000, 4_347_826, 1_010_000_000));
            Assert.Contains("storage failed", service.Calibrator.Error);
            Assert.Equal(kp, service.Meter.Calibration.PowerNanoWattsPerHz);

            storage.WritesBeforeCut = -1;
            Assert.True(service.FinishCalibration(230_000_000, 4_347_826, 1_010_000_000), service.Calibrator.Error);
            Assert.NotEqual(kp, service.Meter.Calibration.PowerNanoWattsPerHz);
        }

        [Fact]
        public void A_clear_the_flash_refuses_keeps_the_calibration_in_use_as_on_flash()
        {
            // Cleared in memory but still on flash, the old calibration would come back at the next boot without a word.
            var (service, storage, board) = CalibrationCollected();
            Assert.True(service.FinishCalibration(230_000_000, 4_347_826, 1_010_000_000), service.Calibrator.Error);
            long calibrated = service.Meter.Calibration.PowerNanoWattsPerHz;
            long datasheet = Calibration.FromDatasheet(board).PowerNanoWattsPerHz;
            Assert.NotEqual(datasheet, calibrated);

            storage.WritesBeforeCut = 0;
            Assert.False(service.ClearCalibration());
            Assert.Contains("storage failed", service.Calibrator.Error);
            Assert.Equal(calibrated, service.Meter.Calibration.PowerNanoWattsPerHz);
            Assert.True(storage.Read(Calibration.StorageKey, new byte[64]) > 0);

            storage.WritesBeforeCut = -1;
            Assert.True(service.ClearCalibration());
            Assert.Equal(datasheet, service.Meter.Calibration.PowerNanoWattsPerHz);
            Assert.True(storage.Read(Calibration.StorageKey, new byte[64]) < 0);
        }

        // A meter on a 1 kW heater, its storage able to refuse writes, three minutes into a calibration: ready to finish.
        private static (MeteringService Service, CuttableStorage Storage, MeteringBoard Board) CalibrationCollected()
        {
            var clock = new VirtualClock();
            var loop = new EventLoop(clock);
            var board = new MeteringBoard();
            var sim = new SimulatedMeteringChip(board, new ConstantLoad("h", "1 kW", LoadPoint.FromWatts(1000, 1.0)), 7) { Clock = clock };
            var storage = new CuttableStorage();
            var service = new MeteringService(board, sim.Cf, sim.Cf1, sim.Sel, storage, new Log(new WriterConsole(new StringWriter()), clock));
            service.Start(loop, null);
            service.Calibrator.Begin();
            loop.RunFor(180_000_000);
            return (service, storage, board);
        }

        // Ends the calibration with the load's true volts, amps and watts, in the calibrator's micro-units.
        private static bool FinishOn(MeteringCalibrator calibrator, LoadPoint load) =>
            calibrator.Finish((long)(load.Volts * 1e6), (long)(load.Amps * 1e6), (long)(load.Watts * 1e6));

        private static void AssertWithin(double expected, double actual, string what, LoadPoint load)
        {
            double error = Math.Abs(actual / expected - 1);
            Assert.True(error <= 0.005, what + " on " + load + ": " + actual + " vs " + expected + " (" + (error * 100).ToString("0.000") + " %)");
        }
    }
}
