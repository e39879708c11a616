using System;
using System.Collections.Generic;
using System.IO;
using Ws52x.App;
using Ws52x.Config;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Metering;
using Ws52x.LoRaWan.Mac;
using Ws52x.Loop;
using Ws52x.Metering;
using Ws52x.Platform;

namespace Ws52x.Tests.Socket
{
    /// <summary>
    /// The firmware on a bare board, without the host board's machinery: a recording link, an in-memory settings store
    /// that can be made to fail, and a board control that only counts reboots. For tests that feed the application
    /// directly (fuzzing, failing saves, power cuts at every point).
    /// </summary>
    internal sealed class DirectSocket
    {
        /// <param name="flash">What the firmware writes through (a wrapper that watches writes); <paramref name="storage"/> when null.</param>
        public DirectSocket(MemoryStorage storage = null, MemorySettingsStore settings = null, LoadProfile load = null, VirtualClock clock = null, IKeyValueStorage flash = null, bool configStore = false)
        {
            Clock = clock ?? new VirtualClock();
            Storage = storage ?? new MemoryStorage();
            Settings = configStore ? null : settings ?? new MemorySettingsStore();
            Output = new StringWriter();
            var metering = new MeteringBoard();
            Chip = new SimulatedMeteringChip(metering, load ?? LoadProfiles.Find("heater"), 52) { Clock = Clock };
            Relay = new VirtualOutput("relay") { Changed = closed => Chip.SetRelay(closed) };
            Chip.SetRelay(false);
            Io = new BoardIo
            {
                Name = "test",
                Clock = Clock,
                Console = new WriterConsole(Output),
                Storage = flash ?? Storage,
                Control = Control,
                SerialNumber = new byte[] { 0x61, 0x48, 0xb1, 0x37, 0x83, 0x62, 0x10, 0x55 },
                Relay = Relay,
                Led = new VirtualOutput("led"),
                Metering = metering,
                MeteringCf = Chip.Cf,
                MeteringCf1 = Chip.Cf1,
                MeteringSel = Chip.Sel,
            };
            Firmware = new Firmware(Io) { Link = Link, Settings = Settings, StatusIntervalMicros = 0 }; // null: the configuration's own store
            Firmware.Start();
            Link.Events = Firmware.Socket;
        }

        public VirtualClock Clock { get; }

        public MemoryStorage Storage { get; }

        /// <summary>The in-memory store; null when the board runs on the configuration's own store (<c>configStore</c>).</summary>
        public MemorySettingsStore Settings { get; }

        public RecordingLink Link { get; } = new RecordingLink();

        public CountingControl Control { get; } = new CountingControl();

        public SimulatedMeteringChip Chip { get; }

        public VirtualOutput Relay { get; }

        public BoardIo Io { get; }

        public Firmware Firmware { get; }

        public StringWriter Output { get; }

        public void RunFor(long micros) => Firmware.Loop.RunFor(micros);

        public void Downlink(byte[] payload, int port = 85) => Firmware.Socket.OnDownlink(port, payload, 0, payload.Length, false);
    }

    /// <summary>Storage that tells before and after each write: where a power cut can fall.</summary>
    internal sealed class WatchedStorage : IKeyValueStorage
    {
        private readonly IKeyValueStorage _inner;
        private readonly Action<string> _beforeWrite;
        private readonly Action<string> _afterWrite;

        public WatchedStorage(IKeyValueStorage inner, Action<string> beforeWrite, Action<string> afterWrite)
        {
            _inner = inner;
            _beforeWrite = beforeWrite;
            _afterWrite = afterWrite;
        }

        public int Read(string key, byte[] buffer) => _inner.Read(key, buffer);

        public void Replace(string key, byte[] data, int length)
        {
            _beforeWrite(key);
            _inner.Replace(key, data, length);
            _afterWrite(key);
        }

        public bool Delete(string key) => _inner.Delete(key);
    }

    /// <summary>Settings in memory; <see cref="FailNextSave"/> makes the next save throw, as a full or broken flash would.</summary>
    internal sealed class MemorySettingsStore : ISettingsStore
    {
        public Settings Current { get; } = new Settings();

        public int Saves { get; private set; }

        public bool FailNextSave { get; set; }

        public void Save()
        {
            if (FailNextSave)
            {
                FailNextSave = false;
                throw new IOException("flash write failed");
            }

            Saves++;
        }
    }

    /// <summary>The application's link in tests: joined or not, records what it is given, with the storage state at that moment.</summary>
    internal sealed class RecordingLink : ILoRaWanLink
    {
        public bool IsJoined { get; set; } = true;

        public int MaxPayloadLength { get; set; } = 51;

        public ILoRaWanEvents Events { get; set; }

        public List<byte[]> Sent { get; } = new List<byte[]>();

        /// <summary>Called as each payload is handed over (before Send returns).</summary>
        public Action<byte[]> OnSend { get; set; }

        public SendStatus Send(int port, byte[] payload, int offset, int length, bool confirmed, bool urgent)
        {
            var copy = new byte[length];
            Array.Copy(payload, offset, copy, 0, length);
            Sent.Add(copy);
            OnSend?.Invoke(copy);
            return IsJoined ? SendStatus.Queued : SendStatus.NotJoined;
        }
    }

    internal sealed class CountingControl : IBoardControl
    {
        public int Reboots { get; private set; }

        public void Reboot(string reason) => Reboots++;
    }
}
