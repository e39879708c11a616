using System;
using static Ws52x.Tests.Socket.Bench;

namespace Ws52x.Tests.Socket
{
    /// <summary>Hot paths of the socket allocate nothing in steady state: the protection check (every 10 ms) and the report build.</summary>
    [Collection(Ws52x.Tests.Config.HeapMeasurements.Name)]
    public class SocketAllocationTests
    {
        [Fact]
        public void Metering_with_the_protection_check_and_building_reports_allocate_nothing_after_warm_up()
        {
            var board = OnAndJoined(configure: s =>
            {
                s.OvercurrentAlarmEnabled = true;
                s.OvercurrentAlarmThresholdAmps = 16;
                s.OvercurrentProtectionEnabled = true;
                s.OvercurrentProtectionThresholdAmps = 16;
            });
            var report = board.Socket.Reporting.Status;
            var watch = board.Socket.Overcurrent;
            board.RunFor(30 * Second); // windows closed, voltage visited
            // 500 metering samples a round, each followed by the protection check.
            SteadyStateAllocation.AssertNothingAllocated(() => board.RunFor(5 * Second));
            int length = 0;
            SteadyStateAllocation.AssertNothingAllocated(() =>
            {
                for (int i = 0; i < 1000; i++)
                {
                    length = report.Build(0);
                }
            });
            Assert.Equal(26, length);
            Assert.True(board.Relay.Level);
            Assert.Equal(0, watch.Trips);
        }
    }
}
