using System;
using System.Globalization;
using Ws52x.LoRaWan.MacCommands;

namespace Ws52x.Host.Network
{
    /// <summary>
    /// A MAC command the network sends (a request, or LinkCheckAns / DeviceTimeAns), as its bytes on air: CID then
    /// payload, laid out as LoRaWAN 1.0.3 chapter 5 gives them. Immutable; the device's answers are read with the core's
    /// <see cref="MacCommandCodec"/>.
    /// </summary>
    public sealed class DownlinkMacCommand
    {
        private readonly byte[] _bytes;

        private DownlinkMacCommand(Cid cid, string description, params int[] payload)
        {
            Cid = cid;
            Description = description;
            _bytes = new byte[1 + payload.Length];
            _bytes[0] = (byte)cid;
            for (int i = 0; i < payload.Length; i++)
            {
                _bytes[1 + i] = (byte)payload[i];
            }
        }

        public Cid Cid { get; }

        /// <summary>The spec's name: LinkADRReq, RXParamSetupReq, ..., LinkCheckAns, DeviceTimeAns.</summary>
        public string Name => CidInfo.Name((int)Cid, true);

        /// <summary>The fields in words, for the log ("DR5 TXPower 1 ChMask 0007 ...").</summary>
        public string Description { get; }

        public int Length => _bytes.Length;

        /// <summary>True for requests that expect an answer (everything but LinkCheckAns and DeviceTimeAns).</summary>
        public bool ExpectsAnswer => Cid != Cid.LinkCheck && Cid != Cid.DeviceTime;

        public void CopyTo(byte[] output, int offset) => Array.Copy(_bytes, 0, output, offset, _bytes.Length);

        public override string ToString() => Description.Length == 0 ? Name : Name + " " + Description;

        /// <summary>LinkCheckAns: the uplink's demodulation margin in dB above the SF's floor (0-254) and how many gateways heard it.</summary>
        public static DownlinkMacCommand LinkCheckAns(int marginDb, int gatewayCount)
        {
            int margin = Clamp(marginDb, 0, 254);
            int gateways = Clamp(gatewayCount, 0, 255);
            return new DownlinkMacCommand(Cid.LinkCheck, "margin " + margin + " dB, " + gateways + " gateway(s)", margin, gateways);
        }

        /// <summary>LinkADRReq: DataRate_TXPower, ChMask (little-endian), Redundancy (ChMaskCntl bits 6-4, NbTrans bits 3-0).</summary>
        public static DownlinkMacCommand LinkAdrReq(int dataRate, int txPowerIndex, int chMask, int chMaskCntl, int nbTrans)
        {
            Check(dataRate, 0, 15, "data rate");
            Check(txPowerIndex, 0, 15, "TXPower");
            Check(chMask, 0, 0xFFFF, "ChMask");
            Check(chMaskCntl, 0, 7, "ChMaskCntl");
            Check(nbTrans, 0, 15, "NbTrans");
            return new DownlinkMacCommand(Cid.LinkAdr,
                "DR" + dataRate + " TXPower " + txPowerIndex + " ChMask " + chMask.ToString("x4", CultureInfo.InvariantCulture) + " ChMaskCntl " + chMaskCntl + " NbTrans " + nbTrans,
                (dataRate << 4) | txPowerIndex, chMask & 0xFF, chMask >> 8, (chMaskCntl << 4) | nbTrans);
        }

        /// <summary>DutyCycleReq: the aggregated duty cycle becomes 1/2^maxDutyCycle (0 = no limit).</summary>
        public static DownlinkMacCommand DutyCycleReq(int maxDutyCycle)
        {
            Check(maxDutyCycle, 0, 15, "MaxDCycle");
            return new DownlinkMacCommand(Cid.DutyCycle, "MaxDCycle " + maxDutyCycle + " (1/" + (1 << maxDutyCycle) + ")", maxDutyCycle);
        }

        public static DownlinkMacCommand RxParamSetupReq(int rx1DrOffset, int rx2DataRate, int rx2FrequencyHz)
        {
            Check(rx1DrOffset, 0, 7, "RX1DROffset");
            Check(rx2DataRate, 0, 15, "RX2 data rate");
            int f = FrequencyField(rx2FrequencyHz);
            return new DownlinkMacCommand(Cid.RxParamSetup, "RX1DROffset " + rx1DrOffset + " RX2 DR" + rx2DataRate + " " + Mhz(rx2FrequencyHz),
                (rx1DrOffset << 4) | rx2DataRate, f & 0xFF, (f >> 8) & 0xFF, f >> 16);
        }

        public static DownlinkMacCommand DevStatusReq() => new DownlinkMacCommand(Cid.DevStatus, "");

        /// <summary>NewChannelReq: channel index, frequency (0 deletes), DrRange (MaxDR bits 7-4, MinDR bits 3-0).</summary>
        public static DownlinkMacCommand NewChannelReq(int index, int frequencyHz, int minDr, int maxDr)
        {
            Check(index, 0, 255, "channel index");
            Check(minDr, 0, 15, "MinDR");
            Check(maxDr, 0, 15, "MaxDR");
            int f = FrequencyField(frequencyHz);
            return new DownlinkMacCommand(Cid.NewChannel, "channel " + index + " " + Mhz(frequencyHz) + " DR" + minDr + "-" + maxDr,
                index, f & 0xFF, (f >> 8) & 0xFF, f >> 16, (maxDr << 4) | minDr);
        }

        /// <summary>RXTimingSetupReq: RX1 opens <paramref name="delaySeconds"/> after the uplink (0 means 1 s).</summary>
        public static DownlinkMacCommand RxTimingSetupReq(int delaySeconds)
        {
            Check(delaySeconds, 0, 15, "Del");
            return new DownlinkMacCommand(Cid.RxTimingSetup, "delay " + (delaySeconds == 0 ? 1 : delaySeconds) + " s", delaySeconds);
        }

        /// <summary>TxParamSetupReq (AS923, AU915): dwell times and the MaxEIRP index (RP002 table: 8..36 dBm).</summary>
        public static DownlinkMacCommand TxParamSetupReq(bool downlinkDwell, bool uplinkDwell, int maxEirpIndex)
        {
            Check(maxEirpIndex, 0, 15, "MaxEIRP");
            return new DownlinkMacCommand(Cid.TxParamSetup,
                "downlink dwell " + OnOff(downlinkDwell) + ", uplink dwell " + OnOff(uplinkDwell) + ", MaxEIRP index " + maxEirpIndex,
                (downlinkDwell ? 0x20 : 0) | (uplinkDwell ? 0x10 : 0) | maxEirpIndex);
        }

        public static DownlinkMacCommand DlChannelReq(int index, int frequencyHz)
        {
            Check(index, 0, 255, "channel index");
            int f = FrequencyField(frequencyHz);
            return new DownlinkMacCommand(Cid.DlChannel, "channel " + index + " RX1 " + Mhz(frequencyHz), index, f & 0xFF, (f >> 8) & 0xFF, f >> 16);
        }

        /// <summary>DeviceTimeAns: GPS seconds and 1/256 s at the end of the uplink that asked.</summary>
        public static DownlinkMacCommand DeviceTimeAns(uint gpsSeconds, int fraction256)
        {
            Check(fraction256, 0, 255, "fractional second");
            return new DownlinkMacCommand(Cid.DeviceTime, "GPS " + gpsSeconds + "." + (fraction256 * 1000 / 256).ToString("000", CultureInfo.InvariantCulture) + " s",
                (int)(gpsSeconds & 0xFF), (int)((gpsSeconds >> 8) & 0xFF), (int)((gpsSeconds >> 16) & 0xFF), (int)(gpsSeconds >> 24), fraction256);
        }

        /// <summary>Frequency in MHz for logs: 868.1 MHz, 869.525 MHz.</summary>
        public static string Mhz(int hz) => (hz / 1e6).ToString("0.0##", CultureInfo.InvariantCulture) + " MHz";

        private static string OnOff(bool on) => on ? "on" : "off";

        private static int FrequencyField(int hz)
        {
            if (hz < 0 || hz % 100 != 0 || hz / 100 > 0xFFFFFF)
            {
                throw new ArgumentOutOfRangeException(nameof(hz), "a MAC command frequency is a multiple of 100 Hz below 1.68 GHz");
            }

            return hz / 100;
        }

        private static void Check(int value, int min, int max, string what)
        {
            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException(what, what + " takes " + min + "-" + max + " (got " + value + ")");
            }
        }

        private static int Clamp(int v, int min, int max) => v < min ? min : v > max ? max : v;
    }
}
