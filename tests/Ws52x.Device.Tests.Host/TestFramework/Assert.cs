// Host stand-in for nanoFramework.TestFramework 3.0.77's Assert (source/TestFramework/Assert.cs): the same methods,
// parameter order (expected first), failure type (TestFrameworkShared.AssertFailedException, message
// "Assert.<Name> failed. ...") and checks: ThrowsException and IsInstanceOfType want the exact type, not a subclass.
// String comparisons are ordinal here because they are on the device (nanoFramework has no culture-aware compare),
// while desktop .NET's StartsWith/EndsWith/Compare would otherwise be culture-aware.
// This file also compiles against nanoFramework's mscorlib (the Portability compile check), so it keeps the core's rules.
using System;
using System.Runtime.CompilerServices;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        private const string NullAsString = "(null)";

        public static void AreSame(object expected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (ReferenceEquals(expected, actual))
            {
                return;
            }

            if (expected is ValueType || actual is ValueType)
            {
                HandleFail("Assert.AreSame", "Do not pass value types to AreSame(). Values converted to Object will never be the same. Consider using AreEqual(). " + ReplaceNulls(message));
            }

            HandleFail("Assert.AreSame", message);
        }

        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!ReferenceEquals(notExpected, actual))
            {
                return;
            }

            HandleFail("Assert.AreNotSame", message);
        }

        public static void Contains(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            EnsureParameterIsNotNull(expected, "Assert.Contains", "expected");
            EnsureParameterIsNotNull(value, "Assert.Contains", "value");
            if (Ordinal.IndexOf(value, expected) < 0)
            {
                HandleFail("Assert.Contains", "'" + value + "' does not contain '" + expected + "'. " + ReplaceNulls(message));
            }
        }

        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            EnsureParameterIsNotNull(notExpected, "Assert.DoesNotContains", "notExpected");
            EnsureParameterIsNotNull(value, "Assert.DoesNotContains", "value");
            if (Ordinal.IndexOf(value, notExpected) >= 0)
            {
                HandleFail("Assert.DoesNotContains", "'" + value + "' should not contain '" + notExpected + "'. " + ReplaceNulls(message));
            }
        }

        public static void StartsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            EnsureParameterIsNotNull(expected, "Assert.StartsWith", "expected");
            EnsureParameterIsNotNull(value, "Assert.StartsWith", "value");
            if (!Ordinal.RegionEquals(value, 0, expected))
            {
                HandleFail("Assert.StartsWith", "'" + value + "' does not start with '" + expected + "'. " + ReplaceNulls(message));
            }
        }

        public static void EndsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            EnsureParameterIsNotNull(expected, "Assert.EndsWith", "expected");
            EnsureParameterIsNotNull(value, "Assert.EndsWith", "value");
            if (!Ordinal.RegionEquals(value, value.Length - expected.Length, expected))
            {
                HandleFail("Assert.EndsWith", "'" + value + "' does not end with '" + expected + "'. " + ReplaceNulls(message));
            }
        }

        public static void IsTrue(bool condition, [CallerArgumentExpression("condition")] string message = "")
        {
            if (!condition)
            {
                HandleFail("Assert.IsTrue", message);
            }
        }

        public static void IsFalse(bool condition, [CallerArgumentExpression("condition")] string message = "")
        {
            if (condition)
            {
                HandleFail("Assert.IsFalse", message);
            }
        }

        public static void IsNull(object value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value != null)
            {
                HandleFail("Assert.IsNull", message);
            }
        }

        public static void IsNotNull(object value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null)
            {
                HandleFail("Assert.IsNotNull", message);
            }
        }

        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression("value")] string message = "")
        {
            EnsureParameterIsNotNull(expected, "Assert.IsInstanceOfType", "expected");
            if (value != null && expected == value.GetType())
            {
                return;
            }

            HandleFail("Assert.IsInstanceOfType", "Expected type:<" + expected.ToString() + ">. Actual type:<" + ReplaceNulls(value == null ? null : value.GetType()) + ">. " + ReplaceNulls(message));
        }

        public static void IsNotInstanceOfType(object value, Type notExpected, [CallerArgumentExpression("value")] string message = "")
        {
            EnsureParameterIsNotNull(notExpected, "Assert.IsNotInstanceOfType", "notExpected");
            if (value == null || notExpected != value.GetType())
            {
                return;
            }

            HandleFail("Assert.IsNotInstanceOfType", "Wrong type:<" + notExpected.ToString() + ">. Actual type:<" + value.GetType().ToString() + ">. " + ReplaceNulls(message));
        }

        /// <summary>Passes only when <paramref name="action"/> throws exactly <paramref name="exception"/> (a subclass fails).</summary>
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression("action")] string message = "")
        {
            EnsureParameterIsNotNull(action, "Assert.ThrowsException", "action");
            EnsureParameterIsNotNull(exception, "Assert.ThrowsException", "exception");
            try
            {
                action.Invoke();
            }
            catch (Exception ex)
            {
                if (exception == ex.GetType())
                {
                    return;
                }

                HandleFail("Assert.ThrowsException", "Threw exception " + ex.GetType().Name + ", but exception " + exception.Name + " was expected. " + ReplaceNulls(message) + "\r\nException Message: " + ex.Message);
            }

            HandleFail("Assert.ThrowsException", "No exception thrown. " + exception.Name + " exception was expected. " + ReplaceNulls(message));
        }

        public static void SkipTest(string message = null)
        {
            throw new SkipTestException(message);
        }

        internal static void EnsureParameterIsNotNull(object value, string assertion, string parameter)
        {
            if (value == null)
            {
                HandleFail(assertion, "The parameter '" + parameter + "' is invalid. The value cannot be null.");
            }
        }

        internal static void HandleFail(string assertion, string message)
        {
            string safe = message == null || message.Length == 0 ? string.Empty : ReplaceNulls(message);
            throw new AssertFailedException(assertion + " failed. " + safe);
        }

        internal static string ReplaceNulls(object input)
        {
            if (input == null)
            {
                return NullAsString;
            }

            string text = input.ToString();
            if (text == null)
            {
                return "(object)";
            }

            // nanoFramework's string has no Replace: show NUL characters the way the real framework does, one by one.
            string shown = string.Empty;
            for (int i = 0; i < text.Length; i++)
            {
                shown += text[i] == '\0' ? "\\0" : text[i].ToString();
            }

            return shown;
        }
    }
}
