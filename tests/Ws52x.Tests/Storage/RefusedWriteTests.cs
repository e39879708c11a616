using System;
using System.IO;
using Ws52x.Config.Storage;
using Ws52x.Host.Board.Storage;
using Ws52x.Platform;
using static Ws52x.Tests.Storage.PowerCutReplay;

namespace Ws52x.Tests.Storage
{
    /// <summary>
    /// A write the flash refuses while the firmware keeps running (LittleFS out of space, a worn block): the board's
    /// file store throws an IOException, having left the file it was writing in any state, and the journal goes on.
    /// The value read stays the old one until a replace succeeds; a reboot reads the old value or, when the refused
    /// write had in fact landed whole, that value; never garbage, never absent.
    /// </summary>
    public sealed class RefusedWriteTests
    {
        /// <summary>What the refused write leaves in its file: untouched, emptied, half written, or all of it.</summary>
        public enum Left
        {
            Untouched,
            Emptied,
            Half,
            Whole,
        }

        [Theory]
        [InlineData(Left.Untouched)]
        [InlineData(Left.Emptied)]
        [InlineData(Left.Half)]
        [InlineData(Left.Whole)]
        public void A_refused_write_keeps_the_old_value_and_the_next_replace_works(Left left)
        {
            var memory = new MemoryFiles();
            var files = new RefusingFiles(memory);
            var journal = new RecordJournal(files);
            byte[] v1 = { 1, 1, 1, 1 }, v2 = { 2, 2, 2, 2, 2 }, v3 = { 3, 3, 3 }, v4 = { 4 };
            journal.Replace("metering.energy", v1, v1.Length);
            journal.Replace("metering.energy", v2, v2.Length);

            files.RefuseNext = left;
            Assert.Throws<IOException>(() => journal.Replace("metering.energy", v3, v3.Length));
            Assert.Equal(v2, Get(journal, "metering.energy"));

            byte[] afterReboot = Get(new RecordJournal(memory.Clone()), "metering.energy");
            Assert.True(Same(afterReboot, v2) || (left == Left.Whole && Same(afterReboot, v3)), "read " + (afterReboot == null ? "absent" : afterReboot.Length + " bytes"));

            // Space again: the same journal replaces, and each later replace survives a reboot.
            journal.Replace("metering.energy", v4, v4.Length);
            Assert.Equal(v4, Get(journal, "metering.energy"));
            Assert.Equal(v4, Get(new RecordJournal(memory.Clone()), "metering.energy"));
            journal.Replace("metering.energy", v1, v1.Length);
            Assert.Equal(v1, Get(new RecordJournal(memory.Clone()), "metering.energy"));
        }

        [Fact]
        public void A_refused_delete_keeps_the_value()
        {
            var memory = new MemoryFiles();
            var files = new RefusingFiles(memory);
            var journal = new RecordJournal(files);
            byte[] v1 = { 1 }, v2 = { 2, 2 };
            journal.Replace("config.settings", v1, v1.Length);
            journal.Replace("config.settings", v2, v2.Length);
            files.RefuseDeletes = 2;
            Assert.Throws<IOException>(() => journal.Delete("config.settings"));
            Assert.Equal(v2, Get(journal, "config.settings"));
            Assert.Equal(v2, Get(new RecordJournal(memory.Clone()), "config.settings"));
        }

        private sealed class RefusingFiles : IFileStore
        {
            private readonly IFileStore _inner;

            public RefusingFiles(IFileStore inner)
            {
                _inner = inner;
            }

            public Left? RefuseNext { get; set; }

            /// <summary>Deletes from the nth on (1 = the first) are refused.</summary>
            public int RefuseDeletes { get; set; }

            public int Read(string name, byte[] buffer, int offset, int count) => _inner.Read(name, buffer, offset, count);

            public void Write(string name, byte[] data, int offset, int count)
            {
                if (RefuseNext == null)
                {
                    _inner.Write(name, data, offset, count);
                    return;
                }

                Left left = RefuseNext.Value;
                RefuseNext = null;
                switch (left)
                {
                    case Left.Emptied:
                        _inner.Write(name, data, offset, 0);
                        break;
                    case Left.Half:
                        _inner.Write(name, data, offset, count / 2);
                        break;
                    case Left.Whole:
                        _inner.Write(name, data, offset, count);
                        break;
                }

                throw new IOException("no space left on the flash");
            }

            public void Delete(string name)
            {
                if (RefuseDeletes > 0 && --RefuseDeletes == 0)
                {
                    throw new IOException("flash refused the delete");
                }

                _inner.Delete(name);
            }
        }
    }
}
