using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Ws52x.Tests.Portability
{
    /// <summary>
    /// The device projects cannot be built here (their packages restore only with the nanoFramework extension), so these
    /// tests keep their files consistent instead: package versions in packages.config and in nfproj-settings agree, the
    /// solution's .nfproj entries point at files whose GUID matches, and the ESP32 app holds adapters only.
    /// Each check is a function of file text, shown to fail on a deliberately bad input.
    /// </summary>
    public class DeviceProjectTests
    {
        private static string Esp32Dir => Path.Combine(Paths.RepoRoot, "firmware", "Ws52x.Esp32");

        private static string Settings(string file) => File.ReadAllText(Path.Combine(Paths.RepoRoot, "nfproj-settings", file));

        private static string DeviceProps => Settings("Ws52x.CoreLibrary.References.props") + Settings("Ws52x.FileSystem.References.props") + Settings("Ws52x.Device.References.props");

        [Fact]
        public void Esp32_packages_config_matches_the_hint_paths_in_nfproj_settings()
        {
            string packages = File.ReadAllText(Path.Combine(Esp32Dir, "packages.config"));
            var problems = DeviceProjectChecks.VersionMismatches(packages, DeviceProps);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Core_packages_config_matches_the_CoreLibrary_props_and_the_test_compile_check()
        {
            string packages = File.ReadAllText(Path.Combine(Paths.CoreSources, "packages.config"));
            var problems = DeviceProjectChecks.VersionMismatches(packages, Settings("Ws52x.CoreLibrary.References.props")).ToList();
            string esp32 = DeviceProjectChecks.PackageVersions(File.ReadAllText(Path.Combine(Esp32Dir, "packages.config")))["nanoFramework.CoreLibrary"];
            string core = DeviceProjectChecks.PackageVersions(packages)["nanoFramework.CoreLibrary"];
            if (esp32 != core)
            {
                problems.Add("nanoFramework.CoreLibrary: Ws52x.Core has " + core + ", Ws52x.Esp32 has " + esp32);
            }

            // The compile check's mscorlib comes from the same version (tests/Ws52x.Tests/Ws52x.Tests.csproj).
            Assert.Contains("/" + core + "/", Paths.NanoMscorlib.Replace('\\', '/'));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Version_check_names_a_package_whose_versions_differ()
        {
            const string packages = @"<packages>
  <package id=""nanoFramework.CoreLibrary"" version=""1.17.11"" />
  <package id=""nanoFramework.System.Device.Gpio"" version=""1.1.60"" />
  <package id=""nanoFramework.System.IO.Ports"" version=""1.1.139"" />
</packages>";
            const string props = @"<Project xmlns=""http://schemas.microsoft.com/developer/msbuild/2003"">
  <PropertyGroup><CoreVersion>1.17.11</CoreVersion></PropertyGroup>
  <ItemGroup>
    <Reference Include=""mscorlib""><HintPath>$(Ws52xPackagesDir)nanoFramework.CoreLibrary.$(CoreVersion)\lib\mscorlib.dll</HintPath></Reference>
    <Reference Include=""System.Device.Gpio""><HintPath>$(Ws52xPackagesDir)nanoFramework.System.Device.Gpio.1.1.62\lib\System.Device.Gpio.dll</HintPath></Reference>
    <Reference Include=""System.Device.Spi""><HintPath>$(Ws52xPackagesDir)nanoFramework.System.Device.Spi.1.3.89\lib\System.Device.Spi.dll</HintPath></Reference>
  </ItemGroup>
</Project>";
            var problems = DeviceProjectChecks.VersionMismatches(packages, props);
            Assert.Equal(3, problems.Count);
            Assert.Contains(problems, p => p.Contains("nanoFramework.System.Device.Gpio") && p.Contains("1.1.60") && p.Contains("1.1.62"));
            Assert.Contains(problems, p => p.Contains("nanoFramework.System.IO.Ports") && p.Contains("no HintPath"));
            Assert.Contains(problems, p => p.Contains("nanoFramework.System.Device.Spi") && p.Contains("not in packages.config"));
        }

        [Fact]
        public void The_two_device_assemblies_of_the_core_take_every_source_once()
        {
            // Ws52x.Application.nfproj compiles the core's sources except the ones Ws52x.Core.nfproj lists: its Exclude
            // list must be that list (plus build output), or a source would be compiled twice or not at all.
            IReadOnlyList<string> core = NanoCompileCheck.DeviceCoreParts();
            var app = XDocument.Load(Path.Combine(Paths.RepoRoot, "firmware", "Ws52x.Application", "Ws52x.Application.nfproj"));
            XElement compile = app.Descendants().Single(e => e.Name.LocalName == "Compile");
            Assert.Equal(@"..\Ws52x.Core\**\*.cs", compile.Attribute("Include").Value);
            var excluded = compile.Attribute("Exclude").Value.Split(';')
                .Select(p => p.Replace('\\', '/'))
                .Where(p => p != "../Ws52x.Core/obj/**" && p != "../Ws52x.Core/bin/**")
                .Select(p => p.Substring("../Ws52x.Core/".Length))
                .Select(p => p.EndsWith("/**/*.cs", StringComparison.Ordinal) ? p.Substring(0, p.Length - "**/*.cs".Length) : p)
                .ToList();
            Assert.Equal(core.OrderBy(p => p, StringComparer.Ordinal), excluded.OrderBy(p => p, StringComparer.Ordinal));

            var sources = Directory.EnumerateFiles(Paths.CoreSources, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Paths.CoreSources, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
                .ToList();
            foreach (string part in core)
            {
                Assert.True(sources.Any(f => part.EndsWith("/", StringComparison.Ordinal) ? f.StartsWith(part, StringComparison.Ordinal) : f == part), part + " in Ws52x.Core.nfproj matches no source");
            }

            string check = File.ReadAllText(Path.Combine(Esp32Dir, "compile-check.sh"));
            Assert.Contains("Ws52x.Core/Ws52x.Core.nfproj", check);
            Assert.Contains("Ws52x.Application.dll", check);
            foreach (string project in new[] { Path.Combine(Esp32Dir, "Ws52x.Esp32.nfproj"), Path.Combine(Paths.RepoRoot, "tests", "Ws52x.Device.Tests", "Ws52x.Device.Tests.nfproj") })
            {
                Assert.Contains(@"Ws52x.Application\Ws52x.Application.nfproj", File.ReadAllText(project));
            }
        }

        [Fact]
        public void Every_project_the_solution_lists_exists_and_each_nfproj_has_the_solutions_guid()
        {
            string sln = File.ReadAllText(Path.Combine(Paths.RepoRoot, "Ws52x.Firmware.sln"));
            var projects = DeviceProjectChecks.SolutionProjects(sln);
            Assert.Contains(projects, p => p.Path.EndsWith("Ws52x.Esp32.nfproj", StringComparison.Ordinal));
            var problems = DeviceProjectChecks.SolutionProblems(sln, Paths.RepoRoot);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Solution_check_reports_a_wrong_guid_and_a_missing_project()
        {
            const string sln = @"
Project(""{11A8DD76-328B-46DF-9F39-F559912D0360}"") = ""Ws52x.Esp32"", ""firmware\Ws52x.Esp32\Ws52x.Esp32.nfproj"", ""{6B1D2A40-5C3E-4F0A-9D51-3A2C7E1B0C09}""
EndProject
Project(""{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}"") = ""Gone"", ""firmware\Gone\Gone.csproj"", ""{00000000-0000-0000-0000-000000000001}""
EndProject
Project(""{2150E333-8FDC-42A3-9474-1A3956D46DE8}"") = ""firmware"", ""firmware"", ""{26F15DFC-F28D-B0BE-C017-813A2850E59B}""
EndProject";
            var problems = DeviceProjectChecks.SolutionProblems(sln, Paths.RepoRoot);
            Assert.Equal(2, problems.Count);
            Assert.Contains(problems, p => p.Contains("Ws52x.Esp32.nfproj") && p.Contains("0C09") && p.Contains("0C02"));
            Assert.Contains(problems, p => p.Contains("Gone.csproj") && p.Contains("does not exist"));
        }

        [Fact]
        public void Esp32_app_holds_Main_the_pin_map_and_adapters_only()
        {
            var files = Directory.EnumerateFiles(Esp32Dir, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Esp32Dir, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
                .ToList();
            Assert.Contains("Program.cs", files);
            Assert.Contains("PinMap.cs", files);
            var strays = DeviceProjectChecks.NonAdapterFiles(files);
            Assert.True(strays.Count == 0, "logic belongs in Ws52x.Core; the ESP32 app has: " + string.Join(", ", strays));
        }

        [Fact]
        public void Layout_check_names_a_file_outside_the_adapters()
        {
            var strays = DeviceProjectChecks.NonAdapterFiles(new[] { "Program.cs", "PinMap.cs", "Adapters/GpioOutput.cs", "Metering/Energy.cs", "Adapters/Deep/X.cs" });
            Assert.Equal(new[] { "Metering/Energy.cs", "Adapters/Deep/X.cs" }, strays);
        }

        [Fact]
        public void Each_adapter_names_the_APIs_it_uses_and_where_they_were_checked()
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(Esp32Dir, "Adapters"), "*.cs"))
            {
                string head = File.ReadAllText(file).Split("namespace")[0];
                Assert.True(head.Contains("nanoframework/"), Path.GetFileName(file) + " lacks its header naming the nanoFramework sources its APIs were checked against");
            }
        }
    }

    /// <summary>The checks behind <see cref="DeviceProjectTests"/>, as functions of file text.</summary>
    public static class DeviceProjectChecks
    {
        // $(Ws52xPackagesDir)<package id>.<version>\lib\... ; package ids have no segment that starts with a digit.
        private static readonly Regex HintPathPackage = new Regex(@"\$\(Ws52xPackagesDir\)(?<id>.+?)\.(?<version>\d+(?:\.\d+)+(?:-[0-9A-Za-z.-]+)?)\\lib\\");

        private static readonly Regex SolutionProject = new Regex(@"^Project\(""\{(?<type>[^}]+)\}""\)\s*=\s*""(?<name>[^""]*)"",\s*""(?<path>[^""]*)"",\s*""\{(?<guid>[^}]+)\}""", RegexOptions.Multiline);

        public sealed record SlnProject(string Name, string Path, string Guid);

        public static Dictionary<string, string> PackageVersions(string packagesConfig)
        {
            return XDocument.Parse(packagesConfig).Descendants("package")
                .ToDictionary(p => (string)p.Attribute("id"), p => (string)p.Attribute("version"));
        }

        /// <summary>Package id to version, from every HintPath of the props text(s), with $(Property) values substituted.</summary>
        public static Dictionary<string, string> HintPathVersions(string props)
        {
            // Several props files may be concatenated; wrap them so they parse as one document.
            string body = Regex.Replace(props, @"<\?xml[^>]*\?>", string.Empty);
            var doc = XDocument.Parse("<all>" + body + "</all>");
            var properties = doc.Descendants().Where(e => e.Parent != null && e.Parent.Name.LocalName == "PropertyGroup")
                .ToDictionary(e => e.Name.LocalName, e => e.Value.Trim());
            var found = new Dictionary<string, string>();
            foreach (var hint in doc.Descendants().Where(e => e.Name.LocalName == "HintPath"))
            {
                string path = Regex.Replace(hint.Value.Trim(), @"\$\((?<p>\w+)\)", m => properties.TryGetValue(m.Groups["p"].Value, out string v) ? v : m.Value);
                Match match = HintPathPackage.Match(path);
                if (!match.Success)
                {
                    throw new FormatException("HintPath not of the form $(Ws52xPackagesDir)<id>.<version>\\lib\\...: " + hint.Value);
                }

                found[match.Groups["id"].Value] = match.Groups["version"].Value;
            }

            return found;
        }

        /// <summary>One message per package whose version differs, or that only one side lists.</summary>
        public static List<string> VersionMismatches(string packagesConfig, string props)
        {
            var packages = PackageVersions(packagesConfig);
            var hints = HintPathVersions(props);
            var problems = new List<string>();
            foreach (var (id, version) in packages.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!hints.TryGetValue(id, out string hinted))
                {
                    problems.Add(id + " " + version + " is in packages.config but has no HintPath in nfproj-settings");
                }
                else if (hinted != version)
                {
                    problems.Add(id + ": packages.config has " + version + ", the HintPath has " + hinted + " (bump both)");
                }
            }

            foreach (var (id, version) in hints.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!packages.ContainsKey(id))
                {
                    problems.Add(id + " " + version + " has a HintPath but is not in packages.config");
                }
            }

            return problems;
        }

        /// <summary>The solution's project entries that are project files (solution folders left out).</summary>
        public static List<SlnProject> SolutionProjects(string sln)
        {
            return SolutionProject.Matches(sln)
                .Select(m => new SlnProject(m.Groups["name"].Value, m.Groups["path"].Value, m.Groups["guid"].Value))
                .Where(p => p.Path.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
                .ToList();
        }

        public static List<string> SolutionProblems(string sln, string repoRoot)
        {
            var problems = new List<string>();
            foreach (SlnProject project in SolutionProjects(sln))
            {
                string file = Path.Combine(repoRoot, project.Path.Replace('\\', Path.DirectorySeparatorChar));
                if (!File.Exists(file))
                {
                    problems.Add(project.Path + " is listed in the solution but does not exist");
                    continue;
                }

                if (project.Path.EndsWith(".nfproj", StringComparison.OrdinalIgnoreCase))
                {
                    string own = XDocument.Load(file).Descendants().FirstOrDefault(e => e.Name.LocalName == "ProjectGuid")?.Value.Trim('{', '}', ' ');
                    if (!string.Equals(own, project.Guid, StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add(project.Path + ": the solution says {" + project.Guid + "}, the project says {" + own + "}");
                    }
                }
            }

            return problems;
        }

        /// <summary>Sources other than Program.cs, PinMap.cs and Adapters/*.cs (relative paths, '/' separated).</summary>
        public static List<string> NonAdapterFiles(IEnumerable<string> relativePaths)
        {
            return relativePaths
                .Where(f => f != "Program.cs" && f != "PinMap.cs" && !(f.StartsWith("Adapters/", StringComparison.Ordinal) && f.IndexOf('/', "Adapters/".Length) < 0))
                .ToList();
        }
    }
}
