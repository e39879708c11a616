using Ws52x.App;
using Ws52x.Codec;
using Ws52x.Config;

namespace Ws52x.Socket
{
    /// <summary>
    /// Basic information (guide 4.1), sent after each join and on ff2c: protocol V1, the board's SN, hardware and
    /// software versions, ff0b "power on" after the first join since boot, the LoRaWAN class (ff0f, which the vendor
    /// decoder reads), and the alarm, protection, lock and power-consumption settings.
    /// </summary>
    public sealed class BasicInformationReport
    {
        private readonly BasicInformation _info = new BasicInformation();
        private readonly byte[] _payload = new byte[UplinkEncoder.BasicInformationMaxLength];

        /// <param name="serialNumber">The board's 8-byte SN (ff16); zeros when the board gives none.</param>
        /// <param name="hasPowerFailInput">The guide ties the outage alert to hardware 1.2: a board with the detector says
        /// v1.2, one without says v1.1, so the server knows whether to expect ff3fff.</param>
        public BasicInformationReport(byte[] serialNumber, bool hasPowerFailInput)
        {
            if (serialNumber != null)
            {
                System.Array.Copy(serialNumber, 0, _info.SerialNumber, 0, serialNumber.Length < 8 ? serialNumber.Length : 8);
            }

            _info.ProtocolVersion = 1;
            _info.HardwareMajor = 1;
            _info.HardwareMinor = hasPowerFailInput ? (byte)2 : (byte)1;
            _info.SoftwareMajor = FirmwareInfo.SoftwareMajor;
            _info.SoftwareMinor = FirmwareInfo.SoftwareMinor;
        }

        public byte[] Payload => _payload;

        /// <summary>Builds it from the settings now; returns its length.</summary>
        public int Build(Settings settings, bool powerOn)
        {
            SocketSettings s = settings.Socket;
            _info.PowerOn = powerOn;
            _info.LoRaWanClass = (int)settings.LoRaWan.Class;
            _info.OvercurrentAlarmEnabled = s.OvercurrentAlarmEnabled;
            _info.OvercurrentAlarmThresholdAmps = s.OvercurrentAlarmThresholdAmps;
            _info.OvercurrentProtectionEnabled = s.OvercurrentProtectionEnabled;
            _info.OvercurrentProtectionThresholdAmps = s.OvercurrentProtectionThresholdAmps;
            _info.ButtonLockEnabled = s.ButtonLock;
            _info.ButtonLockMinutes = s.ButtonLockMinutes;
            _info.PowerConsumptionRecording = s.PowerConsumptionEnabled;
            return UplinkEncoder.WriteBasicInformation(_info, _payload, 0);
        }
    }
}
