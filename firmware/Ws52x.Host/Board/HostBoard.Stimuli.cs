using Ws52x.Host.Board.Metering;
using Ws52x.Host.Network;
using Ws52x.Loop;

namespace Ws52x.Host.Board
{
    /// <summary>What an owner (or a scenario line, or a test) does to the host board.</summary>
    public sealed partial class HostBoard
    {
        /// <summary>How long the supply capacitors keep the board alive after mains is lost.</summary>
        public const long HoldUpMicros = 300000;

        /// <summary>A finger on a real button: the contact chatters for a couple of milliseconds at each end.</summary>
        public const long PressMicros = 200000;

        private readonly DownlinkPoster _downlinks = new DownlinkPoster();
        private bool _mainsOn = true;
        private long _supplyEndsAt = long.MaxValue;
        private int _droppedBeforeOutage;

        public bool HasMains => _mainsOn;

        /// <summary>A short press (200 ms), with contact bounce on both edges.</summary>
        public void Press()
        {
            long now = Clock.NowMicros;
            Button.Drive(false);
            At(now + 1000, () => Button.Drive(true));
            At(now + 2000, () => Button.Drive(false));
            At(now + PressMicros, () => Button.Drive(true));
            At(now + PressMicros + 1000, () => Button.Drive(false));
            At(now + PressMicros + 2000, () => Button.Drive(true));
        }

        /// <summary>Holds the button down for <paramref name="micros"/>.</summary>
        public void Hold(long micros)
        {
            Button.Drive(false);
            At(Clock.NowMicros + micros, () => Button.Drive(true));
        }

        /// <summary>Plugs another load into the socket now; its profile starts now.</summary>
        public void SetLoad(LoadProfile load)
        {
            Chip.SetLoad(new PluggedLoad(load, Clock.NowMicros));
            _output.WriteLine("host: load '" + load.Name + "' plugged in (" + load.Description + ")");
            TraceCurrent();
            WatchLoad();
        }

        /// <summary>
        /// Mains off: the power-fail detector falls at once; the board runs on its capacitors for
        /// <see cref="HoldUpMicros"/>, then goes dark with its flash kept.
        /// </summary>
        public void MainsOff()
        {
            if (!_mainsOn)
            {
                return;
            }

            _mainsOn = false;
            PowerFail.Drive(false);
            Chip.SetMains(false);
            TraceCurrent();
            long end = Clock.NowMicros + HoldUpMicros;
            _supplyEndsAt = end;
            At(end, () =>
            {
                if (!_mainsOn && _supplyEndsAt == end && Firmware != null)
                {
                    _output.WriteLine("host: supply capacitors empty: the board is off");
                    PowerDown();
                }
            });
        }

        /// <summary>Mains back: within the hold-up the firmware hears it; after, the board boots on its kept flash.</summary>
        public void MainsOn()
        {
            if (_mainsOn)
            {
                return;
            }

            _mainsOn = true;
            _supplyEndsAt = long.MaxValue;
            PowerFail.Drive(true);
            Chip.SetMains(true);
            TraceCurrent();
            if (Firmware == null)
            {
                _output.WriteLine("host: mains on: the board boots");
                Boot();
            }
        }

        /// <summary>
        /// A downlink for the application: queued at the board's network server for the socket's next receive window
        /// (Class A: after its next uplink; Class C: at once), as an application server would; with --gateway-udp that
        /// server is the user's, so the line only says so. With a stand-in link
        /// (no network server) it is handed to the application directly, at once, on the firmware's loop; with the
        /// board off it is then lost.
        /// </summary>
        public void Downlink(int port, byte[] payload)
        {
            if (Network != null)
            {
                // The board's socket is the server's one registered device.
                Network.EnqueueDownlink(Network.Devices[0], port, payload);
                return;
            }

            if (Bridge != null)
            {
                // The network server is the user's own, behind the forwarder: handing the payload to the socket here
                // would be a downlink no network sent (before a join, even).
                _output.WriteLine("host: downlink not sent: with --gateway-udp, queue it at your network server (port " + port + ", " + Ws52x.Util.Hex.ToHex(payload) + ")");
                return;
            }

            if (Firmware?.Socket == null)
            {
                _output.WriteLine("host: downlink dropped: the board is off");
                return;
            }

            _downlinks.Post(Firmware, port, payload);
        }

        /// <summary>The gateway stops (false) or starts (true) hearing and sending; the socket's uplinks then go unheard.</summary>
        public void SetGateway(bool on)
        {
            if (Gateway == null)
            {
                _output.WriteLine("host: no gateway on this board (a stand-in link): nothing to switch");
                return;
            }

            if (Gateway.Online == on)
            {
                return;
            }

            Gateway.Online = on;
            if (!on)
            {
                _droppedBeforeOutage = Gateway.DownlinksDropped;
                _output.WriteLine("host: gateway off: it hears nothing and sends nothing");
                return;
            }

            int lost = Gateway.DownlinksDropped - _droppedBeforeOutage;
            _output.WriteLine("host: gateway on: it hears and sends again" + (lost > 0 ? " (" + lost + " downlink(s) the server sent meanwhile were lost)" : ""));
        }

        /// <summary>Types a line into the board's serial console, as a user at a terminal would; with the board off it is lost.</summary>
        public void TypeConsoleLine(string line)
        {
            if (Firmware == null)
            {
                _output.WriteLine("host: console line not typed: the board is off");
                return;
            }

            Console.Type(line);
        }

        // Hands a downlink to the firmware's loop, so that what it causes (a reboot) happens inside a loop turn.
        private sealed class DownlinkPoster : IEventSink
        {
            private App.Firmware _firmware;

            public void Post(App.Firmware firmware, int port, byte[] payload)
            {
                _firmware = firmware;
                firmware.Loop.Post(this, 0, port, firmware.Loop.NowMicros, payload);
            }

            public void OnEvent(int code, int arg, long timestampMicros, object payload)
            {
                var bytes = (byte[])payload;
                _firmware.Socket?.OnDownlink(arg, bytes, 0, bytes.Length, false);
            }
        }
    }
}
