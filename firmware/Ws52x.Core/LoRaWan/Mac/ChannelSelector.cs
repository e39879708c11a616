using Ws52x.LoRaWan.Regions;
using Ws52x.Platform;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// Picks the channel (and for joins the data rate) of the next transmission: at random among the enabled channels
    /// that carry the data rate and whose duty-cycle band is free; when none is free yet, says when one will be.
    /// Joins rotate: dynamic plans step the data rate down from the fastest join data rate, fixed US plans walk the
    /// eight 125 kHz sub-bands (one per attempt, so a gateway on any sub-band hears one of the first eight requests)
    /// with a 500 kHz request every ninth attempt, as LoRaMac-node and TR007 do.
    /// </summary>
    internal sealed class ChannelSelector
    {
        private readonly int[] _candidates = new int[96];
        private readonly byte[] _randomBytes = new byte[4];
        private readonly IRandomSource _random;
        private int _joinBank;
        private int _joinAttempt;
        private int _lastChannel = -1;

        public ChannelSelector(IRandomSource random)
        {
            _random = random;
        }

        /// <summary>Restarts the join rotation (a new join procedure).</summary>
        public void ResetJoin()
        {
            _joinAttempt = 0;
            _joinBank = NextInt(8);
        }

        /// <summary>0..n-1 from the board's random source (n &gt; 0).</summary>
        public int NextInt(int n)
        {
            if (n <= 1)
            {
                return 0;
            }

            _random.NextBytes(_randomBytes, 0, 4);
            uint v = (uint)(_randomBytes[0] | (_randomBytes[1] << 8) | (_randomBytes[2] << 16) | (_randomBytes[3] << 24));
            return (int)(v % (uint)n);
        }

        /// <summary>
        /// A channel for <paramref name="dr"/> whose band may send at <paramref name="now"/>, or -1 with
        /// <paramref name="earliest"/> the first moment one may (long.MaxValue when no enabled channel carries the data rate).
        /// </summary>
        public int Pick(ChannelPlan plan, DutyCycle duty, int dr, long now, out long earliest)
        {
            int count = 0;
            earliest = long.MaxValue;
            for (int ch = 0; ch < plan.Count; ch++)
            {
                if (!plan.Allows(ch, dr))
                {
                    continue;
                }

                long start = duty.EarliestStart(plan.Region.BandOf(plan.Frequency(ch)));
                if (start <= now)
                {
                    _candidates[count++] = ch;
                }
                else if (start < earliest)
                {
                    earliest = start;
                }
            }

            if (count == 0)
            {
                return -1;
            }

            earliest = now;
            return Choose(count);
        }

        /// <summary>
        /// The channel and data rate of the next JoinRequest (the attempt counter advances only when it is sent:
        /// <see cref="OnJoinSent"/>). -1 with <paramref name="earliest"/> when the duty cycle makes it wait.
        /// </summary>
        public int PickJoin(ChannelPlan plan, DutyCycle duty, long now, out int dr, out long earliest)
        {
            Region region = plan.Region;
            if (region.Kind != PlanKind.FixedUs)
            {
                int span = region.JoinMaxDr - region.JoinMinDr + 1;
                dr = region.JoinMaxDr - _joinAttempt % span;
                int ch = Pick(plan, duty, dr, now, out earliest);
                if (ch >= 0 || earliest != long.MaxValue)
                {
                    return ch;
                }

                // Nothing enabled carries this data rate (the user's channel list): use one that is carried.
                for (dr = region.JoinMaxDr; dr >= region.JoinMinDr; dr--)
                {
                    ch = Pick(plan, duty, dr, now, out earliest);
                    if (ch >= 0 || earliest != long.MaxValue)
                    {
                        return ch;
                    }
                }

                return -1;
            }

            bool wide = (_joinAttempt + 1) % 9 == 0 && plan.AnyEnabledFor(region.JoinMaxDr);
            if (wide || !plan.AnyEnabledFor(region.JoinMinDr))
            {
                dr = region.JoinMaxDr;
                return Pick(plan, duty, dr, now, out earliest);
            }

            dr = region.JoinMinDr;
            earliest = now;
            for (int k = 0; k < 8; k++)
            {
                int bank = (_joinBank + k) % 8;
                int count = 0;
                for (int ch = bank * 8; ch < bank * 8 + 8; ch++)
                {
                    if (plan.Allows(ch, dr))
                    {
                        _candidates[count++] = ch;
                    }
                }

                if (count > 0)
                {
                    _joinBank = bank;
                    return Choose(count);
                }
            }

            return -1;
        }

        /// <summary>The request went out: the next one uses the next data rate, or the next sub-band.</summary>
        public void OnJoinSent(ChannelPlan plan, int channel)
        {
            _joinAttempt++;
            if (plan.Region.Kind == PlanKind.FixedUs && channel < plan.Region.Up125Count)
            {
                _joinBank = (channel / 8 + 1) % 8;
            }
        }

        // Random among the candidates, avoiding the channel used last when there is a choice.
        private int Choose(int count)
        {
            int pick = _candidates[NextInt(count)];
            if (pick == _lastChannel && count > 1)
            {
                pick = _candidates[NextInt(count)];
            }

            _lastChannel = pick;
            return pick;
        }
    }
}
