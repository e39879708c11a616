namespace Ws52x.Diagnostics
{
    /// <summary>The status sources registered by the areas, in registration order.</summary>
    internal sealed class StatusBoard
    {
        public const int Capacity = 16;

        private readonly IStatusSource[] _sources = new IStatusSource[Capacity];

        public int Count { get; private set; }

        public void Register(IStatusSource source)
        {
            if (source == null)
            {
                throw new System.ArgumentNullException("source");
            }

            if (Count == Capacity)
            {
                throw new System.InvalidOperationException("more than " + Capacity.ToString() + " status sources");
            }

            _sources[Count++] = source;
        }

        /// <summary>"area: state" of source <paramref name="index"/>; a source that fails says so instead of failing status.</summary>
        public string Line(int index)
        {
            IStatusSource source = _sources[index];
            try
            {
                return source.StatusArea + ": " + source.StatusLine();
            }
            catch (System.Exception e)
            {
                return source.StatusArea + ": (status failed: " + e.Message + ")";
            }
        }
    }
}
