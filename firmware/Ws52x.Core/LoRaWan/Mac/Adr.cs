using Ws52x.LoRaWan.Regions;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// The device side of ADR (LoRaWAN 1.0.3 4.3.1.1, with the errata's state table that 1.0.4 printed as Table 9):
    /// ADR_ACK_CNT counts new uplinks since the last downlink; from ADR_ACK_LIMIT on, uplinks ask for a downlink
    /// (ADRACKReq); after ADR_ACK_DELAY more, power goes back to the default (maximum); after each further
    /// ADR_ACK_DELAY the data rate goes one step down; at the lowest data rate NbTrans returns to 1 and the default
    /// channels are enabled again. Still nothing for ADR_ACK_LIMIT more: the link is lost. As in LoRaMac-node, a frame is
    /// built with the count of the uplinks before it and counted once it goes out; a downlink sets the count back to 0.
    /// </summary>
    internal sealed class Adr
    {
        public const int AckLimit = 64;
        public const int AckDelay = 32;

        private int _completeAt = -1;
        private int _appliedAt = -1;
        private bool _lostReported;

        /// <summary>ADR_ACK_CNT.</summary>
        public int AckCounter { get; private set; }

        public bool AckRequest => AckCounter >= AckLimit;

        /// <summary>Any downlink in a receive window answers: back to normal.</summary>
        public void OnDownlink()
        {
            AckCounter = 0;
            _completeAt = -1;
            _appliedAt = -1;
            _lostReported = false;
        }

        public void Reset() => OnDownlink();

        /// <summary>A new frame (a new FCntUp) went out: one more uplink without an answer so far.</summary>
        public void OnUplinkSent()
        {
            if (AckCounter < int.MaxValue)
            {
                AckCounter++;
            }
        }

        /// <summary>
        /// Before a new frame is built: applies the back-off step due at the current ADR_ACK_CNT (so that the frame
        /// sent with count 96 already uses the default power, the one with 128 the lower data rate). Returns true once,
        /// when the back-off has ended and ADR_ACK_LIMIT more uplinks got no answer (the link is lost).
        /// </summary>
        public bool BeforeUplink(MacParameters p, ChannelPlan plan, Region region)
        {
            int n = AckCounter;
            if (n == _appliedAt)
            {
                return false; // this count's step is done (the MAC may look more than once before a frame goes)
            }

            _appliedAt = n;
            if (n == AckLimit + AckDelay)
            {
                p.TxPowerIndex = 0;
            }
            else if (n >= AckLimit + 2 * AckDelay && (n - AckLimit) % AckDelay == 0 && _completeAt < 0)
            {
                int lower = NextLowerDataRate(region, p.DataRate, p.UplinkDwell);
                if (lower >= 0)
                {
                    p.DataRate = lower;
                    if (!plan.AnyEnabledFor(lower))
                    {
                        EnableDefaultChannels(plan);
                    }
                }
                else
                {
                    p.NbTrans = 1;
                    EnableDefaultChannels(plan);
                    _completeAt = n;
                }
            }

            if (_completeAt >= 0 && !_lostReported && n >= _completeAt + AckLimit)
            {
                _lostReported = true;
                return true;
            }

            return false;
        }

        /// <summary>The next slower uplink data rate this device can use, or -1 at the lowest.</summary>
        public static int NextLowerDataRate(Region region, int dr, bool uplinkDwell)
        {
            for (int d = dr - 1; d >= 0; d--)
            {
                if (region.IsUplinkDataRate(d, uplinkDwell) && region.IsLoRa(d))
                {
                    return d;
                }
            }

            return -1;
        }

        /// <summary>Dynamic plans: the default channels on again, others untouched; fixed plans: every channel on.</summary>
        public static void EnableDefaultChannels(ChannelPlan plan)
        {
            var work = new ushort[ChannelPlan.MaskWords];
            plan.CopyMask(work);
            int count = plan.Region.IsFixedPlan ? plan.Count : plan.Region.DefaultChannelCount;
            for (int ch = 0; ch < count; ch++)
            {
                ChannelPlan.SetBit(work, ch, true);
            }

            plan.SetMask(work);
        }
    }
}
