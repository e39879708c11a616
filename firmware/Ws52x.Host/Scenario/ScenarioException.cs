using System;

namespace Ws52x.Host.Scenario
{
    /// <summary>A scenario file that cannot run: the message names the file's line.</summary>
    public sealed class ScenarioException : Exception
    {
        public ScenarioException(string message) : base(message)
        {
        }
    }
}
