using System;
using System.Collections.Generic;
using Ws52x.Codec;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Crypto;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.MacCommands;
using Ws52x.LoRaWan.Regions;
using Ws52x.Loop;
using Ws52x.Platform;
using Ws52x.Util;

namespace Ws52x.Host.Network
{
    /// <summary>
    /// A LoRaWAN 1.0.3 network server (with its join server and a small application server) behind the host board's
    /// virtual gateways. It hears the device only through the gateways' <see cref="VirtualGateway.FrameReceived"/> and
    /// answers only through their <see cref="VirtualGateway.Transmit"/>: it shares no object with the firmware.
    /// It deduplicates copies from several gateways, accepts OTAA joins and ABP sessions, checks MICs and counters,
    /// acknowledges confirmed uplinks, answers in RX1 or RX2 (Class A) or at once (Class C), queues application
    /// downlinks, runs ChirpStack's default ADR, sends and tracks MAC commands, and logs each step as "ns: ..." lines.
    /// Everything runs on the board's event loop, so a run repeats exactly.
    /// </summary>
    public sealed partial class NetworkServer : IDisposable
    {
        public const long Second = 1_000_000;
        public const long JoinAcceptDelay1Micros = 5 * Second;
        public const long JoinAcceptDelay2Micros = 6 * Second;

        private readonly EventLoop _loop;
        private readonly Log _log;
        private readonly LoRaWanCrypto _crypto = new LoRaWanCrypto();
        private readonly FrameBuilder _builder;
        private readonly FrameParser _parser;
        private readonly JoinAcceptWriter _joinWriter;
        private readonly DataFrame _frame = new DataFrame();
        private readonly MacCommandList _commands = new MacCommandList();
        private readonly MacCommandList _requests = new MacCommandList();
        private readonly UplinkValues _decoded = new UplinkValues();
        private readonly DecodeError _decodeError = new DecodeError();
        private readonly Random _random;
        private readonly ChannelPlan _defaultChannels;
        private readonly List<VirtualGateway> _gateways = new List<VirtualGateway>();
        private readonly Dictionary<VirtualGateway, List<(long Start, long End)>> _busy = new Dictionary<VirtualGateway, List<(long, long)>>();
        private readonly Dictionary<string, UplinkSet> _pending = new Dictionary<string, UplinkSet>();
        private readonly Dictionary<string, NetworkDevice> _byDevEui = new Dictionary<string, NetworkDevice>();
        private readonly Dictionary<uint, NetworkDevice> _byDevAddr = new Dictionary<uint, NetworkDevice>();
        private readonly List<NetworkDevice> _devices = new List<NetworkDevice>();
        private readonly List<MulticastGroup> _groups = new List<MulticastGroup>();

        public NetworkServer(EventLoop loop, NetworkPlan plan, ITextConsole console, NetworkServerOptions options = null)
        {
            _loop = loop ?? throw new ArgumentNullException(nameof(loop));
            Plan = plan ?? throw new ArgumentNullException(nameof(plan));
            _log = new Log(console ?? throw new ArgumentNullException(nameof(console)), loop.Clock);
            Options = options ?? new NetworkServerOptions();
            _builder = new FrameBuilder(_crypto);
            _parser = new FrameParser(_crypto);
            _joinWriter = new JoinAcceptWriter(_crypto);
            _random = new Random(Options.Seed);
            _defaultChannels = new ChannelPlan(plan.Region);
        }

        public NetworkPlan Plan { get; }

        public Region Region => Plan.Region;

        public NetworkServerOptions Options { get; }

        public NetworkCounters Counters { get; } = new NetworkCounters();

        public IReadOnlyList<NetworkDevice> Devices => _devices;

        public IReadOnlyList<MulticastGroup> MulticastGroups => _groups;

        /// <summary>Each application uplink (FPort 1-255), after the server accepted it.</summary>
        public event Action<ApplicationUplink> UplinkReceived;

        /// <summary>Takes a gateway's frames; with <paramref name="tune"/> the gateway listens on the plan's channels.</summary>
        public void Attach(VirtualGateway gateway, bool tune = true)
        {
            if (_gateways.Contains(gateway))
            {
                return;
            }

            if (tune)
            {
                Plan.ListenOn(gateway);
            }

            _gateways.Add(gateway);
            _busy[gateway] = new List<(long, long)>();
            gateway.FrameReceived += frame => Hear(gateway, frame);
        }

        /// <summary>Registers an OTAA device: it gets a session when it joins.</summary>
        public NetworkDevice RegisterOtaa(byte[] devEui, byte[] appEui, byte[] appKey, DeviceClass deviceClass = DeviceClass.A)
        {
            CheckLength(appEui, 8, nameof(appEui));
            CheckLength(appKey, 16, nameof(appKey));
            NetworkDevice d = Add(devEui, true, deviceClass);
            Array.Copy(appEui, d.AppEui, 8);
            Array.Copy(appKey, d.AppKey, 16);
            return d;
        }

        /// <summary>Registers an ABP device: its session starts now, counters at 0, receive windows as the plan's.</summary>
        public NetworkDevice RegisterAbp(byte[] devEui, uint devAddr, byte[] nwkSKey, byte[] appSKey, DeviceClass deviceClass = DeviceClass.A)
        {
            CheckLength(nwkSKey, 16, nameof(nwkSKey));
            CheckLength(appSKey, 16, nameof(appSKey));
            if (_byDevAddr.ContainsKey(devAddr))
            {
                throw new ArgumentException("DevAddr " + devAddr.ToString("x8") + " is already in use", nameof(devAddr));
            }

            NetworkDevice d = Add(devEui, false, deviceClass);
            Array.Copy(nwkSKey, d.NwkSKey, 16);
            Array.Copy(appSKey, d.AppSKey, 16);
            d.ResetSession(Plan);
            d.DevAddr = devAddr;
            d.Joined = true;
            _byDevAddr[devAddr] = d;
            return d;
        }

        /// <summary>
        /// Registers the device a firmware's settings describe, with the same identity and keys (OTAA or ABP by the
        /// join type; for ABP the RX2 settings the user gave, which the device uses instead of the region's).
        /// </summary>
        public NetworkDevice Register(LoRaWanSettings settings)
        {
            if (settings.JoinType == JoinType.Otaa)
            {
                return RegisterOtaa(settings.DevEui, settings.AppEui, settings.AppKey, settings.Class);
            }

            NetworkDevice d = RegisterAbp(settings.DevEui, settings.DevAddr, settings.NwkSKey, settings.AppSKey, settings.Class);
            if (settings.Rx2DataRate >= 0)
            {
                d.Rx2DataRate = settings.Rx2DataRate;
            }

            if (settings.Rx2FrequencyHz > 0)
            {
                d.Rx2FrequencyHz = settings.Rx2FrequencyHz;
            }

            // The channels the user enabled on the device, as the device reads them (a bad list leaves the region's).
            if (!string.IsNullOrWhiteSpace(settings.Channels))
            {
                d.Channels.ApplyChannelList(settings.Channels, new ushort[ChannelPlan.MaskWords], out _);
            }

            return d;
        }

        /// <summary>The device with this DevEUI (hex, any case), or null.</summary>
        public NetworkDevice Find(string devEui)
        {
            return devEui != null && _byDevEui.TryGetValue(devEui.ToLowerInvariant(), out NetworkDevice d) ? d : null;
        }

        /// <summary>
        /// Queues an application downlink: Class A devices get it in the answer to their next uplink (FPending when more
        /// wait), Class C devices at once on RX2 parameters.
        /// </summary>
        public void EnqueueDownlink(NetworkDevice device, int port, byte[] payload, bool confirmed = false)
        {
            if (device == null)
            {
                throw new ArgumentNullException(nameof(device));
            }

            if (port < 1 || port > 223)
            {
                throw new ArgumentOutOfRangeException(nameof(port), "application ports are 1-223");
            }

            var item = new QueuedDownlink(port, (byte[])(payload ?? new byte[0]).Clone(), confirmed);
            device.Queue.Add(item);
            _log.Info("ns", "downlink queued for " + device.DevEui + ": port " + port + ", " + Hex.ToHex(item.Payload) +
                (confirmed ? ", confirmed" : "") + " (" + device.Queue.Count + " waiting)");
            ScheduleClassC(device);
        }

        /// <summary>The same with the payload as hex text (the scenario runner's form); bad hex throws.</summary>
        public void EnqueueDownlink(string devEui, int port, string hex, bool confirmed = false)
        {
            NetworkDevice d = Find(devEui) ?? throw new ArgumentException("no device " + devEui, nameof(devEui));
            byte[] payload = Hex.Parse(hex) ?? throw new ArgumentException("'" + hex + "' is not hex", nameof(hex));
            EnqueueDownlink(d, port, payload, confirmed);
        }

        /// <summary>Queues a MAC command for the next Class A answer; requests are tracked until the device answers.</summary>
        public void EnqueueMacCommand(NetworkDevice device, DownlinkMacCommand command)
        {
            if (device == null || command == null)
            {
                throw new ArgumentNullException(device == null ? nameof(device) : nameof(command));
            }

            device.MacToSend.Add(command);
            _log.Info("ns", command.Name + " queued for " + device.DevEui + (command.Description.Length > 0 ? ": " + command.Description : ""));
        }

        /// <summary>Defines a multicast group; data rate and frequency default to the plan's RX2.</summary>
        public MulticastGroup AddMulticastGroup(uint address, byte[] mcNetSKey, byte[] mcAppSKey, int dataRate = -1, int frequencyHz = 0)
        {
            var g = new MulticastGroup(address, mcNetSKey, mcAppSKey, dataRate < 0 ? Plan.Rx2DataRate : dataRate,
                frequencyHz > 0 ? frequencyHz : Plan.Rx2FrequencyHz);
            _groups.Add(g);
            _log.Info("ns", "multicast group " + address.ToString("x8") + " on " + DownlinkMacCommand.Mhz(g.FrequencyHz) + " " + DrText(g.DataRate));
            return g;
        }

        public void Dispose() => _joinWriter.Dispose();

        /// <summary>An uplink and every copy of it the gateways passed on within the deduplication time.</summary>
        private sealed class UplinkSet
        {
            public readonly List<(VirtualGateway Gateway, GatewayFrame Frame)> Copies = new List<(VirtualGateway, GatewayFrame)>(2);
            public string Key;

            public GatewayFrame Best => Copies[BestIndex].Frame;

            public VirtualGateway BestGateway => Copies[BestIndex].Gateway;

            private int BestIndex
            {
                get
                {
                    int best = 0;
                    for (int i = 1; i < Copies.Count; i++)
                    {
                        GatewayFrame a = Copies[i].Frame;
                        GatewayFrame b = Copies[best].Frame;
                        if (a.SnrQuarterDb > b.SnrQuarterDb || (a.SnrQuarterDb == b.SnrQuarterDb && a.RssiDbm > b.RssiDbm))
                        {
                            best = i;
                        }
                    }

                    return best;
                }
            }
        }

        /// <summary>A frame a gateway passed on (what its FrameReceived delivers; the benchmark calls it directly).</summary>
        internal void Hear(VirtualGateway gateway, GatewayFrame frame)
        {
            Counters.FramesHeard++;
            if (!frame.CrcOk)
            {
                Reject(RejectReason.Crc, "frame on " + DownlinkMacCommand.Mhz(frame.FrequencyHz) + " from " + gateway.Name);
                return;
            }

            string key = Hex.ToHex(frame.Payload);
            if (_pending.TryGetValue(key, out UplinkSet set))
            {
                set.Copies.Add((gateway, frame));
                Counters.Duplicates++;
                return;
            }

            set = new UplinkSet { Key = key };
            set.Copies.Add((gateway, frame));
            _pending[key] = set;
            _loop.Schedule(new LoopTimer(_ => Process(set)), frame.EndMicros + Options.DeduplicationMicros);
        }

        private void Process(UplinkSet set)
        {
            _pending.Remove(set.Key);
            byte[] phy = set.Best.Payload;
            if (phy.Length == 0 || Mhdr.MajorOf(phy[0]) != Mhdr.MajorLoRaWanR1)
            {
                Reject(RejectReason.Malformed, "MHDR " + (phy.Length == 0 ? "missing" : Hex.ByteLiteral(phy[0])));
                return;
            }

            MType type = Mhdr.TypeOf(phy[0]);
            if (type == MType.JoinRequest)
            {
                HandleJoinRequest(set);
            }
            else if (type == MType.UnconfirmedDataUp || type == MType.ConfirmedDataUp)
            {
                HandleDataUplink(set);
            }
            else
            {
                Reject(RejectReason.Malformed, Mhdr.Name(type) + " is not an uplink the server takes");
            }
        }

        private NetworkDevice Add(byte[] devEui, bool otaa, DeviceClass deviceClass)
        {
            CheckLength(devEui, 8, nameof(devEui));
            string key = Hex.ToHex(devEui);
            if (_byDevEui.ContainsKey(key))
            {
                throw new ArgumentException("DevEUI " + key + " is already registered", nameof(devEui));
            }

            var d = new NetworkDevice(Region, devEui, otaa, deviceClass);
            d.ResetSession(Plan);
            _byDevEui[key] = d;
            _devices.Add(d);
            return d;
        }

        private void Reject(RejectReason reason, string what)
        {
            Counters.Reject(reason);
            _log.Info("ns", "rejected: " + NetworkCounters.Describe(reason) + " (" + what + ")");
        }

        /// <summary>The uplink data rate a frame's SF and bandwidth stand for in this region, or -1.</summary>
        private int UplinkDataRate(GatewayFrame f)
        {
            for (int dr = 0; dr < Region.DataRateCount; dr++)
            {
                if (Region.IsLoRa(dr) && Region.IsUplinkDataRate(dr, false) && Region.SpreadingFactor(dr) == f.SpreadingFactor
                    && Region.BandwidthHz(dr) == f.BandwidthHz)
                {
                    return dr;
                }
            }

            return -1;
        }

        /// <summary>The channel of a plan nearest to a heard carrier (a radio reports it in its synthesizer's steps), or -1.</summary>
        private static int ChannelOf(ChannelPlan plan, int frequencyHz, int bandwidthHz)
        {
            int best = -1;
            int bestDistance = bandwidthHz / 4;
            for (int ch = 0; ch < plan.Count; ch++)
            {
                if (!plan.IsDefined(ch))
                {
                    continue;
                }

                int distance = Math.Abs(plan.Frequency(ch) - frequencyHz);
                if (distance <= bestDistance)
                {
                    best = ch;
                    bestDistance = distance;
                }
            }

            return best;
        }

        private string DrText(int dr)
        {
            return Region.IsLoRa(dr)
                ? "DR" + dr + " (SF" + Region.SpreadingFactor(dr) + "/" + Region.BandwidthHz(dr) / 1000 + " kHz)"
                : "DR" + dr;
        }

        private static string SnrText(int quarterDb) => (quarterDb / 4.0).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " dB";

        private static void CheckLength(byte[] value, int length, string name)
        {
            if (value == null || value.Length != length)
            {
                throw new ArgumentException(name + " must be " + length + " bytes", name);
            }
        }
    }
}
