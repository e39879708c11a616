using System;

namespace Ws52x.Host.Network
{
    /// <summary>
    /// A multicast group as the guide sets one up on the network server (3.2.3): McAddr, McNetSKey, McAppSKey, Class C on
    /// a data rate and frequency (RX2's by default), its own frame counter. Its downlinks are unconfirmed, carry no MAC
    /// commands and go out at once.
    /// </summary>
    public sealed class MulticastGroup
    {
        internal readonly byte[] McNetSKey = new byte[16];
        internal readonly byte[] McAppSKey = new byte[16];

        internal MulticastGroup(uint address, byte[] mcNetSKey, byte[] mcAppSKey, int dataRate, int frequencyHz)
        {
            if (mcNetSKey == null || mcNetSKey.Length != 16 || mcAppSKey == null || mcAppSKey.Length != 16)
            {
                throw new ArgumentException("multicast keys are 16 bytes");
            }

            Address = address;
            Array.Copy(mcNetSKey, McNetSKey, 16);
            Array.Copy(mcAppSKey, McAppSKey, 16);
            DataRate = dataRate;
            FrequencyHz = frequencyHz;
        }

        public uint Address { get; }

        public int DataRate { get; }

        public int FrequencyHz { get; }

        /// <summary>The counter the next group downlink carries.</summary>
        public uint FCnt { get; set; }

        public int Sent { get; internal set; }
    }
}
