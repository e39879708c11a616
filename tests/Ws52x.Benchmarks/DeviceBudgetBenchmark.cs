namespace Ws52x.Benchmarks
{
    /// <summary>The device budget (docs/budget.md) as printed figures; DeviceBudgetTests fails on a figure past its limit.</summary>
    public sealed class DeviceBudgetBenchmark : IBenchmark
    {
        public string Name => "budget";

        public void Run(bool quick)
        {
            foreach (BudgetFigure figure in DeviceBudget.Measure(quick))
            {
                string limit = figure.Limit < 0 ? string.Empty : (figure.WithinLimit ? "  (within " : "  (OVER ") + figure.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
                Measure.Print(Name, figure.Name + limit, figure.Value, figure.Unit);
            }
        }
    }
}
