using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ws52x.Config;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Radio;
using Ws52x.Host.Network;
using Ws52x.LoRaWan.Crypto;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.MacCommands;
using Ws52x.LoRaWan.Regions;
using Ws52x.Loop;
using Ws52x.Tests.Radio;

namespace Ws52x.Tests.Network
{
    /// <summary>
    /// The network server behind a virtual gateway, and a test that plays the device: it builds frames with the core's
    /// builders, sends them with the real SX127x driver on a modelled chip, and opens receive windows where a LoRaWAN
    /// device would. Nothing of the server is touched but its API; everything goes over the virtual air.
    /// </summary>
    public sealed class NetworkRig
    {
        public static readonly byte[] AppEui = { 0x24, 0xE1, 0x24, 0xC0, 0x00, 0x2A, 0x00, 0x01 };
        public static readonly byte[] AppKey = new LoRaWanSettings().AppKey;
        public static readonly byte[] DevEui = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77 };

        private readonly StringWriter _log = new StringWriter();
        private readonly FrameBuilder _builder = new FrameBuilder();

        public NetworkRig(string region = "EU868", NetworkServerOptions options = null, System.Action<NetworkPlan> plan = null)
        {
            Region = KnownRegions.Find(region);
            Clock = new VirtualClock();
            Loop = new EventLoop(Clock);
            Air = new VirtualAir(Loop, 7);
            Gateway = new VirtualGateway(Air, "gw1");
            NetworkPlan p = NetworkPlan.For(Region);
            plan?.Invoke(p);
            Server = new NetworkServer(Loop, p, new WriterConsole(_log), options);
            Server.Attach(Gateway);
            Device = new RadioNode(Loop, Air, "device");
            Device.Driver.Reset();
            Loop.RunFor(10_000);
        }

        public Region Region { get; }
        public VirtualClock Clock { get; }
        public EventLoop Loop { get; }
        public VirtualAir Air { get; }
        public VirtualGateway Gateway { get; }
        public NetworkServer Server { get; }
        public RadioNode Device { get; }

        /// <summary>The device's session, as a device would hold it (after <see cref="Join"/> or for ABP).</summary>
        public Session Session { get; } = new Session();

        /// <summary>Every "ns: ..." line so far.</summary>
        public string[] LogLines => _log.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries);

        public NetworkDevice RegisterOtaa(DeviceClass c = DeviceClass.A) => Server.RegisterOtaa(DevEui, AppEui, AppKey, c);

        /// <summary>An ABP device and the same session on the test's side.</summary>
        public NetworkDevice RegisterAbp(uint devAddr = 0x26011234, DeviceClass c = DeviceClass.A)
        {
            var nwk = new LoRaWanSettings().NwkSKey;
            var app = (byte[])nwk.Clone();
            app[15] ^= 0x5A;
            Session.SetKeys(devAddr, nwk, app);
            return Server.RegisterAbp(DevEui, devAddr, nwk, app, c);
        }

        public byte[] JoinRequest(ushort devNonce, byte[] appKey = null)
        {
            var frame = new byte[Ws52x.LoRaWan.Frames.JoinRequest.Length];
            Ws52x.LoRaWan.Frames.JoinRequest.Build(new LoRaWanCrypto(), appKey ?? AppKey, AppEui, DevEui, devNonce, frame, 0);
            return frame;
        }

        /// <summary>The next uplink of <see cref="Session"/> (FCntUp, then FCntUp is incremented, as a MAC does after sending).</summary>
        public byte[] Uplink(int port, byte[] payload, bool confirmed = false, int fctrl = 0, byte[] fopts = null)
        {
            var output = new byte[256];
            int n = _builder.BuildUplink(Session, confirmed, fctrl, fopts, 0, fopts?.Length ?? 0, port, payload, 0, payload?.Length ?? 0, output, 0);
            Assert.True(n > 0, _builder.LastError.ToString());
            Session.FCntUp++;
            return output.Take(n).ToArray();
        }

        /// <summary>Sends a frame now on a carrier and data rate; returns the end of the frame (TxDone).</summary>
        public long Send(byte[] frame, int frequencyHz, int dr)
        {
            int before = Device.Events.TxDone.Count;
            Device.Driver.StartTransmit(frame, 0, frame.Length, RadioRig.Tx(frequencyHz, Region.SpreadingFactor(dr), Region.BandwidthHz(dr)));
            while (Device.Events.TxDone.Count == before)
            {
                Loop.RunFor(10_000);
            }

            return Device.Events.TxDone[^1];
        }

        /// <summary>
        /// Opens a single receive 3 ms before <paramref name="at"/> (as a device's window opens early) for 16 symbols on
        /// the given carrier and data rate, with inverted IQ; runs until the window is over (timeout, or the end of the
        /// frame found in it); returns the frame heard, or null.
        /// </summary>
        public Heard Listen(long at, int frequencyHz, int dr)
        {
            int before = Device.Events.Packets.Count;
            int log = Device.Events.Log.Count;
            var open = new LoopTimer(_ => Device.Driver.StartReceiveSingle(
                RadioRig.Rx(frequencyHz, Region.SpreadingFactor(dr), Region.BandwidthHz(dr), invertIq: true), 16));
            Loop.Schedule(open, at - 3_000);
            Loop.Run(at);

            // Until the window times out or the frame in it has ended.
            while (Device.Events.Log.Count == log)
            {
                Loop.RunFor(5_000);
            }

            if (Device.Events.Packets.Count == before)
            {
                return null;
            }

            return new Heard(Device.Events.Packets[^1], Device.Events.Infos[^1].Time);
        }

        /// <summary>Listens on RX2 parameters continuously (Class C) until told to stop.</summary>
        public void ListenContinuously(int frequencyHz, int dr)
        {
            Device.Driver.StartReceiveContinuous(RadioRig.Rx(frequencyHz, Region.SpreadingFactor(dr), Region.BandwidthHz(dr), invertIq: true));
        }

        /// <summary>Joins with a DevNonce: the request on a carrier and DR, the accept read in RX1; the session is the test's.</summary>
        public JoinAccept Join(ushort devNonce, int frequencyHz, int dr, int rx1FrequencyHz, int rx1Dr)
        {
            long end = Send(JoinRequest(devNonce), frequencyHz, dr);
            Heard heard = Listen(end + NetworkServer.JoinAcceptDelay1Micros, rx1FrequencyHz, rx1Dr);
            Assert.NotNull(heard);
            var accept = new JoinAccept();
            Assert.Equal(FrameError.None, accept.Accept(new LoRaWanCrypto(), AppKey, heard.Frame, 0, heard.Frame.Length));
            accept.StartSession(new LoRaWanCrypto(), AppKey, devNonce, Session);
            return accept;
        }

        /// <summary>Reads a downlink of the session; asserts it is valid.</summary>
        public DataFrame Read(byte[] frame, Session session = null)
        {
            var result = new DataFrame();
            Assert.Equal(FrameError.None, new FrameParser().ParseDownlink(session ?? Session, frame, 0, frame.Length, result, true));
            return result;
        }

        /// <summary>The MAC commands a downlink carries (FOpts, or its FPort-0 payload).</summary>
        public static MacCommandList Commands(DataFrame frame)
        {
            var list = new MacCommandList();
            if (frame.FPort == 0)
            {
                MacCommandCodec.ParseDownlink(frame.Payload, 0, frame.PayloadLength, list);
            }
            else
            {
                MacCommandCodec.ParseDownlink(frame.FOpts, 0, frame.FOptsLength, list);
            }

            return list;
        }

        /// <summary>Device MAC commands (answers, LinkCheckReq, DeviceTimeReq) as FOpts bytes.</summary>
        internal static byte[] FOpts(System.Action<MacCommandWriter> write)
        {
            var buffer = new byte[15];
            var writer = new MacCommandWriter();
            writer.Reset(buffer, 0, buffer.Length);
            write(writer);
            return buffer.Take(writer.Length).ToArray();
        }

        /// <summary>A WS52x periodic report (26 bytes), as the socket sends it on port 85.</summary>
        public static byte[] Report(int watts = 110)
        {
            var status = new Ws52x.Codec.ElectricalStatus
            {
                SocketOn = true,
                VoltageDeciVolts = 2300,
                CurrentMilliamps = 736,
                PowerFactorPercent = 65,
                ActivePowerWatts = watts,
                EnergyWattHours = 31,
            };
            var buffer = new byte[Ws52x.Codec.UplinkEncoder.ElectricalStatusLength];
            Ws52x.Codec.UplinkEncoder.WriteElectricalStatus(status, buffer, 0);
            return buffer;
        }

        public static List<MacCommand> AsList(MacCommandList list) => Enumerable.Range(0, list.Count).Select(i => list[i]).ToList();
    }

    /// <summary>A frame the test's device received and when it ended.</summary>
    public sealed record Heard(byte[] Frame, long EndMicros);
}
