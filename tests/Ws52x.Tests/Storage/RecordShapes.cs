using System;
using Ws52x.Metering;
using Ws52x.Util;

namespace Ws52x.Tests.Storage
{
    /// <summary>
    /// The records the firmware keeps, as storage sees them: the settings (a few hundred bytes, written when a user or a
    /// downlink changes one), the energy counter (the real <see cref="EnergyCounter"/> record, every few minutes) and
    /// LoRaWAN counters (FCntUp, FCntDown, DevNonce: small and the most frequent).
    /// </summary>
    public static class RecordShapes
    {
        public const string SettingsKey = "config.settings";
        public const string EnergyKey = EnergyStore.StorageKey;
        public const string CountersKey = "lorawan.counters";

        /// <summary>A settings-sized record whose every byte depends on <paramref name="seed"/>, so two never look alike.</summary>
        public static byte[] Settings(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        public static byte[] Energy(long wattHours)
        {
            var counter = new EnergyCounter();
            counter.AddPulses(wattHours, EnergyCounter.NanojoulesPerWattHour);
            counter.AddPulses(1, 123456789);
            var record = new byte[EnergyCounter.RecordLength];
            counter.Write(record);
            return record;
        }

        public static byte[] Counters(uint fCntUp, uint fCntDown, ushort devNonce)
        {
            var record = new byte[10];
            Bytes.WriteUInt32LE(record, 0, fCntUp);
            Bytes.WriteUInt32LE(record, 4, fCntDown);
            Bytes.WriteUInt16LE(record, 8, devNonce);
            return record;
        }
    }
}
