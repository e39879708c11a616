using System;
using Ws52x.Platform;

namespace Ws52x.Host.Board
{
    /// <summary>
    /// An output pin of the host board (relay coil driver, LED): remembers the level the firmware drove and tells the
    /// board when it changes, so the simulation and the trace follow the real pin rather than the firmware's opinion.
    /// </summary>
    public sealed class VirtualOutput : IDigitalOutput
    {
        public VirtualOutput(string name)
        {
            Name = name;
        }

        public string Name { get; }

        /// <summary>The level now (false until first driven: the ESP32 opens these pins low).</summary>
        public bool Level { get; private set; }

        /// <summary>Level changes so far.</summary>
        public int Changes { get; private set; }

        /// <summary>Called with the new level on every change.</summary>
        public Action<bool> Changed { get; set; }

        public void Write(bool high)
        {
            if (high == Level)
            {
                return;
            }

            Level = high;
            Changes++;
            Changed?.Invoke(high);
        }

        /// <summary>The board lost power or reset: the pin is low again.</summary>
        public void Reset() => Write(false);

        public override string ToString() => Name;
    }
}
