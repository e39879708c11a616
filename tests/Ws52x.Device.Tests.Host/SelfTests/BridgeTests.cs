using System;
using System.Linq;
using nanoFramework.TestFramework;
using Ws52x.Device.Tests.Host.Bridge;
using Xunit;
using XAssert = Xunit.Assert;

namespace Ws52x.Device.Tests.Host.SelfTests
{
    /// <summary>The bridge finds, names, orders and runs cases as nanoFramework's UnitTestLauncher 3.0.77 does.</summary>
    public class BridgeTests
    {
        [Fact]
        public void Cases_run_class_by_class_setup_then_tests_then_rows_then_cleanup()
        {
            var cases = NanoCatalog.Discover(new[] { typeof(Sample) });
            string prefix = typeof(Sample).FullName + ".";
            XAssert.Equal(
                new[] { "Open.0", "Plain.0", "Failing.0", "TouchesInstance.0", "Rows.0", "Rows.1", "Close.0" },
                cases.Select(c => c.Name.Substring(prefix.Length)).ToArray());
            XAssert.Equal(new[] { NanoRole.Setup, NanoRole.Test, NanoRole.Test, NanoRole.Test, NanoRole.DataRow, NanoRole.DataRow, NanoRole.Cleanup }, cases.Select(c => c.Role).ToArray());
            XAssert.Equal(prefix + "Rows.1(4, \"four\")", cases[5].DisplayName);
        }

        [Fact]
        public void A_class_without_exactly_TestClass_is_not_a_test_class()
        {
            XAssert.Empty(NanoCatalog.Discover(new[] { typeof(NotATestClass), typeof(DerivedAttributeClass) }));
        }

        [Fact]
        public void A_case_runs_without_an_instance_and_fails_on_what_it_throws()
        {
            Sample.Log = string.Empty;
            var runner = new NanoRunner();
            var cases = NanoCatalog.Discover(new[] { typeof(Sample) });
            var outcomes = cases.Select(runner.Run).ToArray();
            XAssert.Equal("open plain rows(3,three) rows(4,four) close ", Sample.Log);
            XAssert.IsType<TestFrameworkShared.AssertFailedException>(outcomes[2].Failure);
            XAssert.Equal("Assert.AreEqual failed. Expected:<1>. Actual:<2>. Sample.Two", outcomes[2].Failure.Message);
            // On the device the launcher passes a null 'this': a test that touches its instance fails with a null reference.
            XAssert.IsType<NullReferenceException>(outcomes[3].Failure);
            XAssert.All(new[] { 0, 1, 4, 5, 6 }, i => XAssert.Null(outcomes[i].Failure));
        }

        [Fact]
        public void A_skipped_setup_skips_the_rest_of_its_class()
        {
            var runner = new NanoRunner();
            var outcomes = NanoCatalog.Discover(new[] { typeof(SkippingSample) }).Select(runner.Run).ToArray();
            XAssert.Equal(3, outcomes.Length);
            XAssert.All(outcomes, o => XAssert.Equal("no radio on this board", o.SkipReason));
            XAssert.False(SkippingSample.Ran);
        }

        [Fact]
        public void The_device_sources_are_all_in_the_catalog_and_none_of_the_samples_is()
        {
            XAssert.Contains(NanoCatalog.All, c => c.Name == "Ws52x.Device.Tests.Codec.UplinkCodecTests.The_guide_report_prints_as_the_vendor_decoder_prints_it.0");
            XAssert.Contains(NanoCatalog.All, c => c.Role == NanoRole.Setup && c.TestClass.Name == "StorageReplayTests");
            XAssert.DoesNotContain(NanoCatalog.All, c => c.TestClass.Namespace.StartsWith("Ws52x.Device.Tests.Host", StringComparison.Ordinal));
            XAssert.Equal(NanoCatalog.All.Count, NanoCatalog.All.Select(c => c.Name).Distinct().Count());
        }

        [TestClass]
        public class Sample
        {
            public static string Log;

            public static int Two = 2;

            private int _instanceState = 5;

            [Setup]
            public void Open() => Log += "open ";

            [TestMethod]
            public void Plain() => Log += "plain ";

            [TestMethod]
            public void Failing() => nanoFramework.TestFramework.Assert.AreEqual(1, Two, "Sample.Two");

            [TestMethod]
            public void TouchesInstance() => Log += _instanceState.ToString();

            [TestMethod]
            [DataRow(3, "three")]
            [DataRow(4, "four")]
            public void Rows(int number, string name) => Log += "rows(" + number + "," + name + ") ";

            [Cleanup]
            public void Close() => Log += "close ";
        }

        [TestClass]
        public class SkippingSample
        {
            public static bool Ran;

            [Setup]
            public void Open() => nanoFramework.TestFramework.Assert.SkipTest("no radio on this board");

            [TestMethod]
            public void NeedsRadio() => Ran = true;

            [Cleanup]
            public void Close() => Ran = true;
        }

        public class NotATestClass
        {
            [TestMethod]
            public void Orphan()
            {
            }
        }

        public sealed class DerivedTestClassAttribute : TestClassAttribute
        {
        }

        [DerivedTestClass]
        public class DerivedAttributeClass
        {
            [TestMethod]
            public void Orphan()
            {
            }
        }
    }
}
