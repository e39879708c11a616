namespace Ws52x.Diagnostics
{
    /// <summary>
    /// An area that has something to say on the console's `status` (which needs no login): the metering's readings,
    /// the MAC's join state and last RSSI/SNR, the socket's relay. Each area registers itself when it exists, so status
    /// shows what is built and running, nothing else.
    /// </summary>
    internal interface IStatusSource
    {
        /// <summary>The area's name, first on its line ("metering").</summary>
        string StatusArea { get; }

        /// <summary>The area's state now, one line; called on the loop's thread.</summary>
        string StatusLine();
    }
}
