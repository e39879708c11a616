using System;
using Ws52x.Config.Storage;
using Ws52x.Host.Board.Storage;
using static Ws52x.Tests.Storage.RecordShapes;

namespace Ws52x.Tests.Storage
{
    [Collection(Ws52x.Tests.Config.HeapMeasurements.Name)]
    public class StorageAllocationTests
    {
        [Fact]
        public void Replace_and_read_of_every_record_shape_allocate_nothing_after_warm_up()
        {
            // Through the power-cut wrapper too (unarmed), as the replay runs it.
            var journal = new RecordJournal(new PowerCutFiles(new MemoryFiles()));
            byte[] settings = Settings(600, 1);
            byte[] energy = Energy(1234);
            byte[] counters = Counters(160, 4, 2);
            var buffer = new byte[RecordJournal.MaxRecordLength];

            long total = 0;
            void Round()
            {
                for (int i = 0; i < 200; i++)
                {
                    energy[2] = (byte)i;
                    journal.Replace(EnergyKey, energy, energy.Length);
                    journal.Replace(CountersKey, counters, counters.Length);
                    journal.Replace(SettingsKey, settings, settings.Length);
                    total += journal.Read(EnergyKey, buffer) + journal.Read(CountersKey, buffer) + journal.Read(SettingsKey, buffer);
                }
            }

            // The first round is set-up, not steady state: each key's first use makes its slot names, files and scratch grow.
            Round();
            int rounds = SteadyStateAllocation.AssertNothingAllocated(Round);

            Assert.Equal((1 + rounds) * 200 * (22 + 10 + 600), total);
            Assert.Equal(energy, PowerCutReplay.Get(journal, EnergyKey));
            Assert.Equal(199, energy[2]);
        }
    }
}
