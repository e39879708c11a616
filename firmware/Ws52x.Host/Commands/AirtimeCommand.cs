using System;
using System.CommandLine;
using System.Globalization;
using Ws52x.Radio;

namespace Ws52x.Host.Commands
{
    /// <summary>`ws52x airtime --sf 7 --bw 125 --bytes 26`: LoRa time on air by the core's calculator (the one the firmware uses).</summary>
    public static class AirtimeCommand
    {
        public static Command Create()
        {
            var sf = Cli.Integer("--sf", "Spreading factor (SF6 only with --implicit).", 6, 12);
            sf.Required = true;
            var bw = new Option<int>("--bw")
            {
                Description = "Bandwidth in kHz, exact or as the datasheet rounds it (7.8, 10.4, 15.6, 20.8, 41.7) (default: 125).",
                HelpName = string.Join("|", BandwidthNames),
                CustomParser = r => ParseBandwidth(r),
            };
            var bytes = Cli.Integer("--bytes", "PHYPayload length in bytes (a LoRaWAN frame is 13 + FOpts + FRMPayload).", 0, 255);
            bytes.Required = true;
            var cr = Cli.Choice("--cr", "Coding rate (default: 4/5).", new[] { "4/5", "4/6", "4/7", "4/8" },
                new[] { LoRaCodingRate.Cr4_5, LoRaCodingRate.Cr4_6, LoRaCodingRate.Cr4_7, LoRaCodingRate.Cr4_8 });
            var preamble = Cli.Integer("--preamble", "Preamble symbols (default: 8, as LoRaWAN).", 6, 65535);
            var noCrc = Cli.Flag("--no-crc", "No payload CRC (LoRaWAN downlinks).");
            var implicitHeader = Cli.Flag("--implicit", "Implicit header mode (no header on air).");
            var ldro = Cli.Choice("--ldro", "LowDataRateOptimize: auto turns it on when a symbol lasts 16 ms or more (default: auto).",
                new[] { "auto", "on", "off" }, new[] { LdroMode.Auto, LdroMode.On, LdroMode.Off });
            var command = new Command("airtime", "Time on air of a LoRa frame (SX1276 datasheet 4.1.1.7), in ms, and the symbol time.");
            command.Options.Add(sf);
            command.Options.Add(bw);
            command.Options.Add(bytes);
            command.Options.Add(cr);
            command.Options.Add(preamble);
            command.Options.Add(noCrc);
            command.Options.Add(implicitHeader);
            command.Options.Add(ldro);
            command.SetAction(parse =>
            {
                int spreading = parse.GetValue(sf);
                int bandwidth = Cli.ValueOr(parse, bw, 125000);
                bool explicitHeader = !parse.GetValue(implicitHeader);
                if (spreading == 6 && explicitHeader)
                {
                    throw new CliException("airtime: SF6 works only with an implicit header (add --implicit), as on the SX127x");
                }

                int length = parse.GetValue(bytes);
                LoRaCodingRate codingRate = Cli.ValueOr(parse, cr, LoRaCodingRate.Cr4_5);
                int preambleSymbols = Cli.ValueOr(parse, preamble, 8);
                LdroMode mode = Cli.ValueOr(parse, ldro, LdroMode.Auto);
                bool crcOn = !parse.GetValue(noCrc);
                bool de = LoRaAirtime.ResolveLdro(mode, spreading, bandwidth);
                long micros = LoRaAirtime.TimeOnAirMicros(spreading, bandwidth, codingRate, preambleSymbols, length, explicitHeader, crcOn, de);
                long symbol = LoRaAirtime.SymbolTimeMicros(spreading, bandwidth);
                int payloadSymbols = LoRaAirtime.PayloadSymbols(spreading, codingRate, length, explicitHeader, crcOn, de);

                var output = parse.InvocationConfiguration.Output;
                output.WriteLine("time on air:  " + Millis(micros) + " ms");
                output.WriteLine("symbol time:  " + Millis(symbol) + " ms");
                output.WriteLine("symbols:      " + preambleSymbols + " preamble + 4.25 + " + payloadSymbols + " header/payload/CRC");
                output.WriteLine("settings:     SF" + spreading + " BW" + BandwidthName(bandwidth)
                    + " CR4/" + (4 + (int)codingRate) + (explicitHeader ? " explicit header" : " implicit header")
                    + (crcOn ? " CRC" : " no CRC") + " LDRO " + (de ? "on" : "off"));
                return 0;
            });
            return command;
        }

        /// <summary>Microseconds as milliseconds with three decimals, by integer arithmetic so nothing is rounded away.</summary>
        public static string Millis(long micros)
        {
            return (micros / 1000) + "." + (micros % 1000).ToString("D3");
        }

        /// <summary>The SX127x bandwidths in kHz, 500 kHz / 64, 48, 32, 24, 16, 12, 8, 4, 2, 1, as <see cref="BandwidthName"/> writes them.</summary>
        private static readonly string[] BandwidthNames = { "7.8125", "10.4167", "15.625", "20.8333", "31.25", "41.6667", "62.5", "125", "250", "500" };

        /// <summary>A bandwidth in kHz, exact or as the datasheet rounds it, as Hz (rounded); the core knows which divisor it is.</summary>
        private static int ParseBandwidth(System.CommandLine.Parsing.ArgumentResult r)
        {
            string text = Cli.Token(r);
            string t = text.Trim().ToLowerInvariant();
            if (t.EndsWith("khz"))
            {
                t = t.Substring(0, t.Length - 3);
            }

            if (decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal khz) && khz > 0 && khz <= 1000)
            {
                int hz = (int)decimal.Round(khz * 1000);
                if (LoRaAirtime.BandwidthDivisor(hz) != 0)
                {
                    return hz;
                }
            }

            r.AddError("--bw takes a LoRa bandwidth in kHz: " + Cli.OneOf(BandwidthNames) + " (got " + Cli.Echo(text) + ")");
            return 125000;
        }

        /// <summary>The exact bandwidth in kHz: 500 / divisor, e.g. 7.8125 or 41.6667.</summary>
        private static string BandwidthName(int bandwidthHz)
        {
            return (500m / LoRaAirtime.BandwidthDivisor(bandwidthHz)).ToString("0.####", CultureInfo.InvariantCulture);
        }
    }
}
