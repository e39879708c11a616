using System;

namespace Ws52x.Radio.Sx127x
{
    /// <summary>The SX127x did not answer as expected (missing, wrong chip, not out of reset).</summary>
    public sealed class Sx127xException : Exception
    {
        public Sx127xException(string message) : base(message)
        {
        }
    }
}
