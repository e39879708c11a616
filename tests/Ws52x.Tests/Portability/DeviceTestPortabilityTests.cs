using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Ws52x.Tests.Portability
{
    /// <summary>
    /// The device test sources (tests/Ws52x.Device.Tests) run on the nanoFramework runtime, so they keep the core's rules:
    /// they compile, in C# 9, against nanoFramework's mscorlib, the core as the device build compiles it (public API only,
    /// as from the NFUnitTest assembly), and the API surface of the host's TestFramework stand-in, which itself compiles
    /// against that mscorlib. The storage tests also need System.IO.FileSystem, which is not restorable here; compile-check.sh
    /// compiles them against its sources.
    /// </summary>
    public class DeviceTestPortabilityTests
    {
        /// <summary>Files that need nanoFramework.System.IO.FileSystem (the flash file system) besides mscorlib.</summary>
        public static readonly string[] NeedFileSystem = { "Storage/FlashStorageCutTarget.cs", "Storage/StorageReplayTests.cs" };

        public static string DeviceTests => Path.Combine(Paths.RepoRoot, "tests", "Ws52x.Device.Tests");

        public static string Shim => Path.Combine(Paths.RepoRoot, "tests", "Ws52x.Device.Tests.Host", "TestFramework");

        [Fact]
        public void The_TestFramework_stand_in_compiles_against_nanoFramework_mscorlib()
        {
            var (pe, errors) = NanoCompileCheck.Compile("nanoFramework.TestFramework", NanoCompileCheck.ParseFolder(Shim));
            Assert.True(pe != null, "the stand-in uses APIs nanoFramework lacks:\n" + string.Join("\n", errors.Take(20)));
        }

        [Fact]
        public void Device_tests_compile_against_mscorlib_the_core_and_the_TestFramework_surface()
        {
            var trees = NanoCompileCheck.ParseFolder(DeviceTests)
                .Where(t => !NeedFileSystem.Contains(Relative(t.FilePath)))
                .ToList();
            Assert.True(trees.Count >= 10, "device test sources not found under " + DeviceTests);
            var (core, application) = NanoCompileCheck.DeviceAssemblies();
            var shim = NanoCompileCheck.Compile("nanoFramework.TestFramework", NanoCompileCheck.ParseFolder(Shim)).Pe;
            var (pe, errors) = NanoCompileCheck.Compile("NFUnitTest", trees, MetadataReference.CreateFromImage(core), MetadataReference.CreateFromImage(application),
                MetadataReference.CreateFromImage(shim));
            Assert.True(pe != null, "device tests use what the device lacks:\n" + string.Join("\n", errors.Take(30)));
        }

        [Fact]
        public void Device_tests_and_the_stand_in_declare_nothing_generic()
        {
            var found = NanoCompileCheck.GenericDeclarations(NanoCompileCheck.ParseFolder(DeviceTests).Concat(NanoCompileCheck.ParseFolder(Shim)));
            Assert.True(found.Count == 0, string.Join("\n", found));
        }

        [Fact]
        public void Only_the_listed_files_need_the_file_system()
        {
            var users = NanoCompileCheck.ParseFolder(DeviceTests)
                .Where(t => t.GetText().ToString().Contains("System.IO", StringComparison.Ordinal))
                .Select(t => Relative(t.FilePath))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(NeedFileSystem.OrderBy(f => f, StringComparer.Ordinal).ToArray(), users);
        }

        [Fact]
        public void The_check_refuses_a_device_test_that_uses_a_desktop_API()
        {
            var tree = NanoCompileCheck.Parse("using nanoFramework.TestFramework; [TestClass] public class T { [TestMethod] public void M() { Assert.IsTrue(System.Linq.Enumerable.Any(new[] { 1 })); } }");
            var shim = NanoCompileCheck.Compile("nanoFramework.TestFramework", NanoCompileCheck.ParseFolder(Shim)).Pe;
            var (pe, errors) = NanoCompileCheck.Compile("NFUnitTest", new[] { tree }, MetadataReference.CreateFromImage(shim));
            Assert.Null(pe);
            Assert.Contains(errors, e => e.GetMessage().Contains("Linq"));
        }

        private static string Relative(string path) => Path.GetRelativePath(DeviceTests, path).Replace('\\', '/');
    }
}
