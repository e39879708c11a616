using Ws52x.Metering;

namespace Ws52x.Tests.Metering
{
    public class CalibrationTests
    {
        [Fact]
        public void Hlw8012_defaults_match_the_worked_example_for_1_milliohm_and_2351_divider()
        {
            // shared/notes/metering-facts.md, worked example for Rs = 1 mΩ, Kdiv = 2351:
            // 10.344 W/Hz, 0.014484 A/Hz, 0.40864 V/Hz (each to the example's printed precision).
            Calibration c = Calibration.FromDatasheet(new MeteringBoard { Chip = MeteringChip.Hlw8012 });
            Assert.InRange(c.PowerNanoWattsPerHz, 10_343_500_000, 10_344_500_000);
            Assert.InRange(c.CurrentNanoampsPerHz, 14_483_500, 14_484_500);
            Assert.InRange(c.VoltageNanovoltsPerHz, 408_635_000, 408_645_000);
        }

        [Fact]
        public void Bl0937_defaults_follow_its_datasheet_divisors()
        {
            // By hand: 1.218² · 2351 / 0.001 / 1721506 = 2.02600 W/Hz; 1.218 / 0.001 / 94638 = 0.0128701 A/Hz;
            // 1.218 · 2351 / 15397 = 0.185979 V/Hz.
            Calibration c = Calibration.FromDatasheet(new MeteringBoard { Chip = MeteringChip.Bl0937 });
            Assert.InRange(c.PowerNanoWattsPerHz, 2_025_950_000, 2_026_050_000);
            Assert.InRange(c.CurrentNanoampsPerHz, 12_869_500, 12_870_700);
            Assert.InRange(c.VoltageNanovoltsPerHz, 185_970_000, 185_990_000);
        }

        [Fact]
        public void Defaults_scale_with_the_board_resistors()
        {
            Calibration nominal = Calibration.FromDatasheet(new MeteringBoard());
            Calibration doubleShunt = Calibration.FromDatasheet(new MeteringBoard { ShuntMicroOhms = 2000 });

            // Twice the shunt: twice the volts per amp at the chip, so half the amps (and watts) per hertz; voltage unchanged.
            Assert.Equal(nominal.PowerNanoWattsPerHz / 2.0, doubleShunt.PowerNanoWattsPerHz, 0);
            Assert.Equal(nominal.CurrentNanoampsPerHz / 2.0, doubleShunt.CurrentNanoampsPerHz, 0);
            Assert.Equal(nominal.VoltageNanovoltsPerHz, doubleShunt.VoltageNanovoltsPerHz);
        }

        [Fact]
        public void Record_round_trips_and_bad_records_change_nothing()
        {
            var c = new Calibration { PowerNanoWattsPerHz = 10_000_000_123, CurrentNanoampsPerHz = 14_000_001, VoltageNanovoltsPerHz = 400_000_002 };
            var buffer = new byte[Calibration.RecordLength];
            Assert.Equal(Calibration.RecordLength, c.Write(buffer));

            var back = new Calibration();
            Assert.True(back.TryRead(buffer, buffer.Length));
            Assert.Equal(c.PowerNanoWattsPerHz, back.PowerNanoWattsPerHz);
            Assert.Equal(c.CurrentNanoampsPerHz, back.CurrentNanoampsPerHz);
            Assert.Equal(c.VoltageNanovoltsPerHz, back.VoltageNanovoltsPerHz);

            var untouched = Calibration.FromDatasheet(new MeteringBoard());
            long before = untouched.PowerNanoWattsPerHz;
            Assert.False(untouched.TryRead(buffer, buffer.Length - 1));
            var wrongVersion = (byte[])buffer.Clone();
            wrongVersion[0] = 9;
            Assert.False(untouched.TryRead(wrongVersion, wrongVersion.Length));
            var negative = (byte[])buffer.Clone();
            negative[16] = 0x80; // top byte of the current multiplier
            Assert.False(untouched.TryRead(negative, negative.Length));
            Assert.Equal(before, untouched.PowerNanoWattsPerHz);
        }

        [Fact]
        public void A_stored_calibration_for_the_other_chip_is_not_applied_and_a_sound_one_is()
        {
            // Calibrated as an HLW8012 board, then built or set up as a BL0937 board: the record is 5x off its constants.
            var record = new byte[Calibration.RecordLength];
            Calibration.FromDatasheet(new MeteringBoard { Chip = MeteringChip.Hlw8012 }).Write(record);
            var storage = new Ws52x.Host.Board.MemoryStorage();
            storage.Replace(Calibration.StorageKey, record, record.Length);
            var bl = new EnergyTests.Socket(MeteringChip.Bl0937, 0, storage);
            Calibration expected = Calibration.FromDatasheet(new MeteringBoard { Chip = MeteringChip.Bl0937 });
            Assert.Equal(expected.PowerNanoWattsPerHz, bl.Service.Meter.Calibration.PowerNanoWattsPerHz);
            Assert.Equal(expected.CurrentNanoampsPerHz, bl.Service.Meter.Calibration.CurrentNanoampsPerHz);
            Assert.Equal(expected.VoltageNanovoltsPerHz, bl.Service.Meter.Calibration.VoltageNanovoltsPerHz);
            Assert.Contains("not for this board", bl.Output.ToString());

            // A calibration 4 % off the datasheet (real resistors) is what calibrating is for: applied.
            var sound = Calibration.FromDatasheet(new MeteringBoard { Chip = MeteringChip.Hlw8012 });
            sound.PowerNanoWattsPerHz = sound.PowerNanoWattsPerHz * 104 / 100;
            sound.Write(record);
            storage.Replace(Calibration.StorageKey, record, record.Length);
            var hlw = new EnergyTests.Socket(MeteringChip.Hlw8012, 0, storage);
            Assert.Equal(sound.PowerNanoWattsPerHz, hlw.Service.Meter.Calibration.PowerNanoWattsPerHz);
            Assert.Contains("stored calibration: ", hlw.Output.ToString());
        }

        [Theory]
        [InlineData(1_000_000_000L, 967, 10_000_000, 10_341_261_634L)] // 1 kW, 96.7 Hz for 10 s: 1000 W / 96.7 Hz = 10.341261634 W/Hz
        [InlineData(230_000_000L, 5628, 10_000_000, 408_670_931L)]    // 230 V, 562.8 Hz: 230 / 562.8 = 0.408670931 V/Hz
        [InlineData(5, 0, 10_000_000, 0)]                             // nothing counted: no multiplier
        public void Multiplier_is_value_times_time_over_pulses(long expectedMicro, long pulses, long spanMicros, long multiplier)
        {
            Assert.Equal(multiplier, Calibration.MultiplierFor(expectedMicro, pulses, spanMicros));
        }
    }
}
