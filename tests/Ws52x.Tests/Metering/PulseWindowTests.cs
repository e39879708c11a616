using Ws52x.Metering;

namespace Ws52x.Tests.Metering
{
    public class PulseWindowTests
    {
        private const long Tick = 10_000;

        // Feeds a window with an ideal pulse train of `hz` read every tick, from `from` to `to` µs.
        private static long Feed(PulseWindow w, double hz, long from, long to, double phase = 0.37)
        {
            long t = from;
            for (; t <= to; t += Tick)
            {
                long count = (long)(phase + hz * t / 1e6);
                w.Sample(count, t, -1);
            }

            return t;
        }

        [Fact]
        public void A_high_rate_closes_after_target_pulses_and_min_span_with_error_below_one_tick_over_span()
        {
            var w = new PulseWindow();
            w.Reset(0);
            Feed(w, 500, 0, 3_000_000);

            Assert.True(w.Closed >= 2);

            // 500 Hz · 1 W/Hz = 500 W = 500e6 µW; error ≤ one period (2 ms) over ≥ 1 s = 0.2 %.
            long value = w.Value(1_000_000_000, 3_000_000);
            Assert.InRange(value, 499_000_000, 501_000_000);
            Assert.InRange(w.SpanMicros, 1_000_000, 1_010_000);
        }

        [Fact]
        public void A_low_rate_grows_the_window_to_the_target_span()
        {
            var w = new PulseWindow();
            w.Reset(0);
            Feed(w, 0.5, 0, 60_000_000); // a pulse every 2 s

            // A window closes at the first edge at least 10 s after it opened: 10 s exactly at 0.5 Hz (5 pulses).
            Assert.Equal(5, w.Pulses);
            Assert.InRange(w.SpanMicros, 9_990_000, 10_010_000);
            long value = w.Value(1_000_000_000, 59_000_000);
            Assert.InRange(value, 499_000, 501_000); // 0.5 W in µW, within 0.2 %
        }

        [Fact]
        public void Value_falls_with_the_time_since_the_last_edge_and_is_zero_after_the_timeout()
        {
            var w = new PulseWindow();
            w.Reset(0);
            Feed(w, 100, 0, 5_000_000); // 400 pulses take 4 s: one window has closed
            Assert.Equal(1, w.Closed);
            long lastCount = (long)(0.37 + 100 * 5.0); // the count read at 5 s, which dates the newest edge

            // The load is switched off: the counter stands still for a second.
            for (long t = 5_000_000 + Tick; t <= 6_000_000; t += Tick)
            {
                w.Sample(lastCount, t, -1);
            }

            // 100 W held by the window, but one pulse (1 J at 1 W/Hz) in 1 s of quiet bounds it to 1 W.
            Assert.Equal(1_000_000, w.Value(1_000_000_000, 6_000_000));
            Assert.Equal(0, w.Value(1_000_000_000, 5_000_000 + PulseWindow.TimeoutMicros));
        }

        [Fact]
        public void A_pause_holds_the_value_and_resume_drops_the_window_in_progress()
        {
            var w = new PulseWindow();
            w.Reset(0);
            Feed(w, 200, 0, 2_000_000);
            long held = w.Value(1_000_000_000, 2_000_000);
            w.Pause(2_000_000);

            // Ten seconds away: the value must not age.
            Assert.Equal(held, w.Value(1_000_000_000, 12_000_000));

            // Back, but the counter ran on with another quantity (1000 Hz worth of pulses meanwhile).
            w.Resume(12_050_000);
            long count = (long)(0.37 + 200 * 2.0) + 10_000;
            bool closed = false;
            for (long t = 12_050_000; t <= 14_100_000; t += Tick)
            {
                count += 2; // 200 Hz at a 10 ms tick
                closed |= w.Sample(count, t, -1);
            }

            Assert.True(closed);
            Assert.InRange(w.Value(1_000_000_000, 14_100_000), 199_000_000, 201_000_000);
        }

        [Fact]
        public void A_late_first_reading_after_a_resume_is_not_taken_for_silence()
        {
            var w = new PulseWindow();
            w.Reset(0);
            Feed(w, 563, 0, 3_000_000); // 230 V on the HLW8012 board
            long held = w.Value(1_000_000_000, 3_000_000);
            w.Pause(3_000_000);

            // Back after a visit to the other quantity; the loop runs late, the first reading comes 40 ms after the resume.
            w.Resume(13_000_000);
            w.Sample(50_000, 13_040_000, -1);
            Assert.Equal(held, w.Value(1_000_000_000, 13_040_000));
        }

        [Fact]
        public void Edge_timestamps_make_a_short_window_exact()
        {
            var w = new PulseWindow(10, 100_000);
            w.Reset(0);
            const double hz = 37.3;
            for (long t = 0; t <= 2_000_000; t += 50_000)
            {
                long count = (long)(hz * t / 1e6);
                long lastEdge = count == 0 ? -1 : (long)System.Math.Ceiling(count / hz * 1e6);
                w.Sample(count, t, lastEdge);
            }

            // Edge to edge with exact times: only the µs rounding of the edge times remains.
            long value = w.Value(1_000_000_000, (long)(w.TotalPulses / hz * 1e6));
            Assert.InRange(value, 37_299_000, 37_301_000);
        }
    }
}
