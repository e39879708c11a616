using System;
using Ws52x.Host.Board.Radio;
using Ws52x.Loop;
using Ws52x.Radio;
using Ws52x.Radio.Sx127x;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// The SX127x driver against the register-level model on the virtual air: one 26-byte frame transmitted by one
    /// driver and received by another (program both chips over SPI, air delivery, two DIO0 interrupts, FIFO reads),
    /// the loop run to the end; and a single receive that times out. Host cost, not device cost: on the ESP32 the SPI
    /// transfers dominate, so the SPI frame count per operation is printed as well.
    /// </summary>
    public sealed class RadioBenchmark : IBenchmark
    {
        // Long enough for the JIT to finish tiering the whole path, whose code would otherwise show as a few bytes.
        private const long Warmup = 20_000;

        public string Name => "radio";

        private sealed class Counter : IRadioEvents
        {
            public long Results;

            public void OnRadioReady(long timestampMicros) { }
            public void OnRadioFault(string message) => throw new InvalidOperationException(message);
            public void OnTxDone(long timestampMicros) => Results++;
            public void OnRxDone(byte[] buffer, int count, RadioPacketInfo info) => Results++;
            public void OnRxTimeout(long timestampMicros) => Results++;
            public void OnRxError(RadioPacketInfo info) => Results++;
        }

        public void Run(bool quick)
        {
            long count = quick ? 20_000 : 200_000;
            var loop = new EventLoop(new VirtualClock());
            var air = new VirtualAir(loop, 52);
            var events = new Counter();
            var a = new Sx127xModel(loop, air, "a");
            var b = new Sx127xModel(loop, air, "b");
            var sender = new Sx127x(loop, a, a.Reset, a.Dio0, a.Dio1, events);
            var receiver = new Sx127x(loop, b, b.Reset, b.Dio0, b.Dio1, events);
            sender.Reset();
            receiver.Reset();
            loop.RunFor(10_000);

            var tx = new RadioTxConfig { FrequencyHz = 868_100_000, SpreadingFactor = 7 };
            var rx = new RadioRxConfig { FrequencyHz = 868_100_000, SpreadingFactor = 7 };
            var frame = new byte[26];
            long spiBefore = a.SpiTransfers + b.SpiTransfers;
            long resultsBefore = events.Results;
            var link = Measure.Run(() =>
            {
                receiver.StartReceiveSingle(rx, 8);
                sender.StartTransmit(frame, 0, frame.Length, tx);
                loop.RunFor(100_000);
            }, count, Warmup);
            long operations = count + Warmup; // the warm-up runs count too
            double spiPerLink = (double)(a.SpiTransfers + b.SpiTransfers - spiBefore) / operations;
            if (events.Results - resultsBefore != 2 * operations)
            {
                throw new InvalidOperationException("radio benchmark: a frame was not received");
            }

            var timeout = Measure.Run(() =>
            {
                receiver.StartReceiveSingle(rx, 8);
                loop.RunFor(10_000);
            }, count, Warmup);

            Measure.Print(Name, "26-byte frame, TX driver -> air -> RX driver", link.NanosPerOperation, "ns");
            Measure.Print(Name, "allocated per frame sent and received", link.BytesPerOperation, "bytes");
            Measure.Print(Name, "SPI frames per frame sent and received", spiPerLink, "frames");
            Measure.Print(Name, "single receive to RxTimeout", timeout.NanosPerOperation, "ns");
            Measure.Print(Name, "allocated per RX timeout", timeout.BytesPerOperation, "bytes");
            Measure.Print(Name, "airtime calculation (SF7..SF12, 26 bytes)", AirtimeNanos(count), "ns");
        }

        private static double AirtimeNanos(long count)
        {
            long sink = 0;
            var figures = Measure.Run(() =>
            {
                for (int sf = 7; sf <= 12; sf++)
                {
                    sink += LoRaAirtime.TimeOnAirMicros(sf, 125_000, LoRaCodingRate.Cr4_5, 8, 26, true, true, LdroMode.Auto);
                }
            }, count);
            GC.KeepAlive(sink);
            return figures.NanosPerOperation / 6;
        }
    }
}
