namespace Ws52x.Platform
{
    /// <summary>A clock that never goes backwards, in microseconds since an arbitrary origin (boot on the device).</summary>
    public interface IMonotonicClock
    {
        long NowMicros { get; }
    }
}
