using System;
using Ws52x.Host.Board.Radio;
using Ws52x.Loop;
using Ws52x.Radio;
using Ws52x.Radio.Sx127x;

namespace Ws52x.Tests.Radio
{
    public class Sx127xResetTests
    {
        [Fact]
        public void Reset_pulses_100us_waits_5ms_and_reports_ready_without_touching_the_chip_early()
        {
            var rig = new RadioRig();
            var node = new RadioNode(rig.Loop, rig.Air, "dev");
            // Something the driver changes and reset must undo.
            node.Driver.WriteRegister(Sx127xRegister.RegSyncWord, 0x99);
            long t0 = rig.Loop.NowMicros;
            node.Driver.Reset();
            Assert.Equal(RadioState.Resetting, node.Driver.State);
            rig.Loop.RunFor(99);
            Assert.Equal(-1, node.Events.ReadyAt);
            Assert.Equal(0x12, node.Model.Peek(Sx127xRegister.RegSyncWord)); // register file back at reset values
            rig.Loop.RunFor(1_000_000);
            // 100 µs low, then 5 ms for the chip to start.
            Assert.Equal(t0 + 100 + 5000, node.Events.ReadyAt);
            Assert.Equal(0, node.Model.AccessesWhileUnavailable);
            Assert.Equal(RadioState.Idle, node.Driver.State);
            // Initialised: LoRa sleep on the HF port, both FIFO bases at 0, LNA boost.
            Assert.Equal(0x80, node.Model.Peek(Sx127xRegister.RegOpMode));
            Assert.Equal(0x00, node.Model.Peek(Sx127xRegister.RegFifoTxBaseAddr));
            Assert.Equal(0x23, node.Model.Peek(Sx127xRegister.RegLna));
        }

        [Fact]
        public void Another_chip_version_is_a_clear_fault()
        {
            var rig = new RadioRig();
            var node = new RadioNode(rig.Loop, rig.Air, "dev");
            node.Model.Version = 0x22; // an SX1272
            node.Driver.Reset();
            rig.Loop.RunFor(1_000_000);
            Assert.Equal("SX127x not found: RegVersion read 0x22, expected 0x12", node.Events.Fault);
            Assert.Equal(-1, node.Events.ReadyAt);
            Assert.Equal(RadioState.Faulted, node.Driver.State);
            var e = Assert.Throws<InvalidOperationException>(() => node.Driver.StartReceiveContinuous(RadioRig.Rx(868_100_000, 7)));
            Assert.Contains("not ready", e.Message);
        }

        [Theory]
        [InlineData(0x00, "SX127x not found: RegVersion read 0x00, expected 0x12")]
        [InlineData(0xFF, "SX127x not found: RegVersion read 0xFF, expected 0x12")]
        public void No_chip_on_the_bus(byte misoLevel, string message)
        {
            var loop = new EventLoop(new VirtualClock());
            var events = new RecordedEvents();
            var driver = new Sx127x(loop, new FloatingSpiBus(misoLevel), null, null, null, events);
            var e = Assert.Throws<Sx127xException>(() => driver.Initialize());
            Assert.Equal(message, e.Message);
            Assert.Equal(message, driver.LastFault);

            // Through Reset with no RESET line wired: 5 ms wait, then the same message as a fault event.
            driver.Reset();
            loop.RunFor(10_000);
            Assert.Equal(message, events.Fault);
        }

        [Fact]
        public void Reading_before_the_5ms_startup_finds_nothing()
        {
            var rig = new RadioRig();
            var node = new RadioNode(rig.Loop, rig.Air, "dev");
            node.Model.Reset.Write(false);
            node.Model.Reset.Write(true);
            var e = Assert.Throws<Sx127xException>(() => node.Driver.Initialize());
            Assert.Equal("SX127x not found: RegVersion read 0x00, expected 0x12", e.Message);
            Assert.Equal(1, node.Model.AccessesWhileUnavailable);
            rig.Clock.Advance(5000);
            node.Driver.Initialize();
            Assert.Equal(RadioState.Idle, node.Driver.State);
        }

        [Fact]
        public void A_dead_DIO0_line_ends_in_a_fault_not_a_hang()
        {
            var rig = new RadioRig();
            var node = rig.Node("dev");
            node.Model.Dio0.SetEdgeSink(null); // the wire is cut
            long t0 = rig.Loop.NowMicros;
            node.Driver.StartTransmit(new byte[13], 0, 13, RadioRig.Tx(868_100_000, 7));
            // Watchdog = airtime + airtime/4 + 100 ms = 46 336 + 11 584 + 100 000 = 157 920 µs.
            rig.Loop.Run(t0 + 157_919);
            Assert.Null(node.Events.Fault);
            rig.Loop.Run(t0 + 157_920);
            Assert.Equal("SX127x TxDone did not come: check DIO0 wiring", node.Events.Fault);
            Assert.Equal(RadioState.Faulted, node.Driver.State);
            Assert.Empty(node.Events.TxDone);
        }

        [Fact]
        public void A_dead_DIO1_line_still_ends_a_single_receive()
        {
            // Without the RxTimeout edge the MAC waited in RX1 for ever: no uplink after the first.
            var rig = new RadioRig();
            var node = rig.Node("dev");
            node.Model.Dio1.SetEdgeSink(null);
            var rx = RadioRig.Rx(869_525_000, 12, invertIq: true);
            long t0 = rig.Loop.NowMicros;
            node.Driver.StartReceiveSingle(rx, 8);
            // The latest a sound chip ends: 8 symbols, then the longest frame (255 bytes), + 100 ms.
            long longest = LoRaAirtime.TimeOnAirMicros(12, 125_000, LoRaCodingRate.Cr4_5, 8, 255, true, true, true);
            long deadline = t0 + 8 * 32_768 + longest + 100_000;
            rig.Loop.Run(deadline - 1);
            Assert.Empty(node.Events.Timeouts);
            rig.Loop.Run(deadline);
            Assert.Equal(new[] { deadline }, node.Events.Timeouts);
            Assert.Equal(RadioState.Idle, node.Driver.State);
            Assert.Null(node.Events.Fault);
            Assert.Contains("DIO", node.Driver.LastFault);
        }

        [Fact]
        public void A_single_receive_that_ends_normally_leaves_no_watchdog_behind()
        {
            var rig = new RadioRig();
            var node = rig.Node("dev");
            node.Driver.StartReceiveSingle(RadioRig.Rx(868_100_000, 7), 8);
            rig.Loop.RunFor(20_000_000);
            Assert.Single(node.Events.Timeouts);
            Assert.Null(node.Driver.LastFault);
        }
    }
}
