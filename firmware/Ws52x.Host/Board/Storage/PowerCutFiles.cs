using System;
using Ws52x.Platform;

namespace Ws52x.Host.Board.Storage
{
    /// <summary>How a write that a power cut interrupts is left on the flash (see <see cref="IFileStore"/>).</summary>
    public enum TornWrite
    {
        /// <summary>The first n bytes of the new content, nothing after them (n = 0: an empty file).</summary>
        Prefix,

        /// <summary>The full length, the new bytes up to n and unprogrammed flash (0xFF) after them.</summary>
        ErasedTail,

        /// <summary>The old content, or no file if there was none (LittleFS before its commit).</summary>
        OldContent,
    }

    /// <summary>The power went off: every file operation from this one on fails, as on a board that has no supply.</summary>
    public sealed class PowerCutException : Exception
    {
        public PowerCutException(string message) : base(message)
        {
        }
    }

    /// <summary>
    /// Any board's files (memory, a host folder, the ESP32 adapter) with a power cut injected where a test asks:
    /// at a given file operation, a write torn after a given number of bytes, or after a number of bytes in all. The cut
    /// leaves the files as the flash would (<see cref="TornWrite"/>), then every further call throws
    /// <see cref="PowerCutException"/>; a reboot is a new journal over <see cref="Inner"/>.
    /// </summary>
    public sealed class PowerCutFiles : IFileStore
    {
        private int _cutOperation = -1;
        private int _tornLength;
        private long _cutAfterBytes = -1;
        private TornWrite _kind;

        public PowerCutFiles(IFileStore inner)
        {
            Inner = inner ?? throw new ArgumentNullException(nameof(inner));
        }

        /// <summary>The files underneath, as the flash holds them.</summary>
        public IFileStore Inner { get; }

        /// <summary>Writes and deletes since this wrapper was made (the operation numbers <see cref="CutAt"/> counts).</summary>
        public int Operations { get; private set; }

        /// <summary>Bytes written since this wrapper was made.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>Told of each write (true, its whole length) and delete (false, 0) as it starts, with its number:
        /// where a cut could go.</summary>
        public Action<int, bool, int> Observer { get; set; }

        public bool PoweredOff { get; private set; }

        /// <summary>
        /// Cuts the power at operation number <paramref name="operation"/> (counted like <see cref="Operations"/>): a
        /// write there is left as <paramref name="kind"/> after <paramref name="tornLength"/> of its bytes (its whole
        /// length: complete, but the cut comes before the call returns); a delete there does not happen.
        /// </summary>
        public void CutAt(int operation, int tornLength, TornWrite kind)
        {
            _cutOperation = operation;
            _tornLength = tornLength;
            _kind = kind;
        }

        /// <summary>Cuts the power once <paramref name="bytes"/> bytes have been written in all: the write that crosses
        /// the mark is left as <paramref name="kind"/>, torn there; an operation that starts at the mark does not happen.</summary>
        public void CutAfterBytes(long bytes, TornWrite kind)
        {
            _cutAfterBytes = bytes;
            _kind = kind;
        }

        public int Read(string name, byte[] buffer, int offset, int count)
        {
            CheckPower();
            return Inner.Read(name, buffer, offset, count);
        }

        public void Write(string name, byte[] data, int offset, int count)
        {
            CheckPower();
            int torn = -1;
            if (Operations == _cutOperation)
            {
                torn = Math.Min(_tornLength, count);
            }
            else if (_cutAfterBytes >= 0 && BytesWritten + count > _cutAfterBytes)
            {
                torn = (int)(_cutAfterBytes - BytesWritten);
            }

            Observer?.Invoke(Operations, true, count);
            Operations++;
            if (torn < 0)
            {
                Inner.Write(name, data, offset, count);
                BytesWritten += count;
                return;
            }

            BytesWritten += torn;
            LeaveTorn(name, data, offset, count, torn);
            Cut("write of '" + name + "' torn after " + torn + " of " + count + " bytes");
        }

        public void Delete(string name)
        {
            CheckPower();
            bool cut = Operations == _cutOperation || (_cutAfterBytes >= 0 && BytesWritten >= _cutAfterBytes);
            Observer?.Invoke(Operations, false, 0);
            Operations++;
            if (cut)
            {
                Cut("before deleting '" + name + "'");
            }

            Inner.Delete(name);
        }

        private void LeaveTorn(string name, byte[] data, int offset, int count, int torn)
        {
            switch (_kind)
            {
                case TornWrite.Prefix:
                    Inner.Write(name, data, offset, torn);
                    break;
                case TornWrite.ErasedTail:
                    var image = new byte[count];
                    Array.Copy(data, offset, image, 0, torn);
                    Array.Fill(image, (byte)0xFF, torn, count - torn);
                    Inner.Write(name, image, 0, count);
                    break;
                case TornWrite.OldContent:
                    break;
            }
        }

        private void Cut(string where)
        {
            PoweredOff = true;
            throw new PowerCutException("power cut: " + where);
        }

        private void CheckPower()
        {
            if (PoweredOff)
            {
                throw new PowerCutException("power is off");
            }
        }
    }
}
