using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Ws52x.Tests
{
    /// <summary>Where the repository, the shared test vectors and nanoFramework's mscorlib are, as the build recorded them.</summary>
    public static class Paths
    {
        public static string RepoRoot => Metadata("RepoRoot");

        public static string NanoMscorlib => Metadata("NanoMscorlib");

        public static string CoreSources => Path.Combine(RepoRoot, "firmware", "Ws52x.Core");

        /// <summary>../shared/vectors beside the clone (CI puts shared/ there), or the WS52X_SHARED override.</summary>
        public static string SharedVectors
        {
            get
            {
                string over = Environment.GetEnvironmentVariable("WS52X_SHARED");
                string shared = string.IsNullOrEmpty(over) ? Path.Combine(RepoRoot, "..", "shared") : over;
                return Path.GetFullPath(Path.Combine(shared, "vectors"));
            }
        }

        public static string Vector(string fileName)
        {
            string path = Path.Combine(SharedVectors, fileName);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("test vector missing: " + path + " (set WS52X_SHARED to the shared/ folder)", path);
            }

            return path;
        }

        private static string Metadata(string key)
        {
            return typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value;
        }
    }
}
