using System.IO;
using Ws52x.App;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Radio;
using Ws52x.Loop;

namespace Ws52x.Tests.App
{
    public class FirmwareBootTests
    {
        [Fact]
        public void A_board_whose_radio_does_not_answer_says_what_was_read()
        {
            var clock = new VirtualClock();
            var output = new StringWriter();
            var io = new BoardIo
            {
                Name = "test",
                Clock = clock,
                Console = new WriterConsole(output),
                Storage = new MemoryStorage(),
                RadioSpi = new FloatingSpiBus(0xFF), // MISO pulled up, nothing on the bus
            };
            var firmware = new Firmware(io) { StatusIntervalMicros = 0 };
            firmware.Start();
            firmware.Run(1_000_000);

            string log = output.ToString();
            Assert.Contains("radio: warning: SX127x not found: RegVersion read 0xFF, expected 0x12", log);
            Assert.Contains("boot: warning: no metering chip on this board: no reports", log);
            Assert.Null(firmware.Socket);
        }
    }
}
