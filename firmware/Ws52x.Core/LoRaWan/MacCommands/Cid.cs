namespace Ws52x.LoRaWan.MacCommands
{
    /// <summary>MAC command identifiers of LoRaWAN 1.0.3/1.0.4 for Class A and C (same CID both ways: Req/Ans pair).</summary>
    public enum Cid
    {
        LinkCheck = 0x02,
        LinkAdr = 0x03,
        DutyCycle = 0x04,
        RxParamSetup = 0x05,
        DevStatus = 0x06,
        NewChannel = 0x07,
        RxTimingSetup = 0x08,
        TxParamSetup = 0x09,
        DlChannel = 0x0A,
        DeviceTime = 0x0D,
    }

    public static class CidInfo
    {
        /// <summary>Payload bytes after the CID of what the network sends (Req, or Ans for LinkCheck/DeviceTime); -1 unknown.</summary>
        public static int DownlinkLength(int cid)
        {
            switch (cid)
            {
                case 0x02: return 2;  // LinkCheckAns: Margin, GwCnt
                case 0x03: return 4;  // LinkADRReq: DataRate_TXPower, ChMask(2), Redundancy
                case 0x04: return 1;  // DutyCycleReq: DutyCyclePL
                case 0x05: return 4;  // RXParamSetupReq: DLSettings, Frequency(3)
                case 0x06: return 0;  // DevStatusReq
                case 0x07: return 5;  // NewChannelReq: ChIndex, Freq(3), DrRange
                case 0x08: return 1;  // RXTimingSetupReq: Settings
                case 0x09: return 1;  // TxParamSetupReq: EIRP_DwellTime
                case 0x0A: return 4;  // DlChannelReq: ChIndex, Freq(3)
                case 0x0D: return 5;  // DeviceTimeAns: seconds(4), fractional(1)
                default: return -1;
            }
        }

        /// <summary>Payload bytes after the CID of what the device sends (Ans, or Req for LinkCheck/DeviceTime); -1 unknown.</summary>
        public static int UplinkLength(int cid)
        {
            switch (cid)
            {
                case 0x02: return 0;  // LinkCheckReq
                case 0x03: return 1;  // LinkADRAns: Status
                case 0x04: return 0;  // DutyCycleAns
                case 0x05: return 1;  // RXParamSetupAns: Status
                case 0x06: return 2;  // DevStatusAns: Battery, Margin
                case 0x07: return 1;  // NewChannelAns: Status
                case 0x08: return 0;  // RXTimingSetupAns
                case 0x09: return 0;  // TxParamSetupAns
                case 0x0A: return 1;  // DlChannelAns: Status
                case 0x0D: return 0;  // DeviceTimeReq
                default: return -1;
            }
        }

        public static string Name(int cid, bool downlink)
        {
            switch (cid)
            {
                case 0x02: return downlink ? "LinkCheckAns" : "LinkCheckReq";
                case 0x03: return downlink ? "LinkADRReq" : "LinkADRAns";
                case 0x04: return downlink ? "DutyCycleReq" : "DutyCycleAns";
                case 0x05: return downlink ? "RXParamSetupReq" : "RXParamSetupAns";
                case 0x06: return downlink ? "DevStatusReq" : "DevStatusAns";
                case 0x07: return downlink ? "NewChannelReq" : "NewChannelAns";
                case 0x08: return downlink ? "RXTimingSetupReq" : "RXTimingSetupAns";
                case 0x09: return downlink ? "TxParamSetupReq" : "TxParamSetupAns";
                case 0x0A: return downlink ? "DlChannelReq" : "DlChannelAns";
                case 0x0D: return downlink ? "DeviceTimeAns" : "DeviceTimeReq";
                default: return "Unknown";
            }
        }
    }
}
