using System.Linq;
using Ws52x.LoRaWan.Mac;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>The MAC's queue of application uplinks: one pool of bytes shared by the frames waiting.</summary>
    public class UplinkQueueTests
    {
        private static byte[] Head(UplinkQueue q) => q.Pool.Skip(q.HeadOffset).Take(q.HeadLength).ToArray();

        [Fact]
        public void Frames_come_out_whole_and_in_order_with_the_urgent_one_first()
        {
            var q = new UplinkQueue();
            Assert.True(q.Enqueue(85, new byte[] { 1, 1, 1 }, 0, 3, false, false, false));
            Assert.True(q.Enqueue(85, new byte[] { 9, 2, 2, 2, 2 }, 1, 4, true, false, false));
            Assert.True(q.Enqueue(86, new byte[] { 3 }, 0, 1, false, true, true)); // urgent, behind the head on the air
            Assert.Equal(new byte[] { 1, 1, 1 }, Head(q));
            q.DropHead();
            Assert.Equal(new byte[] { 3 }, Head(q));
            Assert.Equal(86, q.HeadPort);
            q.DropHead();
            Assert.Equal(new byte[] { 2, 2, 2, 2 }, Head(q));
            Assert.True(q.HeadConfirmed);
            q.DropHead();
            Assert.Equal(0, q.Count);
        }

        [Fact]
        public void The_pool_refuses_what_does_not_fit_and_takes_it_once_room_is_freed()
        {
            var q = new UplinkQueue();
            var big = Enumerable.Range(0, UplinkQueue.MaxPayload).Select(i => (byte)i).ToArray();
            Assert.True(q.Enqueue(1, big, 0, big.Length, false, false, false));
            Assert.False(q.Enqueue(2, big, 0, UplinkQueue.PoolSize - big.Length + 1, false, false, false));
            Assert.True(q.Enqueue(2, big, 0, UplinkQueue.PoolSize - big.Length, false, false, false));
            Assert.False(q.Enqueue(3, big, 0, 1, false, false, false));
            q.DropHead();
            Assert.Equal(big.Take(UplinkQueue.PoolSize - big.Length).ToArray(), Head(q));
            Assert.True(q.Enqueue(3, big, 0, big.Length, false, false, false));
            q.DropHead();
            Assert.Equal(big, Head(q));
        }
    }
}
