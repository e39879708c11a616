using Ws52x.LoRaWan.MacCommands;
using Ws52x.Radio;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>What the next transmission uses: its data rate, its power, its airtime, and when it may go.</summary>
    internal sealed partial class LoRaWanMac
    {
        /// <summary>The data rate of the next uplink: the user's (ADR off) or the network's, moved to the nearest usable one.</summary>
        private int CurrentDataRate()
        {
            int want = _settings.Adr ? _params.DataRate : _settings.DataRate;
            if (Usable(want))
            {
                return want;
            }

            for (int d = want - 1; d >= 0; d--)
            {
                if (Usable(d))
                {
                    return d;
                }
            }

            for (int d = want + 1; d < Regions.Region.DataRateCount; d++)
            {
                if (Usable(d))
                {
                    return d;
                }
            }

            return _region.DefaultMinDr;
        }

        private bool Usable(int dr) => _region.IsUplinkDataRate(dr, _params.UplinkDwell) && _region.IsLoRa(dr) && _plan.AnyEnabledFor(dr);

        /// <summary>Conducted dBm for the TXPower index: EIRP minus a 2.15 dBi antenna, rounded down, within the radio's range.</summary>
        private int ConductedPowerDbm(int frequencyHz)
        {
            int eirp = _region.TxPowerEirpCentiDbm(TxPowerIndex, frequencyHz, _params.MaxEirpCentiDbm);
            if (eirp < 0)
            {
                eirp = _region.TxPowerEirpCentiDbm(0, frequencyHz, _params.MaxEirpCentiDbm);
            }

            int conducted = eirp - 215;
            int dbm = conducted >= 0 ? conducted / 100 : -((-conducted + 99) / 100);
            return dbm < _radio.MinPowerDbm ? _radio.MinPowerDbm : dbm > _radio.MaxPowerDbm ? _radio.MaxPowerDbm : dbm;
        }

        private long Airtime(int dr, int length)
        {
            return LoRaAirtime.TimeOnAirMicros(_region.SpreadingFactor(dr), _region.BandwidthHz(dr), LoRaCodingRate.Cr4_5, 8, length,
                true, true, LdroMode.Auto);
        }

        /// <summary>Waits for a band, the aggregated limit or the join back-off; nothing is dropped meanwhile.</summary>
        private void WaitFor(long at, string why)
        {
            Statistics.DutyCycleWaits++;
            if (why != null)
            {
                _log.Warn("lorawan", why);
            }

            RequestTransmit(at);
        }

        /// <summary>The length of the whole commands in data[0..length) that fit in <paramref name="limit"/> bytes.</summary>
        private static int WholeCommands(byte[] data, int length, int limit)
        {
            int p = 0;
            while (p < length)
            {
                int size = 1 + CidInfo.UplinkLength(data[p]);
                if (size < 1 || p + size > limit)
                {
                    break;
                }

                p += size;
            }

            return p;
        }
    }
}
