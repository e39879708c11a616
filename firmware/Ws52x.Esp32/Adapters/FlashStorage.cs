// APIs used here, checked against nanoframework/System.IO.FileSystem v1.1.93 (System.IO.FileSystem/*.cs):
//   File.Exists(string), File.Delete(string) (no-op when absent), Path.Combine(string, string),
//   Directory.Exists / CreateDirectory(string), FileStream(string, FileMode, FileAccess),
//   FileStream.Write(byte[], int, int) / Read(byte[], int, int) (returns 0 or -1 at the end) / Flush() / Length / Dispose(),
//   FileMode.Create (opens, then SetLength(0) when the file exists) / Open, FileAccess.Read / Write.
// The ESP32 internal flash drive is "I:" (nanoframework/nf-interpreter targets/ESP32/ESP32/target_FileSystem.cpp),
// a LittleFS volume behind ESP-IDF's stdio (targets/ESP32/_littlefs/littlefs_FS_Driver.cpp). There FileStream.Flush
// is only stdio fflush, which hands the buffer to LittleFS without committing it; Dispose is fclose, i.e.
// lfs_file_close, the commit. So Write disposes its stream before it returns, and a cut before that leaves the
// old content; remove is atomic in LittleFS. That is what Ws52x.Platform.IFileStore asks of a board.
// The same calls exist in desktop .NET, so tests/Ws52x.Tests/Storage compiles this file for the host, with the core's
// journal, and replays power cuts against it.
using System.IO;
using Ws52x.Platform;

namespace Ws52x.Esp32.Adapters
{
    /// <summary>
    /// <see cref="IFileStore"/> on a folder of the internal flash: whole files, flushed before a write returns. The
    /// storage protocol (two slots per key, generation, CRC) is the core's <c>RecordJournal</c>, which runs on top.
    /// </summary>
    public sealed class FlashStorage : IFileStore
    {
        /// <summary>Our folder on the ESP32's internal flash drive.</summary>
        public const string InternalFlashRoot = "I:\\ws52x";

        private readonly string _root;

        public FlashStorage(string root)
        {
            _root = root;
            if (!Directory.Exists(root))
            {
                Directory.CreateDirectory(root);
            }
        }

        public int Read(string name, byte[] buffer, int offset, int count)
        {
            string path = Path.Combine(_root, name);
            if (!File.Exists(path))
            {
                return -1;
            }

            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                long size = stream.Length;
                int length = size > int.MaxValue ? int.MaxValue : (int)size;
                int wanted = length < count ? length : count;
                int done = 0;
                while (done < wanted)
                {
                    int n = stream.Read(buffer, offset + done, wanted - done);
                    if (n <= 0)
                    {
                        // Shorter than it said: report what was read, which the journal's length check refuses.
                        return done;
                    }

                    done += n;
                }

                return length;
            }
        }

        public void Write(string name, byte[] data, int offset, int count)
        {
            using (var stream = new FileStream(Path.Combine(_root, name), FileMode.Create, FileAccess.Write))
            {
                stream.Write(data, offset, count);
                stream.Flush();
            }
        }

        public void Delete(string name)
        {
            File.Delete(Path.Combine(_root, name));
        }
    }
}
