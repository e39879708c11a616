using System;
using System.Globalization;
using System.IO;
using Ws52x.Config;
using Ws52x.Host.Board.Radio;

using Ws52x.LoRaWan.Mac;

namespace Ws52x.Host.Fleet
{
    /// <summary>
    /// The table `ws52x fleet` prints: what the sockets sent and what became of it, the data rates ADR left them on, the
    /// airtime, the host time, and per spreading factor the collisions measured next to pure ALOHA's expectation for the
    /// offered load: G = frames · mean airtime / (duration · channels), the mean number of frames started per airtime
    /// on one channel (for N sockets that each send once per interval, N · airtime / (interval · channels)); a frame
    /// survives when no other starts within one airtime before or after it, with probability e^(−2G).
    /// </summary>
    public static class FleetReport
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        public static void Write(FleetRun run, TextWriter output)
        {
            FleetOptions o = run.Options;
            FleetStatistics s = run.Statistics;
            int joined = 0;
            long waits = 0;
            var byDr = new int[16];
            foreach (FleetSocket socket in run.Sockets)
            {
                IMacFigures mac = socket.Firmware?.MacFigures;
                if (mac == null)
                {
                    continue;
                }

                waits += mac.DutyCycleWaits;
                if (mac.IsJoined)
                {
                    joined++;
                    byDr[mac.DataRate & 15]++;
                }
            }

            double days = o.DurationMicros / 86_400e6;
            long totalAirtime = 0;
            foreach (long a in s.AirtimeMicrosBySf)
            {
                totalAirtime += a;
            }

            output.WriteLine("fleet: " + o.Count + " sockets, " + o.Gateways + " gateway(s), " + run.Region.Name + ", seed " + o.Seed + ", " +
                Hours(o.DurationMicros) + " of board time, reports every " + o.ReportIntervalMicros / 60_000_000 + " min, class " +
                ((o.Class ?? new LoRaWanSettings().Class) == DeviceClass.C ? "C" : "A") + ", sockets within " + (o.RadiusMetres / 1000).ToString("0.#", Invariant) +
                " km (log-distance n = " + o.PathLossExponent.ToString("0.0#", Invariant) + ", walls 0-" + o.MaxWallLossDb.ToString("0", Invariant) + " dB)");
            Row(output, "sockets joined", joined + " of " + o.Count + " (JoinAccepts sent: " + run.Network.Counters.Joins + ")");
            Row(output, "uplinks sent", s.UplinksSent + " (" + s.JoinRequestsSent + " JoinRequests)");
            Row(output, "delivered to a gateway", Share(s.Delivered, s.UplinksSent));
            Row(output, "lost to collisions", Share(s.LostToCollisions, s.UplinksSent));
            Row(output, "lost to the link budget", Share(s.LostToLinkBudget, s.UplinksSent) + ", " + s.JoinRequestsLostToLinkBudget + " of them JoinRequests");
            Row(output, "lost otherwise (gateway busy)", Share(s.LostOtherwise, s.UplinksSent));
            Row(output, "uplinks the server accepted", run.Network.Counters.Uplinks.ToString(Invariant));
            Row(output, "duty-cycle waits", waits.ToString(Invariant));
            Row(output, "ADR data rates at the end", Histogram(byDr, run, o.Count - joined));
            double perSocket = totalAirtime / 1e6 / o.Count;
            Row(output, "mean airtime per socket", perSocket.ToString("0.00", Invariant) + " s (" +
                (perSocket / days / 86_400 * 100).ToString("0.000", Invariant) + " % of the time)");
            Row(output, "host seconds", run.HostSeconds.ToString("0.0", Invariant) + " (" +
                (run.HostSeconds / o.Count / days).ToString("0.000", Invariant) + " s per socket-day)");
            WriteAloha(run, output);
        }

        /// <summary>Pure ALOHA's share of frames not collided at each SF for the offered load, and the measured share.</summary>
        public static void WriteAloha(FleetRun run, TextWriter output)
        {
            FleetStatistics s = run.Statistics;
            output.WriteLine("collisions against pure ALOHA, per SF on " + run.UplinkChannels + " channels: G = frames · airtime / (duration · channels), expected e^(-2G)");
            output.WriteLine("  SF    frames  mean airtime        G   expected   measured");
            for (int sf = 7; sf <= FleetStatistics.MaxSf; sf++)
            {
                long frames = s.FramesBySf[sf];
                if (frames == 0)
                {
                    continue;
                }

                double g = OfferedLoad(run, sf);
                output.WriteLine(string.Format(Invariant, "  SF{0,-3}{1,8} {2,10:0.0} ms {3,8:0.00000} {4,9:0.00} % {5,8:0.00} %", sf, frames,
                    s.AirtimeMicrosBySf[sf] / 1000.0 / frames, g, 100 * Math.Exp(-2 * g), 100.0 * (frames - s.CollidedBySf[sf]) / frames));
            }
        }

        /// <summary>G at a spreading factor: frames started per airtime on one channel.</summary>
        public static double OfferedLoad(FleetRun run, int sf) =>
            (double)run.Statistics.AirtimeMicrosBySf[sf] / ((double)run.Options.DurationMicros * run.UplinkChannels);

        private static string Histogram(int[] byDr, FleetRun run, int notJoined)
        {
            string text = "";
            for (int dr = 0; dr < byDr.Length; dr++)
            {
                if (byDr[dr] > 0)
                {
                    text += (text.Length == 0 ? "" : ", ") + "DR" + dr + " (SF" + run.Region.SpreadingFactor(dr) + ") " + byDr[dr];
                }
            }

            return notJoined > 0 ? text + (text.Length == 0 ? "" : ", ") + "not joined " + notJoined : text;
        }

        private static string Share(long part, long whole) =>
            part.ToString(Invariant) + " (" + (whole == 0 ? 0 : 100.0 * part / whole).ToString("0.0", Invariant) + " %)";

        private static string Hours(long micros) => (micros / 3_600e6).ToString("0.##", Invariant) + " h";

        private static void Row(TextWriter output, string what, string value) => output.WriteLine("  " + what.PadRight(32) + value);
    }
}
