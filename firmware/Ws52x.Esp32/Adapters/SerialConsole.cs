// APIs used here, checked against the nanoFramework sources:
//   System.IO.Ports.SerialPort(string portName, int baudRate, ...), Open(), IsOpen, BytesToRead, Read(byte[], int, int),
//   WriteLine(string), Write(byte[], int, int), NewLine - nanoframework/System.IO.Ports v1.1.139: System.IO.Ports/SerialPort.cs
//   COM1 (UART0) is withheld from applications while the debugger's wire protocol runs on it, and COM2's pins must be
//   assigned (DeviceFunction.COM2_TX/RX, see PinMap) - nanoframework/nf-interpreter
//   targets/ESP32/_nanoCLR/System.IO.Ports/sys_io_ser_native_System_IO_Ports_SerialPort.cpp, targets/ESP32/_common/ESP32_DeviceMapping.cpp
//   System.Diagnostics.Debug.WriteLine(string) [Conditional("DEBUG")], Thread(ThreadStart), Thread.Sleep(int)
//     - nanoFramework.CoreLibrary 1.17.11 mscorlib (lib/mscorlib.dll)
using System;
using System.Diagnostics;
using System.IO.Ports;
using System.Threading;
using Ws52x.Platform;

namespace Ws52x.Esp32.Adapters
{
    /// <summary>
    /// The device console. Every line goes to Debug.WriteLine (Visual Studio's output window / the nanoFramework
    /// extension while a debugger is attached) and, when a UART is available, to that serial port. Lines typed on the
    /// serial port are assembled by a reader thread and handed to the core's sink.
    /// </summary>
    public sealed class SerialConsole : ITextConsole
    {
        // A line typed at the console (the core refuses longer ones); a log line written is the log's longest.
        private const int MaxLineLength = 256;
        private const int MaxOutputLength = Ws52x.Diagnostics.Log.MaxLineLength;
        private const int PollMillis = 20;

        private readonly SerialPort _port;
        private readonly object _writeLock = new object();

        // A log line as bytes for the UART (ASCII; anything else is '?'), with the CR LF the port's NewLine uses.
        private readonly byte[] _lineBytes = new byte[MaxOutputLength + 2];
        private ILineSink _sink;
        private Thread _reader;

        /// <param name="portName">"COM2" or "COM3"; null for Debug output only. If the port cannot be opened (pins not
        /// assigned, port in use) the console falls back to Debug output and says so once.</param>
        public SerialConsole(string portName, int baudRate)
        {
            if (portName == null)
            {
                return;
            }

            try
            {
                var port = new SerialPort(portName, baudRate);
                port.NewLine = "\r\n";
                port.Open();
                _port = port;
            }
            catch (Exception e)
            {
                Debug.WriteLine("console: " + portName + " unavailable (" + e.Message + "), debug output only");
            }
        }

        public void WriteLine(string line)
        {
            Debug.WriteLine(line);
            if (_port == null)
            {
                return;
            }

            // WriteLine may be called from more than one thread (the loop, a fault report); keep lines whole.
            lock (_writeLock)
            {
                try
                {
                    _port.WriteLine(line);
                }
                catch (Exception)
                {
                    // A console that cannot write must not take the firmware down; Debug already has the line.
                }
            }
        }

        /// <summary>
        /// The firmware's log lines: copied into a byte buffer the console keeps and written as bytes, so logging
        /// allocates nothing in a Release build (Debug.WriteLine, and the string made for it, exist only in Debug).
        /// </summary>
        public void WriteLine(char[] line, int length)
        {
            Debug.WriteLine(new string(line, 0, length));
            if (_port == null)
            {
                return;
            }

            lock (_writeLock)
            {
                int n = length < MaxOutputLength ? length : MaxOutputLength;
                for (int i = 0; i < n; i++)
                {
                    char c = line[i];
                    _lineBytes[i] = c >= ' ' && c < (char)0x7F ? (byte)c : (byte)'?';
                }

                _lineBytes[n] = (byte)'\r';
                _lineBytes[n + 1] = (byte)'\n';
                try
                {
                    _port.Write(_lineBytes, 0, n + 2);
                }
                catch (Exception)
                {
                    // As WriteLine(string): a console that cannot write must not take the firmware down.
                }
            }
        }

        public void SetLineSink(ILineSink sink)
        {
            _sink = sink;
            if (sink != null && _port != null && _reader == null)
            {
                _reader = new Thread(ReadLines);
                _reader.Start();
            }
        }

        /// <summary>
        /// Polls the receive buffer rather than blocking in ReadLine: a timed-out native read throws, and an exception
        /// every idle interval is costly on the device. CR, LF or CRLF end a line; overlong lines are cut.
        /// </summary>
        private void ReadLines()
        {
            var chunk = new byte[64];
            var line = new char[MaxLineLength];
            int length = 0;
            bool lastWasCr = false;

            while (true)
            {
                int available;
                try
                {
                    available = _port.BytesToRead;
                    if (available <= 0)
                    {
                        Thread.Sleep(PollMillis);
                        continue;
                    }

                    available = _port.Read(chunk, 0, available < chunk.Length ? available : chunk.Length);
                }
                catch (Exception)
                {
                    Thread.Sleep(PollMillis * 10);
                    continue;
                }

                for (int i = 0; i < available; i++)
                {
                    byte b = chunk[i];
                    if (b == (byte)'\n' && lastWasCr)
                    {
                        lastWasCr = false;
                        continue;
                    }

                    lastWasCr = b == (byte)'\r';
                    if (b == (byte)'\r' || b == (byte)'\n')
                    {
                        Deliver(line, length);
                        length = 0;
                    }
                    else if (length < MaxLineLength && b >= 0x20 && b < 0x7F)
                    {
                        // Printable ASCII only: the console's commands are ASCII, and this keeps a noisy line from
                        // producing characters the core's parser never expects.
                        line[length++] = (char)b;
                    }
                }
            }
        }

        private void Deliver(char[] line, int length)
        {
            ILineSink sink = _sink;
            if (sink != null)
            {
                sink.OnLine(new string(line, 0, length));
            }
        }
    }
}
