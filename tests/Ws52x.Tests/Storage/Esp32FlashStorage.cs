using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Ws52x.Platform;
using Ws52x.Tests.Portability;

namespace Ws52x.Tests.Storage
{
    /// <summary>
    /// The ESP32 app's storage adapter (firmware/Ws52x.Esp32/Adapters/FlashStorage.cs) compiled for the host, in C# 9,
    /// against the core: it calls only System.IO APIs that desktop .NET has with the same meaning, so the journal and
    /// the power-cut replays run on the device's own file code.
    /// </summary>
    public static class Esp32FlashStorage
    {
        private static readonly Lazy<Type> AdapterType = new Lazy<Type>(Compile);

        public static string SourcePath => Path.Combine(Paths.RepoRoot, "firmware", "Ws52x.Esp32", "Adapters", "FlashStorage.cs");

        /// <summary>The adapter on folder <paramref name="root"/>, made if missing, as the device makes I:\ws52x.</summary>
        public static IFileStore Open(string root) => (IFileStore)Activator.CreateInstance(AdapterType.Value, root);

        private static Type Compile()
        {
            return CompileForHost("Ws52x.Esp32.FlashStorageOnHost", File.ReadAllText(SourcePath)).GetType("Ws52x.Esp32.Adapters.FlashStorage", true);
        }

        /// <summary>Compiles ESP32 app sources (and any stand-ins for nanoFramework types they need) in C# 9 against the
        /// core and desktop .NET, as one assembly.</summary>
        public static Assembly CompileForHost(string assemblyName, params string[] sources)
        {
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator)
                .Select(p => MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(IFileStore).Assembly.Location));
            var compilation = CSharpCompilation.Create(
                assemblyName,
                sources.Select(s => CSharpSyntaxTree.ParseText(s, NanoCompileCheck.ParseOptions)),
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var pe = new MemoryStream();
            var result = compilation.Emit(pe);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            return Assembly.Load(pe.ToArray());
        }
    }

    /// <summary>
    /// A folder for one test class, removed afterwards: in /dev/shm where a Linux host has it (memory-backed, so thousands
    /// of replayed cuts do not wait on a disk shared with other builds; the System.IO calls are the same), else in the
    /// temp directory.
    /// </summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            string name = "ws52x-storage-" + Guid.NewGuid().ToString("N");
            if (OperatingSystem.IsLinux() && Directory.Exists("/dev/shm"))
            {
                try
                {
                    Path = Directory.CreateDirectory(System.IO.Path.Combine("/dev/shm", name)).FullName;
                    return;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // not writable here: the temp directory will do
                }
            }

            Path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), name)).FullName;
        }

        public string Path { get; }

        /// <summary>A sub-folder, emptied.</summary>
        public string Empty(string name)
        {
            string dir = System.IO.Path.Combine(Path, name);
            if (Directory.Exists(dir))
            {
                foreach (string file in Directory.EnumerateFiles(dir))
                {
                    File.Delete(file);
                }
            }

            return dir;
        }

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, true);
            }
        }
    }
}
