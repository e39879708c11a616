namespace Ws52x.Config.Console
{
    /// <summary>
    /// A console command an area adds (the metering's `calibrate`; the MAC's and the socket's when they land). The
    /// console checks the login before <see cref="Run"/> when <see cref="NeedsLogin"/> says so, so an area cannot
    /// forget it.
    /// </summary>
    internal interface IConsoleCommand
    {
        /// <summary>The first word that selects it (lower case).</summary>
        string Name { get; }

        /// <summary>One line for `help`: its forms and what they do.</summary>
        string Usage { get; }

        /// <summary>Whether this use (given the words after the name) changes anything, and so needs a login.</summary>
        bool NeedsLogin(string args);

        /// <summary>Does it; returns the one reply line (starting "error: " when it refused).</summary>
        string Run(string args);
    }
}
