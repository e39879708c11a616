using Ws52x.Loop;
using Ws52x.Platform;

namespace Ws52x.App
{
    /// <summary>
    /// Everything a board hands to the firmware: the hardware behind the core's small interfaces. A board adapter
    /// (ESP32 or host) fills it and does nothing else; later areas (radio, metering, socket) add their pins here.
    /// </summary>
    public sealed class BoardIo
    {
        /// <summary>A short name for the log ("esp32", "host").</summary>
        public string Name;

        public ILoopClock Clock;
        public ITextConsole Console;
        public IKeyValueStorage Storage;
        public IRandomSource Random;
    }
}
