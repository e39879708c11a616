// Host stand-in for nanoFramework.TestFramework 3.0.77's CollectionAssert (source/TestFramework/CollectionAssert.cs):
// element by element with object.Equals, so byte[] against byte[] compares the bytes, in order.
using System.Collections;

namespace nanoFramework.TestFramework
{
    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "")
        {
            Assert.EnsureParameterIsNotNull(collection, "CollectionAssert.Empty", "collection");
            if (collection.Count != 0)
            {
                Assert.HandleFail("CollectionAssert.Empty", message);
            }
        }

        public static void NotEmpty(ICollection collection, string message = "")
        {
            Assert.EnsureParameterIsNotNull(collection, "CollectionAssert.NotEmpty", "collection");
            if (collection.Count == 0)
            {
                Assert.HandleFail("CollectionAssert.NotEmpty", message);
            }
        }

        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            string reason = string.Empty;
            if (!AreCollectionsEqual(expected, actual, ref reason))
            {
                Assert.HandleFail("CollectionAssert.AreEqual", message + "(" + reason + ")");
            }
        }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            string reason = string.Empty;
            if (AreCollectionsEqual(notExpected, actual, ref reason))
            {
                Assert.HandleFail("CollectionAssert.AreNotEqual", message + "(" + reason + ")");
            }
        }

        private static bool AreCollectionsEqual(ICollection expected, ICollection actual, ref string reason)
        {
            if (expected == actual)
            {
                reason = "Both collection references point to the same collection object. ";
                return true;
            }

            if (expected == null || actual == null)
            {
                return false;
            }

            if (expected.Count != actual.Count)
            {
                reason = "Different number of elements.";
                return false;
            }

            IEnumerator left = expected.GetEnumerator();
            IEnumerator right = actual.GetEnumerator();
            int index = 0;
            while (left.MoveNext() && right.MoveNext())
            {
                if (!Equals(left.Current, right.Current))
                {
                    reason = "Element at index " + index.ToString() + " do not match. Expected:<" + Assert.ReplaceNulls(left.Current) + ">. Actual:<" + Assert.ReplaceNulls(right.Current) + ">.";
                    return false;
                }

                index++;
            }

            reason = "Both collection contain same elements.";
            return true;
        }
    }
}
