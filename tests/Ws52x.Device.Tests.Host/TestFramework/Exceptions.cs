// Host stand-in for nanoFramework.TestFramework 3.0.77's exceptions (source/TestFrameworkShared): a failed assertion
// throws TestFrameworkShared.AssertFailedException (that namespace, as in the real assembly); Assert.SkipTest throws
// SkipTestException, which the launcher reports as skipped rather than failed.
using System;

namespace TestFrameworkShared
{
    public class AssertFailedException : Exception
    {
        public AssertFailedException()
        {
        }

        public AssertFailedException(string msg)
            : base(msg)
        {
        }

        public AssertFailedException(string msg, Exception ex)
            : base(msg, ex)
        {
        }
    }
}

namespace nanoFramework.TestFramework
{
    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null)
            : base(message, innerException)
        {
        }
    }
}
