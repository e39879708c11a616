using Ws52x.Util;

namespace Ws52x.Metering
{
    /// <summary>
    /// Consumed energy counted from CF pulses: every pulse is worth the power multiplier in nJ, so the total is exact up
    /// to calibration and never drifts with sampling. Whole watt-hours plus a remainder in nJ, so that a 16 A socket can
    /// count for centuries without overflow. Recording can be switched off (the guide's ff26) and reset (ff27).
    /// </summary>
    public sealed class EnergyCounter
    {
        /// <summary>One watt-hour in nanojoules.</summary>
        public const long NanojoulesPerWattHour = 3600L * 1000000000L;

        /// <summary>Serialized length: version, flags, watt-hours, remainder, generation.</summary>
        public const int RecordLength = 1 + 1 + 8 + 8 + 4;

        private const byte RecordVersion = 1;

        private long _remainderNanojoules;
        private bool _recording = true;

        public long WattHours { get; private set; }

        /// <summary>Energy below one watt-hour not yet in <see cref="WattHours"/>, in nJ.</summary>
        public long RemainderNanojoules => _remainderNanojoules;

        /// <summary>Whether pulses are counted (the guide's power consumption recording, ff26).</summary>
        public bool Recording
        {
            get => _recording;
            set
            {
                if (_recording != value)
                {
                    _recording = value;
                    Generation++;
                }
            }
        }

        /// <summary>Counts up on every change, so storage can tell whether a save is due.</summary>
        public uint Generation { get; private set; }

        /// <summary>Adds <paramref name="pulses"/> CF pulses of <paramref name="nanojoulesPerPulse"/> each, if recording.</summary>
        public void AddPulses(long pulses, long nanojoulesPerPulse)
        {
            if (!_recording || pulses <= 0)
            {
                return;
            }

            _remainderNanojoules += pulses * nanojoulesPerPulse;
            if (_remainderNanojoules >= NanojoulesPerWattHour)
            {
                long whole = _remainderNanojoules / NanojoulesPerWattHour;
                WattHours += whole;
                _remainderNanojoules -= whole * NanojoulesPerWattHour;
            }

            Generation++;
        }

        /// <summary>Back to zero (the guide's ff27).</summary>
        public void Reset()
        {
            WattHours = 0;
            _remainderNanojoules = 0;
            Generation++;
        }

        public int Write(byte[] buffer)
        {
            buffer[0] = RecordVersion;
            buffer[1] = _recording ? (byte)1 : (byte)0;
            Bytes.WriteInt64LE(buffer, 2, WattHours);
            Bytes.WriteInt64LE(buffer, 10, _remainderNanojoules);
            Bytes.WriteUInt32LE(buffer, 18, Generation);
            return RecordLength;
        }

        /// <summary>Loads a stored record; false (nothing changed) for a wrong length or version or impossible values.</summary>
        public bool TryRead(byte[] buffer, int length)
        {
            if (length != RecordLength || buffer[0] != RecordVersion || buffer[1] > 1)
            {
                return false;
            }

            long wh = Bytes.ReadInt64LE(buffer, 2);
            long rem = Bytes.ReadInt64LE(buffer, 10);
            if (wh < 0 || rem < 0 || rem >= NanojoulesPerWattHour)
            {
                return false;
            }

            _recording = buffer[1] == 1;
            WattHours = wh;
            _remainderNanojoules = rem;
            Generation = Bytes.ReadUInt32LE(buffer, 18);
            return true;
        }
    }
}
