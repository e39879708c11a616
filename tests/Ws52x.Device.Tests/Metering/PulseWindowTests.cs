using nanoFramework.TestFramework;
using Ws52x.Metering;

namespace Ws52x.Device.Tests.Metering
{
    /// <summary>
    /// The pulse-window arithmetic the metering runs 100 times a second: 64-bit products and divisions of counts, spans in
    /// µs and nano-unit multipliers. Results are exact integers, so any difference in the device's long arithmetic shows.
    /// </summary>
    [TestClass]
    public class PulseWindowTests
    {
        // 1 W per Hz of CF, in nano-watts per Hz: the value comes out in µW.
        private const long WattPerHertz = 1000000000L;

        [TestMethod]
        [DataRow(100, 400, 100000000)]
        [DataRow(8, 80, 8000000)]
        [DataRow(1000, 4000, 1000000000)]
        public void A_window_of_whole_pulses_gives_the_frequency_times_the_multiplier(int hertz, int pulses, int microwatts)
        {
            var window = new PulseWindow();
            long period = 1000000L / hertz;
            window.Sample(0, 0, -1);
            window.Sample(1, period, period);
            bool closed = window.Sample(1 + pulses, period * (1 + pulses), period * (1 + pulses));
            Assert.IsTrue(closed);
            Assert.AreEqual((long)pulses, window.Pulses);
            Assert.AreEqual(period * pulses, window.SpanMicros);
            Assert.AreEqual((long)microwatts, window.Value(WattPerHertz, period * (1 + pulses)));
        }

        [TestMethod]
        public void A_window_closes_at_400_pulses_or_10_seconds_and_never_before_1_second()
        {
            var window = new PulseWindow();
            window.Sample(0, 0, -1);
            window.Sample(1, 0, 0);
            Assert.IsFalse(window.Sample(500, 900000, 900000), "closed before the minimum span");
            Assert.IsTrue(window.Sample(501, 1000000, 1000000));
            Assert.AreEqual(500L, window.Pulses);

            // A slow train: 3 pulses, closed by the 10 s span.
            Assert.IsFalse(window.Sample(503, 9000000, 9000000));
            Assert.IsTrue(window.Sample(504, 11000000, 11000000));
            Assert.AreEqual(3L, window.Pulses);
            Assert.AreEqual(10000000L, window.SpanMicros);
            Assert.AreEqual(300000L, window.Value(WattPerHertz, 11000000)); // 0.3 Hz -> 0.3 W
        }

        [TestMethod]
        public void Without_edges_the_value_falls_to_one_pulse_per_quiet_time_then_to_zero()
        {
            var window = new PulseWindow();
            window.Sample(0, 0, -1);
            window.Sample(1, 10000, 10000);
            window.Sample(401, 4010000, 4010000); // 100 Hz
            Assert.AreEqual(100000000L, window.Value(WattPerHertz, 4010000));
            Assert.AreEqual(100000000L, window.Value(WattPerHertz, 4015000)); // within one period: unchanged
            Assert.AreEqual(500000L, window.Value(WattPerHertz, 6010000)); // 2 s without an edge: below 0.5 Hz
            Assert.AreEqual(0L, window.Value(WattPerHertz, 4010000 + PulseWindow.TimeoutMicros));
        }

        [TestMethod]
        public void A_paused_window_neither_ages_nor_counts_the_other_quantitys_pulses()
        {
            var window = new PulseWindow();
            window.Sample(0, 0, -1);
            window.Sample(1, 10000, 10000);
            window.Sample(401, 4010000, 4010000);
            window.Pause(4010000);
            Assert.IsFalse(window.Sample(9000, 20000000, 20000000));
            Assert.AreEqual(100000000L, window.Value(WattPerHertz, 30000000)); // paused: the value holds
            window.Resume(30000000);
            Assert.IsFalse(window.Sample(9100, 30010000, 30010000), "the first reading after a resume is only a baseline");
            Assert.AreEqual(400L, window.Pulses);
        }
    }
}
