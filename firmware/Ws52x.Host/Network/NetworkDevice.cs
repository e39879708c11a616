using System;
using System.Collections.Generic;
using Ws52x.Config;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Regions;
using Ws52x.Loop;
using Ws52x.Util;

namespace Ws52x.Host.Network
{
    /// <summary>An application downlink waiting in a device's queue.</summary>
    public sealed class QueuedDownlink
    {
        internal QueuedDownlink(int port, byte[] payload, bool confirmed)
        {
            Port = port;
            Payload = payload;
            Confirmed = confirmed;
        }

        public int Port { get; }

        public byte[] Payload { get; }

        public bool Confirmed { get; }
    }

    /// <summary>
    /// One device as the network server knows it: its registration (DevEUI, keys, class) and its session (DevAddr,
    /// session keys, counters, radio parameters the network has set, the last link quality, queued downlinks). Everything
    /// here is learnt from frames on the air or from the registration; tests read it, only the server changes it.
    /// </summary>
    public sealed class NetworkDevice
    {
        internal readonly byte[] DevEuiBytes = new byte[8];
        internal readonly byte[] AppEui = new byte[8];
        internal readonly byte[] AppKey = new byte[16];
        internal readonly byte[] NwkSKey = new byte[16];
        internal readonly byte[] AppSKey = new byte[16];
        internal readonly HashSet<ushort> UsedDevNonces = new HashSet<ushort>();
        internal readonly List<AdrSample> AdrHistory = new List<AdrSample>(NetworkAdr.HistoryLength + 1);
        internal readonly List<QueuedDownlink> Queue = new List<QueuedDownlink>();

        /// <summary>Requests asked for by the API or the server (DevStatusReq, ADR), not yet sent.</summary>
        internal readonly List<DownlinkMacCommand> MacToSend = new List<DownlinkMacCommand>();

        /// <summary>Requests sent in the last downlink, whose answers the next uplink should carry.</summary>
        internal readonly List<DownlinkMacCommand> MacAwaitingAnswer = new List<DownlinkMacCommand>();

        internal ChannelPlan Channels;
        internal byte[] LastUplink;
        /// <summary>Until then the device's receiver belongs to the Class A windows of its last uplink or join: no Class C downlink.</summary>
        internal long ClassCQuietUntilMicros;
        internal long LastDevStatusMicros = long.MinValue;
        internal VirtualGateway LastGateway;
        internal bool HasUplink;
        internal uint PendingConfirmedFCnt;
        internal bool AwaitingDownlinkAck;

        /// <summary>While <see cref="AwaitingDownlinkAck"/>, Class C downlinks wait until then for the ACK uplink.</summary>
        internal long ClassCAckWaitUntilMicros;
        internal uint NextJoinNonce = 1;

        /// <summary>The last LinkADRReq the device refused: ADR does not ask the same again.</summary>
        internal AdrDecision? LastRefusedAdr;

        /// <summary>Sends the next queued Class C downlink when the device and the gateway are free.</summary>
        internal LoopTimer ClassCTimer;

        internal NetworkDevice(Region region, byte[] devEui, bool otaa, DeviceClass deviceClass)
        {
            Region = region;
            Array.Copy(devEui, DevEuiBytes, 8);
            Otaa = otaa;
            Class = deviceClass;
            Channels = new ChannelPlan(region);
            UplinkDwell = region.DefaultUplinkDwell;
            DownlinkDwell = region.DefaultDownlinkDwell;
            NbTrans = 1;
        }

        public Region Region { get; }

        /// <summary>DevEUI as it reads (big-endian), lower-case hex.</summary>
        public string DevEui => Hex.ToHex(DevEuiBytes);

        public bool Otaa { get; }

        public DeviceClass Class { get; internal set; }

        /// <summary>True once the device has a session: OTAA after a JoinAccept was sent, ABP from registration.</summary>
        public bool Joined { get; internal set; }

        public uint DevAddr { get; internal set; }

        /// <summary>The last accepted uplink counter (32 bits); meaningful once an uplink was accepted.</summary>
        public uint FCntUp { get; internal set; }

        /// <summary>The counter the next downlink will carry (LoRaWAN 1.0.x: one downlink counter for every port).</summary>
        public uint FCntDown { get; internal set; }

        /// <summary>The data rate of the last uplink.</summary>
        public int DataRate { get; internal set; } = -1;

        /// <summary>The TXPower index the device acknowledged (0 = the region's max EIRP).</summary>
        public int TxPowerIndex { get; internal set; }

        public int NbTrans { get; internal set; }

        /// <summary>The ADR bit of the last uplink.</summary>
        public bool AdrEnabled { get; internal set; }

        public int LastRssiDbm { get; internal set; }

        /// <summary>Best SNR of the last uplink among the gateways that heard it, in quarter dB.</summary>
        public int LastSnrQuarterDb { get; internal set; }

        public int LastGatewayCount { get; internal set; }

        public int Rx1DrOffset { get; internal set; }

        public int Rx2DataRate { get; internal set; }

        public int Rx2FrequencyHz { get; internal set; }

        public int RxDelaySeconds { get; internal set; } = 1;

        public bool UplinkDwell { get; internal set; }

        public bool DownlinkDwell { get; internal set; }

        /// <summary>MaxEIRP index of TxParamSetupReq, or -1 for the region's own.</summary>
        public int MaxEirpIndex { get; internal set; } = -1;

        /// <summary>DutyCycleReq's MaxDCycle the device acknowledged (0 = no limit beyond the region's).</summary>
        public int MaxDutyCycle { get; internal set; }

        /// <summary>DevStatusAns battery (0 = mains powered, 255 = unknown), or -1 before any answer.</summary>
        public int Battery { get; internal set; } = -1;

        /// <summary>DevStatusAns SNR margin in dB.</summary>
        public int StatusMargin { get; internal set; }

        public int UplinkCount { get; internal set; }

        public int QueueLength => Queue.Count;

        /// <summary>The channel plan as the network believes the device holds it (defaults, CFList, NewChannel, LinkADR masks).</summary>
        public ChannelPlan ChannelPlan => Channels;

        /// <summary>Points the session at the network's receive-window settings (a join, or an ABP registration).</summary>
        internal void ResetSession(NetworkPlan plan)
        {
            FCntUp = 0;
            FCntDown = 0;
            HasUplink = false;
            LastUplink = null;
            DataRate = -1;
            TxPowerIndex = 0;
            NbTrans = 1;
            AdrHistory.Clear();
            MacAwaitingAnswer.Clear();
            AwaitingDownlinkAck = false;
            LastRefusedAdr = null;
            LastDevStatusMicros = long.MinValue;
            Rx1DrOffset = plan.Rx1DrOffset;
            Rx2DataRate = plan.Rx2DataRate;
            Rx2FrequencyHz = plan.Rx2FrequencyHz;
            RxDelaySeconds = plan.RxDelaySeconds;
            UplinkDwell = Region.DefaultUplinkDwell;
            DownlinkDwell = Region.DefaultDownlinkDwell;
            MaxEirpIndex = -1;
            MaxDutyCycle = 0;
            Channels.Reset();
        }
    }
}
