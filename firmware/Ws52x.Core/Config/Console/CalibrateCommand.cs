using Ws52x.Metering;

namespace Ws52x.Config.Console
{
    /// <summary>
    /// `calibrate begin | finish V A W | clear`: the metering calibration on a known load (docs/metering.md) from the
    /// console. V, A, W are the true voltage, current and power, e.g. `calibrate finish 230.0 8.696 2000`.
    /// </summary>
    internal sealed class CalibrateCommand : IConsoleCommand
    {
        private readonly MeteringService _metering;

        public CalibrateCommand(MeteringService metering)
        {
            _metering = metering;
        }

        public string Name => "calibrate";

        public string Usage => "calibrate begin | finish V A W | clear   metering calibration on a known resistive load (docs/metering.md)";

        public bool NeedsLogin(string args) => true;

        public string Run(string args)
        {
            string what = ConsoleLine.FirstWord(args, out string rest);
            switch (what)
            {
                case "begin":
                    if (rest.Length > 0)
                    {
                        break;
                    }

                    _metering.Calibrator.Begin();
                    return "calibration started: keep the load running for a minute, then calibrate finish V A W";
                case "clear":
                    if (rest.Length > 0)
                    {
                        break;
                    }

                    return _metering.ClearCalibration()
                        ? "calibration cleared: datasheet constants"
                        : "error: calibration not cleared: " + _metering.Calibrator.Error;
                case "finish":
                    string v = ConsoleLine.FirstWord(rest, out rest);
                    string a = ConsoleLine.FirstWord(rest, out rest);
                    string w = ConsoleLine.FirstWord(rest, out rest);
                    long uv = ParseMicro(v);
                    long ua = ParseMicro(a);
                    long uw = ParseMicro(w);
                    if (rest.Length > 0 || uv < 0 || ua < 0 || uw < 0)
                    {
                        return "error: calibrate finish takes the true volts, amps and watts, e.g. calibrate finish 230.0 8.696 2000";
                    }

                    return _metering.FinishCalibration(uv, ua, uw)
                        ? "calibration stored"
                        : "error: calibration refused: " + _metering.Calibrator.Error;
            }

            return "error: usage: " + Usage;
        }

        /// <summary>A decimal such as "230.0" or "8.696" in millionths (230000000); -1 when not one, or above 1000000.</summary>
        public static long ParseMicro(string text)
        {
            if (text == null || text.Length == 0 || text.Length > 16)
            {
                return -1;
            }

            long whole = 0;
            long fraction = 0;
            int fractionDigits = -1;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '.' && fractionDigits < 0 && i > 0)
                {
                    fractionDigits = 0;
                    continue;
                }

                if (c < '0' || c > '9')
                {
                    return -1;
                }

                if (fractionDigits < 0)
                {
                    whole = whole * 10 + (c - '0');
                    if (whole > 1000000)
                    {
                        return -1;
                    }
                }
                else if (fractionDigits < 6)
                {
                    fraction = fraction * 10 + (c - '0');
                    fractionDigits++;
                }
            }

            if (fractionDigits == 0)
            {
                return -1;
            }

            for (int d = fractionDigits < 0 ? 0 : fractionDigits; d < 6; d++)
            {
                fraction *= 10;
            }

            return whole * 1000000 + fraction;
        }
    }
}
