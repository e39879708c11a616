using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Ws52x.Config;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Metering;
using Ws52x.Metering;
using Ws52x.Util;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// Issue 12 item 6: how long the loop's slowest handlers hold it, on this host and estimated for the ESP32, and what a
    /// handler that holds the loop does to the protection trip. The device estimate scales each host time by the ratio
    /// of nanoFramework's estimated time for one PBKDF2 iteration (1.5 ms, see the config benchmark) to this host's time
    /// for it, measured here: a rough factor (IL interpreted on an ESP32 against JIT code on a PC), without the flash's
    /// own time, which comes on top for a save (docs/socket.md).
    /// </summary>
    public sealed class HandlerBenchmark : IBenchmark
    {
        private const double DeviceMicrosPerIteration = 1500;

        public string Name => "handlers";

        public void Run(bool quick)
        {
            int repeats = quick ? 50 : 400;
            double factor = DeviceFactor(quick);
            Measure.Print(Name, "ESP32 / this host, estimated (from AES)", factor, "x");
            Console.WriteLine("  handler (µs on this host; the ESP32 estimate is p50 x factor)       p50      p99   ESP32 est. ms");

            HostBoard board = Joined(LoadProfiles.Find("heater"));
            var socket = board.Socket;
            bool flip = false;
            Row("settings save (record build and journal write)", factor, repeats, () => board.Settings.Save());
            Row("energy save", factor, repeats, () => socket.Metering.Store.SaveIfChanged(), () => board.RunFor(2 * SocketRig.Second));
            Row("downlink ff03: decode, apply, save", factor, repeats, () =>
            {
                flip = !flip;
                board.Downlink(85, Hex.Parse(flip ? "ff035802" : "ff038403"));
                board.RunFor(0);
            });
            Row("downlink ff28: a status report", factor, repeats, () =>
            {
                board.Downlink(85, Hex.Parse("ff28ff"));
                board.RunFor(0);
            });
            Row("log burst: a join's basic information and report", factor, repeats, () => socket.OnJoined());
            foreach (string line in new[] { "status", "help", "get", "export" })
            {
                Row("console: " + line, factor, repeats, () => Type(board, line));
            }

            Type(board, "login 123456");
            Row("console: set report_interval (logged in)", factor, repeats, () =>
            {
                flip = !flip;
                Type(board, flip ? "set report_interval 600" : "set report_interval 900");
            });
            // The metering tick on counters that cost nothing to read (the simulated chip's own work is not the device's).
            var meter = new PowerMeter(new MeteringBoard(), Calibration.FromDatasheet(new MeteringBoard()), new SteadyPulses(193), new SteadyPulses(600), new NoPin());
            long now = 0;
            Many("metering sample (fast current without bounds)", factor, quick, () => meter.Sample(now += PowerMeter.TickMicros));
            meter.ProtectionOn = true;
            Many("metering sample (fast current with bounds: protection on)", factor, quick, () => meter.Sample(now += PowerMeter.TickMicros));
            Many("protection check", factor, quick, () => socket.Overcurrent.Check());

            Console.WriteLine("  trip latency, 2 A to the step, 10 A protection, HLW8012, with a handler of W starting at the step (ms)");
            foreach (double amps in new[] { 16.0, 10.5 })
            {
                foreach (long w in new[] { 0L, 30_000L, 80_000L, 300_000L })
                {
                    long micros = SlowHandlerRig.TripLatencyMicros(MeteringChip.Hlw8012, amps, w);
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  step {0,4:0.0} A   W {1,4} ms   trip {2,6:0.0} ms", amps, w / 1000, micros / 1000.0));
                }
            }
        }

        private static HostBoard Joined(LoadProfile load)
        {
            HostBoard board = SocketRig.Board(load);
            board.Start();
            board.Press();
            board.RunFor(60 * SocketRig.Second);
            return board;
        }

        private static void Type(HostBoard board, string line)
        {
            board.TypeConsoleLine(line);
            board.RunFor(0);
        }

        // Handlers far shorter than the timer's resolution: the mean over many calls.
        private static void Many(string what, double factor, bool quick, Action handler)
        {
            double micros = Measure.Run(handler, quick ? 100_000 : 1_000_000, 10_000).NanosPerOperation / 1000;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-62} {1,8:0.000} {2,8} {3,15:0.00}", what, micros, "(mean)", micros * factor / 1000));
        }

        // Times each call of the handler (after 5 unmeasured ones); 'setup' runs before each call, untimed.
        private static void Row(string what, double factor, int repeats, Action handler, Action setup = null)
        {
            var times = new List<double>(repeats);
            for (int i = 0; i < repeats + 5; i++)
            {
                setup?.Invoke();
                var watch = Stopwatch.StartNew();
                handler();
                watch.Stop();
                if (i >= 5)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds * 1000);
                }
            }

            // The host's worst calls are its own pauses (GC, JIT, the OS), not the handler's: p99 stands for its worst.
            times.Sort();
            double median = times[times.Count / 2];
            double p99 = times[times.Count * 99 / 100];
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-62} {1,8:0.0} {2,8:0.0} {3,15:0.0}", what, median, p99, median * factor / 1000));
        }

        /// <summary>A pulse train at a steady rate, read as the ESP32's counter gives it (the count at the time asked).</summary>
        private sealed class SteadyPulses : Ws52x.Platform.IPulseInput
        {
            private readonly long _hz;
            private long _now;

            public SteadyPulses(long hz)
            {
                _hz = hz;
            }

            public long Read(out long readMicros, out long lastEdgeMicros)
            {
                _now += PowerMeter.TickMicros / 2; // two inputs read per sample
                readMicros = _now;
                lastEdgeMicros = -1;
                return _now * _hz / 1000000;
            }
        }

        private sealed class NoPin : Ws52x.Platform.IDigitalOutput
        {
            public void Write(bool high)
            {
            }
        }

        private static double DeviceFactor(bool quick)
        {
            byte[] password = Encoding.ASCII.GetBytes("Wall-Socket-9");
            var salt = new byte[16];
            var hash = new byte[16];
            var kdf = new Pbkdf2Cmac();
            // The fastest of five runs: on a shared machine the others only add other processes' time.
            double best = double.MaxValue;
            for (int run = 0; run < 5; run++)
            {
                var f = Measure.Run(() => kdf.Derive(password, password.Length, salt, 16, PasswordRules.Iterations, hash, 0), quick ? 10 : 50, 5);
                best = Math.Min(best, f.NanosPerOperation);
            }

            double hostMicrosPerIteration = best / PasswordRules.Iterations / 1000;
            return DeviceMicrosPerIteration / hostMicrosPerIteration;
        }
    }
}
