using System;
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
    /// <para>Threads: <see cref="OnLine"/> runs on the board's reader thread; it only puts the line in the console's
    /// own bounded queue and wakes the loop, where all the work happens, in order. Bounds: lines over
    /// <see cref="MaxLineLength"/> characters are refused unread; at most <see cref="MaxQueuedLines"/> lines wait (a
    /// pasted template fits; more are dropped and the console says how many); a template over several lines stops at
    /// <see cref="Template.MaxLength"/>; memory is allocated per command only. While a password hash runs (in slices,
    /// see <see cref="PasswordCheck"/>) the queued lines wait for it.</para>
    /// </summary>
    public sealed partial class ConfigConsole : ILineSink, IEventSink
    {
        /// <summary>Longest line read. The ESP32 serial reader cuts lines at 256 characters, so a cut line is refused here.</summary>
        public const int MaxLineLength = 255;

        /// <summary>Lines that may wait to be handled: a whole pasted template (about 50 lines) and then some.</summary>
        public const int MaxQueuedLines = 96;

        public const int MaxCommands = 8;

        private const int EventLines = 1;

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
        private readonly object _queueLock = new object();
        private readonly string[] _queue = new string[MaxQueuedLines];
        private readonly int[] _queueOverlong = new int[MaxQueuedLines];
        private int _queueFirst;
        private int _queueCount;
        private int _dropped;
        private bool _posted;
        private int _commandCount;

        internal ConfigConsole(EventLoop loop, ITextConsole console, SettingsStore store, FactoryReset reset, StatusBoard status, IRandomSource random, IBoardControl control, Log log)
        {
            _loop = loop;
            _console = console;
            _store = store;
            _reset = reset;
            _status = status;
            _random = random;
            _control = control;
            _log = log;
            _idleTimer = new LoopTimer(OnIdle);
            _jobTimer = new LoopTimer(OnJobSlice);
        }

        /// <summary>No password check running and no line waiting.</summary>
        public bool Idle => !_check.Busy && _queueCount == 0;

        /// <summary>Whether another line fits in the queue (a host reader may wait for it rather than have lines dropped).</summary>
        public bool HasRoom => _queueCount < MaxQueuedLines;

        /// <summary>Lines handled since boot (tests, status).</summary>
        public int LinesHandled { get; private set; }

        /// <summary>Adds an area's command; its name must not be one of the console's own.</summary>
        internal void Register(IConsoleCommand command)
        {
            if (_commandCount == MaxCommands)
            {
                throw new System.InvalidOperationException("more than " + MaxCommands.ToString() + " console commands");
            }

            _commands[_commandCount++] = command;
        }

        /// <summary>From the board's reader thread: queues the line (only its length when it is too long) and wakes the loop.</summary>
        public void OnLine(string line)
        {
            if (line == null)
            {
                return;
            }

            bool post;
            lock (_queueLock)
            {
                if (_queueCount == MaxQueuedLines)
                {
                    _dropped++;
                    return;
                }

                int slot = (_queueFirst + _queueCount) % MaxQueuedLines;
                bool overlong = line.Length > MaxLineLength;
                _queue[slot] = overlong ? null : line;
                _queueOverlong[slot] = overlong ? line.Length : 0;
                _queueCount++;
                post = !_posted;
                _posted = true;
            }

            if (post && !_loop.Post(this, EventLines, 0, 0))
            {
                lock (_queueLock)
                {
                    // The loop's queue was full: the next line (or the next drain) tries again.
                    _posted = false;
                }
            }
        }

        public void OnEvent(int code, int arg, long timestampMicros, object payload)
        {
            if (code == EventLines)
            {
                Drain();
            }
        }

        private void Handle(string line)
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

        // Handles the queued lines in order until the queue is empty or a password check starts.
        private void Drain()
        {
            while (!_check.Busy)
            {
                string line;
                int overlong;
                int dropped;
                lock (_queueLock)
                {
                    line = null;
                    overlong = 0;
                    dropped = 0;
                    if (_queueCount > 0)
                    {
                        line = _queue[_queueFirst];
                        overlong = _queueOverlong[_queueFirst];
                        _queue[_queueFirst] = null;
                        _queueFirst = (_queueFirst + 1) % MaxQueuedLines;
                        _queueCount--;
                    }
                    else if (_dropped > 0)
                    {
                        // Said once the lines that did fit are answered: the dropped ones came after them.
                        dropped = _dropped;
                        _dropped = 0;
                    }
                    else
                    {
                        _posted = false;
                        return;
                    }
                }

                if (dropped > 0)
                {
                    _collector.Cancel();
                    Error(dropped.ToString() + " line(s) dropped: typed faster than the console handles them");
                }
                else if (overlong > 0)
                {
                    HandleOverlong(overlong);
                }
                else
                {
                    try
                    {
                        Handle(line);
                    }
                    catch (Exception e)
                    {
                        // A command that throws (storage refusing a write) is answered, and the queue goes on: left
                        // posted, the console would never hear another line.
                        Error(ConsoleLine.FirstWord(line, out _) + " failed: " + e.Message);
                    }
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
