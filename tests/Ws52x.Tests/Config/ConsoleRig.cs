using System;
using System.Collections.Generic;
using System.Linq;
using Ws52x.App;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.Host.Board;
using Ws52x.Loop;
using Ws52x.Metering;
using Ws52x.Platform;

namespace Ws52x.Tests.Config
{
    /// <summary>Everything a console line goes through (loop, console, settings, storage) on a virtual clock, without the rest of a board.</summary>
    internal sealed class ConsoleRig
    {
        public static readonly byte[] SerialNumber = { 0x24, 0x0A, 0xC4, 0x12, 0x34, 0x56, 0x00, 0x00 };

        public ConsoleRig(IKeyValueStorage storage = null, string band = null, int ratedCurrentMilliamps = 16000, IBoardControl control = null)
        {
            Clock = new VirtualClock();
            Loop = new EventLoop(Clock);
            Output = new LineCapture();
            Storage = storage ?? new MemoryStorage();
            Board = new BoardIo
            {
                Name = "rig",
                Clock = Clock,
                Console = Output,
                Storage = Storage,
                Random = new SeededRandom(7),
                SerialNumber = SerialNumber,
                RadioBand = band,
                Control = control,
                Metering = new MeteringBoard { RatedCurrentMilliamps = ratedCurrentMilliamps },
            };
            Log = new Log(Output, Clock);
            Config = new ConfigService(Board, Loop, Log);
            Config.Load();
            Config.Start();
        }

        public VirtualClock Clock { get; }
        public EventLoop Loop { get; }
        public LineCapture Output { get; }
        public IKeyValueStorage Storage { get; }
        public BoardIo Board { get; }
        public Log Log { get; }
        public ConfigService Config { get; }

        public Settings Current => Config.Store.Current;

        /// <summary>Types a line as the board's reader thread would and runs the loop until it has answered; returns the answer's lines.</summary>
        public List<string> Type(string line)
        {
            int before = Output.Lines.Count;
            Output.Sink.OnLine(line);
            Loop.RunUntilIdle();
            return Output.Lines.Skip(before).ToList();
        }

        /// <summary>The answer's one line (asserting there is exactly one, and no log line among it).</summary>
        public string One(string line)
        {
            var lines = Type(line).Where(l => !IsLog(l)).ToList();
            Assert.True(lines.Count == 1, "'" + line + "' answered " + lines.Count + " lines:\n" + string.Join("\n", lines));
            return lines[0];
        }

        public void Login(string password = "123456")
        {
            Assert.StartsWith("logged in", One("login " + password));
        }

        /// <summary>The settings record as stored now (null when none).</summary>
        public byte[] Stored()
        {
            var buffer = new byte[SettingsRecord.MaxLength];
            int n = Storage.Read(SettingsStore.StorageKey, buffer);
            return n < 0 ? null : buffer.Take(n).ToArray();
        }

        /// <summary>The settings as a record (with <paramref name="sequence"/>): equal records, equal settings.</summary>
        public static byte[] Snapshot(Settings s, uint sequence = 0)
        {
            var buffer = new byte[SettingsRecord.MaxLength];
            int n = SettingsRecord.Write(s, sequence, buffer, new SettingValue());
            return buffer.Take(n).ToArray();
        }

        /// <summary>A board booting on the same storage (after a reboot or a power cut).</summary>
        public ConsoleRig Reboot() => new ConsoleRig(Storage, Board.RadioBand, Board.Metering.RatedCurrentMilliamps, Board.Control);

        /// <summary>A log record ("[d.]hh:mm:ss.mmm area: ..."), not a console answer.</summary>
        public static bool IsLog(string line) => System.Text.RegularExpressions.Regex.IsMatch(line, @"^(\d+\.)?\d\d:\d\d:\d\d\.\d{3} ");
    }

    /// <summary>A console that keeps what is written and hands lines to the sink as the board's reader would.</summary>
    internal sealed class LineCapture : ITextConsole
    {
        public List<string> Lines { get; } = new List<string>();

        public ILineSink Sink { get; private set; }

        public void WriteLine(string line) => Lines.Add(line);

        public void WriteLine(char[] line, int length) => Lines.Add(new string(line, 0, length));

        public void SetLineSink(ILineSink sink) => Sink = sink;
    }

    /// <summary>Storage whose power can be cut: a Replace or Delete that fails throws and keeps the old value, as an atomic store does.</summary>
    internal sealed class CuttableStorage : IKeyValueStorage
    {
        private readonly MemoryStorage _inner = new MemoryStorage();

        /// <summary>Replaces and deletes still to succeed before the power goes; negative = never cut.</summary>
        public int WritesBeforeCut { get; set; } = -1;

        public int Writes => _inner.Writes;

        public int Read(string key, byte[] buffer) => _inner.Read(key, buffer);

        public void Replace(string key, byte[] data, int length)
        {
            Cut("write");
            _inner.Replace(key, data, length);
        }

        public bool Delete(string key)
        {
            Cut("delete");
            return _inner.Delete(key);
        }

        private void Cut(string what)
        {
            if (WritesBeforeCut == 0)
            {
                throw new System.IO.IOException("power cut during the " + what);
            }

            if (WritesBeforeCut > 0)
            {
                WritesBeforeCut--;
            }
        }
    }

    /// <summary>A board control that records reboots.</summary>
    internal sealed class RecordingControl : IBoardControl
    {
        public List<string> Reboots { get; } = new List<string>();

        public void Reboot(string reason) => Reboots.Add(reason);
    }
}
