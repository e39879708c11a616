using System;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.Regions;
using Ws52x.Util;

namespace Ws52x.Host.Network
{
    /// <summary>
    /// What the operator of the built-in network server configures for a region, the way a ChirpStack region file or a
    /// The Things Stack frequency plan does: which channels its gateways listen on, the extra channels (dynamic plans)
    /// or the 8-channel sub-band (fixed plans) it gives devices in the JoinAccept's CFList, and the receive-window
    /// parameters it hands out (RX1 delay, RX1 DR offset, RX2). The region's own numbers stay in <see cref="Region"/>.
    /// </summary>
    public sealed class NetworkPlan
    {
        private int[] _extraChannels = new int[0];

        public NetworkPlan(Region region)
        {
            Region = region ?? throw new ArgumentNullException(nameof(region));
            Rx2DataRate = region.Rx2DataRate;
            Rx2FrequencyHz = region.Rx2FrequencyHz;
            SubBand = region.IsFixedPlan ? (region.Kind == PlanKind.FixedUs ? 1 : 0) : -1;
        }

        public Region Region { get; }

        /// <summary>RxDelay of the JoinAccept and of ABP sessions, in seconds (1-15); ChirpStack's default is 1.</summary>
        public int RxDelaySeconds { get; set; } = 1;

        public int Rx1DrOffset { get; set; }

        public int Rx2DataRate { get; set; }

        public int Rx2FrequencyHz { get; set; }

        /// <summary>
        /// Fixed plans: the 8-channel block (0-based; US915/AU915 default 1 = channels 8-15 and 65, "FSB2" of TTN and
        /// ChirpStack's us915_1) that the gateways hear and the CFList enables. -1 = every channel (no CFList).
        /// </summary>
        public int SubBand { get; set; }

        /// <summary>
        /// Dynamic plans: up to five channels after the region's defaults, sent in the CFList. EU868 gets 867.1-867.9 MHz
        /// (the common plan of ChirpStack and The Things Stack); AS923 gets 922.2-923.0 MHz shifted by its group (The
        /// Things Stack's AS923 plans, those inside the group's band); the others none, as ChirpStack's example files.
        /// </summary>
        public int[] ExtraChannels
        {
            get => (int[])_extraChannels.Clone();
            set
            {
                if (value == null || value.Length > 5)
                {
                    throw new ArgumentException("a CFList holds at most five channels", nameof(value));
                }

                foreach (int hz in value)
                {
                    if (!Region.IsValidFrequency(hz))
                    {
                        throw new ArgumentException(hz + " Hz is not a " + Region.Name + " channel", nameof(value));
                    }
                }

                _extraChannels = (int[])value.Clone();
            }
        }

        /// <summary>The operator's usual plan for a region (see <see cref="ExtraChannels"/> and <see cref="SubBand"/>).</summary>
        public static NetworkPlan For(Region region)
        {
            var plan = new NetworkPlan(region);
            if (region.Name == "EU868")
            {
                plan.ExtraChannels = new[] { 867100000, 867300000, 867500000, 867700000, 867900000 };
            }
            else if (region.Name.StartsWith("AS923", StringComparison.Ordinal))
            {
                // The group's first default channel is 923.2 MHz shifted; the extra ones sit 1.0-0.2 MHz below it,
                // where the group's band has room for them (AS923-4's 917-920 MHz band has room for two).
                int first = region.Rx2FrequencyHz;
                plan.ExtraChannels = Array.FindAll(
                    new[] { first - 1000000, first - 800000, first - 600000, first - 400000, first - 200000 },
                    region.IsValidFrequency);
            }

            return plan;
        }

        /// <summary>DLSettings of the JoinAccept: RX1DROffset in bits 6-4, RX2 data rate in bits 3-0.</summary>
        public int DLSettings => ((Rx1DrOffset & 0x07) << 4) | (Rx2DataRate & 0x0F);

        /// <summary>
        /// Writes the CFList into output[offset..offset+16) and returns true, or returns false when this plan sends none
        /// (a dynamic plan without extra channels, a fixed plan with every channel on).
        /// </summary>
        public bool WriteCFList(byte[] output, int offset)
        {
            Array.Clear(output, offset, JoinAccept.CFListLength);
            if (!Region.IsFixedPlan)
            {
                if (_extraChannels.Length == 0)
                {
                    return false;
                }

                for (int i = 0; i < _extraChannels.Length; i++)
                {
                    Bytes.WriteUInt24LE(output, offset + 3 * i, (uint)(_extraChannels[i] / 100));
                }

                output[offset + 15] = JoinAccept.CFListTypeFrequencies;
                return true;
            }

            if (SubBand < 0)
            {
                return false;
            }

            var mask = new ushort[ChannelPlan.MaskWords];
            foreach (int ch in SubBandChannels())
            {
                mask[ch >> 4] |= (ushort)(1 << (ch & 15));
            }

            int words = Region.Kind == PlanKind.FixedUs ? 5 : ChannelPlan.MaskWords;
            for (int w = 0; w < words; w++)
            {
                Bytes.WriteUInt16LE(output, offset + 2 * w, mask[w]);
            }

            output[offset + 15] = JoinAccept.CFListTypeChannelMask;
            return true;
        }

        /// <summary>Fixed plans: the uplink channels of <see cref="SubBand"/> (eight 125 kHz ones, then US915/AU915's 500 kHz one).</summary>
        public int[] SubBandChannels()
        {
            if (!Region.IsFixedPlan || SubBand < 0)
            {
                return new int[0];
            }

            bool wide = Region.Kind == PlanKind.FixedUs;
            var channels = new int[wide ? 9 : 8];
            for (int k = 0; k < 8; k++)
            {
                channels[k] = SubBand * 8 + k;
            }

            if (wide)
            {
                channels[8] = 64 + SubBand;
            }

            return channels;
        }

        /// <summary>
        /// The sub-band in the guide's channel-list syntax ("8-15,65"), what a user types into an ABP device so that it
        /// sends where the gateways listen; "" when the plan has no sub-band.
        /// </summary>
        public string SubBandChannelList()
        {
            int[] channels = SubBandChannels();
            if (channels.Length == 0)
            {
                return "";
            }

            string list = channels[0] + "-" + channels[7];
            return channels.Length > 8 ? list + "," + channels[8] : list;
        }

        /// <summary>Tunes a gateway to the uplink channels of this plan (all SFs on each, as a concentrator does).</summary>
        public void ListenOn(VirtualGateway gateway)
        {
            var plan = new ChannelPlan(Region);
            if (Region.IsFixedPlan)
            {
                int[] channels = SubBand >= 0 ? SubBandChannels() : AllChannels(plan);
                foreach (int ch in channels)
                {
                    gateway.ListenOn(plan.Frequency(ch), ch >= 64 && Region.Kind == PlanKind.FixedUs ? 500000 : 125000);
                }

                return;
            }

            for (int ch = 0; ch < Region.DefaultChannelCount; ch++)
            {
                gateway.ListenOn(plan.Frequency(ch));
            }

            foreach (int hz in _extraChannels)
            {
                gateway.ListenOn(hz);
            }
        }

        private static int[] AllChannels(ChannelPlan plan)
        {
            var all = new int[plan.Count];
            for (int ch = 0; ch < all.Length; ch++)
            {
                all[ch] = ch;
            }

            return all;
        }
    }
}
