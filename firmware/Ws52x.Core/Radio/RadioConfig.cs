namespace Ws52x.Radio
{
    /// <summary>
    /// A LoRa channel and modulation for one transmit or receive. Created once by the owner and changed in place:
    /// the driver copies the values into registers and keeps no reference.
    /// </summary>
    public class RadioChannelConfig
    {
        public int FrequencyHz = 868100000;
        public int SpreadingFactor = 7;

        /// <summary>125000, 250000 or 500000.</summary>
        public int BandwidthHz = 125000;

        public LoRaCodingRate CodingRate = LoRaCodingRate.Cr4_5;
        public int PreambleSymbols = 8;

        /// <summary>0x34 is the LoRaWAN public network sync word; 0x12 the private one.</summary>
        public byte SyncWord = 0x34;

        /// <summary>LoRaWAN: uplinks normal, downlinks inverted (so devices do not hear each other).</summary>
        public bool InvertIq;

        public LdroMode LowDataRateOptimize = LdroMode.Auto;

        /// <summary>Implicit header mode (LoRaWAN always uses the explicit header).</summary>
        public bool ImplicitHeader;

        /// <summary>Copies every field from <paramref name="other"/>.</summary>
        public void CopyChannel(RadioChannelConfig other)
        {
            FrequencyHz = other.FrequencyHz;
            SpreadingFactor = other.SpreadingFactor;
            BandwidthHz = other.BandwidthHz;
            CodingRate = other.CodingRate;
            PreambleSymbols = other.PreambleSymbols;
            SyncWord = other.SyncWord;
            InvertIq = other.InvertIq;
            LowDataRateOptimize = other.LowDataRateOptimize;
            ImplicitHeader = other.ImplicitHeader;
        }
    }

    /// <summary>A transmission: the channel plus power and CRC.</summary>
    public sealed class RadioTxConfig : RadioChannelConfig
    {
        /// <summary>Conducted output power in dBm: 2-20 on PA_BOOST (18-20 uses the +20 dBm mode), -4..14 on RFO.</summary>
        public int PowerDbm = 14;

        /// <summary>RFM95/96 modules wire only PA_BOOST to the antenna; RFO is for bare chips with that path.</summary>
        public bool UsePaBoost = true;

        /// <summary>LoRaWAN uplinks carry a payload CRC; downlinks do not.</summary>
        public bool CrcOn = true;
    }

    /// <summary>A reception: the channel plus the payload length for implicit-header frames.</summary>
    public sealed class RadioRxConfig : RadioChannelConfig
    {
        /// <summary>Only read in implicit header mode, where the length is not on air.</summary>
        public int ImplicitPayloadLength = 255;

        /// <summary>Whether a CRC is expected in implicit header mode (explicit frames announce it in their header).</summary>
        public bool ImplicitCrcOn;
    }

    /// <summary>What the radio measured about a received frame. One instance per driver, overwritten by each frame.</summary>
    public sealed class RadioPacketInfo
    {
        /// <summary>Packet strength in dBm, SX1276 datasheet 5.5.5.</summary>
        public int RssiDbm;

        /// <summary>SNR in quarter dB, as RegPktSnrValue gives it (signed).</summary>
        public int SnrQuarterDb;

        /// <summary>Edge time of the DIO0 interrupt: the end of the frame.</summary>
        public long TimestampMicros;

        public int FrequencyHz;
        public int SpreadingFactor;
        public int BandwidthHz;

        /// <summary>True when delivered through OnRxError because RegIrqFlags had PayloadCrcError.</summary>
        public bool CrcError;

        /// <summary>SNR rounded toward zero to whole dB, the unit of LoRaWAN's DevStatusAns margin.</summary>
        public int SnrDb => SnrQuarterDb / 4;
    }
}
