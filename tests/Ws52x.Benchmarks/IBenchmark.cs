namespace Ws52x.Benchmarks
{
    /// <summary>One benchmark: prints its figures with <see cref="Measure.Print"/>. Quick mode is what CI runs.</summary>
    public interface IBenchmark
    {
        string Name { get; }

        void Run(bool quick);
    }
}
