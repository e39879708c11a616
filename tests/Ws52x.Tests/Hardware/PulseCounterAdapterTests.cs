using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Ws52x.Platform;
using Ws52x.Tests.Storage;

namespace Ws52x.Tests.Hardware
{
    /// <summary>
    /// The ESP32 app's pulse counter adapter (firmware/Ws52x.Esp32/Adapters/PulseCounterInput.cs) compiled for the host
    /// against a stand-in for nanoFramework's GpioPulseCounter that returns scripted raw counts.
    /// <para>The native Read (nf-interpreter ..._System_Device_Gpio_GpioPulseCounter.cpp) adds the 16-bit PCNT count to
    /// an overflow total that the watch-point interrupt raises by 0x7fff when the unit wraps, without a lock: a read
    /// between the hardware wrap and its interrupt (a few microseconds, longer while flash writes hold interrupts off)
    /// sees the count back at 0 and the old overflow total, i.e. 32,767 pulses less than the read before. The other way
    /// round, a wrap between reading the count and reading the overflow total makes a read 32,767 too high. Either way
    /// the next read is right again. Reads here are 10 ms apart, as the metering's.</para>
    /// </summary>
    public sealed class PulseCounterAdapterTests
    {
        private const string NativeStandIn = @"
namespace System.Device.Gpio
{
    public enum GpioPulsePolarity { Falling, Rising, Both }

    public struct GpioPulseCount
    {
        public long Count;
        public TimeSpan RelativeTime;
    }

    public sealed class GpioPulseCounter
    {
        public static long[] Script;
        public static long[] Micros;
        public static int Next;

        public GpioPulseCounter(int pinNumberA, int pinNumberB = -1) { }
        public GpioPulsePolarity Polarity { get; set; }
        public ushort FilterPulses { get; set; }
        public void Start() { }

        public GpioPulseCount Read()
        {
            long count = Script[Next];
            long micros = Micros == null ? Next * 10000L : Micros[Next];
            Next++;
            return new GpioPulseCount { Count = count, RelativeTime = TimeSpan.FromTicks(micros * 10) };
        }
    }
}";

        private static readonly Lazy<Assembly> Compiled = new Lazy<Assembly>(Compile);

        [Fact]
        public void A_read_racing_the_wrap_interrupt_neither_adds_the_whole_count_nor_loses_pulses()
        {
            // True pulses: 100, 40,000 (20 s later, 2 kHz), then the unit wraps at 65,534 (2 x 0x7fff); one read lands
            // before the interrupt.
            long[] raw = { 100, 40000, 65533, 65534 - 2 * 0x7fff + 0x7fff, 65540, 70000 };
            long[] micros = { 0, 20000000, 30000000, 30010000, 30020000, 40000000 };
            long[] totals = ReadAll(raw, micros);

            for (int i = 1; i < totals.Length; i++)
            {
                Assert.True(totals[i] >= totals[i - 1], "read " + i + " went backwards: " + string.Join(", ", totals));
            }

            // Never more than the pulses the chip really sent (the reported energy bills the user).
            Assert.True(totals[3] <= 65534, "the racing read reported " + totals[3] + " pulses of 65,534: " + string.Join(", ", totals));
            Assert.Equal(65540, totals[4]);
            Assert.Equal(70000, totals[5]);
        }

        [Fact]
        public void A_read_that_counts_the_wrap_twice_is_passed_over()
        {
            // True pulses 32,000, then about 32,767 to 32,770 across the wrap; the third read adds the interrupt's 0x7fff
            // to a count read just before the wrap. Counting it would be 32,767 pulses in 10 ms: 3 MHz, a current spike
            // that would trip the overcurrent protection.
            long[] totals = ReadAll(new long[] { 100, 32000, 32766 + 0x7fff, 32770, 40000 });
            Assert.Equal(new long[] { 100, 32000, 32000, 32770, 40000 }, totals);
        }

        [Fact]
        public void A_steady_count_is_passed_through_and_a_long_gap_may_bring_many_pulses()
        {
            long[] raw = { 0, 0, 5, 32766, 32767, 32768, 1000000 };
            long[] micros = { 0, 10000, 20000, 30000, 40000, 50000, 20050000 }; // the last after 20 s: 48 kHz
            Assert.Equal(raw, ReadAll(raw, micros));
        }

        private static long[] ReadAll(long[] raw, long[] micros = null)
        {
            Assembly assembly = Compiled.Value;
            Type native = assembly.GetType("System.Device.Gpio.GpioPulseCounter", true);
            native.GetField("Script").SetValue(null, raw);
            native.GetField("Micros").SetValue(null, micros);
            native.GetField("Next").SetValue(null, 0);
            var input = (IPulseInput)Activator.CreateInstance(assembly.GetType("Ws52x.Esp32.Adapters.PulseCounterInput", true), 25);
            return raw.Select(count => input.Read(out long readMicros, out long lastEdgeMicros)).ToArray();
        }

        private static Assembly Compile()
        {
            string source = Path.Combine(Paths.RepoRoot, "firmware", "Ws52x.Esp32", "Adapters", "PulseCounterInput.cs");
            return Esp32FlashStorage.CompileForHost("Ws52x.Esp32.PulseCounterOnHost", File.ReadAllText(source), NativeStandIn);
        }
    }
}
