using Ws52x.LoRaWan.Frames;
using Ws52x.Util;

namespace Ws52x.LoRaWan.MacCommands
{
    /// <summary>
    /// Parses a run of MAC commands (FOpts, or an FPort-0 payload) in either direction, with a length check per
    /// command. Stops at an unknown CID (reported as <see cref="FrameError.UnknownMacCommand"/>) or a truncated
    /// command (<see cref="FrameError.BadLength"/>); never throws.
    /// </summary>
    public static class MacCommandCodec
    {
        /// <summary>Parses what the network sent to the device (requests, LinkCheckAns, DeviceTimeAns).</summary>
        public static FrameError ParseDownlink(byte[] data, int offset, int length, MacCommandList into) =>
            Parse(data, offset, length, true, into);

        /// <summary>Parses what a device sent (answers, LinkCheckReq, DeviceTimeReq) — for tools and tests.</summary>
        public static FrameError ParseUplink(byte[] data, int offset, int length, MacCommandList into) =>
            Parse(data, offset, length, false, into);

        public static FrameError Parse(byte[] data, int offset, int length, bool downlink, MacCommandList into)
        {
            into.Clear();
            int p = offset;
            int end = offset + length;
            while (p < end)
            {
                int cid = data[p];
                int size = downlink ? CidInfo.DownlinkLength(cid) : CidInfo.UplinkLength(cid);
                FrameError stop = FrameError.None;
                if (size < 0)
                {
                    stop = FrameError.UnknownMacCommand;
                }
                else if (p + 1 + size > end)
                {
                    stop = FrameError.BadLength;
                }
                else if (into.IsFull)
                {
                    stop = FrameError.BufferTooSmall;
                }

                if (stop != FrameError.None)
                {
                    into.Error = stop;
                    into.StoppedAtCid = cid;
                    into.StoppedAtOffset = p - offset;
                    return stop;
                }

                MacCommand c = into.Add();
                c.Cid = cid;
                c.Downlink = downlink;
                c.Offset = p + 1;
                c.Length = size;
                if (downlink)
                {
                    DecodeDownlink(data, p + 1, c);
                }
                else
                {
                    DecodeUplink(data, p + 1, c);
                }

                p += 1 + size;
            }

            return FrameError.None;
        }

        private static void DecodeDownlink(byte[] d, int i, MacCommand c)
        {
            switch (c.Cid)
            {
                case 0x02:
                    c.Margin = d[i];
                    c.GwCnt = d[i + 1];
                    break;
                case 0x03:
                    c.DataRate = d[i] >> 4;
                    c.TxPower = d[i] & 0x0F;
                    c.ChMask = Bytes.ReadUInt16LE(d, i + 1);
                    c.ChMaskCntl = (d[i + 3] >> 4) & 0x07;
                    c.NbTrans = d[i + 3] & 0x0F;
                    break;
                case 0x04:
                    c.MaxDutyCycle = d[i] & 0x0F;
                    break;
                case 0x05:
                    c.Rx1DrOffset = (d[i] >> 4) & 0x07;
                    c.Rx2DataRate = d[i] & 0x0F;
                    c.Frequency = Bytes.ReadUInt24LE(d, i + 1) * 100;
                    break;
                case 0x07:
                    c.ChIndex = d[i];
                    c.Frequency = Bytes.ReadUInt24LE(d, i + 1) * 100;
                    c.MaxDr = d[i + 4] >> 4;
                    c.MinDr = d[i + 4] & 0x0F;
                    break;
                case 0x08:
                    c.Delay = d[i] & 0x0F;
                    break;
                case 0x09:
                    c.DownlinkDwellTime = (d[i] & 0x20) != 0;
                    c.UplinkDwellTime = (d[i] & 0x10) != 0;
                    c.MaxEirpIndex = d[i] & 0x0F;
                    break;
                case 0x0A:
                    c.ChIndex = d[i];
                    c.Frequency = Bytes.ReadUInt24LE(d, i + 1) * 100;
                    break;
                case 0x0D:
                    c.GpsSeconds = Bytes.ReadUInt32LE(d, i);
                    c.FractionalSecond = d[i + 4];
                    break;
            }
        }

        private static void DecodeUplink(byte[] d, int i, MacCommand c)
        {
            switch (c.Cid)
            {
                case 0x03:
                case 0x05:
                case 0x07:
                case 0x0A:
                    c.Status = d[i];
                    break;
                case 0x06:
                    c.Battery = d[i];
                    // 6-bit two's complement SNR margin.
                    int m = d[i + 1] & 0x3F;
                    c.Margin = m >= 32 ? m - 64 : m;
                    break;
            }
        }
    }
}
