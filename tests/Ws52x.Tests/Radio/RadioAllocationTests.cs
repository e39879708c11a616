using System;
using Ws52x.Radio;

namespace Ws52x.Tests.Radio
{
    public class RadioAllocationTests
    {
        /// <summary>Counts results without keeping anything, so the test measures the driver, the model and the loop only.</summary>
        private sealed class CountingEvents : IRadioEvents
        {
            public int TxDone;
            public int RxDone;
            public int Timeouts;
            public int LastRssi;

            public void OnRadioReady(long timestampMicros) { }
            public void OnRadioFault(string message) => throw new InvalidOperationException(message);
            public void OnTxDone(long timestampMicros) => TxDone++;
            public void OnRxDone(byte[] buffer, int count, RadioPacketInfo info) { RxDone++; LastRssi = info.RssiDbm; }
            public void OnRxTimeout(long timestampMicros) => Timeouts++;
            public void OnRxError(RadioPacketInfo info) { }
        }

        [Fact]
        public void Transmit_receive_and_timeout_allocate_nothing_after_warm_up()
        {
            var rig = new RadioRig();
            var aEvents = new CountingEvents();
            var bEvents = new CountingEvents();
            var a = rig.Node("a", aEvents);
            var b = rig.Node("b", bEvents);
            rig.Air.SetLink(a.Model, b.Model, -90, 20);
            var tx = RadioRig.Tx(868_100_000, 7, invertIq: true);
            tx.CrcOn = false;
            var rx = RadioRig.Rx(868_100_000, 7, invertIq: true);
            var payload = new byte[51];

            void Cycle(int i)
            {
                payload[0] = (byte)i;
                b.Driver.StartReceiveSingle(rx, 8);
                a.Driver.StartTransmit(payload, 0, payload.Length, tx);
                rig.Loop.RunFor(200_000);
                b.Driver.StartReceiveSingle(rx, 8); // nothing comes: a timeout
                rig.Loop.RunFor(20_000);
            }

            for (int i = 0; i < 50; i++)
            {
                Cycle(i);
            }

            int rounds = SteadyStateAllocation.AssertNothingAllocated(() =>
            {
                for (int i = 0; i < 1000; i++)
                {
                    Cycle(i);
                }
            });

            int cycles = 50 + rounds * 1000;
            Assert.Equal(cycles, aEvents.TxDone);
            Assert.Equal(cycles, bEvents.RxDone);
            Assert.Equal(cycles, bEvents.Timeouts);
            Assert.Equal(-90, bEvents.LastRssi);
        }
    }
}
