using System;
using System.Collections.Generic;
using System.IO;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Mac;
using Ws52x.LoRaWan.Regions;
using Ws52x.Loop;
using Ws52x.Platform;
using Ws52x.Radio.Sx127x;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>What the MAC told the application, in order.</summary>
    public sealed class RecordingLinkEvents : ILoRaWanEvents
    {
        public readonly List<string> Log = new List<string>();
        public readonly List<(int Port, byte[] Payload, bool Multicast)> Downlinks = new List<(int, byte[], bool)>();
        public readonly List<(int Port, UplinkOutcome Outcome)> Done = new List<(int, UplinkOutcome)>();
        public int JoinRequests;
        public int Joined;
        public int LinkLost;
        public Action OnJoinedAction;

        public void OnJoinRequestSent(int attempt)
        {
            JoinRequests = attempt;
            Log.Add("join-request " + attempt);
        }

        public void OnJoined()
        {
            Joined++;
            Log.Add("joined");
            OnJoinedAction?.Invoke();
        }

        public void OnUplinkDone(int port, UplinkOutcome outcome)
        {
            Done.Add((port, outcome));
            Log.Add("done " + port + " " + outcome);
        }

        public void OnDownlink(int port, byte[] payload, int offset, int length, bool multicast)
        {
            Downlinks.Add((port, payload.AsSpan(offset, length).ToArray(), multicast));
            Log.Add("downlink " + port);
        }

        public void OnLinkLost()
        {
            LinkLost++;
            Log.Add("link-lost");
        }
    }

    /// <summary>
    /// The device clock of a board whose crystal is off by <see cref="Ppm"/> and whose loop fires every timer
    /// <see cref="LatenessMicros"/> late: device durations map onto the air's (the loop's) time scaled, so the
    /// MAC's windows really move against the frames the gateway sends.
    /// </summary>
    public sealed class SkewedMacClock : IMacClock
    {
        private readonly EventLoop _loop;
        private readonly long _origin;

        public SkewedMacClock(EventLoop loop, int ppm, long latenessMicros)
        {
            _loop = loop;
            _origin = loop.NowMicros;
            Ppm = ppm;
            LatenessMicros = latenessMicros;
        }

        /// <summary>Positive: the device clock runs fast (its second is shorter than the air's).</summary>
        public int Ppm { get; }

        public long LatenessMicros { get; }

        public long NowMicros => ToDevice(_loop.NowMicros);

        public long FromRadioTime(long loopMicros) => ToDevice(loopMicros);

        public void Schedule(LoopTimer timer, long deadlineMicros)
        {
            long at = ToLoop(deadlineMicros) + LatenessMicros;
            _loop.Schedule(timer, at < _loop.NowMicros ? _loop.NowMicros : at);
        }

        public bool Cancel(LoopTimer timer) => _loop.Cancel(timer);

        private long ToDevice(long loop) => loop + (long)((decimal)(loop - _origin) * Ppm / 1000000m);

        private long ToLoop(long device) => _origin + (long)((decimal)(device - _origin) * 1000000m / (1000000m + Ppm));
    }

    /// <summary>
    /// One socket's MAC on the real SX127x driver and register model, on a virtual air with a scripted gateway, on a
    /// virtual clock. A second rig on the same storage and network session is the same socket after a reboot.
    /// </summary>
    internal sealed class MacRig
    {
        public static readonly byte[] DevEui = { 0x24, 0xE1, 0x24, 0x12, 0x7A, 0x27, 0x02, 0x22 };

        public MacRig(string region = "EU868", Action<Settings> configure = null, MemoryStorage storage = null,
            NetworkSession network = null, int seed = 7, Func<EventLoop, IMacClock> clock = null, int[] gatewayChannels = null,
            Func<string, bool> refuseWrite = null)
        {
            Clock = new VirtualClock();
            Loop = new EventLoop(Clock);
            Air = new VirtualAir(Loop, seed);
            Model = new Sx127xModel(Loop, Air, "device");
            Radio = new Sx127x(Loop, Model, Model.Reset, Model.Dio0, Model.Dio1, null);
            Settings = new Settings();
            Settings.LoRaWan.Region = region;
            Array.Copy(DevEui, Settings.LoRaWan.DevEui, 8);
            Settings.LoRaWan.DevAddr = 0x127A2702;
            Settings.LoRaWan.Class = DeviceClass.A;
            configure?.Invoke(Settings);
            Storage = storage ?? new MemoryStorage();
            Output = new StringWriter();
            Log = new Log(new WriterConsole(Output), Clock);
            Events = new RecordingLinkEvents();
            MacClock = clock?.Invoke(Loop);
            // refuseWrite: the flash refuses a replace of that key while it says so (full, worn), as LittleFS does with an IOException.
            IKeyValueStorage flash = refuseWrite == null ? Storage : new Ws52x.Tests.Socket.WatchedStorage(Storage, key =>
            {
                if (refuseWrite(key))
                {
                    throw new System.IO.IOException("flash full");
                }
            }, _ => { });
            Mac = new LoRaWanMac(Loop, Radio, Settings, flash, new SeededRandom(seed), Log, Events, MacClock);
            Network = network ?? new NetworkSession();
            Array.Copy(Settings.LoRaWan.AppKey, Network.AppKey, 16);
            if (Settings.LoRaWan.JoinType == JoinType.Abp && network == null)
            {
                Network.DevAddr = Settings.LoRaWan.DevAddr;
                Array.Copy(Settings.LoRaWan.NwkSKey, Network.NwkSKey, 16);
                Array.Copy(Settings.LoRaWan.AppSKey, Network.AppSKey, 16);
                Network.Joined = true;
            }

            Gateway = new ScriptedGateway(Air, KnownRegions.Find(region), Network, gatewayChannels);
        }

        public VirtualClock Clock { get; }
        public EventLoop Loop { get; }
        public VirtualAir Air { get; }
        public Sx127xModel Model { get; }
        public Sx127x Radio { get; }
        public Settings Settings { get; }
        public MemoryStorage Storage { get; }
        public StringWriter Output { get; }
        public Log Log { get; }
        public RecordingLinkEvents Events { get; }
        public IMacClock MacClock { get; }
        public LoRaWanMac Mac { get; }
        public NetworkSession Network { get; }
        public ScriptedGateway Gateway { get; }

        public static long Seconds(double s) => (long)(s * 1000000);

        /// <summary>
        /// An ABP socket, started, its radio up: data rate and ADR as asked; US915 on sub-band 2 (channels 8-15 and 65),
        /// where most US gateways listen.
        /// </summary>
        public static MacRig Abp(string region = "EU868", int dr = 5, bool adr = true, Action<Settings> more = null, MemoryStorage storage = null)
        {
            var rig = new MacRig(region, s =>
            {
                s.LoRaWan.JoinType = JoinType.Abp;
                s.LoRaWan.DataRate = dr;
                s.LoRaWan.Adr = adr;
                if (region == "US915")
                {
                    s.LoRaWan.Channels = "8-15,65";
                }

                more?.Invoke(s);
            }, storage).Start();
            rig.Run(1);
            return rig;
        }

        public MacRig Start()
        {
            Mac.Start();
            return this;
        }

        public void Run(double seconds) => Loop.RunFor(Seconds(seconds));

        /// <summary>Runs until the MAC has joined (or the time is up).</summary>
        public bool RunUntilJoined(double maxSeconds = 600)
        {
            long until = Clock.NowMicros + Seconds(maxSeconds);
            while (!Mac.IsJoined && Clock.NowMicros < until)
            {
                Loop.RunFor(Seconds(1));
            }

            return Mac.IsJoined;
        }

        /// <summary>Runs until <paramref name="count"/> uplinks are done (or the time is up).</summary>
        public void RunUntilDone(int count, double maxSeconds = 600)
        {
            long until = Clock.NowMicros + Seconds(maxSeconds);
            while (Events.Done.Count < count && Clock.NowMicros < until)
            {
                Loop.RunFor(Seconds(0.5));
            }
        }

        public SendStatus Send(byte[] payload, bool confirmed = false, int port = 85, bool urgent = false)
        {
            return Mac.Send(port, payload, 0, payload.Length, confirmed, urgent);
        }

        /// <summary>The same socket after a power cut: what the storage held, the network's state, a new board clock.</summary>
        public MacRig Reboot(Action<Settings> configure = null)
        {
            return new MacRig(Settings.LoRaWan.Region, s =>
            {
                s.LoRaWan.JoinType = Settings.LoRaWan.JoinType;
                s.LoRaWan.Class = Settings.LoRaWan.Class;
                s.LoRaWan.Adr = Settings.LoRaWan.Adr;
                configure?.Invoke(s);
            }, Storage.Clone(), Network);
        }
    }
}
