using Ws52x.Diagnostics;
using Ws52x.Loop;
using Ws52x.Tests.Config;

namespace Ws52x.Tests.Diagnostics
{
    public class LogTests
    {
        [Fact]
        public void A_record_is_time_area_and_message_on_one_line()
        {
            var console = new LineCapture();
            var clock = new VirtualClock(90061001000);
            var log = new Log(console, clock);
            log.Info("boot", "hello");
            log.Warn("radio", "no answer");
            log.Line("lorawan").Append("JoinRequest ").Append(3).Append(" on ").Mhz(868100000);
            log.End();
            Assert.Equal(new[] { "1.01:01:01.001 boot: hello", "1.01:01:01.001 radio: warning: no answer", "1.01:01:01.001 lorawan: JoinRequest 3 on 868.100 MHz" }, console.Lines);
            Assert.Equal("1.01:01:01.001", Log.FormatTime(90061001000));
        }

        [Fact]
        public void A_line_longer_than_the_buffer_is_cut_not_lost()
        {
            var console = new LineCapture();
            var log = new Log(console, new VirtualClock());
            log.Info("x", new string('a', Log.MaxLineLength + 100));
            Assert.Equal(Log.MaxLineLength, Assert.Single(console.Lines).Length);
        }

        [Fact]
        public void Logging_a_record_built_from_numbers_allocates_nothing()
        {
            var log = new Log(new NullConsole(), new VirtualClock(5000000));
            int attempt = 0;
            SteadyStateAllocation.AssertNothingAllocated(() =>
            {
                log.Line("lorawan").Append("JoinRequest ").Append(++attempt).Append(" DevNonce ").Append(attempt * 7).Append(" on ").Mhz(868500000).Append(" DR").Append(5);
                log.End();
                log.Warn("lorawan", "no radio");
            });
        }

        private sealed class NullConsole : Ws52x.Platform.ITextConsole
        {
            public void WriteLine(string line)
            {
            }

            public void WriteLine(char[] line, int length)
            {
            }

            public void SetLineSink(Ws52x.Platform.ILineSink sink)
            {
            }
        }
    }
}
