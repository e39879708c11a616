using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ws52x.Host.Board.Storage;
using Ws52x.Platform;

namespace Ws52x.Tests.Storage
{
    /// <summary>What the journal relies on from every board's <see cref="IFileStore"/>, checked on each; and the power-cut wrapper.</summary>
    public sealed class FileStoreTests : IClassFixture<TempFolder>
    {
        private readonly TempFolder _temp;

        public FileStoreTests(TempFolder temp) => _temp = temp;

        public static IEnumerable<object[]> Stores => new[] { "memory", "host folder", "esp32 adapter" }.Select(s => new object[] { s });

        private IFileStore Open(string store) => store switch
        {
            "memory" => new MemoryFiles(),
            "host folder" => new DirectoryFiles(Path.Combine(_temp.Path, "contract-" + Guid.NewGuid().ToString("N")), syncToDisk: false),
            _ => Esp32FlashStorage.Open(Path.Combine(_temp.Path, "contract-" + Guid.NewGuid().ToString("N"))),
        };

        [Theory]
        [MemberData(nameof(Stores))]
        public void Whole_files_are_written_replaced_read_and_deleted(string store)
        {
            IFileStore files = Open(store);
            var buffer = new byte[16];
            Assert.Equal(-1, files.Read("k.a", buffer, 0, buffer.Length));
            files.Delete("k.a"); // nothing there: no error

            files.Write("k.a", new byte[] { 0, 1, 2, 3, 4, 5, 6 }, 1, 5);
            Assert.Equal(5, files.Read("k.a", buffer, 2, 10));
            Assert.Equal(new byte[] { 0, 0, 1, 2, 3, 4, 5, 0 }, buffer.Take(8));

            // A shorter write replaces the whole file; a short read copies what fits and still says how long the file is.
            files.Write("k.a", new byte[] { 9, 8 }, 0, 2);
            Array.Clear(buffer);
            Assert.Equal(2, files.Read("k.a", buffer, 0, 16));
            Assert.Equal(new byte[] { 9, 8, 0 }, buffer.Take(3));
            Assert.Equal(2, files.Read("k.a", buffer, 5, 1));
            Assert.Equal(9, buffer[5]);
            Assert.Equal(0, buffer[6]);

            files.Write("k.b", Array.Empty<byte>(), 0, 0);
            Assert.Equal(0, files.Read("k.b", buffer, 0, 16));
            files.Delete("k.a");
            Assert.Equal(-1, files.Read("k.a", buffer, 0, 16));
            Assert.Equal(0, files.Read("k.b", buffer, 0, 16));
        }

        [Fact]
        public void Memory_files_count_what_they_write_and_clone_what_a_board_finds_after_a_cut()
        {
            var files = new MemoryFiles();
            files.Write("a", new byte[10], 0, 10);
            files.Write("a", new byte[4], 0, 4);
            files.Delete("a");
            files.Delete("a");
            files.Write("b", new byte[] { 1, 2, 3 }, 0, 3);
            Assert.Equal(17, files.BytesWritten);
            Assert.Equal(3, files.Writes);
            Assert.Equal(1, files.Deletes);

            MemoryFiles clone = files.Clone();
            files.Write("b", new byte[] { 7 }, 0, 1);
            Assert.Equal(new byte[] { 1, 2, 3 }, clone.Content("b"));
            Assert.Equal(0, clone.Writes);
            Assert.Equal(new[] { "b" }, clone.Names);
        }

        [Theory]
        [InlineData(TornWrite.Prefix, 3, new byte[] { 1, 2, 3 })]
        [InlineData(TornWrite.Prefix, 0, new byte[0])]
        [InlineData(TornWrite.ErasedTail, 2, new byte[] { 1, 2, 0xFF, 0xFF, 0xFF })]
        [InlineData(TornWrite.OldContent, 2, new byte[] { 9 })]
        [InlineData(TornWrite.Prefix, 5, new byte[] { 1, 2, 3, 4, 5 })] // complete, but the call never returned
        public void A_cut_write_is_left_as_the_flash_would_and_the_power_stays_off(TornWrite kind, int torn, byte[] left)
        {
            var files = new MemoryFiles();
            files.Write("k", new byte[] { 9 }, 0, 1);
            var cutter = new PowerCutFiles(files);
            cutter.Write("other", new byte[] { 5 }, 0, 1); // operation 0
            cutter.CutAt(1, torn, kind);
            var e = Assert.Throws<PowerCutException>(() => cutter.Write("k", new byte[] { 1, 2, 3, 4, 5 }, 0, 5));
            Assert.Contains("torn after " + torn + " of 5 bytes", e.Message);
            Assert.Equal(left, files.Content("k"));
            Assert.True(cutter.PoweredOff);
            Assert.Throws<PowerCutException>(() => cutter.Read("k", new byte[8], 0, 8));
            Assert.Throws<PowerCutException>(() => cutter.Delete("other"));
            Assert.Equal(new byte[] { 5 }, files.Content("other"));
        }

        [Fact]
        public void A_cut_after_a_number_of_bytes_tears_the_write_that_crosses_it()
        {
            var files = new MemoryFiles();
            var cutter = new PowerCutFiles(files);
            cutter.CutAfterBytes(7, TornWrite.Prefix);
            cutter.Write("a", new byte[4], 0, 4);
            Assert.Throws<PowerCutException>(() => cutter.Write("b", new byte[] { 1, 2, 3, 4, 5 }, 0, 5));
            Assert.Equal(new byte[] { 1, 2, 3 }, files.Content("b"));
            Assert.Equal(7, cutter.BytesWritten);

            // At the mark exactly, the next operation does not happen at all.
            var exact = new PowerCutFiles(files = new MemoryFiles());
            files.Write("c", new byte[] { 1 }, 0, 1);
            exact.CutAfterBytes(2, TornWrite.Prefix);
            exact.Write("a", new byte[2], 0, 2);
            Assert.Throws<PowerCutException>(() => exact.Delete("c"));
            Assert.NotNull(files.Content("c"));
        }

        [Fact]
        public void A_cut_before_a_delete_leaves_the_file()
        {
            var files = new MemoryFiles();
            files.Write("k", new byte[] { 1 }, 0, 1);
            var cutter = new PowerCutFiles(files);
            var seen = new List<string>();
            cutter.Observer = (op, write, length) => seen.Add(op + (write ? " write " + length : " delete"));
            cutter.CutAt(0, 0, TornWrite.Prefix);
            Assert.Throws<PowerCutException>(() => cutter.Delete("k"));
            Assert.Equal(new byte[] { 1 }, files.Content("k"));
            Assert.Equal(new[] { "0 delete" }, seen);
        }
    }
}
