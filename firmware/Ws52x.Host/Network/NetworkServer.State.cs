using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ws52x.LoRaWan.Regions;
using Ws52x.Util;

namespace Ws52x.Host.Network
{
    /// <summary>
    /// The server's side of the sessions, kept in a file next to the board's flash (--state), so that a second run on the
    /// same folder meets a server that remembers the socket: the session keys of its join, both frame counters, the
    /// DevNonces already used, and the radio parameters and channels the server has set. A real network server keeps
    /// these in its database; without them every uplink of a restored session would be refused as an unknown DevAddr.
    /// Not kept: queued downlinks, MAC requests awaiting an answer and the ADR history (a restart of ChirpStack keeps
    /// them, but a board reboot is what this file is for, and the device restarts its own ADR back-off anyway).
    /// </summary>
    public sealed partial class NetworkServer
    {
        /// <summary>The file's name in the state folder.</summary>
        public const string StateFileName = "network-server.json";

        private const int StateVersion = 1;

        /// <summary>Writes every registered device's session to <paramref name="path"/> (write, then rename).</summary>
        public void SaveState(string path)
        {
            var devices = new List<DeviceState>();
            foreach (NetworkDevice d in _devices)
            {
                var plan = new byte[ChannelPlan.RecordLength];
                d.Channels.Write(plan, 0);
                var nonces = new List<int>();
                foreach (ushort n in d.UsedDevNonces)
                {
                    nonces.Add(n);
                }

                nonces.Sort();
                devices.Add(new DeviceState
                {
                    DevEui = d.DevEui,
                    Identity = Identity(d),
                    Joined = d.Joined,
                    DevAddr = d.DevAddr,
                    NwkSKey = Hex.ToHex(d.NwkSKey),
                    AppSKey = Hex.ToHex(d.AppSKey),
                    FCntUp = d.FCntUp,
                    HasUplink = d.HasUplink,
                    FCntDown = d.FCntDown,
                    NextJoinNonce = d.NextJoinNonce,
                    UsedDevNonces = nonces,
                    DataRate = d.DataRate,
                    TxPowerIndex = d.TxPowerIndex,
                    NbTrans = d.NbTrans,
                    Rx1DrOffset = d.Rx1DrOffset,
                    Rx2DataRate = d.Rx2DataRate,
                    Rx2FrequencyHz = d.Rx2FrequencyHz,
                    RxDelaySeconds = d.RxDelaySeconds,
                    UplinkDwell = d.UplinkDwell,
                    DownlinkDwell = d.DownlinkDwell,
                    MaxEirpIndex = d.MaxEirpIndex,
                    MaxDutyCycle = d.MaxDutyCycle,
                    Channels = Hex.ToHex(plan),
                });
            }

            var state = new ServerState { Version = StateVersion, Region = Region.Name, Devices = devices };
            string temporary = path + ".new";
            File.WriteAllText(temporary, JsonSerializer.Serialize(state, new JsonSerializerOptions { WriteIndented = true }));
            File.Move(temporary, path, true);
        }

        /// <summary>
        /// Takes back the sessions <see cref="SaveState"/> wrote for devices registered now with the same identity
        /// (region, DevEUI, join type and keys); other entries are left out, as a device registered anew starts afresh.
        /// Returns how many sessions came back; a file that cannot be read is logged and changes nothing.
        /// </summary>
        public int RestoreState(string path)
        {
            if (!File.Exists(path))
            {
                return 0;
            }

            ServerState state;
            try
            {
                state = JsonSerializer.Deserialize<ServerState>(File.ReadAllText(path));
            }
            catch (Exception e) when (e is JsonException || e is IOException || e is UnauthorizedAccessException)
            {
                _log.Warn("ns", "'" + path + "' unreadable (" + e.Message + "): sessions start afresh");
                return 0;
            }

            if (state == null || state.Version != StateVersion || state.Region != Region.Name || state.Devices == null)
            {
                _log.Info("ns", "'" + path + "' is of another version or region: sessions start afresh");
                return 0;
            }

            int restored = 0;
            foreach (DeviceState s in state.Devices)
            {
                if (s == null || s.DevEui == null || !_byDevEui.TryGetValue(s.DevEui, out NetworkDevice d) || s.Identity != Identity(d))
                {
                    continue;
                }

                if (!Restore(d, s))
                {
                    _log.Warn("ns", "saved session of " + s.DevEui + " is damaged: it starts afresh");
                    continue;
                }

                restored++;
                _log.Line("ns").Append("session of ").Append(d.DevEui).Append(" restored: DevAddr ").Hex32(d.DevAddr)
                    .Append(", FCntUp ").Append(d.FCntUp).Append(", FCntDown ").Append(d.FCntDown);
                _log.End();
            }

            return restored;
        }

        private bool Restore(NetworkDevice d, DeviceState s)
        {
            byte[] nwkSKey = ParseKey(s.NwkSKey, 16);
            byte[] appSKey = ParseKey(s.AppSKey, 16);
            byte[] plan = ParseKey(s.Channels, ChannelPlan.RecordLength);
            if (nwkSKey == null || appSKey == null || plan == null || s.UsedDevNonces == null
                || (s.Joined && _byDevAddr.TryGetValue(s.DevAddr, out NetworkDevice other) && other != d))
            {
                return false;
            }

            foreach (int n in s.UsedDevNonces)
            {
                d.UsedDevNonces.Add((ushort)n);
            }

            d.NextJoinNonce = s.NextJoinNonce > d.NextJoinNonce ? s.NextJoinNonce : d.NextJoinNonce;
            if (!s.Joined)
            {
                return true;
            }

            if (d.Joined)
            {
                _byDevAddr.Remove(d.DevAddr);
            }

            d.ResetSession(Plan);
            Array.Copy(nwkSKey, d.NwkSKey, 16);
            Array.Copy(appSKey, d.AppSKey, 16);
            d.Channels.Read(plan, 0);
            d.DevAddr = s.DevAddr;
            d.Joined = true;
            d.FCntUp = s.FCntUp;
            d.HasUplink = s.HasUplink;
            d.FCntDown = s.FCntDown;
            d.DataRate = s.DataRate;
            d.TxPowerIndex = s.TxPowerIndex;
            d.NbTrans = s.NbTrans;
            d.Rx1DrOffset = s.Rx1DrOffset;
            d.Rx2DataRate = s.Rx2DataRate;
            d.Rx2FrequencyHz = s.Rx2FrequencyHz;
            d.RxDelaySeconds = s.RxDelaySeconds;
            d.UplinkDwell = s.UplinkDwell;
            d.DownlinkDwell = s.DownlinkDwell;
            d.MaxEirpIndex = s.MaxEirpIndex;
            d.MaxDutyCycle = s.MaxDutyCycle;
            _byDevAddr[d.DevAddr] = d;
            return true;
        }

        private static byte[] ParseKey(string hex, int length)
        {
            byte[] bytes = hex == null ? null : Hex.Parse(hex);
            return bytes != null && bytes.Length == length ? bytes : null;
        }

        /// <summary>What makes a registration the same device: a new key or region is a new device to the server.</summary>
        private string Identity(NetworkDevice d)
        {
            var text = new StringBuilder();
            text.Append(Region.Name).Append('|').Append(d.DevEui).Append('|').Append(d.Otaa ? "otaa|" : "abp|");
            text.Append(d.Otaa ? Hex.ToHex(d.AppEui) + Hex.ToHex(d.AppKey) : d.DevAddr.ToString("x8") + Hex.ToHex(d.NwkSKey) + Hex.ToHex(d.AppSKey));
            return Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(text.ToString()))).ToLowerInvariant();
        }

        private sealed class ServerState
        {
            public int Version { get; set; }

            public string Region { get; set; }

            public List<DeviceState> Devices { get; set; }
        }

        private sealed class DeviceState
        {
            public string DevEui { get; set; }

            public string Identity { get; set; }

            public bool Joined { get; set; }

            public uint DevAddr { get; set; }

            public string NwkSKey { get; set; }

            public string AppSKey { get; set; }

            public uint FCntUp { get; set; }

            public bool HasUplink { get; set; }

            public uint FCntDown { get; set; }

            public uint NextJoinNonce { get; set; }

            public List<int> UsedDevNonces { get; set; }

            public int DataRate { get; set; }

            public int TxPowerIndex { get; set; }

            public int NbTrans { get; set; }

            public int Rx1DrOffset { get; set; }

            public int Rx2DataRate { get; set; }

            public int Rx2FrequencyHz { get; set; }

            public int RxDelaySeconds { get; set; }

            public bool UplinkDwell { get; set; }

            public bool DownlinkDwell { get; set; }

            public int MaxEirpIndex { get; set; }

            public int MaxDutyCycle { get; set; }

            public string Channels { get; set; }
        }
    }
}
