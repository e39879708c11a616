using System;

namespace Ws52x.Host.Board
{
    /// <summary>How the host board is set up from the command line.</summary>
    public sealed class HostBoardOptions
    {
        /// <summary>The --speed value that means "virtual clock, as fast as possible".</summary>
        public const int MaxSpeed = int.MaxValue;

        public int Speed { get; set; } = 1;

        /// <summary>Board time to run; null = until stopped.</summary>
        public TimeSpan? Duration { get; set; }

        /// <summary>Seed for everything random on the board, so that a run can be repeated.</summary>
        public int Seed { get; set; } = 52;
    }
}
