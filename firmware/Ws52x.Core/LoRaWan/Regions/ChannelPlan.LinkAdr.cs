namespace Ws52x.LoRaWan.Regions
{
    /// <summary>LinkADRReq channel masks: what each ChMaskCntl means in each plan, and which masks may be taken.</summary>
    public sealed partial class ChannelPlan
    {
        /// <summary>
        /// Applies one LinkADRReq's ChMaskCntl/ChMask to <paramref name="work"/> (a copy of the mask, so that a block of
        /// requests is all or nothing). False for a ChMaskCntl the region calls RFU.
        /// </summary>
        public bool ApplyLinkAdrMask(ushort[] work, int chMaskCntl, int chMask)
        {
            switch (_region.Kind)
            {
                case PlanKind.Dynamic:
                    if (chMaskCntl == 0)
                    {
                        work[0] = (ushort)chMask;
                        return true;
                    }

                    if (chMaskCntl == 6)
                    {
                        for (int ch = 0; ch < Count; ch++)
                        {
                            SetBit(work, ch, IsDefined(ch));
                        }

                        return true;
                    }

                    return false;

                case PlanKind.FixedUs:
                    return ApplyUsMask(work, chMaskCntl, chMask);

                default:
                    if (chMaskCntl <= 5)
                    {
                        work[chMaskCntl] = (ushort)chMask;
                        return true;
                    }

                    if (chMaskCntl == 6)
                    {
                        for (int w = 0; w < MaskWords; w++)
                        {
                            work[w] = 0xFFFF;
                        }

                        return true;
                    }

                    return false;
            }
        }

        /// <summary>
        /// Whether a mask may become the plan's: it enables only defined channels, at least one, and on US915/AU915 at
        /// least two 125 kHz channels when <paramref name="dr"/> is a 125 kHz data rate (FCC hopping rule).
        /// </summary>
        public bool IsAcceptableMask(ushort[] work, int dr)
        {
            int enabled = 0;
            for (int ch = 0; ch < Count; ch++)
            {
                if (GetBit(work, ch))
                {
                    if (!IsDefined(ch))
                    {
                        return false;
                    }

                    enabled++;
                }
            }

            for (int ch = Count; ch < MaskWords * 16; ch++)
            {
                if (GetBit(work, ch))
                {
                    return false;
                }
            }

            if (enabled == 0)
            {
                return false;
            }

            if (_region.Kind == PlanKind.FixedUs && dr != _region.Up500Dr)
            {
                int narrow = 0;
                for (int ch = 0; ch < _region.Up125Count; ch++)
                {
                    narrow += GetBit(work, ch) ? 1 : 0;
                }

                return narrow >= 2;
            }

            return true;
        }

        /// <summary>True when some channel enabled in <paramref name="work"/> carries this data rate.</summary>
        public bool AnyAllowed(ushort[] work, int dr)
        {
            for (int ch = 0; ch < Count; ch++)
            {
                if (IsDefined(ch) && GetBit(work, ch) && dr >= _minDr[ch] && dr <= _maxDr[ch])
                {
                    return true;
                }
            }

            return false;
        }

        public void SetMask(ushort[] work) => System.Array.Copy(work, _mask, MaskWords);

        // US915/AU915 (RP002): 0-3 mask 16 channels each, 4 the 500 kHz channels, 5 one bit per bank of eight 125 kHz
        // channels plus its 500 kHz channel, 6/7 all 125 kHz channels on/off with ChMask for the 500 kHz ones.
        private bool ApplyUsMask(ushort[] work, int cntl, int chMask)
        {
            if (cntl <= 3)
            {
                work[cntl] = (ushort)chMask;
                return true;
            }

            if (cntl == 4)
            {
                work[4] = (ushort)(chMask & 0xFF);
                return true;
            }

            if (cntl == 5)
            {
                if ((chMask & 0xFF00) != 0)
                {
                    return false; // the upper bits are RFU
                }

                for (int bank = 0; bank < 8; bank++)
                {
                    bool on = (chMask & (1 << bank)) != 0;
                    for (int k = 0; k < 8; k++)
                    {
                        SetBit(work, bank * 8 + k, on);
                    }

                    SetBit(work, 64 + bank, on);
                }

                return true;
            }

            ushort all = cntl == 6 ? (ushort)0xFFFF : (ushort)0;
            work[0] = all;
            work[1] = all;
            work[2] = all;
            work[3] = all;
            work[4] = (ushort)(chMask & 0xFF);
            return true;
        }
    }
}
