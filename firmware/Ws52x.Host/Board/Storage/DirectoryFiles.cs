using System;
using System.IO;
using Ws52x.Platform;

namespace Ws52x.Host.Board.Storage
{
    /// <summary>The folder given to `ws52x run --state` cannot hold the board's flash.</summary>
    public sealed class StateDirectoryException : IOException
    {
        public StateDirectoryException(string message) : base(message)
        {
        }
    }

    /// <summary>
    /// The board's flash as files in a host folder (`ws52x run --state DIR`), so a second run on the same folder is a
    /// reboot of the same socket. Writes go to disk before they return (fsync), as the journal expects of a flush;
    /// tests that replay thousands of cuts may turn that off, since they never crash the host.
    /// </summary>
    public sealed class DirectoryFiles : IFileStore
    {
        private readonly bool _syncToDisk;

        /// <summary>Opens (and creates if needed) <paramref name="directory"/>; throws <see cref="StateDirectoryException"/>
        /// with a one-line reason if it is not a folder this process can write in.</summary>
        public DirectoryFiles(string directory, bool syncToDisk = true)
        {
            _syncToDisk = syncToDisk;
            Directory = Path.GetFullPath(directory);
            if (File.Exists(Directory))
            {
                throw new StateDirectoryException("'" + directory + "' is a file, not a folder");
            }

            try
            {
                System.IO.Directory.CreateDirectory(Directory);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new StateDirectoryException("cannot make the folder '" + directory + "': " + e.Message);
            }

            string probe = Path.Combine(Directory, ".ws52x-probe");
            try
            {
                File.WriteAllBytes(probe, new byte[] { 0x57 });
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new StateDirectoryException("cannot write in the folder '" + directory + "': " + e.Message);
            }
        }

        /// <summary>The folder, as a full path.</summary>
        public string Directory { get; }

        public int Read(string name, byte[] buffer, int offset, int count)
        {
            string path = Path.Combine(Directory, name);
            if (!File.Exists(path))
            {
                return -1;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
            int length = (int)Math.Min(stream.Length, int.MaxValue);
            stream.ReadAtLeast(buffer.AsSpan(offset, Math.Min(count, length)), Math.Min(count, length), throwOnEndOfStream: false);
            return length;
        }

        public void Write(string name, byte[] data, int offset, int count)
        {
            using var stream = new FileStream(Path.Combine(Directory, name), FileMode.Create, FileAccess.Write);
            stream.Write(data, offset, count);
            stream.Flush(_syncToDisk);
        }

        public void Delete(string name)
        {
            File.Delete(Path.Combine(Directory, name));
        }
    }
}
