using Ws52x.LoRaWan.Regions;
using Ws52x.Util;

namespace Ws52x.Config
{
    /// <summary>
    /// The factory settings of one board: the guide's defaults (<see cref="Settings"/>), its identity from its serial
    /// number, and its region's defaults.
    /// <para>Identity, from the 8-byte SN that ff16 reports (BoardIo.SerialNumber; on the ESP32 its first six bytes are
    /// the factory MAC from eFuse and the last two are zero): the <b>DevEUI</b> is the EUI-64 made from the SN's first six
    /// bytes by the IEEE EUI-48 encapsulation, b0 b1 b2 FF FE b3 b4 b5 (the way LoRa gateways turn their MAC into an
    /// EUI), so it is as unique as the MAC and never collides with Milesight's 24E124 range; the <b>ABP DevAddr</b> is
    /// digits 5-12 of the SN as the guide says, i.e. bytes 2-5 read big-endian, which on the ESP32 covers the whole
    /// NIC-specific half of the MAC.</para>
    /// </summary>
    public sealed class SettingsDefaults
    {
        public const int SerialNumberLength = 8;

        private readonly byte[] _serialNumber = new byte[SerialNumberLength];

        /// <param name="serialNumber">The board's 8-byte SN; null reads as all zeros (the DevEUI must then be set by hand).</param>
        /// <param name="band">The board's model suffix ("868M", "915M", "470M"); anything else is the -868M model.</param>
        public SettingsDefaults(byte[] serialNumber, string band)
        {
            HasSerialNumber = serialNumber != null && serialNumber.Length == SerialNumberLength;
            if (HasSerialNumber)
            {
                System.Array.Copy(serialNumber, _serialNumber, SerialNumberLength);
            }

            Band = KnownRegions.IsBand(band) ? band : KnownRegions.DefaultBand;
        }

        public bool HasSerialNumber { get; }

        public string Band { get; }

        public string SerialNumberText => Hex.ToHex(_serialNumber).ToUpper();

        /// <summary>A new instance holding this board's factory settings.</summary>
        public Settings Create()
        {
            var s = new Settings();
            DevEuiFromSerialNumber(_serialNumber, s.LoRaWan.DevEui);
            s.LoRaWan.DevAddr = DevAddrFromSerialNumber(_serialNumber);
            ApplyRegion(s, KnownRegions.DefaultFor(Band));
            return s;
        }

        /// <summary>
        /// Moves <paramref name="s"/> to <paramref name="region"/> and puts the settings whose meaning depends on the region
        /// back to that region's defaults: data rate (SF10), TX power (highest), RX2 (the region's), channels (its plan).
        /// </summary>
        public static void ApplyRegion(Settings s, string region)
        {
            Region r = KnownRegions.Find(region) ?? KnownRegions.At(0);
            LoRaWanSettings l = s.LoRaWan;
            l.Region = r.Name;
            l.DataRate = r.DefaultDataRate;
            l.TxPowerIndex = 0;
            l.Rx2DataRate = -1;
            l.Rx2FrequencyHz = 0;
            l.Channels = "";
        }

        /// <summary>The default DevEUI: SN bytes 0-2, FF FE, SN bytes 3-5.</summary>
        public static void DevEuiFromSerialNumber(byte[] sn, byte[] devEui)
        {
            devEui[0] = sn[0];
            devEui[1] = sn[1];
            devEui[2] = sn[2];
            devEui[3] = 0xFF;
            devEui[4] = 0xFE;
            devEui[5] = sn[3];
            devEui[6] = sn[4];
            devEui[7] = sn[5];
        }

        /// <summary>The default ABP DevAddr: hex digits 5-12 of the SN (guide 3.2.1), i.e. bytes 2-5 big-endian.</summary>
        public static uint DevAddrFromSerialNumber(byte[] sn) => Bytes.ReadUInt32BE(sn, 2);
    }
}
