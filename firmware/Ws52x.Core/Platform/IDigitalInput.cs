namespace Ws52x.Platform
{
    /// <summary>
    /// An input pin with edge events: the button, SX127x DIO0/DIO1.
    /// The board calls the sink from its interrupt context; the sink must only post to the event loop.
    /// </summary>
    public interface IDigitalInput
    {
        /// <summary>The level now.</summary>
        bool Read();

        /// <summary>Where edges go; null stops them. One sink per pin.</summary>
        void SetEdgeSink(IEdgeSink sink);
    }

    /// <summary>Receives pin edges in interrupt context (any thread). Implementations post to the loop and return.</summary>
    public interface IEdgeSink
    {
        /// <param name="pin">The pin that changed.</param>
        /// <param name="level">The level after the edge (true = rising edge).</param>
        /// <param name="timestampMicros">Monotonic-clock time of the edge, as the board captured it.</param>
        void OnEdge(IDigitalInput pin, bool level, long timestampMicros);
    }
}
