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
    /// sees the count back at 0 and the old overflow total, i.e. 32,767 pulses less than the read before. The next read
    /// is right again.</para>
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
        public static int Next;

        public GpioPulseCounter(int pinNumberA, int pinNumberB = -1) { }
        public GpioPulsePolarity Polarity { get; set; }
        public ushort FilterPulses { get; set; }
        public void Start() { }

        public GpioPulseCount Read()
        {
            long count = Script[Next];
            Next++;
            return new GpioPulseCount { Count = count, RelativeTime = TimeSpan.FromTicks(Next * 10000L) };
        }
    }
}";

        private static readonly Lazy<Assembly> Compiled = new Lazy<Assembly>(Compile);

        [Fact]
        public void A_read_racing_the_wrap_interrupt_neither_adds_the_whole_count_nor_loses_pulses()
        {
            // True pulses: 100, 40,000, then the unit wraps at 65,534 (2 x 0x7fff); one read lands before the interrupt.
            long[] raw = { 100, 40000, 65533, 65534 - 2 * 0x7fff + 0x7fff, 65540, 70000 };
            long[] totals = ReadAll(raw);

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
        public void A_steady_count_is_passed_through()
        {
            long[] totals = ReadAll(new long[] { 0, 0, 5, 32766, 32767, 32768, 1000000 });
            Assert.Equal(new long[] { 0, 0, 5, 32766, 32767, 32768, 1000000 }, totals);
        }

        private static long[] ReadAll(long[] raw)
        {
            Assembly assembly = Compiled.Value;
            Type native = assembly.GetType("System.Device.Gpio.GpioPulseCounter", true);
            native.GetField("Script").SetValue(null, raw);
            native.GetField("Next").SetValue(null, 0);
            var input = (IPulseInput)Activator.CreateInstance(assembly.GetType("Ws52x.Esp32.Adapters.PulseCounterInput", true), 25);
            return raw.Select(_ => input.Read(out _, out _)).ToArray();
        }

        private static Assembly Compile()
        {
            string source = Path.Combine(Paths.RepoRoot, "firmware", "Ws52x.Esp32", "Adapters", "PulseCounterInput.cs");
            return Esp32FlashStorage.CompileForHost("Ws52x.Esp32.PulseCounterOnHost", File.ReadAllText(source), NativeStandIn);
        }
    }
}
