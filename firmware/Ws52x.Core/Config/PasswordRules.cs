namespace Ws52x.Config
{
    /// <summary>
    /// What a console password may be and how it is hashed. Guide 3.1: a password protects every write; the factory
    /// default is 123456.
    /// <para>Iterations: on the ESP32 the hash runs in nanoFramework's IL interpreter, where one iteration (one AES
    /// block plus the CMAC's bookkeeping) is estimated at 1-2 ms, against about 0.2 µs on a desktop. 1000 iterations
    /// keep a login to one or two seconds on the device, done in slices so the loop keeps running. The count is a
    /// brake on guessing a strong password from a flash dump; no affordable count protects a 6-digit one offline,
    /// and guessing on the console itself is stopped by the lockout (5 wrong passwords, then a minute, doubling).
    /// The count is stored with each hash, so a later firmware may raise it.</para>
    /// </summary>
    internal static class PasswordRules
    {
        public const string FactoryDefault = "123456";

        public const int MinLength = 6;
        public const int MaxLength = 32;

        public const int Iterations = 1000;

        /// <summary>Stored hashes with fewer iterations are refused as damaged.</summary>
        public const int MinIterations = 100;

        public const int SaltLength = 16;

        /// <summary>Null, or why <paramref name="candidate"/> cannot be a password.</summary>
        public static string Check(string candidate)
        {
            if (candidate == null || candidate.Length < MinLength || candidate.Length > MaxLength)
            {
                return "a password has " + MinLength.ToString() + " to " + MaxLength.ToString() + " characters";
            }

            for (int i = 0; i < candidate.Length; i++)
            {
                char c = candidate[i];
                if (c <= ' ' || c > '~')
                {
                    return "a password has printable ASCII characters only, no spaces";
                }
            }

            return null;
        }

        /// <summary>The password's bytes as hashed (ASCII; anything else becomes '?', which a valid password never has).</summary>
        public static byte[] Bytes(string password)
        {
            var b = new byte[password.Length];
            for (int i = 0; i < b.Length; i++)
            {
                char c = password[i];
                b[i] = c < 0x80 ? (byte)c : (byte)'?';
            }

            return b;
        }
    }
}
