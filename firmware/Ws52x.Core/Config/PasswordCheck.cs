using Ws52x.Util;

namespace Ws52x.Config
{
    /// <summary>
    /// Checks a typed password against the stored one, or hashes a new one, in slices of
    /// <see cref="SliceIterations"/> so that a login never holds the event loop for the whole hash. Comparisons take the
    /// same time wherever the bytes differ.
    /// </summary>
    internal sealed class PasswordCheck
    {
        /// <summary>About 16-32 ms of interpreter time per slice on the ESP32 (see <see cref="PasswordRules"/>).</summary>
        public const int SliceIterations = 16;

        private static readonly byte[] FactoryDefaultBytes = PasswordRules.Bytes(PasswordRules.FactoryDefault);

        private readonly Pbkdf2Cmac _kdf = new Pbkdf2Cmac();
        private readonly byte[] _result = new byte[16];
        private readonly byte[] _salt = new byte[PasswordRules.SaltLength];
        private readonly byte[] _expected = new byte[16];
        private int _iterations;
        private bool _verifying;

        /// <summary>True while a check or a hash is in progress.</summary>
        public bool Busy { get; private set; }

        /// <summary>After a check: whether the password was right.</summary>
        public bool Matches { get; private set; }

        /// <summary>
        /// Starts checking <paramref name="candidate"/> against <paramref name="stored"/>. The factory default (no hash
        /// stored) is compared at once; <see cref="Busy"/> says whether <see cref="Step"/> has work to do.
        /// </summary>
        public void BeginVerify(string candidate, PasswordSettings stored)
        {
            byte[] typed = PasswordRules.Bytes(candidate ?? "");
            _verifying = true;
            if (stored.Iterations == 0)
            {
                Matches = typed.Length == FactoryDefaultBytes.Length && Bytes.ConstantTimeEquals(typed, 0, FactoryDefaultBytes, 0, typed.Length);
                Busy = false;
                return;
            }

            System.Array.Copy(stored.Hash, _expected, 16);
            Start(typed, stored.Salt, stored.Iterations);
        }

        /// <summary>Starts hashing <paramref name="password"/> with a fresh <paramref name="salt"/>; <see cref="StoreInto"/> after.</summary>
        public void BeginHash(string password, byte[] salt)
        {
            _verifying = false;
            Start(PasswordRules.Bytes(password), salt, PasswordRules.Iterations);
        }

        /// <summary>One slice of work; true when done (then read <see cref="Matches"/> or call <see cref="StoreInto"/>).</summary>
        public bool Step()
        {
            if (!Busy)
            {
                return true;
            }

            if (!_kdf.Step(SliceIterations))
            {
                return false;
            }

            _kdf.Finish(_result, 0);
            Busy = false;
            if (_verifying)
            {
                Matches = Bytes.ConstantTimeEquals(_result, 0, _expected, 0, 16);
            }

            return true;
        }

        /// <summary>Puts the hash just computed, its salt and iteration count into <paramref name="target"/>.</summary>
        public void StoreInto(PasswordSettings target)
        {
            target.Iterations = _iterations;
            System.Array.Copy(_salt, target.Salt, PasswordRules.SaltLength);
            System.Array.Copy(_result, target.Hash, 16);
        }

        private void Start(byte[] password, byte[] salt, int iterations)
        {
            System.Array.Copy(salt, _salt, PasswordRules.SaltLength);
            _iterations = iterations;
            Matches = false;
            Busy = true;
            _kdf.Begin(password, password.Length, _salt, PasswordRules.SaltLength, iterations);
            System.Array.Clear(password, 0, password.Length);
        }
    }
}
