namespace Ws52x.Config.Console
{
    /// <summary>Splits a console line into words the way every command reads it: first word, then the rest as typed.</summary>
    internal static class ConsoleLine
    {
        /// <summary>The first word of <paramref name="text"/> (lower case), and in <paramref name="rest"/> what follows it, trimmed.</summary>
        public static string FirstWord(string text, out string rest) => Word(text, out rest).ToLower();

        /// <summary>The first word of <paramref name="text"/> as typed, and in <paramref name="rest"/> what follows it, trimmed.</summary>
        public static string Word(string text, out string rest)
        {
            text = text == null ? "" : text.Trim();
            int end = 0;
            while (end < text.Length && text[end] != ' ' && text[end] != '\t')
            {
                end++;
            }

            rest = end == text.Length ? "" : text.Substring(end).Trim();
            return text.Substring(0, end);
        }

        /// <summary>Takes a trailing option word (e.g. "--keys") off <paramref name="text"/>; true when it was there.</summary>
        public static bool TakeOption(ref string text, string option)
        {
            if (text == option)
            {
                text = "";
                return true;
            }

            if (text.Length > option.Length && text.EndsWith(" " + option))
            {
                text = text.Substring(0, text.Length - option.Length).Trim();
                return true;
            }

            return false;
        }
    }
}
