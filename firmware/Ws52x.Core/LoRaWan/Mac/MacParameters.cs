using Ws52x.LoRaWan.Regions;
using Ws52x.Util;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// The radio parameters of a session that the network may change with MAC commands and the device keeps across
    /// reboots: uplink data rate and power, NbTrans, the receive windows' settings, duty-cycle and dwell limits.
    /// A plain record the MAC owns; <see cref="Write"/>/<see cref="Read"/> are its persisted form.
    /// </summary>
    internal sealed class MacParameters
    {
        public const int RecordLength = 16;

        public int DataRate;

        /// <summary>TXPower index of the region (0 = max EIRP).</summary>
        public int TxPowerIndex;

        /// <summary>Transmissions of each unconfirmed uplink (LinkADRReq Redundancy), 1-15.</summary>
        public int NbTrans = 1;

        public int Rx1DrOffset;
        public int Rx2DataRate;
        public int Rx2FrequencyHz;

        /// <summary>RECEIVE_DELAY1 in seconds (1-15; RXTimingSetupReq and the JoinAccept's RxDelay set it).</summary>
        public int RxDelaySeconds = 1;

        /// <summary>DutyCycleReq: aggregated duty cycle 1/2^MaxDutyCycle (0 = no limit beyond the region's).</summary>
        public int MaxDutyCycle;

        public bool UplinkDwell;
        public bool DownlinkDwell;

        /// <summary>Max EIRP in 1/100 dBm (the region's, or TxParamSetupReq's).</summary>
        public int MaxEirpCentiDbm;

        /// <summary>The region's defaults, then the user's data rate, power and RX2 (guide 3.2.1).</summary>
        public void Reset(Region region, int dataRate, int txPowerIndex, int rx2DataRate, int rx2FrequencyHz)
        {
            DataRate = dataRate;
            TxPowerIndex = txPowerIndex >= 0 && txPowerIndex <= region.MaxTxPowerIndex ? txPowerIndex : 0;
            NbTrans = 1;
            Rx1DrOffset = 0;
            Rx2DataRate = rx2DataRate >= 0 && region.IsDownlinkDataRate(rx2DataRate) ? rx2DataRate : region.Rx2DataRate;
            Rx2FrequencyHz = rx2FrequencyHz > 0 && region.IsValidFrequency(rx2FrequencyHz) ? rx2FrequencyHz : region.Rx2FrequencyHz;
            RxDelaySeconds = 1;
            MaxDutyCycle = 0;
            UplinkDwell = region.DefaultUplinkDwell;
            DownlinkDwell = region.DefaultDownlinkDwell;
            MaxEirpCentiDbm = region.MaxEirpCentiDbm;
        }

        public void CopyFrom(MacParameters other)
        {
            DataRate = other.DataRate;
            TxPowerIndex = other.TxPowerIndex;
            NbTrans = other.NbTrans;
            Rx1DrOffset = other.Rx1DrOffset;
            Rx2DataRate = other.Rx2DataRate;
            Rx2FrequencyHz = other.Rx2FrequencyHz;
            RxDelaySeconds = other.RxDelaySeconds;
            MaxDutyCycle = other.MaxDutyCycle;
            UplinkDwell = other.UplinkDwell;
            DownlinkDwell = other.DownlinkDwell;
            MaxEirpCentiDbm = other.MaxEirpCentiDbm;
        }

        public int Write(byte[] b, int offset)
        {
            b[offset] = (byte)DataRate;
            b[offset + 1] = (byte)TxPowerIndex;
            b[offset + 2] = (byte)NbTrans;
            b[offset + 3] = (byte)Rx1DrOffset;
            b[offset + 4] = (byte)Rx2DataRate;
            Bytes.WriteUInt32LE(b, offset + 5, (uint)Rx2FrequencyHz);
            b[offset + 9] = (byte)RxDelaySeconds;
            b[offset + 10] = (byte)MaxDutyCycle;
            b[offset + 11] = (byte)((UplinkDwell ? 1 : 0) | (DownlinkDwell ? 2 : 0));
            Bytes.WriteUInt32LE(b, offset + 12, (uint)MaxEirpCentiDbm);
            return RecordLength;
        }

        /// <summary>Reads a record; false (and nothing changed) when a value is outside what the region allows.</summary>
        public bool Read(byte[] b, int offset, Region region)
        {
            int dr = b[offset];
            int power = b[offset + 1];
            int nbTrans = b[offset + 2];
            int rx1 = b[offset + 3];
            int rx2Dr = b[offset + 4];
            int rx2Hz = (int)Bytes.ReadUInt32LE(b, offset + 5);
            int delay = b[offset + 9];
            int maxDc = b[offset + 10];
            if (!region.IsDefined(dr) || power > region.MaxTxPowerIndex || nbTrans < 1 || nbTrans > 15 || rx1 > region.MaxRx1DrOffset
                || !region.IsDownlinkDataRate(rx2Dr) || !region.IsValidFrequency(rx2Hz) || delay < 1 || delay > 15 || maxDc > 15)
            {
                return false;
            }

            DataRate = dr;
            TxPowerIndex = power;
            NbTrans = nbTrans;
            Rx1DrOffset = rx1;
            Rx2DataRate = rx2Dr;
            Rx2FrequencyHz = rx2Hz;
            RxDelaySeconds = delay;
            MaxDutyCycle = maxDc;
            UplinkDwell = (b[offset + 11] & 1) != 0;
            DownlinkDwell = (b[offset + 11] & 2) != 0;
            MaxEirpCentiDbm = (int)Bytes.ReadUInt32LE(b, offset + 12);
            return true;
        }
    }
}
