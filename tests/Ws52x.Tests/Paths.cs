using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Ws52x.Tests
{
    /// <summary>Where the repository, its test vectors and nanoFramework's mscorlib are, as the build recorded them.</summary>
    public static class Paths
    {
        public static string RepoRoot => Metadata("RepoRoot");

        public static string NanoMscorlib => Metadata("NanoMscorlib");

        public static string CoreSources => Path.Combine(RepoRoot, "firmware", "Ws52x.Core");

        /// <summary>tests/vectors: the repository's own copy of the vectors, so that a fresh clone has what its tests read.</summary>
        public static string Vectors => Path.Combine(RepoRoot, "tests", "vectors");

        /// <summary>
        /// The project's shared/vectors, where the copies in <see cref="Vectors"/> come from: ../shared beside the
        /// clone (as in CI), or the folder that WS52X_SHARED names. A user's clone usually has neither.
        /// </summary>
        public static string SharedVectors
        {
            get
            {
                string over = Environment.GetEnvironmentVariable("WS52X_SHARED");
                string shared = string.IsNullOrEmpty(over) ? Path.Combine(RepoRoot, "..", "shared") : over;
                return Path.GetFullPath(Path.Combine(shared, "vectors"));
            }
        }

        /// <summary>A vector file of tests/vectors; missing means a broken checkout, not a skipped test.</summary>
        public static string Vector(string fileName)
        {
            string path = Path.Combine(Vectors, fileName);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("test vector missing from the repository: " + path, path);
            }

            return path;
        }

        private static string Metadata(string key)
        {
            return typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value;
        }
    }

    /// <summary>A fact that needs the shared vectors folder: reported as skipped, with the reason, where there is none.</summary>
    public sealed class SharedVectorsFactAttribute : FactAttribute
    {
        public SharedVectorsFactAttribute()
        {
            if (!Directory.Exists(Paths.SharedVectors))
            {
                Skip = "no shared vectors at " + Paths.SharedVectors + " (a clone without ../shared; set WS52X_SHARED to the shared/ folder to check the copies)";
            }
        }
    }
}
