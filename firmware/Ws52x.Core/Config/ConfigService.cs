using Ws52x.App;
using Ws52x.Config.Console;
using Ws52x.Diagnostics;
using Ws52x.Loop;
using Ws52x.Metering;
using Ws52x.Platform;

namespace Ws52x.Config
{
    /// <summary>
    /// The configuration area as the firmware sees it: the settings store (loaded at boot before the other areas
    /// start), the serial console, the factory reset, and the board of status lines that areas register with.
    /// </summary>
    public sealed class ConfigService : IStatusSource
    {
        private readonly BoardIo _board;
        private readonly Log _log;

        public ConfigService(BoardIo board, EventLoop loop, Log log)
            : this(board, loop, log, board.Control, board.Control)
        {
        }

        /// <param name="resetControl">How the factory reset restarts the board (the firmware passes one that saves what
        /// must survive first); null where the board cannot restart itself.</param>
        /// <param name="consoleControl">How the console's `reboot` restarts it (the firmware's keeps the socket as it was).</param>
        public ConfigService(BoardIo board, EventLoop loop, Log log, IBoardControl resetControl, IBoardControl consoleControl)
        {
            _board = board;
            _log = log;
            MeteringBoard metering = board.Metering ?? new MeteringBoard();
            Rules = new SettingsRules(metering.RatedCurrentMilliamps / 1000, board.RadioBand);
            Defaults = new SettingsDefaults(board.SerialNumber, board.RadioBand);
            Store = new SettingsStore(board.Storage, Defaults, Rules, log);
            Reset = new FactoryReset(Store, board.Storage, resetControl, log);
            Status = new StatusBoard();
            Status.Register(this);
            Console = new ConfigConsole(loop, board.Console, Store, Reset, Status, board.Random, consoleControl, log);
        }

        public SettingsRules Rules { get; }

        public SettingsDefaults Defaults { get; }

        /// <summary>The settings: what the MAC and the socket read, and what a downlink changes and saves.</summary>
        public SettingsStore Store { get; }

        /// <summary>Factory reset: the button's hold calls <see cref="FactoryReset.Run"/>; the MAC registers its keys.</summary>
        internal FactoryReset Reset { get; }

        /// <summary>Where areas register their `status` line.</summary>
        internal StatusBoard Status { get; }

        public ConfigConsole Console { get; }

        public string StatusArea => "config";

        /// <summary>Reads the stored settings (call before the other areas start).</summary>
        public void Load()
        {
            if (!Defaults.HasSerialNumber)
            {
                _log.Warn("config", "the board gave no serial number: default DevEUI and DevAddr are zero (set dev_eui)");
            }

            Store.Load();
        }

        /// <summary>Starts taking console lines.</summary>
        public void Start()
        {
            if (_board.Console != null)
            {
                _board.Console.SetLineSink(Console);
            }
        }

        public string StatusLine()
        {
            LoRaWanSettings l = Store.Current.LoRaWan;
            return "WS52x-" + Rules.Band + ", SN " + Defaults.SerialNumberText + ", region " + l.Region + ", class " +
                (l.Class == DeviceClass.C ? "C" : "A") + ", " + (l.JoinType == JoinType.Abp ? "ABP" : "OTAA") +
                ", report every " + Store.Current.Socket.ReportingIntervalSeconds.ToString() + " s; settings saved " +
                Store.Sequence.ToString() + " times (" + Store.Writes.ToString() + " since boot); console " +
                (Console.LoggedIn ? "logged in" : "logged out");
        }
    }
}
