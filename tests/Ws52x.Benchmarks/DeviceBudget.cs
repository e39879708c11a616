using System;
using System.Collections.Generic;
using System.IO;
using Ws52x.App;
using Ws52x.Codec;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Metering;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Frames;
using Ws52x.Loop;
using Ws52x.Metering;
using Ws52x.Util;

namespace Ws52x.Benchmarks
{
    /// <summary>One measured figure of the device budget, with its limit (<see cref="NoLimit"/>: reported only).</summary>
    public sealed class BudgetFigure
    {
        public const double NoLimit = -1;

        public BudgetFigure(string name, double value, string unit, double limit)
        {
            Name = name;
            Value = value;
            Unit = unit;
            Limit = limit;
        }

        public string Name { get; }

        public double Value { get; }

        public string Unit { get; }

        public double Limit { get; }

        public bool WithinLimit => Limit < 0 || Value <= Limit;
    }

    /// <summary>
    /// The device's memory budget measured on the host board (docs/budget.md): what the firmware allocates from
    /// <see cref="Firmware"/> construction through an hour of running, what each hot path allocates per operation, and
    /// the size of the core's assembly. Host object sizes are .NET's, not nanoFramework's: the figures are a proxy that
    /// catches growth, not the device's exact heap. To add a hot path, add one <see cref="PerOperation"/> line.
    /// </summary>
    public static class DeviceBudget
    {
        /// <summary>Everything the firmware allocates from construction through one hour (the "boot heap").</summary>
        public const long BootHeapLimitBytes = 48 * 1024;

        /// <summary>Our assemblies together (Ws52x.Core and the ESP32 app) in the device's deployment area.</summary>
        public const long AssembliesLimitBytes = 200 * 1024;

        /// <summary>What the ESP32 app may take of <see cref="AssembliesLimitBytes"/>; compile-check.sh measured 11,776 bytes of IL.</summary>
        public const long Esp32AppAllowanceBytes = 24 * 1024;

        public const long HourMicros = 3600L * 1000000;

        public static IReadOnlyList<BudgetFigure> Measure(bool quick)
        {
            var figures = new List<BudgetFigure>();
            long operations = quick ? 20000 : 200000;

            var run = new SteadyRun();
            figures.Add(new BudgetFigure("boot heap: allocated from Firmware construction through 1 h", run.BootAllocatedBytes, "bytes", BootHeapLimitBytes));
            figures.Add(new BudgetFigure("boot heap: still reachable after 1 h (host object sizes)", run.RetainedBytes, "bytes", BudgetFigure.NoLimit));
            figures.Add(new BudgetFigure("loop turns in 9 min of steady running", run.SteadyTurns, "turns", BudgetFigure.NoLimit));
            figures.Add(new BudgetFigure("allocated per loop turn (steady state)", run.BytesPerTurn, "bytes", 0));

            figures.Add(PerOperation("allocated per metering sample", MeteringBenchmark.SampleOperation(), operations));
            byte[] frame = new byte[64];
            var builder = new FrameBuilder();
            var session = new Session();
            session.SetKeys(0x26011234, new byte[16], new byte[16]);
            figures.Add(PerOperation("allocated per uplink (report build + frame build)", () =>
            {
                int length = run.Report.Build(0);
                builder.BuildUplink(session, false, 0, null, 0, 0, 85, run.Report.Payload, 0, length, frame, 0);
            }, operations));

            byte[] downlinkPayload = Hex.Parse("ff03b004ff24010a");
            byte[] downlink = new byte[64];
            int downlinkLength = builder.BuildData(MType.UnconfirmedDataDown, session.DevAddr, session.NwkSKey, session.AppSKey, 7, 0,
                null, 0, 0, 85, downlinkPayload, 0, downlinkPayload.Length, downlink, 0);
            var parser = new FrameParser();
            var parsed = new DataFrame();
            var decoder = new DownlinkDecoder(16);
            var commands = new DownlinkCommands();
            var error = new DecodeError();
            figures.Add(PerOperation("allocated per downlink (frame parse + command decode)", () =>
            {
                parser.ParseDownlink(session, downlink, 0, downlinkLength, parsed, false);
                decoder.TryDecode(parsed.Payload, 0, parsed.PayloadLength, commands, error);
            }, operations));

            figures.Add(new BudgetFigure("Ws52x.Core.dll as built for net10 (IL, a proxy)", new FileInfo(typeof(Firmware).Assembly.Location).Length, "bytes", BudgetFigure.NoLimit));
            return figures;
        }

        /// <summary>Bytes <paramref name="operation"/> allocates per call after a warm-up: exactly, with nothing else in the window.</summary>
        public static BudgetFigure PerOperation(string name, Action operation, long count)
        {
            for (int i = 0; i < 1000; i++)
            {
                operation();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (long i = 0; i < count; i++)
            {
                operation();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            return new BudgetFigure(name, (double)allocated / count, "bytes", 0);
        }

        /// <summary>The host board's firmware run for an hour on a virtual clock, its allocations counted on this thread.</summary>
        private sealed class SteadyRun
        {
            private readonly object[] _hostParts;

            public SteadyRun()
            {
                var clock = new VirtualClock();
                var metering = new MeteringBoard { Chip = MeteringChip.Hlw8012 };
                var chip = new SimulatedMeteringChip(metering, LoadProfiles.Find(LoadProfiles.Default), 52) { Clock = clock };
                var io = new BoardIo
                {
                    Name = "budget",
                    Clock = clock,
                    Console = new WriterConsole(TextWriter.Null),
                    Storage = new MemoryStorage(),
                    Random = new SeededRandom(52),
                    Metering = metering,
                    MeteringCf = chip.Cf,
                    MeteringCf1 = chip.Cf1,
                    MeteringSel = chip.Sel,
                };

                long liveBefore = GC.GetTotalMemory(true);
                long before = GC.GetAllocatedBytesForCurrentThread();
                Firmware = new Firmware(io);

                // The virtual radio is host hardware, made on the firmware's loop and so after it: not counted.
                long hostStart = GC.GetAllocatedBytesForCurrentThread();
                var radio = new Sx127xModel(Firmware.Loop, new VirtualAir(Firmware.Loop, 52));
                io.RadioSpi = radio;
                io.RadioReset = radio.Reset;
                io.RadioDio0 = radio.Dio0;
                io.RadioDio1 = radio.Dio1;
                long hostParts = GC.GetAllocatedBytesForCurrentThread() - hostStart;

                Firmware.Start();
                Firmware.Run(HourMicros);
                BootAllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - before - hostParts;
                RetainedBytes = GC.GetTotalMemory(true) - liveBefore - hostParts;

                // Steady state: 10 s to 9 min 10 s past the hour, clear of the 10-min energy save and the 20-min report.
                Firmware.Run(HourMicros + 10000000);
                long turnsBefore = Firmware.Loop.TimersFired + Firmware.Loop.EventsDispatched;
                long steadyBefore = GC.GetAllocatedBytesForCurrentThread();
                Firmware.Run(HourMicros + 10000000 + 9 * 60 * 1000000L);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - steadyBefore;
                SteadyTurns = Firmware.Loop.TimersFired + Firmware.Loop.EventsDispatched - turnsBefore;
                BytesPerTurn = SteadyTurns == 0 ? double.NaN : (double)allocated / SteadyTurns;
                _hostParts = new object[] { chip, radio };
            }

            public Firmware Firmware { get; }

            /// <summary>The socket's status report (its build and its own payload buffer).</summary>
            public Ws52x.Socket.StatusReport Report => Firmware.Socket.Reporting.Status;

            public long BootAllocatedBytes { get; }

            public long RetainedBytes { get; }

            public long SteadyTurns { get; }

            public double BytesPerTurn { get; }
        }
    }
}
