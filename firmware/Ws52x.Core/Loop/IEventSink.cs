namespace Ws52x.Loop
{
    /// <summary>Receives events posted to the loop, on the loop's thread, in the order they were posted.</summary>
    public interface IEventSink
    {
        /// <param name="code">What happened, in the sink's own numbering.</param>
        /// <param name="arg">A number that goes with it (a pin level, a count).</param>
        /// <param name="timestampMicros">When it happened on the monotonic clock (an edge time), or when it was posted.</param>
        /// <param name="payload">An object that goes with it (a console line), or null.</param>
        void OnEvent(int code, int arg, long timestampMicros, object payload);
    }
}
