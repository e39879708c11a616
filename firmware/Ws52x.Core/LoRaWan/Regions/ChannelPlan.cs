using Ws52x.Util;

namespace Ws52x.LoRaWan.Regions
{
    /// <summary>
    /// The channels of one device at run time: which exist (fixed plans: all; dynamic plans: the defaults plus what
    /// CFList and NewChannelReq added), their data-rate ranges and RX1 carriers (DlChannelReq), and which are enabled
    /// (LinkADRReq channel masks, the user's channel list). Region rules only; the MAC picks among what this allows.
    /// Nothing here allocates after construction.
    /// </summary>
    public sealed partial class ChannelPlan
    {
        /// <summary>16-bit mask words: 6 x 16 = 96 channels, enough for CN470.</summary>
        public const int MaskWords = ChannelListSyntax.MaskWords;

        /// <summary>Bytes of <see cref="Write"/>: per channel frequency, RX1 frequency and DR range, then the mask.</summary>
        public const int RecordLength = 16 * 9 + MaskWords * 2;

        private const int MaxDynamicChannels = 16;

        private readonly Region _region;
        private readonly int[] _frequency;
        private readonly int[] _downlink;
        private readonly byte[] _minDr;
        private readonly byte[] _maxDr;
        private readonly ushort[] _mask = new ushort[MaskWords];

        public ChannelPlan(Region region)
        {
            _region = region;
            int n = region.MaxChannels;
            _frequency = new int[n];
            _downlink = new int[n];
            _minDr = new byte[n];
            _maxDr = new byte[n];
            Reset();
        }

        public Region Region => _region;

        public int Count => _region.MaxChannels;

        /// <summary>Back to the region's defaults: dynamic plans keep only their default channels; fixed plans enable everything.</summary>
        public void Reset()
        {
            System.Array.Clear(_mask, 0, MaskWords);
            for (int ch = 0; ch < Count; ch++)
            {
                _downlink[ch] = 0;
                if (_region.IsFixedPlan)
                {
                    bool wide = ch >= _region.Up125Count;
                    _frequency[ch] = _region.FixedUplinkFrequency(ch);
                    _minDr[ch] = (byte)(wide ? _region.Up500Dr : _region.DefaultMinDr);
                    _maxDr[ch] = (byte)(wide ? _region.Up500Dr : _region.DefaultMaxDr);
                    SetBit(_mask, ch, true);
                }
                else
                {
                    bool isDefault = ch < _region.DefaultChannelCount;
                    _frequency[ch] = isDefault ? _region.DefaultFrequencies[ch] : 0;
                    _minDr[ch] = (byte)_region.DefaultMinDr;
                    _maxDr[ch] = (byte)_region.DefaultMaxDr;
                    SetBit(_mask, ch, isDefault);
                }
            }
        }

        public int Frequency(int ch) => ch >= 0 && ch < Count ? _frequency[ch] : 0;

        public int MinDr(int ch) => _minDr[ch];

        public int MaxDr(int ch) => _maxDr[ch];

        public bool IsDefined(int ch) => ch >= 0 && ch < Count && _frequency[ch] != 0;

        public bool IsEnabled(int ch) => IsDefined(ch) && GetBit(_mask, ch);

        /// <summary>An enabled channel on which this data rate may be sent.</summary>
        public bool Allows(int ch, int dr) => IsEnabled(ch) && dr >= _minDr[ch] && dr <= _maxDr[ch];

        /// <summary>The RX1 carrier for an uplink on this channel (fixed rule, or DlChannelReq's, or the uplink's own).</summary>
        public int Rx1Frequency(int ch)
        {
            if (_region.IsFixedPlan)
            {
                return _region.FixedDownlinkFrequency(ch);
            }

            return _downlink[ch] != 0 ? _downlink[ch] : _frequency[ch];
        }

        public int EnabledCount()
        {
            int n = 0;
            for (int ch = 0; ch < Count; ch++)
            {
                n += IsEnabled(ch) ? 1 : 0;
            }

            return n;
        }

        /// <summary>True when some enabled channel carries this data rate.</summary>
        public bool AnyEnabledFor(int dr) => AnyAllowed(_mask, dr);

        public void CopyMask(ushort[] into) => System.Array.Copy(_mask, into, MaskWords);

        /// <summary>
        /// The user's channel list (guide 3.2.2), e.g. "0-7,64". Only defined channels can be enabled; on an error, or
        /// a list that enables nothing usable, the plan stays as it was.
        /// </summary>
        public ChannelListError ApplyChannelList(string text, ushort[] scratch, out int position)
        {
            ChannelListError e = ChannelListSyntax.Parse(text, Count, scratch, out position);
            if (e == ChannelListError.None)
            {
                for (int ch = 0; ch < Count; ch++)
                {
                    SetBit(scratch, ch, GetBit(scratch, ch) && IsDefined(ch));
                }

                System.Array.Copy(scratch, _mask, MaskWords);
            }

            return e;
        }

        /// <summary>
        /// JoinAccept CFList. Type 0 (dynamic plans): up to five frequencies for the channels after the defaults, which
        /// replace every non-default channel. Type 1 (fixed plans): the ChMask words. False when the list does not fit
        /// the region (and nothing changed).
        /// </summary>
        public bool ApplyCFList(byte[] cfList, int offset)
        {
            int type = cfList[offset + 15];
            if (!_region.IsFixedPlan && type == 0)
            {
                int first = _region.DefaultChannelCount;
                for (int ch = first; ch < Count; ch++)
                {
                    _frequency[ch] = 0;
                    _downlink[ch] = 0;
                    SetBit(_mask, ch, false);
                }

                for (int i = 0; i < 5 && first + i < Count; i++)
                {
                    int hz = (int)Bytes.ReadUInt24LE(cfList, offset + 3 * i) * 100;
                    if (hz != 0 && _region.IsValidFrequency(hz))
                    {
                        Define(first + i, hz, _region.DefaultMinDr, _region.DefaultMaxDr);
                    }
                }

                return true;
            }

            if (_region.IsFixedPlan && type == 1)
            {
                var words = new ushort[MaskWords];
                for (int w = 0; w < _region.CFListMaskCount; w++)
                {
                    words[w] = Bytes.ReadUInt16LE(cfList, offset + 2 * w);
                }

                if (_region.Kind == PlanKind.FixedUs)
                {
                    words[4] &= 0x00FF;
                }

                if (CountEnabled(words) == 0)
                {
                    return false;
                }

                System.Array.Copy(words, _mask, MaskWords);
                return true;
            }

            return false;
        }

        /// <summary>
        /// NewChannelReq (dynamic plans): creates, changes or (frequency 0) deletes a channel past the defaults.
        /// Returns the NewChannelAns status: bit 1 data-rate range OK, bit 0 frequency OK; applied only when both are.
        /// </summary>
        public int NewChannel(int index, int frequencyHz, int minDr, int maxDr)
        {
            if (_region.IsFixedPlan || index < _region.DefaultChannelCount || index >= Count)
            {
                return 0;
            }

            bool drOk = minDr <= maxDr && _region.IsUplinkDataRate(minDr, false) && _region.IsUplinkDataRate(maxDr, false);
            bool freqOk = frequencyHz == 0 || _region.IsValidFrequency(frequencyHz);
            if (frequencyHz == 0)
            {
                drOk = true; // a deletion carries no meaningful range
            }

            if (!drOk || !freqOk)
            {
                return (drOk ? 2 : 0) | (freqOk ? 1 : 0);
            }

            if (frequencyHz == 0)
            {
                _frequency[index] = 0;
                _downlink[index] = 0;
                SetBit(_mask, index, false);
            }
            else
            {
                Define(index, frequencyHz, minDr, maxDr);
            }

            return 3;
        }

        /// <summary>DlChannelReq: status bit 1 = the uplink channel exists, bit 0 = the frequency is usable; applied when both.</summary>
        public int DlChannel(int index, int frequencyHz)
        {
            if (_region.IsFixedPlan)
            {
                return 0;
            }

            bool exists = IsDefined(index);
            bool freqOk = _region.IsValidFrequency(frequencyHz);
            if (exists && freqOk)
            {
                _downlink[index] = frequencyHz;
            }

            return (exists ? 2 : 0) | (freqOk ? 1 : 0);
        }

        internal static bool GetBit(ushort[] mask, int ch) => (mask[ch >> 4] & (1 << (ch & 15))) != 0;

        internal static void SetBit(ushort[] mask, int ch, bool on)
        {
            if (on)
            {
                mask[ch >> 4] |= (ushort)(1 << (ch & 15));
            }
            else
            {
                mask[ch >> 4] &= (ushort)~(1 << (ch & 15));
            }
        }

        private int CountEnabled(ushort[] words)
        {
            int n = 0;
            for (int ch = 0; ch < Count; ch++)
            {
                n += GetBit(words, ch) && IsDefined(ch) ? 1 : 0;
            }

            return n;
        }

        private void Define(int ch, int hz, int minDr, int maxDr)
        {
            _frequency[ch] = hz;
            _downlink[ch] = 0;
            _minDr[ch] = (byte)minDr;
            _maxDr[ch] = (byte)maxDr;
            SetBit(_mask, ch, true);
        }
    }
}
