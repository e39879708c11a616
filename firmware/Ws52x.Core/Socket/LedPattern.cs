namespace Ws52x.Socket
{
    /// <summary>
    /// An LED pattern as data (guide 2.4): durations in milliseconds, alternately lit and dark, starting lit; a
    /// repeating pattern starts over until stopped. The driver plays it on a loop timer, never by sleeping.
    /// </summary>
    public sealed class LedPattern
    {
        /// <summary>Network status: a join request went out ("blinks once").</summary>
        public static readonly LedPattern JoinRequest = new LedPattern("join request", false, new[] { 150, 350 });

        /// <summary>Network status: joined ("blinks twice").</summary>
        public static readonly LedPattern Joined = new LedPattern("joined", false, new[] { 150, 200, 150, 350 });

        /// <summary>Factory reset ("quickly blinks"): 5 Hz, until the reset is done.</summary>
        public static readonly LedPattern Reset = new LedPattern("reset", true, new[] { 100, 100 });

        private readonly int[] _stepsMillis;

        public LedPattern(string name, bool repeat, int[] stepsMillis)
        {
            Name = name;
            Repeat = repeat;
            _stepsMillis = stepsMillis;
        }

        public string Name { get; }

        public bool Repeat { get; }

        public int Steps => _stepsMillis.Length;

        /// <summary>How long step <paramref name="index"/> lasts, in ms.</summary>
        public int StepMillis(int index) => _stepsMillis[index];

        /// <summary>Whether step <paramref name="index"/> is lit (even steps are).</summary>
        public static bool StepLit(int index) => (index & 1) == 0;
    }
}
