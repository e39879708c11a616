namespace Ws52x.Host.Board.Metering
{
    /// <summary>A load plugged in at a given board time: its profile runs from that moment (a kettle starts heating when plugged in).</summary>
    public sealed class PluggedLoad : LoadProfile
    {
        private readonly LoadProfile _profile;
        private readonly long _pluggedAtMicros;

        public PluggedLoad(LoadProfile profile, long pluggedAtMicros)
            : base(profile.Name, profile.Description)
        {
            _profile = profile;
            _pluggedAtMicros = pluggedAtMicros;
        }

        public override LoadPoint At(long micros, out long nextChangeMicros)
        {
            LoadPoint p = _profile.At(micros - _pluggedAtMicros, out long next);
            nextChangeMicros = next == long.MaxValue ? long.MaxValue : next + _pluggedAtMicros;
            return p;
        }
    }
}
