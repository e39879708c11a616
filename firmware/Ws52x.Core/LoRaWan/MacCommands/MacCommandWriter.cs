namespace Ws52x.LoRaWan.MacCommands
{
    /// <summary>
    /// Serializes the device's MAC commands (answers, LinkCheckReq, DeviceTimeReq) into a caller-owned buffer,
    /// e.g. the FOpts of the next uplink. Each Add returns false (and writes nothing) when the command does not fit.
    /// </summary>
    internal sealed class MacCommandWriter
    {
        private byte[] _buffer;
        private int _start;
        private int _capacity;

        public int Length { get; private set; }

        /// <summary>Writes into buffer[offset..offset+capacity); 15 for FOpts.</summary>
        public void Reset(byte[] buffer, int offset, int capacity)
        {
            _buffer = buffer;
            _start = offset;
            _capacity = capacity;
            Length = 0;
        }

        public bool LinkCheckReq() => Put((int)Cid.LinkCheck, 0, 0, 0);

        /// <summary>LinkADRAns status: bit 2 power ACK, bit 1 data rate ACK, bit 0 channel mask ACK.</summary>
        public bool LinkAdrAns(bool powerAck, bool dataRateAck, bool channelMaskAck) =>
            Put((int)Cid.LinkAdr, 1, Status3(powerAck, dataRateAck, channelMaskAck), 0);

        public bool DutyCycleAns() => Put((int)Cid.DutyCycle, 0, 0, 0);

        /// <summary>RXParamSetupAns status: bit 2 RX1DROffset ACK, bit 1 RX2 data rate ACK, bit 0 channel ACK.</summary>
        public bool RxParamSetupAns(bool rx1DrOffsetAck, bool rx2DataRateAck, bool channelAck) =>
            Put((int)Cid.RxParamSetup, 1, Status3(rx1DrOffsetAck, rx2DataRateAck, channelAck), 0);

        /// <summary>DevStatusAns: battery (0 external power, 1..254 level, 255 unknown), SNR margin -32..31 dB.</summary>
        public bool DevStatusAns(int battery, int margin)
        {
            if (margin < -32)
            {
                margin = -32;
            }
            else if (margin > 31)
            {
                margin = 31;
            }

            return Put((int)Cid.DevStatus, 2, battery & 0xFF, margin & 0x3F);
        }

        /// <summary>NewChannelAns status: bit 1 data rate range OK, bit 0 channel frequency OK.</summary>
        public bool NewChannelAns(bool dataRateRangeOk, bool frequencyOk) =>
            Put((int)Cid.NewChannel, 1, Status3(false, dataRateRangeOk, frequencyOk), 0);

        public bool RxTimingSetupAns() => Put((int)Cid.RxTimingSetup, 0, 0, 0);

        public bool TxParamSetupAns() => Put((int)Cid.TxParamSetup, 0, 0, 0);

        /// <summary>DlChannelAns status: bit 1 uplink frequency exists, bit 0 channel frequency OK.</summary>
        public bool DlChannelAns(bool uplinkFrequencyExists, bool frequencyOk) =>
            Put((int)Cid.DlChannel, 1, Status3(false, uplinkFrequencyExists, frequencyOk), 0);

        public bool DeviceTimeReq() => Put((int)Cid.DeviceTime, 0, 0, 0);

        private static int Status3(bool b2, bool b1, bool b0) => (b2 ? 4 : 0) | (b1 ? 2 : 0) | (b0 ? 1 : 0);

        private bool Put(int cid, int size, int a, int b)
        {
            if (_buffer == null || Length + 1 + size > _capacity)
            {
                return false;
            }

            int p = _start + Length;
            _buffer[p] = (byte)cid;
            if (size > 0)
            {
                _buffer[p + 1] = (byte)a;
            }

            if (size > 1)
            {
                _buffer[p + 2] = (byte)b;
            }

            Length += 1 + size;
            return true;
        }
    }
}
