using Ws52x.Codec;
using Ws52x.Util;

namespace Ws52x.Benchmarks
{
    /// <summary>Report encode and downlink decode: ns and bytes allocated per operation.</summary>
    public sealed class CodecBenchmark : IBenchmark
    {
        public string Name => "codec";

        public void Run(bool quick)
        {
            long count = quick ? 200_000 : 5_000_000;
            var status = new ElectricalStatus { SocketOn = true, VoltageDeciVolts = 2301, CurrentMilliamps = 4350, PowerFactorPercent = 99, ActivePowerWatts = 1000, EnergyWattHours = 12345 };
            var buffer = new byte[UplinkEncoder.ElectricalStatusLength];
            var encode = Measure.Run(() => UplinkEncoder.WriteElectricalStatus(status, buffer, 0), count);
            Measure.Print(Name, "report encode (26 bytes)", encode.NanosPerOperation, "ns");
            Measure.Print(Name, "report encode allocation", encode.BytesPerOperation, "bytes");

            byte[] downlink = Hex.Parse("0801ffffff03b004ff22003c0011ff24010aff30010a");
            var decoder = new DownlinkDecoder(16);
            var commands = new DownlinkCommands();
            var error = new DecodeError();
            var decode = Measure.Run(() => decoder.TryDecode(downlink, 0, downlink.Length, commands, error), count);
            Measure.Print(Name, "downlink decode (5 commands, 22 bytes)", decode.NanosPerOperation, "ns");
            Measure.Print(Name, "downlink decode allocation", decode.BytesPerOperation, "bytes");
        }
    }
}
