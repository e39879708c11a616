namespace Ws52x.LoRaWan.MacCommands
{
    /// <summary>
    /// One decoded MAC command: the CID, where its bytes are, and the fields the spec names. Only the fields of
    /// its CID and direction are meaningful; region-specific meaning (which data rate, which channel plan) is the
    /// MAC's business. Instances live in a <see cref="MacCommandList"/> and are reused.
    /// </summary>
    public sealed class MacCommand
    {
        public int Cid;
        public bool Downlink;

        /// <summary>Offset of the command's payload (after the CID) in the parsed buffer, and its length.</summary>
        public int Offset;
        public int Length;

        // LinkCheckAns
        public int Margin;
        public int GwCnt;

        // LinkADRReq
        public int DataRate;
        public int TxPower;
        public int ChMask;
        public int ChMaskCntl;
        public int NbTrans;

        // DutyCycleReq
        public int MaxDutyCycle;

        // RXParamSetupReq (Rx1DrOffset, Rx2DataRate, Frequency) / NewChannelReq / DlChannelReq (ChIndex, Frequency, MinDr, MaxDr)
        public int Rx1DrOffset;
        public int Rx2DataRate;
        public uint Frequency;
        public int ChIndex;
        public int MinDr;
        public int MaxDr;

        // RXTimingSetupReq
        public int Delay;

        // TxParamSetupReq
        public bool DownlinkDwellTime;
        public bool UplinkDwellTime;
        public int MaxEirpIndex;

        // DeviceTimeAns: GPS epoch seconds and 1/256 s
        public uint GpsSeconds;
        public int FractionalSecond;

        // Uplink answers: the status byte (LinkADRAns, RXParamSetupAns, NewChannelAns, DlChannelAns), DevStatusAns
        public int Status;
        public int Battery;

        public string Name => CidInfo.Name(Cid, Downlink);

        internal void Reset()
        {
            Cid = 0;
            Downlink = false;
            Offset = 0;
            Length = 0;
            Margin = 0;
            GwCnt = 0;
            DataRate = 0;
            TxPower = 0;
            ChMask = 0;
            ChMaskCntl = 0;
            NbTrans = 0;
            MaxDutyCycle = 0;
            Rx1DrOffset = 0;
            Rx2DataRate = 0;
            Frequency = 0;
            ChIndex = 0;
            MinDr = 0;
            MaxDr = 0;
            Delay = 0;
            DownlinkDwellTime = false;
            UplinkDwellTime = false;
            MaxEirpIndex = 0;
            GpsSeconds = 0;
            FractionalSecond = 0;
            Status = 0;
            Battery = 0;
        }
    }
}
