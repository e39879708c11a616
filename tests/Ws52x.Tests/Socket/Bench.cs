using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ws52x.Benchmarks;
using Ws52x.Codec;
using Ws52x.Config;
using Ws52x.Host.Board;
using Ws52x.Host.Board.Metering;
using Ws52x.Loop;
using Ws52x.Metering;
using Ws52x.Util;

namespace Ws52x.Tests.Socket
{
    /// <summary>The host board as the socket tests use it: settings written before the first boot, uplinks decoded.</summary>
    internal static class Bench
    {
        public const long Ms = 1000;
        public const long Second = 1_000_000;
        public const long Minute = 60 * Second;

        /// <summary>A started board; the stand-in link joins at 6 s unless <paramref name="pretendJoin"/> is false.</summary>
        public static HostBoard Board(
            LoadProfile load = null,
            Action<SocketSettings> configure = null,
            bool pretendJoin = true,
            MeteringChip chip = MeteringChip.Hlw8012,
            ILoopClock clock = null,
            TextWriter log = null)
        {
            HostBoard board = SocketRig.Board(load ?? LoadProfiles.Find("heater"), chip, clock, log, pretendJoin);
            configure?.Invoke(board.Settings.Current.Socket);
            board.Settings.Save();
            board.Start();
            return board;
        }

        /// <summary>A board that has joined (7 s of board time) and been switched on by a press.</summary>
        public static HostBoard OnAndJoined(LoadProfile load = null, Action<SocketSettings> configure = null, TextWriter log = null, ILoopClock clock = null)
        {
            HostBoard board = Board(load, configure, clock: clock, log: log);
            board.RunFor(500 * Ms);
            board.Press();
            board.RunFor(7 * Second);
            Assert.True(board.Relay.Level, "the press did not switch the socket on");
            return board;
        }

        public static void Downlink(HostBoard board, string hex, int port = 85)
        {
            board.Downlink(port, Hex.Parse(hex));
            board.RunFor(Ms);
        }

        public static UplinkValues Decode(HostUplink uplink)
        {
            var values = new UplinkValues();
            var error = new DecodeError();
            Assert.True(UplinkDecoder.TryDecode(uplink.Payload, 0, uplink.Payload.Length, values, error), error.ToString());
            return values;
        }

        public static bool IsStatusReport(HostUplink u) => u.Payload.Length == UplinkEncoder.ElectricalStatusLength && u.Payload[0] == 0x08 && u.Payload[1] == 0x70;

        public static bool IsBasicInformation(HostUplink u) => u.Payload.Length > 3 && u.Payload[0] == 0xff && u.Payload[1] == 0x01;

        public static bool IsOutageAlert(HostUplink u) => Hex.ToHex(u.Payload) == "ff3fff";

        /// <summary>Status reports handed to the link at or after <paramref name="sinceMicros"/>.</summary>
        public static List<HostUplink> StatusReports(HostBoard board, long sinceMicros = 0) =>
            board.Uplinks.Where(u => u.AtMicros >= sinceMicros && IsStatusReport(u)).ToList();

        public static ElectricalStatus Status(HostUplink u) => Decode(u).Electrical;
    }
}
