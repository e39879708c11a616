using Ws52x.Diagnostics;
using Ws52x.Loop;
using Ws52x.Platform;

namespace Ws52x.Config.Console
{
    /// <summary>
    /// The serial console: the board's stand-in for the WS52x's NFC configuration (guide 3.1-3.4). Line commands:
    /// help, login, logout, status, get, set, passwd, export, import, reboot, factory-reset, and what areas add
    /// (<see cref="IConsoleCommand"/>). Reading needs no login; every write does. Each line gets an answer; a wrong one
    /// gets one line starting "error: " and changes nothing.
    /// <para>Threads: <see cref="OnLine"/> runs on the board's reader thread and only posts the line to the loop; all
    /// the work happens on the loop. Bounds: lines over <see cref="MaxLineLength"/> characters are refused unread, a
    /// template over several lines stops at <see cref="Template.MaxLength"/>, and while a password hash runs (in slices,
    /// see <see cref="PasswordCheck"/>) at most <see cref="MaxWaitingLines"/> lines wait; memory is allocated per command
    /// only.</para>
    /// </summary>
    public sealed partial class ConfigConsole : ILineSink, IEventSink
    {
        /// <summary>Longest line read. The ESP32 serial reader cuts lines at 256 characters, so a cut line is refused here.</summary>
        public const int MaxLineLength = 255;

        public const int MaxWaitingLines = 8;
        public const int MaxCommands = 8;

        private const int EventLine = 1;
        private const int EventOverlong = 2;

        private readonly EventLoop _loop;
        private readonly ITextConsole _console;
        private readonly SettingsStore _store;
        private readonly FactoryReset _reset;
        private readonly StatusBoard _status;
        private readonly IRandomSource _random;
        private readonly IBoardControl _control;
        private readonly Log _log;
        private readonly TemplateCollector _collector = new TemplateCollector();
        private readonly IConsoleCommand[] _commands = new IConsoleCommand[MaxCommands];
        private readonly string[] _waiting = new string[MaxWaitingLines];
        private readonly int[] _waitingOverlong = new int[MaxWaitingLines];
        private int _commandCount;
        private int _waitingFirst;
        private int _waitingCount;

        public ConfigConsole(EventLoop loop, ITextConsole console, SettingsStore store, FactoryReset reset, StatusBoard status, IRandomSource random, IBoardControl control, Log log)
        {
            _control = control;
            _loop = loop;
            _console = console;
            _store = store;
            _reset = reset;
            _status = status;
            _random = random;
            _log = log;
            _idleTimer = new LoopTimer(OnIdle);
            _jobTimer = new LoopTimer(OnJobSlice);
        }

        /// <summary>No password check running and no line waiting for one.</summary>
        public bool Idle => !_check.Busy && _waitingCount == 0;

        /// <summary>Lines handled since boot (tests, status).</summary>
        public int LinesHandled { get; private set; }

        /// <summary>Adds an area's command; its name must not be one of the console's own.</summary>
        public void Register(IConsoleCommand command)
        {
            if (_commandCount == MaxCommands)
            {
                throw new System.InvalidOperationException("more than " + MaxCommands.ToString() + " console commands");
            }

            _commands[_commandCount++] = command;
        }

        /// <summary>From the board's reader thread: posts the line to the loop, or only its length when it is too long.</summary>
        public void OnLine(string line)
        {
            if (line == null)
            {
                return;
            }

            if (line.Length > MaxLineLength)
            {
                _loop.Post(this, EventOverlong, line.Length, 0);
            }
            else
            {
                _loop.Post(this, EventLine, 0, 0, line);
            }
        }

        public void OnEvent(int code, int arg, long timestampMicros, object payload)
        {
            string line = code == EventLine ? payload as string : null;
            int overlong = code == EventOverlong ? arg : 0;
            if (line == null && overlong == 0)
            {
                return;
            }

            if (_check.Busy)
            {
                Wait(line, overlong);
            }
            else if (overlong > 0)
            {
                HandleOverlong(overlong);
            }
            else
            {
                Handle(line);
            }
        }

        /// <summary>Handles one line now (tests may call it directly, on the loop's thread).</summary>
        public void Handle(string line)
        {
            LinesHandled++;
            if (_collector.Active)
            {
                ImportLine(line);
                return;
            }

            string command = ConsoleLine.FirstWord(line, out string rest);
            if (command.Length == 0)
            {
                return;
            }

            if (_loggedIn)
            {
                _loop.ScheduleAfter(_idleTimer, IdleLogoutMicros);
            }

            switch (command)
            {
                case "help": Help(rest); return;
                case "login": Login(rest); return;
                case "logout": Logout(rest); return;
                case "status": Status(rest); return;
                case "get": Get(rest); return;
                case "set": Set(rest); return;
                case "passwd": Passwd(rest); return;
                case "export": Export(rest); return;
                case "import": Import(rest); return;
                case "reboot": Reboot(rest); return;
                case "factory-reset": FactoryResetCommand(rest); return;
            }

            for (int i = 0; i < _commandCount; i++)
            {
                IConsoleCommand c = _commands[i];
                if (c.Name == command)
                {
                    if (c.NeedsLogin(rest) && !RequireLogin(command))
                    {
                        return;
                    }

                    Reply(c.Run(rest));
                    return;
                }
            }

            Error("unknown command '" + Shorten(command) + "' (type help)");
        }

        private void HandleOverlong(int length)
        {
            LinesHandled++;
            _collector.Cancel();
            Error("line longer than " + MaxLineLength.ToString() + " characters (" + length.ToString() + "): ignored");
        }

        private void Help(string rest)
        {
            if (rest.Length > 0)
            {
                HelpSetting(rest);
                return;
            }

            Reply("commands (* needs a login):");
            Reply("  help [NAME]             this list, or what a setting is, takes and defaults to");
            Reply("  status                  what the board is doing");
            Reply("  login PASSWORD          log in (default password 123456); logout ends it, so do 10 idle minutes");
            Reply("  get [NAME] [--keys]     show all settings or one; keys as ***** unless --keys while logged in");
            Reply("* set NAME VALUE          change a setting and save it");
            Reply("* passwd OLD NEW          change the password (" + PasswordRules.MinLength.ToString() + "-" + PasswordRules.MaxLength.ToString() + " printable characters, no spaces)");
            Reply("  export [--keys]         print the settings as a JSON template (--keys needs a login)");
            Reply("* import [JSON]           apply a template; without JSON, paste it on the next lines");
            Reply("* reboot                  restart the board");
            Reply("* factory-reset           settings back to defaults, LoRaWAN session dropped (energy kept), then restart");
            for (int i = 0; i < _commandCount; i++)
            {
                Reply((_commands[i].NeedsLogin("") ? "* " : "  ") + _commands[i].Usage);
            }
        }

        private void Status(string rest)
        {
            if (rest.Length > 0)
            {
                Error("status takes no arguments");
                return;
            }

            for (int i = 0; i < _status.Count; i++)
            {
                Reply(_status.Line(i));
            }
        }

        private void Reboot(string rest)
        {
            if (!RequireLogin("reboot") || !NoArguments("reboot", rest))
            {
                return;
            }

            if (_control == null)
            {
                Error("this board cannot restart itself: power-cycle it");
                return;
            }

            Reply("rebooting");
            _control.Reboot("console");
        }

        private void FactoryResetCommand(string rest)
        {
            if (!RequireLogin("factory-reset") || !NoArguments("factory-reset", rest))
            {
                return;
            }

            _loggedIn = false;
            _loop.Cancel(_idleTimer);
            Reply(_reset.Erase("console"));
            if (_reset.CanReboot)
            {
                Reply("rebooting");
                _reset.Reboot();
            }
            else
            {
                Reply("this board cannot restart itself: power-cycle it to finish (the LoRaWAN session ends then)");
            }
        }

        private bool NoArguments(string command, string rest)
        {
            if (rest.Length == 0)
            {
                return true;
            }

            Error(command + " takes no arguments");
            return false;
        }

        private void Wait(string line, int overlong)
        {
            if (_waitingCount == MaxWaitingLines)
            {
                Error("busy checking a password: line dropped");
                return;
            }

            int slot = (_waitingFirst + _waitingCount) % MaxWaitingLines;
            _waiting[slot] = line;
            _waitingOverlong[slot] = overlong;
            _waitingCount++;
        }

        // Lines that came in while a password was being checked, in order, until one starts another check.
        private void HandleWaiting()
        {
            while (_waitingCount > 0 && !_check.Busy)
            {
                string line = _waiting[_waitingFirst];
                int overlong = _waitingOverlong[_waitingFirst];
                _waiting[_waitingFirst] = null;
                _waitingFirst = (_waitingFirst + 1) % MaxWaitingLines;
                _waitingCount--;
                if (overlong > 0)
                {
                    HandleOverlong(overlong);
                }
                else
                {
                    Handle(line);
                }
            }
        }

        private void Reply(string line)
        {
            _console.WriteLine(line);
        }

        private void Error(string message)
        {
            _console.WriteLine("error: " + message);
        }

        private static string Shorten(string text) => text.Length <= 32 ? text : text.Substring(0, 32) + "...";
    }
}
