using System;
using nanoFramework.TestFramework;
using TestFrameworkShared;
using Xunit;
using NanoAssert = nanoFramework.TestFramework.Assert;
using XAssert = Xunit.Assert;

namespace Ws52x.Device.Tests.Host.SelfTests
{
    /// <summary>
    /// The host stand-in keeps nanoFramework.TestFramework 3.0.77's semantics where desktop habits differ: exact exception
    /// types, ordinal strings, element-wise collections, the failure type and message form.
    /// </summary>
    public class ShimTests
    {
        [Fact]
        public void ThrowsException_wants_the_exact_type_not_a_subclass()
        {
            NanoAssert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentException("x"));
            var e = XAssert.Throws<AssertFailedException>(() => NanoAssert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentNullException("x")));
            XAssert.StartsWith("Assert.ThrowsException failed. Threw exception ArgumentNullException, but exception ArgumentException was expected.", e.Message);
            e = XAssert.Throws<AssertFailedException>(() => NanoAssert.ThrowsException(typeof(ArgumentException), () => { }));
            XAssert.StartsWith("Assert.ThrowsException failed. No exception thrown.", e.Message);
        }

        [Fact]
        public void Strings_compare_char_by_char_whatever_the_host_culture()
        {
            // A soft hyphen is ignorable to a culture-aware compare; the device sees two different strings.
            XAssert.Throws<AssertFailedException>(() => NanoAssert.AreEqual("ab", "a\u00ADb"));
            XAssert.Throws<AssertFailedException>(() => NanoAssert.StartsWith("ab", "a\u00ADbc"));
            XAssert.Throws<AssertFailedException>(() => NanoAssert.EndsWith("ab", "xa\u00ADb"));
            NanoAssert.Contains("b\u00AD", "ab\u00ADc");
            NanoAssert.EndsWith("c", "abc");
            NanoAssert.DoesNotContains("x", "abc");
        }

        [Fact]
        public void AreEqual_picks_the_typed_overload_and_reports_both_values()
        {
            NanoAssert.AreEqual(5L, 5L);
            NanoAssert.AreEqual((byte)7, (byte)7);
            NanoAssert.AreNotEqual(1u, 2u);
            var e = XAssert.Throws<AssertFailedException>(() => NanoAssert.AreEqual(10, 11, "the current"));
            XAssert.Equal("Assert.AreEqual failed. Expected:<10>. Actual:<11>. the current", e.Message);
            // Arrays are objects: AreEqual compares references, CollectionAssert compares elements.
            XAssert.Throws<AssertFailedException>(() => NanoAssert.AreEqual((object)new byte[] { 1 }, new byte[] { 1 }));
            CollectionAssert.AreEqual(new byte[] { 1, 2 }, new byte[] { 1, 2 });
            e = XAssert.Throws<AssertFailedException>(() => CollectionAssert.AreEqual(new byte[] { 1, 2 }, new byte[] { 1, 3 }));
            XAssert.Contains("Element at index 1 do not match. Expected:<2>. Actual:<3>.", e.Message);
        }

        [Fact]
        public void IsInstanceOfType_wants_the_exact_type()
        {
            NanoAssert.IsInstanceOfType(new ArgumentException(), typeof(ArgumentException));
            XAssert.Throws<AssertFailedException>(() => NanoAssert.IsInstanceOfType(new ArgumentNullException(), typeof(ArgumentException)));
            NanoAssert.IsNotInstanceOfType(new ArgumentNullException(), typeof(ArgumentException));
        }

        [Fact]
        public void A_DataRow_needs_at_least_one_value()
        {
            XAssert.Throws<ArgumentException>(() => new DataRowAttribute());
            XAssert.Throws<ArgumentNullException>(() => new DataRowAttribute(null));
        }

        [Fact]
        public void SkipTest_throws_the_exception_the_launcher_reports_as_skipped()
        {
            var e = XAssert.Throws<SkipTestException>(() => NanoAssert.SkipTest("no I: drive"));
            XAssert.Equal("no I: drive", e.Message);
        }
    }
}
