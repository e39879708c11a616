// Host stand-in for the attributes of nanoFramework.TestFramework 3.0.77 (source/TestFrameworkShared/*Attribute.cs):
// same names, namespaces, targets and constructor checks, so the device test sources compile here unchanged.
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class whose [Setup], [TestMethod], [DataRow] and [Cleanup] methods the launcher runs.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute)
        {
            return testMethodAttribute;
        }
    }

    /// <summary>A test: a public void method without parameters, run once.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Runs once before the tests of its class; skipping it (Assert.SkipTest) skips the whole class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    /// <summary>Runs once after every test of its class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    /// <summary>One run of a parameterised test with these arguments; a method with rows runs once per row.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null)
            {
                throw new ArgumentNullException("methodParameters can not be null");
            }

            if (methodParameters.Length == 0)
            {
                throw new ArgumentException("methodParameters can not be empty");
            }

            MethodParameters = methodParameters;
        }

        public object[] MethodParameters { get; }
    }
}
