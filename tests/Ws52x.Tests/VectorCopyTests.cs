using System;
using System.IO;
using System.Linq;

namespace Ws52x.Tests
{
    /// <summary>tests/vectors is a copy of shared/vectors: where the shared folder exists, the two must not drift apart.</summary>
    public class VectorCopyTests
    {
        [SharedVectorsFact]
        public void Repository_vectors_equal_the_shared_ones_byte_for_byte()
        {
            string[] shared = Directory.GetFiles(Paths.SharedVectors, "*.json").Select(Path.GetFileName).OrderBy(n => n).ToArray();
            string[] copied = Directory.GetFiles(Paths.Vectors, "*.json").Select(Path.GetFileName).OrderBy(n => n).ToArray();
            Assert.NotEmpty(shared);
            Assert.Equal(shared, copied);
            foreach (string name in shared)
            {
                byte[] expected = File.ReadAllBytes(Path.Combine(Paths.SharedVectors, name));
                byte[] actual = File.ReadAllBytes(Path.Combine(Paths.Vectors, name));
                Assert.True(expected.AsSpan().SequenceEqual(actual), "tests/vectors/" + name + " differs from " + Path.Combine(Paths.SharedVectors, name) + ": copy it again");
            }
        }
    }
}
