using Ws52x.Util;

namespace Ws52x.LoRaWan.Regions
{
    /// <summary>The plan as persisted with the session: what the network added and changed survives a reboot.</summary>
    public sealed partial class ChannelPlan
    {
        /// <summary>Writes what the network changed (channels, RX1 carriers, DR ranges, mask): <see cref="RecordLength"/> bytes.</summary>
        public int Write(byte[] buffer, int offset)
        {
            int p = offset;
            for (int ch = 0; ch < MaxDynamicChannels; ch++)
            {
                bool stored = !_region.IsFixedPlan && ch < Count;
                Bytes.WriteUInt32LE(buffer, p, stored ? (uint)_frequency[ch] : 0);
                Bytes.WriteUInt32LE(buffer, p + 4, stored ? (uint)_downlink[ch] : 0);
                buffer[p + 8] = (byte)(stored ? (_maxDr[ch] << 4) | _minDr[ch] : 0);
                p += 9;
            }

            for (int w = 0; w < MaskWords; w++)
            {
                Bytes.WriteUInt16LE(buffer, p, _mask[w]);
                p += 2;
            }

            return p - offset;
        }

        /// <summary>Restores what <see cref="Write"/> wrote; default channels always keep their region values.</summary>
        public void Read(byte[] buffer, int offset)
        {
            Reset();
            int p = offset;
            for (int ch = 0; ch < MaxDynamicChannels; ch++)
            {
                if (!_region.IsFixedPlan && ch < Count && ch >= _region.DefaultChannelCount)
                {
                    int hz = (int)Bytes.ReadUInt32LE(buffer, p);
                    _frequency[ch] = _region.IsValidFrequency(hz) ? hz : 0;
                    _downlink[ch] = (int)Bytes.ReadUInt32LE(buffer, p + 4);
                    _minDr[ch] = (byte)(buffer[p + 8] & 0x0F);
                    _maxDr[ch] = (byte)(buffer[p + 8] >> 4);
                }
                else if (!_region.IsFixedPlan && ch < Count)
                {
                    _downlink[ch] = (int)Bytes.ReadUInt32LE(buffer, p + 4);
                }

                p += 9;
            }

            var words = new ushort[MaskWords];
            for (int w = 0; w < MaskWords; w++)
            {
                words[w] = Bytes.ReadUInt16LE(buffer, p);
                p += 2;
            }

            // A record that would enable nothing usable (corrupt or foreign) leaves the default mask.
            if (CountEnabled(words) > 0)
            {
                for (int ch = 0; ch < Count; ch++)
                {
                    SetBit(_mask, ch, GetBit(words, ch) && IsDefined(ch));
                }
            }
        }
    }
}
