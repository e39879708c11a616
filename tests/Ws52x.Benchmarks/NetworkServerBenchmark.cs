using System.IO;
using Ws52x.Config;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Radio;
using Ws52x.Host.Network;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.Regions;
using Ws52x.Loop;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// The host board's network server: one 26-byte report uplink as a gateway hands it over, through deduplication,
    /// session lookup, counter and MIC checks, decryption, the vendor decoder and the "ns:" log lines (written to a null
    /// writer); and the same confirmed with the ADR bit, so that ADR runs and the answer (ACK and a LinkADRReq, which
    /// the silent device never answers) is built and handed to the gateway. Host cost:
    /// this is the simulator's network, not device code, so it allocates (log strings, the delivered payload).
    /// </summary>
    public sealed class NetworkServerBenchmark : IBenchmark
    {
        public string Name => "netserver";

        public void Run(bool quick)
        {
            int count = quick ? 20_000 : 200_000;
            // A full round of each first: the first round of this many-method path runs half as fast while the JIT tiers it.
            Uplinks(count, true, out _);
            Uplinks(count, false, out _);
            Measure.Print(Name, "confirmed ADR uplink, ACK + LinkADRReq sent", Uplinks(count, true, out double bytes), "ns");
            Measure.Print(Name, "allocated per confirmed uplink", bytes, "bytes");
            Measure.Print(Name, "unconfirmed report uplink, no answer", Uplinks(count, false, out bytes), "ns");
            Measure.Print(Name, "allocated per unconfirmed uplink", bytes, "bytes");
        }

        private static double Uplinks(int count, bool confirmed, out double bytes)
        {
            var loop = new EventLoop(new VirtualClock());
            var air = new VirtualAir(loop, 52);
            var gateway = new VirtualGateway(air);
            var options = new NetworkServerOptions { DevStatusIntervalMicros = 0 };
            var server = new NetworkServer(loop, NetworkPlan.For(KnownRegions.Find("EU868")), new WriterConsole(TextWriter.Null), options);
            server.Attach(gateway);
            var settings = new LoRaWanSettings { JoinType = JoinType.Abp, DevAddr = 0x26011234 };
            settings.DevEui[7] = 1;
            server.Register(settings);

            // Every frame built beforehand, so that only the server is measured.
            const int warmup = 2000;
            var session = new Session();
            session.SetKeys(settings.DevAddr, settings.NwkSKey, settings.AppSKey);
            var builder = new FrameBuilder();
            var report = new byte[26];
            var frames = new GatewayFrame[count + warmup];
            var buffer = new byte[64];
            for (int i = 0; i < frames.Length; i++)
            {
                int n = builder.BuildUplink(session, confirmed, confirmed ? FCtrl.Adr : 0, null, 0, 0, 85, report, 0, report.Length, buffer, 0);
                session.FCntUp++;
                var payload = new byte[n];
                System.Array.Copy(buffer, payload, n);
                frames[i] = new GatewayFrame { Payload = payload, FrequencyHz = 868_100_000, SpreadingFactor = 7, BandwidthHz = 125_000, RssiDbm = -80, SnrQuarterDb = 38, CrcOk = true };
            }

            int next = 0;
            Measure.Figures f = Measure.Run(() =>
            {
                GatewayFrame frame = frames[next++];
                frame.EndMicros = loop.NowMicros;
                server.Hear(gateway, frame);
                loop.RunFor(3_000_000); // deduplication, then the answer's RX1 / RX2 times go by
            }, count, warmup);
            bytes = f.BytesPerOperation;
            return f.NanosPerOperation;
        }
    }
}
