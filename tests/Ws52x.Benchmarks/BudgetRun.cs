using System;
using Ws52x.App;
using Ws52x.Config.Storage;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Metering;
using Ws52x.Host.Board.Radio;
using Ws52x.Host.Board.Storage;
using Ws52x.Host.Network;
using Ws52x.Loop;
using Ws52x.Metering;
using Ws52x.Platform;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// The firmware of the device budget (docs/budget.md) run for an hour on a virtual clock, with what it allocates on
    /// this thread counted apart from what the host's stand-ins for hardware allocate. As on the host board, the air
    /// (and the gateway and network server, when there is one) run on a world loop beside the firmware's; the SX127x model
    /// runs there too. What the host does inside the firmware's calls (the SPI transfers of the radio model, the
    /// in-memory files under the storage journal) is measured and taken out, so that the figures are the core's own.
    /// </summary>
    public sealed class BudgetRun
    {
        public const long HourMicros = 3600L * 1000000;

        private readonly VirtualClock _clock = new VirtualClock();
        private readonly EventLoop _world;
        private readonly HostBytes _host = new HostBytes();
        private readonly object[] _hostParts;

        /// <param name="withNetwork">A gateway and the host's network server on the same air, the device registered: the
        /// socket joins and reports. Without, nothing answers and the MAC keeps joining (a socket out of range).</param>
        /// <param name="afterStart">Called after <see cref="Firmware.Start"/>, outside every count (the breakdown wraps timers here).</param>
        public BudgetRun(bool withNetwork, Action<Firmware, Func<int>, Func<long>> afterStart = null)
        {
            _world = new EventLoop(_clock, eventCapacity: 64, timerCapacity: 256);
            var air = new VirtualAir(_world, 52);
            var metering = new MeteringBoard { Chip = MeteringChip.Hlw8012 };
            var chip = new SimulatedMeteringChip(metering, LoadProfiles.Find(LoadProfiles.Default), 52) { Clock = _clock };
            var radio = new Sx127xModel(_world, air);
            var console = new CountingConsole();
            var io = new BoardIo
            {
                Name = "budget",
                Clock = new BoardClock(_clock, _world),
                Console = console,
                Storage = new RecordJournal(new MeasuredFiles(new MemoryFiles(), _host)),
                Random = new SeededRandom(52),
                SerialNumber = HostBoard.SerialNumberFromSeed(52),
                Metering = metering,
                MeteringCf = chip.Cf,
                MeteringCf1 = chip.Cf1,
                MeteringSel = chip.Sel,
                RadioSpi = new MeasuredSpi(radio, _host),
                RadioReset = radio.Reset,
                RadioDio0 = radio.Dio0,
                RadioDio1 = radio.Dio1,
            };

            // nanoCLR runs every static constructor of every assembly before Main (SpawnStaticConstructor in
            // nf-interpreter's src/CLR/Core/Execution.cpp), so the core's static tables are on the device's heap at boot
            // whether or not they are used: run them all here, and count what they hold (once, however many runs this
            // process has made before).
            foreach (Type type in typeof(Firmware).Assembly.GetTypes())
            {
                if (!type.IsGenericTypeDefinition)
                {
                    System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(type.TypeHandle);
                }
            }

            long statics = 0;
            long nanoStatics = 0;
            foreach (var field in HeapWalk.Statics())
            {
                statics += field.Bytes;
                nanoStatics += field.NanoBytes;
            }

            StaticBytes = statics;
            NanoStaticBytes = nanoStatics;
            long before = GC.GetAllocatedBytesForCurrentThread();
            Firmware = new Firmware(io);
            Firmware.Start();
            ConstructionBytes = GC.GetAllocatedBytesForCurrentThread() - before - _host.Bytes;
            ConstructionLogLines = console.Lines;

            NetworkServer server = null;
            if (withNetwork)
            {
                // Registered from the settings the firmware loaded, as the host board does (LoRaWanProvisioning).
                server = LoRaWanProvisioning.StartNetwork(_world, air, new HostBoardOptions(), Firmware.Config.Store.Current.LoRaWan, new CountingConsole(), out _);
            }

            afterStart?.Invoke(Firmware, () => console.Lines, () => _host.Bytes);
            _host.Bytes = 0;

            long hourStart = GC.GetAllocatedBytesForCurrentThread();
            RunUntil(HourMicros);
            HourAfterStartBytes = GC.GetAllocatedBytesForCurrentThread() - hourStart - _host.Bytes;
            BootAllocatedBytes = StaticBytes + ConstructionBytes + HourAfterStartBytes;
            HourLogLines = console.Lines;
            HourLogChars = console.Characters;
            _hostParts = new object[] { chip, radio, air, server, io };
            GC.KeepAlive(_hostParts);
            long retained = 0;
            long nanoRetained = 0;
            foreach (var area in HeapWalk.Reachable(Firmware))
            {
                retained += area.Bytes;
                nanoRetained += area.NanoBytes;
            }

            RetainedBytes = retained;
            NanoRetainedBytes = nanoRetained;
            Statistics = Firmware.Mac == null ? null : Firmware.Mac.Statistics;

            // Steady state: 10 s to 9 min 10 s past the hour, clear of the 10-min energy save and the 20-min report. A
            // window in which the JIT compiled on this thread counts the runtime's bytes (SettledRound): the same window
            // of the next hour, in the same phase of the saves and reports, is measured instead.
            for (int hour = 1; hour <= SettledRound.MaxRounds; hour++)
            {
                long start = hour * HourMicros + 10000000;
                RunUntil(start);
                long turnsBefore = Firmware.Loop.TimersFired + Firmware.Loop.EventsDispatched;
                _host.Bytes = 0;
                long compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
                long steadyBefore = GC.GetAllocatedBytesForCurrentThread();
                RunUntil(start + 9 * 60 * 1000000L);
                SteadyBytes = GC.GetAllocatedBytesForCurrentThread() - steadyBefore - _host.Bytes;
                SteadyTurns = Firmware.Loop.TimersFired + Firmware.Loop.EventsDispatched - turnsBefore;
                if (System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) == compiledBefore)
                {
                    break;
                }
            }
        }

        private static bool _warm;

        public Firmware Firmware { get; }

        /// <summary>The socket's status report (its build and its own payload buffer).</summary>
        public Ws52x.Socket.StatusReport Report => Firmware.Socket.Reporting.Status;

        /// <summary>What the core's static fields hold before the firmware is made (host object sizes; see the constructor).</summary>
        public long StaticBytes { get; }

        /// <summary>The static tables in nanoFramework's object sizes (estimated, <see cref="HeapWalk.NanoSizeOf"/>).</summary>
        public long NanoStaticBytes { get; }

        /// <summary>What the <see cref="Firmware"/> constructor and <see cref="Firmware.Start"/> allocated.</summary>
        public long ConstructionBytes { get; }

        public int ConstructionLogLines { get; }

        /// <summary>What the firmware allocated in the hour after Start.</summary>
        public long HourAfterStartBytes { get; }

        /// <summary>The boot heap: the static tables, construction, Start and the first hour.</summary>
        public long BootAllocatedBytes { get; }

        /// <summary>What the firmware holds after the hour: every object reachable from it and from the core's statics (host object sizes).</summary>
        public long RetainedBytes { get; }

        /// <summary>The same in nanoFramework's object sizes (estimated, <see cref="HeapWalk.NanoSizeOf"/>).</summary>
        public long NanoRetainedBytes { get; }

        public int HourLogLines { get; }

        public long HourLogChars { get; }

        internal Ws52x.LoRaWan.Mac.MacStatistics Statistics { get; }

        public long SteadyTurns { get; }

        public long SteadyBytes { get; }

        public double BytesPerTurn => SteadyTurns == 0 ? double.NaN : (double)SteadyBytes / SteadyTurns;

        /// <summary>
        /// Runs both kinds of hour once per process, unmeasured: the JIT allocates on the thread that first calls a method,
        /// so a first run would count the runtime's bytes as the firmware's, by how much depending on what ran before.
        /// </summary>
        public static void WarmUp()
        {
            if (!_warm)
            {
                _warm = true;
                GC.KeepAlive(new BudgetRun(false));
                GC.KeepAlive(new BudgetRun(true));
            }
        }

        /// <summary>The firmware and the world in time order, as the host board runs them.</summary>
        private void RunUntil(long untilMicros)
        {
            while (true)
            {
                Firmware.Run(untilMicros); // returns early when the world is due first (BoardClock)
                long before = GC.GetAllocatedBytesForCurrentThread();
                _world.Run(_clock.NowMicros);
                _host.Bytes += GC.GetAllocatedBytesForCurrentThread() - before;
                bool pending = Firmware.Loop.HasPendingEvents || _world.HasPendingEvents || _world.NextDeadlineMicros <= _clock.NowMicros;
                if (!pending && _clock.NowMicros >= untilMicros)
                {
                    return;
                }
            }
        }

        /// <summary>Bytes the host's stand-ins allocated inside the firmware's calls.</summary>
        private sealed class HostBytes
        {
            public long Bytes;
        }

        private sealed class MeasuredSpi : ISpiDevice
        {
            private readonly ISpiDevice _device;
            private readonly HostBytes _host;

            public MeasuredSpi(ISpiDevice device, HostBytes host)
            {
                _device = device;
                _host = host;
            }

            public void TransferFullDuplex(byte[] writeBuffer, byte[] readBuffer, int count)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                _device.TransferFullDuplex(writeBuffer, readBuffer, count);
                _host.Bytes += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        private sealed class MeasuredFiles : IFileStore
        {
            private readonly IFileStore _files;
            private readonly HostBytes _host;

            public MeasuredFiles(IFileStore files, HostBytes host)
            {
                _files = files;
                _host = host;
            }

            public int Read(string name, byte[] buffer, int offset, int count)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                int n = _files.Read(name, buffer, offset, count);
                _host.Bytes += GC.GetAllocatedBytesForCurrentThread() - before;
                return n;
            }

            public void Write(string name, byte[] data, int offset, int count)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                _files.Write(name, data, offset, count);
                _host.Bytes += GC.GetAllocatedBytesForCurrentThread() - before;
            }

            public void Delete(string name)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                _files.Delete(name);
                _host.Bytes += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        /// <summary>The serial console, counted and discarded.</summary>
        private sealed class CountingConsole : ITextConsole
        {
            public int Lines { get; private set; }

            public long Characters { get; private set; }

            public void WriteLine(string line)
            {
                Lines++;
                Characters += line.Length;
            }

            public void WriteLine(char[] line, int length)
            {
                Lines++;
                Characters += length;
            }

            public void SetLineSink(ILineSink sink)
            {
            }
        }
    }
}
