using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ws52x.Device.Tests.Host.Bridge
{
    /// <summary>Marks the one xunit method that stands for every nanoFramework case (see <see cref="NanoTestDiscoverer"/>).</summary>
    [XunitTestCaseDiscoverer("Ws52x.Device.Tests.Host.Bridge.NanoTestDiscoverer", "Ws52x.Device.Tests.Host")]
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class NanoTestsAttribute : FactAttribute
    {
    }

    /// <summary>Turns the [NanoTests] method into one xunit test case per nanoFramework case, named as the device names it.</summary>
    public sealed class NanoTestDiscoverer : IXunitTestCaseDiscoverer
    {
        private readonly IMessageSink _diagnostics;

        public NanoTestDiscoverer(IMessageSink diagnosticMessageSink)
        {
            _diagnostics = diagnosticMessageSink;
        }

        public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
        {
            return NanoCatalog.All.Select(c => (IXunitTestCase)new NanoTestCase(
                _diagnostics, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, c.Name));
        }
    }

    /// <summary>
    /// One nanoFramework case as an xunit test case: its display name is the device's name for it, and it runs the case
    /// through <see cref="NanoRunner.Shared"/> first, so a skip on the device is a skip here too.
    /// </summary>
    public sealed class NanoTestCase : XunitTestCase
    {
        [EditorBrowsable(EditorBrowsableState.Never)]
        [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
        public NanoTestCase()
        {
        }

        public NanoTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod, string caseName)
            : base(diagnostics, display, options, testMethod, new object[] { caseName })
        {
        }

        public string CaseName => (string)TestMethodArguments[0];

        protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName)
        {
            NanoCase found = NanoCatalog.All.FirstOrDefault(c => c.Name == CaseName);
            return found == null ? CaseName : found.DisplayName;
        }

        public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        {
            NanoCase found = NanoCatalog.All.FirstOrDefault(c => c.Name == CaseName);
            if (found != null)
            {
                NanoOutcome outcome = NanoRunner.Shared.Run(found);
                if (outcome.SkipReason != null)
                {
                    SkipReason = outcome.SkipReason;
                }
            }

            return base.RunAsync(diagnosticMessageSink, messageBus, constructorArguments, aggregator, cancellationTokenSource);
        }
    }

    /// <summary>Keeps the launcher's order (class by class: setup, tests, rows, cleanup) instead of xunit's hash order.</summary>
    public sealed class NanoCaseOrderer : ITestCaseOrderer
    {
        public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
            where TTestCase : ITestCase
        {
            var position = NanoCatalog.All.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i);
            return testCases.OrderBy(t => t is NanoTestCase n && position.TryGetValue(n.CaseName, out int i) ? i : int.MaxValue);
        }
    }

    /// <summary>The xunit side of the device tests: `dotnet test` lists and counts each nanoFramework case here.</summary>
    [TestCaseOrderer("Ws52x.Device.Tests.Host.Bridge.NanoCaseOrderer", "Ws52x.Device.Tests.Host")]
    public sealed class DeviceTests
    {
        [NanoTests]
        public void Run(string caseName)
        {
            NanoCase found = NanoCatalog.All.FirstOrDefault(c => c.Name == caseName);
            if (found == null)
            {
                throw new InvalidOperationException("no nanoFramework case named " + caseName + " (renamed since discovery?)");
            }

            NanoOutcome outcome = NanoRunner.Shared.Outcome(caseName) ?? NanoRunner.Shared.Run(found);
            if (outcome.Failure != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(outcome.Failure).Throw();
            }
        }
    }
}
