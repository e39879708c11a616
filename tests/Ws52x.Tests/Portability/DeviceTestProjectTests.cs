using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Ws52x.Tests.Portability
{
    /// <summary>
    /// The nanoFramework test project (tests/Ws52x.Device.Tests) cannot be built here either, so its files are kept
    /// consistent: packages.config against nfproj-settings, the launcher's assembly name, every source listed (the test
    /// adapter reads the Compile items to place each test), and a run settings file for the virtual nanoCLR and one for a board.
    /// </summary>
    public class DeviceTestProjectTests
    {
        private static string ProjectDir => DeviceTestPortabilityTests.DeviceTests;

        private static string Settings(string file) => File.ReadAllText(Path.Combine(Paths.RepoRoot, "nfproj-settings", file));

        private static XDocument Project => XDocument.Load(Path.Combine(ProjectDir, "Ws52x.Device.Tests.nfproj"));

        private static string Property(XDocument project, string name) =>
            project.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

        [Fact]
        public void Packages_config_matches_the_props_the_project_imports()
        {
            XDocument project = Project;
            string props = string.Concat(project.Descendants().Where(e => e.Name.LocalName == "Import")
                .Select(e => (string)e.Attribute("Project"))
                .Where(p => p.Contains("nfproj-settings", StringComparison.Ordinal) && p.EndsWith(".References.props", StringComparison.Ordinal))
                .Select(p => Settings(Path.GetFileName(p.Replace('\\', '/')))));
            Assert.Contains("nanoFramework.TestFramework", props);
            var problems = DeviceProjectChecks.VersionMismatches(File.ReadAllText(Path.Combine(ProjectDir, "packages.config")), props);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void It_builds_on_the_same_CoreLibrary_as_the_core()
        {
            string tests = DeviceProjectChecks.PackageVersions(File.ReadAllText(Path.Combine(ProjectDir, "packages.config")))["nanoFramework.CoreLibrary"];
            string core = DeviceProjectChecks.PackageVersions(File.ReadAllText(Path.Combine(Paths.CoreSources, "packages.config")))["nanoFramework.CoreLibrary"];
            Assert.Equal(core, tests);
        }

        [Fact]
        public void The_launcher_finds_it_as_a_test_project_named_NFUnitTest()
        {
            XDocument project = Project;
            Assert.Equal("NFUnitTest", Property(project, "AssemblyName"));
            Assert.Equal("true", Property(project, "IsTestProject"));
            Assert.Contains(project.Descendants(), e => e.Name.LocalName == "ProjectCapability" && (string)e.Attribute("Include") == "TestContainer");
            string runSettings = Property(project, "RunSettingsFilePath").Replace("$(MSBuildProjectDirectory)\\", string.Empty);
            Assert.True(File.Exists(Path.Combine(ProjectDir, runSettings)), runSettings + " is named by the project but missing");
        }

        [Fact]
        public void Every_source_is_a_Compile_item_and_every_item_exists()
        {
            XDocument project = Project;
            var items = project.Descendants().Where(e => e.Name.LocalName == "Compile")
                .Select(e => ((string)e.Attribute("Include")).Replace('\\', '/'))
                .ToList();
            var local = Directory.EnumerateFiles(ProjectDir, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(ProjectDir, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal));
            var missing = local.Where(f => !items.Contains(f)).ToList();
            var stale = items.Where(i => !File.Exists(Path.Combine(ProjectDir, i))).ToList();
            Assert.True(missing.Count == 0, "not listed in Ws52x.Device.Tests.nfproj: " + string.Join(", ", missing));
            Assert.True(stale.Count == 0, "listed but missing: " + string.Join(", ", stale));
            Assert.DoesNotContain(items, i => i.Contains('*'));
        }

        [Theory]
        [InlineData("nano.runsettings", "False")]
        [InlineData("hardware.runsettings", "True")]
        public void Each_run_settings_file_says_where_the_tests_run(string file, string realHardware)
        {
            XDocument settings = XDocument.Load(Path.Combine(ProjectDir, file));
            XElement adapter = settings.Root.Element("nanoFrameworkAdapter");
            Assert.NotNull(adapter);
            Assert.Equal(realHardware, adapter.Element("IsRealHardware")?.Value);
            Assert.NotNull(settings.Root.Element("RunConfiguration")?.Element("TestSessionTimeout"));
        }
    }
}
