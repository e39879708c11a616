namespace nanoFramework.TestFramework
{
    /// <summary>Char-by-char string comparison: what nanoFramework's string methods do, whatever the host culture.</summary>
    internal static class Ordinal
    {
        public static bool RegionEquals(string text, int start, string part)
        {
            if (start < 0 || start + part.Length > text.Length)
            {
                return false;
            }

            for (int i = 0; i < part.Length; i++)
            {
                if (text[start + i] != part[i])
                {
                    return false;
                }
            }

            return true;
        }

        public static int IndexOf(string text, string part)
        {
            for (int start = 0; start + part.Length <= text.Length; start++)
            {
                if (RegionEquals(text, start, part))
                {
                    return start;
                }
            }

            return -1;
        }
    }
}
