namespace Ws52x.Platform
{
    /// <summary>
    /// A line-oriented text console: the serial port on the device, stdin/stdout on the host.
    /// Lines in arrive on the board's own thread and go to the sink, which must only post them to the loop.
    /// </summary>
    public interface ITextConsole
    {
        void WriteLine(string line);

        /// <summary>Writes line[0..length) as one line. The caller reuses the buffer: copy what must be kept.</summary>
        void WriteLine(char[] line, int length);

        /// <summary>Where received lines go; null stops them.</summary>
        void SetLineSink(ILineSink sink);
    }

    /// <summary>Receives console lines from the board's reader thread.</summary>
    public interface ILineSink
    {
        void OnLine(string line);
    }
}
