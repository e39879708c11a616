using System.IO;
using System.Threading;
using Ws52x.Platform;

namespace Ws52x.Host.Board
{
    /// <summary>The host board's console: lines out to a writer; lines in from a reader on a background thread.</summary>
    public sealed class WriterConsole : ITextConsole
    {
        private readonly TextWriter _output;
        private readonly TextReader _input;
        private ILineSink _sink;
        private Thread _reader;

        public WriterConsole(TextWriter output, TextReader input = null)
        {
            _output = output;
            _input = input;
        }

        /// <summary>Whether the sink can take another line now; the reader waits for it (piped input is read faster than a loop handles it).</summary>
        public System.Func<bool> SinkHasRoom { get; set; }

        /// <summary>Called on the reader thread when the input ends.</summary>
        public System.Action InputEnded { get; set; }

        public void WriteLine(string line)
        {
            _output.WriteLine(line);
        }

        public void WriteLine(char[] line, int length)
        {
            _output.WriteLine(line, 0, length);
        }

        public void SetLineSink(ILineSink sink)
        {
            _sink = sink;
            if (sink != null && _input != null && _reader == null)
            {
                _reader = new Thread(ReadLines) { IsBackground = true, Name = "console-in" };
                _reader.Start();
            }
        }

        /// <summary>A line typed at the console (a scenario's `console TEXT`), handed to the sink as the reader would.</summary>
        public void Type(string line)
        {
            _sink?.OnLine(line);
        }

        private void ReadLines()
        {
            string line;
            while ((line = _input.ReadLine()) != null)
            {
                while (SinkHasRoom != null && !SinkHasRoom())
                {
                    Thread.Sleep(1);
                }

                _sink?.OnLine(line);
            }

            InputEnded?.Invoke();
        }
    }
}
