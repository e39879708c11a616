using System;
using Ws52x.Config.Storage;
using Ws52x.Host.Board.Storage;
using Ws52x.Util;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// The storage journal on files in memory, for each record shape the firmware keeps: ns and bytes allocated per
    /// replace and per read (the journal's own cost: on a board the file system adds its own), and bytes written per
    /// replace (the wear).
    /// </summary>
    public sealed class StorageBenchmark : IBenchmark
    {
        public string Name => "storage";

        public void Run(bool quick)
        {
            long count = quick ? 20_000 : 500_000;
            Shape("energy counter", "metering.energy", 22, count);
            Shape("lorawan counters", "lorawan.counters", 10, count);
            Shape("settings, 300 bytes", "config.settings", 300, count / 4);
            Shape("settings, 600 bytes", "config.settings", 600, count / 4);
        }

        private void Shape(string what, string key, int length, long count)
        {
            var journal = new RecordJournal(new MemoryFiles());
            var record = new byte[length];
            new Random(length).NextBytes(record);
            var buffer = new byte[RecordJournal.MaxRecordLength];
            uint i = 0;
            var replace = Measure.Run(
                () =>
                {
                    Bytes.WriteUInt32LE(record, 0, i++);
                    journal.Replace(key, record, length);
                },
                count);
            var read = Measure.Run(() => journal.Read(key, buffer), count);
            Measure.Print(Name, what + ": replace", replace.NanosPerOperation, "ns");
            Measure.Print(Name, what + ": replace allocation", replace.BytesPerOperation, "bytes");
            Measure.Print(Name, what + ": read", read.NanosPerOperation, "ns");
            Measure.Print(Name, what + ": read allocation", read.BytesPerOperation, "bytes");
            Measure.Print(Name, what + ": written per replace", (double)journal.TotalBytesWritten / journal.TotalReplaces, "bytes");
        }
    }
}
