using System;
using System.Security.Cryptography;
using Ws52x.LoRaWan.Crypto;
using Ws52x.LoRaWan.Frames;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// One WS52x report (26 bytes, FPort 85) becoming a PHYPayload: payload cipher (2 AES blocks) + MIC (B0 + 3
    /// message blocks + subkey-cached CMAC = 4 AES blocks) + framing. Compared with .NET's hardware AES doing the
    /// same 6 AES block encryptions.
    /// </summary>
    public sealed class LoRaWanBenchmark : IBenchmark
    {
        private const int AesBlocksPerUplink = 6;

        public string Name => "lorawan";

        public void Run(bool quick)
        {
            long count = quick ? 50_000 : 500_000;
            var random = new Random(52);
            var session = new Session();
            var key1 = new byte[16];
            var key2 = new byte[16];
            random.NextBytes(key1);
            random.NextBytes(key2);
            session.SetKeys(0x26011234, key1, key2);
            var builder = new FrameBuilder();
            var report = new byte[26];
            random.NextBytes(report);
            var output = new byte[64];
            var build = Measure.Run(() =>
            {
                session.AdvanceFCntUp();
                builder.BuildUplink(session, false, FCtrl.Adr, null, 0, 0, 85, report, 0, report.Length, output, 0);
            }, count);
            Measure.Print(Name, "uplink build, 26-byte report (AES+CMAC+framing)", build.NanosPerOperation, "ns");
            Measure.Print(Name, "allocated per uplink build", build.BytesPerOperation, "bytes");

            var ours = new Aes128();
            ours.SetKey(key1);
            var block = new byte[16];
            var oursAes = Measure.Run(() =>
            {
                for (int i = 0; i < AesBlocksPerUplink; i++)
                {
                    ours.EncryptBlock(block, 0, block, 0);
                }
            }, count);
            Measure.Print(Name, "our table AES, 6 blocks", oursAes.NanosPerOperation, "ns");

            using var aes = Aes.Create();
            aes.Key = key1;
            var input = new byte[16];
            var hwOut = new byte[16];
            var hardware = Measure.Run(() =>
            {
                for (int i = 0; i < AesBlocksPerUplink; i++)
                {
                    aes.EncryptEcb(input, hwOut, PaddingMode.None);
                }
            }, count);
            // The same 6 blocks as one 96-byte ECB call: the hardware's throughput without per-call overhead.
            var input96 = new byte[16 * AesBlocksPerUplink];
            var out96 = new byte[16 * AesBlocksPerUplink];
            var hardwareBatch = Measure.Run(() => aes.EncryptEcb(input96, out96, PaddingMode.None), count);
            Measure.Print(Name, ".NET hardware AES (ECB), 6 calls of 1 block", hardware.NanosPerOperation, "ns");
            Measure.Print(Name, ".NET hardware AES (ECB), 1 call of 6 blocks", hardwareBatch.NanosPerOperation, "ns");
            Measure.Print(Name, "uplink build / .NET AES, 6 one-block calls", build.NanosPerOperation / hardware.NanosPerOperation, "x");
            Measure.Print(Name, "uplink build / .NET AES, one 6-block call", build.NanosPerOperation / hardwareBatch.NanosPerOperation, "x");
            Measure.Print(Name, "our AES / .NET AES, 6 blocks in one call", oursAes.NanosPerOperation / hardwareBatch.NanosPerOperation, "x");
        }
    }
}
