using System.Collections.Generic;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.Host.Board.Radio;
using Ws52x.LoRaWan.Frames;
using Ws52x.Loop;
using Ws52x.Radio;
using Ws52x.Util;

namespace Ws52x.Host.Network
{
    /// <summary>
    /// Downlinks: what goes into a frame (answers, MAC requests, the next application payload, ACK, FPending), when and
    /// where it goes (Class A RX1, else RX2; Class C and multicast at once on RX2 parameters), and each gateway's
    /// timetable, since a gateway sends one frame at a time and a window it cannot meet is lost.
    /// </summary>
    public sealed partial class NetworkServer
    {
        private const int MaxFOpts = 15;
        private readonly byte[] _downlink = new byte[DataFrame.MaxPhyPayload];
        private readonly byte[] _macBytes = new byte[DataFrame.MaxPhyPayload];

        /// <summary>A receive window of the device: when it opens, on which carrier and data rate.</summary>
        private sealed class Window
        {
            public Window(string name, long atMicros, int frequencyHz, int dataRate)
            {
                Name = name;
                AtMicros = atMicros;
                FrequencyHz = frequencyHz;
                DataRate = dataRate;
            }

            public string Name { get; }
            public long AtMicros { get; }
            public int FrequencyHz { get; }
            public int DataRate { get; }
        }

        /// <summary>What one downlink frame carries, before it is committed to the device's state.</summary>
        private sealed class Composition
        {
            public readonly List<DownlinkMacCommand> Macs = new List<DownlinkMacCommand>();
            public QueuedDownlink App;
            public QueuedDownlink TooLong;
            public bool Ack;
            public bool FPending;
            public int Length;
        }

        /// <summary>
        /// Answers an uplink in RX1, or RX2 when RX1 cannot be met; false when neither can. An answer with nothing in it
        /// is sent only when <paramref name="mustAnswer"/> (an ACK, a sticky MAC answer or ADRACKReq to stop).
        /// </summary>
        private bool SendClassAReply(NetworkDevice d, UplinkSet set, int dr, int channel, bool ack, List<DownlinkMacCommand> answers, bool mustAnswer)
        {
            GatewayFrame f = set.Best;
            long delay = d.RxDelaySeconds * Second;
            int rx1Hz = channel >= 0 ? d.Channels.Rx1Frequency(channel) : RoundTo100Hz(f.FrequencyHz);
            int rx1Dr = dr >= 0 ? Region.Rx1DataRate(dr, d.Rx1DrOffset, d.DownlinkDwell) : -1;
            var windows = new[]
            {
                new Window("RX1", f.EndMicros + delay, rx1Hz, rx1Dr),
                new Window("RX2", f.EndMicros + delay + Second, d.Rx2FrequencyHz, d.Rx2DataRate),
            };
            string reasons = "";
            foreach (Window w in windows)
            {
                if (w.DataRate < 0)
                {
                    reasons += w.Name + ": no data rate; ";
                    continue;
                }

                Composition c = Compose(d, w.DataRate, ack, answers, true);
                while (c.App == null && c.Macs.Count == 0 && c.TooLong != null && !mustAnswer)
                {
                    // Only a payload too long for this window was to go: it is dropped, and the next one considered.
                    DropTooLong(d, c.TooLong, w.DataRate);
                    c = Compose(d, w.DataRate, ack, answers, true);
                }

                if (c.App == null && c.Macs.Count == 0 && c.TooLong == null && !mustAnswer)
                {
                    return false;
                }

                if (TryTransmit(set.BestGateway, w, _downlink, c.Length, out string why))
                {
                    Commit(d, c, w, set.BestGateway, reasons.TrimEnd(' ', ';'));
                    if (w.Name == "RX1")
                    {
                        Counters.DownlinksRx1++;
                    }
                    else
                    {
                        Counters.DownlinksRx2++;
                    }

                    return true;
                }

                reasons += w.Name + ": " + why + "; ";
            }

            Counters.DownlinksMissed++;
            _log.Info("ns", "no window for the answer to " + d.DevEui + " fcnt " + d.FCntUp + " (" + reasons.TrimEnd(' ', ';') + ")");
            return false;
        }

        /// <summary>Fills <see cref="_downlink"/> for a window of data rate <paramref name="dr"/>; nothing changes yet.</summary>
        private Composition Compose(NetworkDevice d, int dr, bool ack, List<DownlinkMacCommand> answers, bool withRequests)
        {
            var c = new Composition { Ack = ack };
            int n = Region.MaxPayload(dr, d.DownlinkDwell);
            int macLength = 0;
            foreach (DownlinkMacCommand a in answers)
            {
                c.Macs.Add(a);
                macLength += a.Length;
            }

            if (withRequests)
            {
                foreach (DownlinkMacCommand m in d.MacToSend)
                {
                    if (macLength + m.Length <= n)
                    {
                        c.Macs.Add(m);
                        macLength += m.Length;
                    }
                }
            }

            QueuedDownlink next = d.Queue.Count > 0 ? d.Queue[0] : null;
            if (next != null && next.Payload.Length > n)
            {
                c.TooLong = next;
            }
            else if (next != null && macLength <= MaxFOpts && macLength + next.Payload.Length <= n)
            {
                c.App = next;
            }

            int left = d.Queue.Count - (c.App != null || c.TooLong != null ? 1 : 0);
            c.FPending = left > 0;
            int length = 0;
            foreach (DownlinkMacCommand m in c.Macs)
            {
                m.CopyTo(_macBytes, length);
                length += m.Length;
            }

            int fctrl = (ack ? FCtrl.Ack : 0) | (c.FPending ? FCtrl.FPending : 0) | (Options.Adr ? FCtrl.Adr : 0);
            MType type = c.App != null && c.App.Confirmed ? MType.ConfirmedDataDown : MType.UnconfirmedDataDown;
            if (c.App != null)
            {
                c.Length = _builder.BuildData(type, d.DevAddr, d.NwkSKey, d.AppSKey, d.FCntDown, fctrl, _macBytes, 0, length,
                    c.App.Port, c.App.Payload, 0, c.App.Payload.Length, _downlink, 0);
            }
            else if (length <= MaxFOpts)
            {
                c.Length = _builder.BuildData(type, d.DevAddr, d.NwkSKey, d.AppSKey, d.FCntDown, fctrl, _macBytes, 0, length,
                    -1, null, 0, 0, _downlink, 0);
            }
            else
            {
                c.Length = _builder.BuildData(type, d.DevAddr, d.NwkSKey, d.AppSKey, d.FCntDown, fctrl, null, 0, 0,
                    0, _macBytes, 0, length, _downlink, 0);
            }

            return c;
        }

        /// <summary>The frame went to the gateway: the device's counters, queues and awaited answers move on.</summary>
        private void Commit(NetworkDevice d, Composition c, Window w, VirtualGateway gateway, string why = "")
        {
            uint fCnt = d.FCntDown++;
            if (c.TooLong != null)
            {
                DropTooLong(d, c.TooLong, w.DataRate);
            }

            if (c.App != null)
            {
                d.Queue.Remove(c.App);
                if (c.App.Confirmed)
                {
                    d.AwaitingDownlinkAck = true;
                    d.PendingConfirmedFCnt = fCnt;
                    d.ClassCAckWaitUntilMicros = w.AtMicros + Airtime(w.DataRate, c.Length) + Options.ClassCAckTimeoutMicros;
                }
            }

            foreach (DownlinkMacCommand m in c.Macs)
            {
                d.MacToSend.Remove(m);
                Counters.MacCommandsSent++;
                if (m.ExpectsAnswer)
                {
                    d.MacAwaitingAnswer.Add(m);
                }
            }

            if (c.Ack)
            {
                Counters.Acks++;
            }

            string content = (c.Ack ? ", ACK" : "") + (c.FPending ? ", FPending" : "");
            if (c.App != null)
            {
                content += ", port " + c.App.Port + " " + Hex.ToHex(c.App.Payload) + (c.App.Confirmed ? " (confirmed)" : "");
            }

            foreach (DownlinkMacCommand m in c.Macs)
            {
                content += ", " + m;
            }

            _log.Info("ns", "downlink to " + d.DevEui + " in " + w.Name + " at " + Log.FormatTime(w.AtMicros) + " on " +
                DownlinkMacCommand.Mhz(w.FrequencyHz) + " " + DrText(w.DataRate) + " via " + gateway.Name + (why.Length > 0 ? " (" + why + ")" : "") +
                ": fcnt " + fCnt + content);
        }

        /// <summary>An application downlink longer than a window's data rate carries is dropped, never cut.</summary>
        private void DropTooLong(NetworkDevice d, QueuedDownlink item, int dr)
        {
            d.Queue.Remove(item);
            Reject(RejectReason.DownlinkTooLong, d.DevEui + " port " + item.Port + ", " + item.Payload.Length + " bytes, " + DrText(dr) +
                " carries " + Region.MaxPayload(dr, d.DownlinkDwell));
        }

        /// <summary>Hands a frame to a gateway for a window, unless the window is too close or the gateway already sends then.</summary>
        private bool TryTransmit(VirtualGateway gateway, Window w, byte[] frame, int length, out string why)
        {
            long now = _loop.NowMicros;
            if (w.AtMicros - now < Options.DownlinkLeadMicros)
            {
                why = "too late (" + (w.AtMicros - now) / 1000 + " ms ahead, the gateway needs " + Options.DownlinkLeadMicros / 1000 + " ms)";
                return false;
            }

            long end = w.AtMicros + Airtime(w.DataRate, length);
            List<(long Start, long End)> busy = _busy[gateway];
            busy.RemoveAll(b => b.End < now);
            foreach ((long start, long stop) in busy)
            {
                if (w.AtMicros < stop && start < end)
                {
                    why = "gateway busy until " + Log.FormatTime(stop);
                    return false;
                }
            }

            busy.Add((w.AtMicros, end));
            var channel = new RadioChannelConfig
            {
                FrequencyHz = w.FrequencyHz,
                SpreadingFactor = Region.SpreadingFactor(w.DataRate),
                BandwidthHz = Region.BandwidthHz(w.DataRate),
                InvertIq = true,
            };
            gateway.Transmit(w.AtMicros, channel, frame, length);
            why = null;
            return true;
        }

        /// <summary>The first moment from <paramref name="at"/> on when the gateway is free for this long.</summary>
        private long NextFree(VirtualGateway gateway, long at, long airtime)
        {
            bool moved = true;
            while (moved)
            {
                moved = false;
                foreach ((long start, long stop) in _busy[gateway])
                {
                    if (at < stop && start < at + airtime)
                    {
                        at = stop + 1000;
                        moved = true;
                    }
                }
            }

            return at;
        }

        private long Airtime(int dr, int length) => LoRaAirtime.TimeOnAirMicros(Region.SpreadingFactor(dr), Region.BandwidthHz(dr),
            LoRaCodingRate.Cr4_5, 8, length, true, false, LdroMode.Auto);

        /// <summary>Arms the device's Class C sender when it has downlinks waiting and a gateway that heard it.</summary>
        private void ScheduleClassC(NetworkDevice d)
        {
            if (d.Class != DeviceClass.C || !d.Joined || d.Queue.Count == 0 || d.LastGateway == null)
            {
                return;
            }

            if (d.ClassCTimer == null)
            {
                d.ClassCTimer = new LoopTimer(_ => SendClassC(d));
            }

            if (!d.ClassCTimer.IsScheduled || d.ClassCTimer.Deadline > _loop.NowMicros)
            {
                _loop.Schedule(d.ClassCTimer, _loop.NowMicros);
            }
        }

        /// <summary>The next queued downlink of a Class C device, on its RX2 parameters, as soon as it listens there.</summary>
        private void SendClassC(NetworkDevice d)
        {
            if (d.Queue.Count == 0)
            {
                return;
            }

            long lead = Options.DownlinkLeadMicros;
            long at = _loop.NowMicros + lead;

            long quietUntil = d.ClassCQuietUntilMicros;
            if (d.AwaitingDownlinkAck && d.ClassCAckWaitUntilMicros > quietUntil)
            {
                quietUntil = d.ClassCAckWaitUntilMicros; // the device sends its ACK soon: not into the next frame
            }

            Composition c = Compose(d, d.Rx2DataRate, false, new List<DownlinkMacCommand>(), false);
            long free = NextFree(d.LastGateway, at > quietUntil ? at : quietUntil, Airtime(d.Rx2DataRate, c.Length));
            if (free > at)
            {
                _loop.Schedule(d.ClassCTimer, free - lead);
                return;
            }

            var w = new Window("Class C", at, d.Rx2FrequencyHz, d.Rx2DataRate);
            if (c.App == null)
            {
                // Too long for RX2's data rate: dropped (and counted) without sending an empty frame.
                DropTooLong(d, c.TooLong, w.DataRate);
            }
            else if (TryTransmit(d.LastGateway, w, _downlink, c.Length, out _))
            {
                Commit(d, c, w, d.LastGateway, "");
                Counters.DownlinksClassC++;
            }

            if (d.Queue.Count > 0)
            {
                _loop.Schedule(d.ClassCTimer, _loop.NowMicros + Airtime(w.DataRate, c.Length) + 10_000);
            }
        }

        /// <summary>Sends an application payload to a multicast group now (unconfirmed, its own counter, no MAC commands).</summary>
        public bool SendMulticast(MulticastGroup group, int port, byte[] payload)
        {
            if (port < 1 || port > 223)
            {
                throw new System.ArgumentOutOfRangeException(nameof(port), "application ports are 1-223");
            }

            VirtualGateway gateway = _gateways.Count > 0 ? _gateways[0] : null;
            int max = Region.MaxPayload(group.DataRate, Region.DefaultDownlinkDwell);
            if (gateway == null || payload.Length > max)
            {
                Reject(RejectReason.DownlinkTooLong, gateway == null ? "no gateway" : "multicast " + payload.Length + " bytes, " + DrText(group.DataRate) + " carries " + max);
                return false;
            }

            int length = _builder.BuildData(MType.UnconfirmedDataDown, group.Address, group.McNetSKey, group.McAppSKey, group.FCnt, 0,
                null, 0, 0, port, payload, 0, payload.Length, _downlink, 0);
            long at = NextFree(gateway, _loop.NowMicros + Options.DownlinkLeadMicros, Airtime(group.DataRate, length));
            var w = new Window("multicast", at, group.FrequencyHz, group.DataRate);
            TryTransmit(gateway, w, _downlink, length, out _);
            _log.Info("ns", "multicast downlink to group " + group.Address.ToString("x8") + " at " + Log.FormatTime(at) + " on " +
                DownlinkMacCommand.Mhz(w.FrequencyHz) + " " + DrText(w.DataRate) + ": fcnt " + group.FCnt + ", port " + port + " " + Hex.ToHex(payload));
            group.FCnt++;
            group.Sent++;
            Counters.DownlinksMulticast++;
            return true;
        }
    }
}
