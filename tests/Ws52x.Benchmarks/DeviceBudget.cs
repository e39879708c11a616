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

        /// <summary>Our assemblies together (Ws52x.Core, Ws52x.Application and the ESP32 app) as deployed: .pe files.</summary>
        public const long AssembliesLimitBytes = 200 * 1024;

        /// <summary>
        /// What the ESP32 app may take of <see cref="AssembliesLimitBytes"/>: its .pe was 6,212 bytes (compile-check.sh's
        /// Ws52x.Esp32.exe through nanoFramework's MetadataProcessor, docs/budget.md); about twice that as its share.
        /// </summary>
        public const long Esp32AppAllowanceBytes = 12 * 1024;

        public static IReadOnlyList<BudgetFigure> Measure(bool quick)
        {
            var figures = new List<BudgetFigure>();
            long operations = quick ? 20000 : 200000;

            BudgetRun.WarmUp();
            var run = new BudgetRun(withNetwork: false);
            figures.Add(new BudgetFigure("boot heap: static tables + allocated from Firmware construction through 1 h", run.BootAllocatedBytes, "bytes", BootHeapLimitBytes));
            figures.Add(new BudgetFigure("boot heap: of which static tables", run.StaticBytes, "bytes", BudgetFigure.NoLimit));
            figures.Add(new BudgetFigure("boot heap: of which construction and Start", run.ConstructionBytes, "bytes", BudgetFigure.NoLimit));
            figures.Add(new BudgetFigure("boot heap: still reachable after 1 h (host object sizes)", run.RetainedBytes, "bytes", BudgetFigure.NoLimit));
            figures.Add(new BudgetFigure("boot heap: still reachable after 1 h (nanoFramework object sizes, estimated)", run.NanoRetainedBytes, "bytes", BudgetFigure.NoLimit));
            figures.Add(new BudgetFigure("join requests in the hour (no network in range)", run.Statistics.JoinRequests, "requests", BudgetFigure.NoLimit));
            figures.Add(new BudgetFigure("loop turns in 9 min of steady running", run.SteadyTurns, "turns", BudgetFigure.NoLimit));
            figures.Add(new BudgetFigure("allocated per loop turn (steady state)", run.BytesPerTurn, "bytes", 0));

            var joined = new BudgetRun(withNetwork: true);
            figures.Add(new BudgetFigure("with a network: boot heap allocated through 1 h", joined.BootAllocatedBytes, "bytes", BootHeapLimitBytes));
            figures.Add(new BudgetFigure("with a network: still reachable after 1 h", joined.RetainedBytes, "bytes", BudgetFigure.NoLimit));
            figures.Add(new BudgetFigure("with a network: joins in the hour", joined.Statistics.Joins, "joins", BudgetFigure.NoLimit));
            figures.Add(new BudgetFigure("with a network: data frames sent in the hour", joined.Statistics.Transmissions, "frames", BudgetFigure.NoLimit));
            figures.Add(new BudgetFigure("with a network: allocated per loop turn (steady state)", joined.BytesPerTurn, "bytes", 0));

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

        /// <summary>
        /// Bytes <paramref name="operation"/> allocates per call, exactly: <paramref name="count"/> calls in a round with
        /// nothing else in the window and no JIT work on this thread (<see cref="SettledRound"/>).
        /// </summary>
        public static BudgetFigure PerOperation(string name, Action operation, long count)
        {
            SettledRound.Result r = SettledRound.Measure(() =>
            {
                for (long i = 0; i < count; i++)
                {
                    operation();
                }
            });
            return new BudgetFigure(name, (double)r.Bytes / count, "bytes", 0);
        }
    }
}
