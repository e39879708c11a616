// APIs used here, checked against the nanoFramework sources:
//   System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces(), NetworkInterface.NetworkInterfaceType,
//   NetworkInterface.PhysicalAddress (byte[]), NetworkInterfaceType.Wireless80211
//     - nanoframework/System.Net v1.11.54: nanoFramework.System.Net/NetworkInformation/NetworkInterface.cs, NetworkInterfaceType.cs
//   Where the address comes from on the ESP32: at boot the runtime creates each interface's configuration block with
//   esp_read_mac(ESP_MAC_WIFI_STA) for the Wi-Fi station, which is the base MAC Espressif burns into eFuse (BLK0) at the
//   factory; GetAllNetworkInterfaces reads those blocks, no radio is started
//     - nanoframework/nf-interpreter targets/ESP32/_common/targetHAL_ConfigurationManager.cpp (InitialiseNetworkDefaultConfig),
//       src/DeviceInterfaces/System.Net/sys_net_native_System_Net_NetworkInformation_NetworkInterface.cpp
//   The ESP32 runtime images the deployment guide names (ESP32_REV0, ESP32_REV3, ESP32_PSRAM_REV0) include System.Net.
using System;
using System.Net.NetworkInformation;

namespace Ws52x.Esp32.Adapters
{
    /// <summary>
    /// The board's 8-byte serial number (BoardIo.SerialNumber, the SN of ff16): the ESP32's factory MAC in its first six
    /// bytes, then two zero bytes. The core makes the default DevEUI (MAC with FF FE in the middle) and ABP DevAddr from it.
    /// The Wi-Fi station's address is used because it is the eFuse base MAC itself; an application that sets another
    /// MAC through NetworkInterface.PhysicalAddress would change it (this one never does).
    /// </summary>
    public static class FactoryMacSerialNumber
    {
        /// <summary>The SN, or null when the runtime has no network interface to read it from (the core then says so).</summary>
        public static byte[] Read()
        {
            try
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                for (int i = 0; i < interfaces.Length; i++)
                {
                    byte[] mac = interfaces[i].PhysicalAddress;
                    if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211 && mac != null && mac.Length >= 6)
                    {
                        var sn = new byte[8];
                        Array.Copy(mac, sn, 6);
                        return sn;
                    }
                }
            }
            catch (Exception)
            {
                // A runtime built without networking: no MAC to read.
            }

            return null;
        }
    }
}
