using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ws52x.Tests.Portability
{
    /// <summary>
    /// Compiles C# sources the way the device build sees them: C# 9 against nanoFramework.CoreLibrary's mscorlib.dll and
    /// nothing else. Any API the device lacks (System.Math, LINQ, generic collections, StringBuilder...) is an error here.
    /// Also finds generic type and method declarations, which the compiler accepts but the device runtime cannot run.
    /// </summary>
    public static class NanoCompileCheck
    {
        public static CSharpParseOptions ParseOptions { get; } = new CSharpParseOptions(LanguageVersion.CSharp9);

        public static IReadOnlyList<SyntaxTree> ParseCore()
        {
            return ParseFolder(Paths.CoreSources);
        }

        public static SyntaxTree Parse(string source, string path = "probe.cs")
        {
            return CSharpSyntaxTree.ParseText(source, ParseOptions, path: path);
        }

        /// <summary>The error diagnostics of compiling <paramref name="trees"/> against nanoFramework's mscorlib alone.</summary>
        public static IReadOnlyList<Diagnostic> CompileErrors(IEnumerable<SyntaxTree> trees)
        {
            return Compile("Ws52x.Core.NanoCheck", trees).Errors;
        }

        /// <summary>
        /// Compiles <paramref name="trees"/> against nanoFramework's mscorlib and <paramref name="references"/> (assemblies this
        /// check compiled before, such as the core): the PE image when it compiles, and the errors.
        /// </summary>
        public static (byte[] Pe, IReadOnlyList<Diagnostic> Errors) Compile(string assemblyName, IEnumerable<SyntaxTree> trees, params MetadataReference[] references)
        {
            var compilation = CSharpCompilation.Create(
                assemblyName,
                trees,
                new[] { MetadataReference.CreateFromFile(Paths.NanoMscorlib) }.Concat(references),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: false, optimizationLevel: OptimizationLevel.Release));
            using var pe = new MemoryStream();
            var result = compilation.Emit(pe);
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            return (result.Success ? pe.ToArray() : null, errors);
        }

        /// <summary>Ws52x.Core as the device build would compile it (C# 9, nanoFramework's mscorlib alone), as a PE image.</summary>
        public static byte[] CoreAssembly()
        {
            var (pe, errors) = Compile("Ws52x.Core", ParseCore());
            if (pe == null)
            {
                throw new InvalidOperationException("the core does not compile for nanoFramework:\n" + string.Join("\n", errors.Take(10)));
            }

            return pe;
        }

        /// <summary>
        /// The core as the device build makes it, two assemblies (nanoFramework caps one at 64 KB of byte code and of
        /// strings): Ws52x.Core, the sources Ws52x.Core.nfproj lists, and Ws52x.Application, the rest, which references it.
        /// </summary>
        public static (byte[] Core, byte[] Application) DeviceAssemblies() => DeviceBuild.Value;

        // Compiled once per test run: several tests look at the same two images.
        private static readonly Lazy<(byte[] Core, byte[] Application)> DeviceBuild = new Lazy<(byte[], byte[])>(CompileDeviceAssemblies);

        private static (byte[] Core, byte[] Application) CompileDeviceAssemblies()
        {
            IReadOnlyList<string> parts = DeviceCoreParts();
            var trees = ParseCore();
            bool InCore(SyntaxTree t) => IsDeviceCore(Path.GetRelativePath(Paths.CoreSources, t.FilePath), parts);
            var (core, errors) = Compile("Ws52x.Core", trees.Where(InCore));
            if (core == null)
            {
                throw new InvalidOperationException("Ws52x.Core (device) does not compile on its own:\n" + string.Join("\n", errors.Take(10)));
            }

            var (app, appErrors) = Compile("Ws52x.Application", trees.Where(t => !InCore(t)), MetadataReference.CreateFromImage(core));
            if (app == null)
            {
                throw new InvalidOperationException("Ws52x.Application (device) does not compile against Ws52x.Core:\n" + string.Join("\n", appErrors.Take(10)));
            }

            return (core, app);
        }

        /// <summary>Ws52x.Core.nfproj's Compile list as paths relative to the core: "Radio/" for a folder, "Config/Settings.cs" for a file.</summary>
        public static IReadOnlyList<string> DeviceCoreParts()
        {
            var project = System.Xml.Linq.XDocument.Load(Path.Combine(Paths.CoreSources, "Ws52x.Core.nfproj"));
            string include = project.Descendants().Single(e => e.Name.LocalName == "Compile").Attribute("Include").Value;
            return include.Split(';').Select(p => p.Replace('\\', '/')).Select(p => p.EndsWith("/**/*.cs", StringComparison.Ordinal) ? p.Substring(0, p.Length - "**/*.cs".Length) : p).ToList();
        }

        /// <summary>Whether a source (relative to the core) belongs to the first device assembly.</summary>
        public static bool IsDeviceCore(string relativePath, IReadOnlyList<string> parts)
        {
            string rel = relativePath.Replace('\\', '/');
            return parts.Any(p => p.EndsWith("/", StringComparison.Ordinal) ? rel.StartsWith(p, StringComparison.Ordinal) : rel == p);
        }

        /// <summary>Every .cs file under <paramref name="folder"/> except build output, parsed as the device build parses it.</summary>
        public static IReadOnlyList<SyntaxTree> ParseFolder(string folder)
        {
            return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(p => !IsBuildOutput(folder, p))
                .OrderBy(p => p, System.StringComparer.Ordinal)
                .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), ParseOptions, path: p))
                .ToList();
        }

        /// <summary>"file:line: what" for every generic type, method, delegate or local function declaration.</summary>
        public static IReadOnlyList<string> GenericDeclarations(IEnumerable<SyntaxTree> trees)
        {
            var found = new List<string>();
            foreach (SyntaxTree tree in trees)
            {
                foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
                {
                    TypeParameterListSyntax parameters = node switch
                    {
                        TypeDeclarationSyntax t => t.TypeParameterList,
                        MethodDeclarationSyntax m => m.TypeParameterList,
                        DelegateDeclarationSyntax d => d.TypeParameterList,
                        LocalFunctionStatementSyntax l => l.TypeParameterList,
                        _ => null,
                    };
                    if (parameters != null && parameters.Parameters.Count > 0)
                    {
                        int line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                        found.Add(Path.GetFileName(tree.FilePath) + ":" + line + ": generic declaration '" + Describe(node) + parameters + "' (the nanoFramework runtime cannot run generic declarations; use object or a concrete type)");
                    }
                }
            }

            return found;
        }

        private static string Describe(SyntaxNode node) => node switch
        {
            TypeDeclarationSyntax t => t.Identifier.Text,
            MethodDeclarationSyntax m => m.Identifier.Text,
            DelegateDeclarationSyntax d => d.Identifier.Text,
            LocalFunctionStatementSyntax l => l.Identifier.Text,
            _ => node.Kind().ToString(),
        };

        private static bool IsBuildOutput(string folder, string path)
        {
            string rel = Path.GetRelativePath(folder, path).Replace('\\', '/');
            return rel.StartsWith("obj/") || rel.StartsWith("bin/");
        }
    }
}
