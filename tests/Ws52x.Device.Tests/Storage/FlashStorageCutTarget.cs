// System.IO calls here, as in firmware/Ws52x.Esp32/Adapters/FlashStorage.cs: nanoframework/System.IO.FileSystem v1.1.93
// (Directory.Exists / Delete). This is one of the device test files that need more than mscorlib, so the host's
// nanoFramework compile check (tests/Ws52x.Tests/Portability) leaves it out; compile-check.sh compiles it against the
// FileSystem sources.
using System;
using System.IO;
using Ws52x.Config.Storage;
using Ws52x.Esp32.Adapters;
using Ws52x.Platform;

namespace Ws52x.Device.Tests.Storage
{
    /// <summary>
    /// The storage journal on the ESP32 adapter's files on a real file system: LittleFS on the I: drive of the device and
    /// of the virtual nanoCLR, the temporary folder on the host. A cut is reproduced by letting a replace write only the
    /// first N bytes of its file (every N from nothing to all of it), which is what a power loss leaves on the flash.
    /// </summary>
    internal sealed class FlashStorageCutTarget : IPowerCutTarget
    {
        private readonly string _root;

        public FlashStorageCutTarget(string root)
        {
            _root = root;
        }

        public IKeyValueStorage PowerOn() => new RecordJournal(new FlashStorage(_root));

        // A replace writes one slot file of header + value; the last moment is "the write completed".
        public int CutPoints(string key, byte[] value, int length) => RecordJournal.SlotOverhead + length + 1;

        public void CutDuringReplace(int cut, string key, byte[] value, int length)
        {
            var tearing = new TearingFiles(new FlashStorage(_root), cut);
            try
            {
                new RecordJournal(tearing).Replace(key, value, length);
            }
            catch (PowerCut)
            {
                // The board is off from here: nothing else runs.
            }
        }

        public void Erase()
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, true);
            }
        }

        /// <summary>Files that lose power once <c>budget</c> bytes have been written: that write stops there.</summary>
        private sealed class TearingFiles : IFileStore
        {
            private readonly IFileStore _files;
            private int _budget;
            private bool _off;

            public TearingFiles(IFileStore files, int budget)
            {
                _files = files;
                _budget = budget;
            }

            public int Read(string name, byte[] buffer, int offset, int count) => _files.Read(name, buffer, offset, count);

            public void Write(string name, byte[] data, int offset, int count)
            {
                PowerOnOrThrow();
                if (count > _budget)
                {
                    _files.Write(name, data, offset, _budget);
                    _off = true;
                    throw new PowerCut();
                }

                _budget -= count;
                _files.Write(name, data, offset, count);
            }

            public void Delete(string name)
            {
                PowerOnOrThrow();
                _files.Delete(name);
            }

            private void PowerOnOrThrow()
            {
                if (_off)
                {
                    throw new PowerCut();
                }
            }
        }

        private sealed class PowerCut : Exception
        {
        }
    }
}
