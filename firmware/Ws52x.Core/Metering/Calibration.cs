using Ws52x.Util;

namespace Ws52x.Metering
{
    /// <summary>
    /// The three multipliers that turn a pulse frequency into a value: what one hertz on CF, on CF1 in current mode and
    /// on CF1 in voltage mode is worth. Kept in nano-units so that every reading is one multiply and one divide on
    /// 64-bit integers: P[mW] = pulses · PowerNanoWattsPerHz / span[µs], and likewise I[µA] and V[µV].
    /// </summary>
    internal sealed class Calibration
    {
        /// <summary>Storage key of the calibrated multipliers.</summary>
        public const string StorageKey = "metering.cal";

        /// <summary>Serialized length: version byte + three 64-bit multipliers.</summary>
        public const int RecordLength = 1 + 3 * 8;

        private const byte RecordVersion = 1;

        // HLW8012: 3.579 MHz oscillator; the datasheet's frequency formulas carry 64/24 (power), 512/24 (current), 256 (voltage).
        private const double HlwOscillatorHz = 3579000.0;
        private const double HlwVref = 2.43;

        // BL0937: the datasheet's divisors already fold in its oscillator.
        private const double BlVref = 1.218;
        private const double BlPowerDivisor = 1721506.0;
        private const double BlCurrentDivisor = 94638.0;
        private const double BlVoltageDivisor = 15397.0;

        /// <summary>Watts per CF hertz, in nW/Hz — also the energy of one CF pulse in nJ.</summary>
        public long PowerNanoWattsPerHz;

        /// <summary>Amperes per CF1 hertz in current mode, in nA/Hz.</summary>
        public long CurrentNanoampsPerHz;

        /// <summary>Volts per CF1 hertz in voltage mode, in nV/Hz.</summary>
        public long VoltageNanovoltsPerHz;

        /// <summary>The multipliers the datasheet gives for the board's chip, shunt and divider, before any calibration.</summary>
        public static Calibration FromDatasheet(MeteringBoard board)
        {
            double rs = board.ShuntOhms;
            double kdiv = board.DividerRatio;
            double watts;
            double amps;
            double volts;
            if (board.Chip == MeteringChip.Bl0937)
            {
                watts = BlVref * BlVref * kdiv / rs / BlPowerDivisor;
                amps = BlVref / rs / BlCurrentDivisor;
                volts = BlVref * kdiv / BlVoltageDivisor;
            }
            else
            {
                watts = HlwVref * HlwVref * kdiv / rs * 64.0 / 24.0 / HlwOscillatorHz;
                amps = HlwVref / rs * 512.0 / 24.0 / HlwOscillatorHz;
                volts = HlwVref * kdiv * 256.0 / HlwOscillatorHz;
            }

            return new Calibration
            {
                PowerNanoWattsPerHz = (long)(watts * 1e9 + 0.5),
                CurrentNanoampsPerHz = (long)(amps * 1e9 + 0.5),
                VoltageNanovoltsPerHz = (long)(volts * 1e9 + 0.5),
            };
        }

        public void CopyFrom(Calibration other)
        {
            PowerNanoWattsPerHz = other.PowerNanoWattsPerHz;
            CurrentNanoampsPerHz = other.CurrentNanoampsPerHz;
            VoltageNanovoltsPerHz = other.VoltageNanovoltsPerHz;
        }

        /// <summary>
        /// The multiplier (nano-units per Hz) that makes <paramref name="pulses"/> over <paramref name="spanMicros"/> read
        /// <paramref name="expectedMicro"/> (µW, µA or µV): expected · span / (pulses · 1000), rounded; 0 when nothing was counted.
        /// </summary>
        public static long MultiplierFor(long expectedMicro, long pulses, long spanMicros)
        {
            if (pulses <= 0 || spanMicros <= 0 || expectedMicro <= 0)
            {
                return 0;
            }

            long divisor = pulses * 1000;
            if (expectedMicro <= long.MaxValue / 2 / spanMicros)
            {
                return (expectedMicro * spanMicros + divisor / 2) / divisor;
            }

            // A long calibration on a big load (an hour at 3.68 kW is 1.3e19 µW·µs) overflows 64 bits: the integer
            // product wrapped and a sound calibration was refused as implausible. Once, so a double is fine here.
            double multiplier = (double)expectedMicro * spanMicros / divisor + 0.5;
            return multiplier < long.MaxValue ? (long)multiplier : long.MaxValue;
        }

        public int Write(byte[] buffer)
        {
            buffer[0] = RecordVersion;
            Bytes.WriteInt64LE(buffer, 1, PowerNanoWattsPerHz);
            Bytes.WriteInt64LE(buffer, 9, CurrentNanoampsPerHz);
            Bytes.WriteInt64LE(buffer, 17, VoltageNanovoltsPerHz);
            return RecordLength;
        }

        /// <summary>Reads a stored record; false (and nothing changed) for a wrong length, version or a non-positive multiplier.</summary>
        public bool TryRead(byte[] buffer, int length)
        {
            if (length != RecordLength || buffer[0] != RecordVersion)
            {
                return false;
            }

            long p = Bytes.ReadInt64LE(buffer, 1);
            long i = Bytes.ReadInt64LE(buffer, 9);
            long v = Bytes.ReadInt64LE(buffer, 17);
            if (p <= 0 || i <= 0 || v <= 0)
            {
                return false;
            }

            PowerNanoWattsPerHz = p;
            CurrentNanoampsPerHz = i;
            VoltageNanovoltsPerHz = v;
            return true;
        }
    }
}
