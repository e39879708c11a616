// System.IO calls here, as in firmware/Ws52x.Esp32/Adapters/FlashStorage.cs: nanoframework/System.IO.FileSystem v1.1.93
// (File.Exists / Delete, Directory.Exists / CreateDirectory / Delete, FileStream with FileMode.Create / Open).
// This is the one device test file that needs more than mscorlib, so the host's nanoFramework compile check
// (tests/Ws52x.Tests/Portability) leaves it out; compile-check.sh compiles it against the FileSystem sources.
using System.IO;
using Ws52x.Esp32.Adapters;
using Ws52x.Platform;

namespace Ws52x.Device.Tests.Storage
{
    /// <summary>
    /// The ESP32 adapter's files on a real file system: LittleFS on the I: drive of the device and of the virtual nanoCLR,
    /// the temporary folder on the host. A cut is reproduced by leaving the files its replace protocol would leave:
    /// "key.new" torn at every length beside the old file, then complete beside it, then complete alone.
    /// </summary>
    internal sealed class FlashStorageCutTarget : IPowerCutTarget
    {
        private readonly string _root;

        public FlashStorageCutTarget(string root)
        {
            _root = root;
        }

        public IKeyValueStorage PowerOn() => new FlashStorage(_root);

        public int CutPoints(string key, byte[] value, int length) => RecordOf(key, value, length).Length + 3;

        public void CutDuringReplace(int cut, string key, byte[] value, int length)
        {
            byte[] record = RecordOf(key, value, length);
            string path = Path.Combine(_root, key);
            if (cut == record.Length + 2)
            {
                PowerOn().Replace(key, value, length);
                return;
            }

            WriteFile(path + ".new", record, cut < record.Length ? cut : record.Length);
            if (cut == record.Length + 1)
            {
                File.Delete(path);
            }
        }

        public void Erase()
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, true);
            }
        }

        /// <summary>The file a completed Replace leaves, taken from a real one in a scratch folder.</summary>
        private byte[] RecordOf(string key, byte[] value, int length)
        {
            string scratch = _root + "-scratch";
            new FlashStorage(scratch).Replace(key, value, length);
            byte[] record;
            using (var stream = new FileStream(Path.Combine(scratch, key), FileMode.Open, FileAccess.Read))
            {
                record = new byte[(int)stream.Length];
                int done = 0;
                while (done < record.Length)
                {
                    done += stream.Read(record, done, record.Length - done);
                }
            }

            Directory.Delete(scratch, true);
            return record;
        }

        private static void WriteFile(string path, byte[] data, int count)
        {
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
            {
                stream.Write(data, 0, count);
                stream.Flush();
            }
        }
    }
}
