using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using nanoFramework.TestFramework;

namespace Ws52x.Device.Tests.Host.Bridge
{
    /// <summary>What a case is to the launcher, in the order it runs them within a class.</summary>
    public enum NanoRole
    {
        Setup,
        Test,
        DataRow,
        Cleanup,
    }

    /// <summary>One run of one method: a [Setup], a [TestMethod], one [DataRow] of a method, or a [Cleanup].</summary>
    public sealed class NanoCase
    {
        public NanoCase(Type testClass, MethodInfo method, NanoRole role, int index, object[] arguments)
        {
            TestClass = testClass;
            Method = method;
            Role = role;
            Index = index;
            Arguments = arguments;
            // The name the nanoFramework test adapter gives the case (Discover.ComposeTestCases): class, method, index.
            Name = testClass.FullName + "." + method.Name + "." + index;
            DisplayName = arguments == null ? Name : Name + "(" + string.Join(", ", arguments.Select(Show)) + ")";
        }

        public Type TestClass { get; }

        public MethodInfo Method { get; }

        public NanoRole Role { get; }

        /// <summary>The index of the attribute among the method's test attributes, as the launcher numbers them.</summary>
        public int Index { get; }

        /// <summary>The DataRow's values; null for the other roles (the launcher passes no parameters then).</summary>
        public object[] Arguments { get; }

        public string Name { get; }

        public string DisplayName { get; }

        private static string Show(object value) => value switch
        {
            null => "null",
            string s => "\"" + s + "\"",
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// Finds the cases of an assembly the way nanoFramework's UnitTestLauncher 3.0.77 runs them (source/UnitTestLauncher/
    /// Program.cs): every class whose attribute is exactly [TestClass]; within it every [Setup] method, then every
    /// [TestMethod], then every [DataRow] (a method with rows runs only for its rows), then every [Cleanup].
    /// </summary>
    public static class NanoCatalog
    {
        private static readonly Type[] Passes = { typeof(SetupAttribute), typeof(TestMethodAttribute), typeof(DataRowAttribute), typeof(CleanupAttribute) };
        private static readonly NanoRole[] Roles = { NanoRole.Setup, NanoRole.Test, NanoRole.DataRow, NanoRole.Cleanup };

        /// <summary>The namespace of the device test sources; this project's own types (and its samples) are outside it.</summary>
        public const string DeviceNamespace = "Ws52x.Device.Tests.";

        private static readonly Lazy<IReadOnlyList<NanoCase>> DeviceTests = new Lazy<IReadOnlyList<NanoCase>>(() => Discover(
            typeof(NanoCatalog).Assembly.GetTypes().Where(t => t.FullName.StartsWith(DeviceNamespace, StringComparison.Ordinal)
                && !t.FullName.StartsWith("Ws52x.Device.Tests.Host.", StringComparison.Ordinal))));

        /// <summary>The cases of the device test sources compiled into this assembly.</summary>
        public static IReadOnlyList<NanoCase> All => DeviceTests.Value;

        public static IReadOnlyList<NanoCase> Discover(Assembly assembly) => Discover(assembly.GetTypes());

        public static IReadOnlyList<NanoCase> Discover(IEnumerable<Type> types)
        {
            var cases = new List<NanoCase>();
            foreach (Type type in types.Where(t => t.IsClass && t.GetCustomAttributes(true).Any(a => a.GetType() == typeof(TestClassAttribute))))
            {
                MethodInfo[] methods = type.GetMethods();
                for (int pass = 0; pass < Passes.Length; pass++)
                {
                    foreach (MethodInfo method in methods)
                    {
                        object[] attributes = WithoutTestMethodWhenRowsExist(method.GetCustomAttributes(true));
                        for (int i = 0; i < attributes.Length; i++)
                        {
                            if (attributes[i].GetType() == Passes[pass])
                            {
                                object[] arguments = attributes[i] is DataRowAttribute row ? row.MethodParameters : null;
                                cases.Add(new NanoCase(type, method, Roles[pass], i, arguments));
                            }
                        }
                    }
                }
            }

            return cases;
        }

        /// <summary>The launcher's Helper.RemoveTestMethodIfDataRowExists: [TestMethod] beside [DataRow]s does not run alone.</summary>
        private static object[] WithoutTestMethodWhenRowsExist(object[] attributes)
        {
            bool hasRows = attributes.Any(a => a.GetType() == typeof(DataRowAttribute));
            return hasRows ? attributes.Where(a => a.GetType() != typeof(TestMethodAttribute)).ToArray() : attributes;
        }
    }
}
