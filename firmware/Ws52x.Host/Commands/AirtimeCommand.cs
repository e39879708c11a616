using System;
using System.CommandLine;
using Ws52x.Radio;

namespace Ws52x.Host.Commands
{
    /// <summary>`ws52x airtime --sf 7 --bw 125 --bytes 26`: LoRa time on air by the core's calculator (the one the firmware uses).</summary>
    public static class AirtimeCommand
    {
        public static Command Create()
        {
            var sf = new Option<int>("--sf") { Description = "Spreading factor, 6-12 (SF6 only with --implicit).", Required = true };
            var bw = new Option<string>("--bw") { Description = "Bandwidth in kHz: 125, 250 or 500, or another SX127x bandwidth (500 kHz / 2..64, e.g. 62.5 or 7.8125).", DefaultValueFactory = _ => "125" };
            var bytes = new Option<int>("--bytes") { Description = "PHYPayload length in bytes, 0-255 (a LoRaWAN frame is 13 + FOpts + FRMPayload).", Required = true };
            var cr = new Option<string>("--cr") { Description = "Coding rate 4/5 (default), 4/6, 4/7 or 4/8.", DefaultValueFactory = _ => "4/5" };
            var preamble = new Option<int>("--preamble") { Description = "Preamble symbols (LoRaWAN: 8).", DefaultValueFactory = _ => 8 };
            var noCrc = new Option<bool>("--no-crc") { Description = "No payload CRC (LoRaWAN downlinks)." };
            var implicitHeader = new Option<bool>("--implicit") { Description = "Implicit header mode (no header on air)." };
            var ldro = new Option<string>("--ldro") { Description = "LowDataRateOptimize: auto (on when a symbol lasts 16 ms or more), on or off.", DefaultValueFactory = _ => "auto" };
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
                if (spreading < 6 || spreading > 12)
                {
                    throw new CliException("airtime: --sf takes 6-12");
                }

                int bandwidth = ParseBandwidth(parse.GetValue(bw));
                bool explicitHeader = !parse.GetValue(implicitHeader);
                if (spreading == 6 && explicitHeader)
                {
                    throw new CliException("airtime: SF6 works only with an implicit header (add --implicit), as on the SX127x");
                }

                int length = parse.GetValue(bytes);
                if (length < 0 || length > 255)
                {
                    throw new CliException("airtime: --bytes takes 0-255");
                }

                LoRaCodingRate codingRate = ParseCodingRate(parse.GetValue(cr));
                int preambleSymbols = parse.GetValue(preamble);
                if (preambleSymbols < 6 || preambleSymbols > 65535)
                {
                    throw new CliException("airtime: --preamble takes 6-65535 symbols");
                }

                LdroMode mode = ParseLdro(parse.GetValue(ldro));
                bool crcOn = !parse.GetValue(noCrc);
                bool de = LoRaAirtime.ResolveLdro(mode, spreading, bandwidth);
                long micros = LoRaAirtime.TimeOnAirMicros(spreading, bandwidth, codingRate, preambleSymbols, length, explicitHeader, crcOn, de);
                long symbol = LoRaAirtime.SymbolTimeMicros(spreading, bandwidth);
                int payloadSymbols = LoRaAirtime.PayloadSymbols(spreading, codingRate, length, explicitHeader, crcOn, de);

                Console.WriteLine("time on air:  " + Millis(micros) + " ms");
                Console.WriteLine("symbol time:  " + Millis(symbol) + " ms");
                Console.WriteLine("symbols:      " + preambleSymbols + " preamble + 4.25 + " + payloadSymbols + " header/payload/CRC");
                Console.WriteLine("settings:     SF" + spreading + " BW" + BandwidthName(bandwidth)
                    + " CR" + parse.GetValue(cr) + (explicitHeader ? " explicit header" : " implicit header")
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

        /// <summary>The SX127x bandwidths, exactly: 500 kHz / 64, 48, 32, 24, 16, 12, 8, 4, 2, 1.</summary>
        private const string BandwidthChoices = "7.8125, 10.417, 15.625, 20.833, 31.25, 41.667, 62.5, 125, 250 or 500 (kHz; 7.8, 10.4, 15.6, 20.8 and 41.7 too)";

        /// <summary>A bandwidth in kHz, exact or as the datasheet rounds it, as Hz (rounded); the core knows which divisor it is.</summary>
        private static int ParseBandwidth(string text)
        {
            string t = (text ?? "").Trim().ToLowerInvariant();
            if (t.EndsWith("khz"))
            {
                t = t.Substring(0, t.Length - 3);
            }

            if (!decimal.TryParse(t, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out decimal khz)
                || khz <= 0 || khz > 1000)
            {
                throw new CliException("airtime: --bw takes " + BandwidthChoices + ", not '" + text + "'");
            }

            int hz = (int)decimal.Round(khz * 1000);
            if (LoRaAirtime.BandwidthDivisor(hz) == 0)
            {
                throw new CliException("airtime: --bw takes " + BandwidthChoices + ", not '" + text + "'");
            }

            return hz;
        }

        /// <summary>The exact bandwidth in kHz: 500 / divisor, e.g. 7.8125 or 41.6667.</summary>
        private static string BandwidthName(int bandwidthHz)
        {
            return (500m / LoRaAirtime.BandwidthDivisor(bandwidthHz)).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
        }

        private static LoRaCodingRate ParseCodingRate(string text)
        {
            switch ((text ?? "").Trim())
            {
                case "4/5": return LoRaCodingRate.Cr4_5;
                case "4/6": return LoRaCodingRate.Cr4_6;
                case "4/7": return LoRaCodingRate.Cr4_7;
                case "4/8": return LoRaCodingRate.Cr4_8;
                default: throw new CliException("airtime: --cr takes 4/5, 4/6, 4/7 or 4/8, not '" + text + "'");
            }
        }

        private static LdroMode ParseLdro(string text)
        {
            switch ((text ?? "").Trim().ToLowerInvariant())
            {
                case "auto": return LdroMode.Auto;
                case "on": return LdroMode.On;
                case "off": return LdroMode.Off;
                default: throw new CliException("airtime: --ldro takes on, off or auto, not '" + text + "'");
            }
        }
    }
}
