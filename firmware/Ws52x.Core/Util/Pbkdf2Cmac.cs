using Ws52x.LoRaWan.Crypto;

namespace Ws52x.Util
{
    /// <summary>
    /// PBKDF2 (RFC 8018, 5.2) with AES-CMAC-PRF-128 (RFC 4615) as its PRF, for one 16-byte block of output: the
    /// password hash of the console. It reuses the core's AES-CMAC rather than bringing a hash function to the device.
    /// The work can be done in slices (<see cref="Step"/>) so that the one event loop is never held for a whole hash.
    /// </summary>
    internal sealed class Pbkdf2Cmac
    {
        private static readonly byte[] ZeroKey = new byte[16];
        private static readonly byte[] FirstBlock = { 0, 0, 0, 1 };

        private readonly AesCmac _cmac = new AesCmac();
        private readonly byte[] _key = new byte[16];
        private readonly byte[] _u = new byte[16];
        private readonly byte[] _t = new byte[16];
        private int _remaining;

        /// <summary>Iterations still to run; 0 once the result is ready.</summary>
        public int Remaining => _remaining;

        /// <summary>Starts a derivation; runs the first of <paramref name="iterations"/> iterations.</summary>
        public void Begin(byte[] password, int passwordLength, byte[] salt, int saltLength, int iterations)
        {
            if (iterations < 1)
            {
                throw new System.ArgumentOutOfRangeException("iterations");
            }

            PrfKey(password, passwordLength, _key);
            _cmac.Begin(_key);
            _cmac.Update(salt, 0, saltLength);
            _cmac.Update(FirstBlock, 0, 4);
            _cmac.Finish(_u, 0);
            System.Array.Copy(_u, _t, 16);
            _remaining = iterations - 1;
        }

        /// <summary>AES-CMAC-PRF-128 (RFC 4615) of message[0..messageLength) under a key of any length.</summary>
        public void Prf(byte[] key, int keyLength, byte[] message, int messageLength, byte[] output)
        {
            PrfKey(key, keyLength, _key);
            _cmac.Compute(_key, message, 0, messageLength, output, 0);
            System.Array.Clear(_key, 0, 16);
        }

        /// <summary>Runs up to <paramref name="maxIterations"/> more iterations; true when the result is ready.</summary>
        public bool Step(int maxIterations)
        {
            int n = maxIterations < _remaining ? maxIterations : _remaining;
            if (n > 0)
            {
                _cmac.Begin(_key);
            }

            for (int i = 0; i < n; i++)
            {
                _cmac.ComputeBlock(_u, 0, _u, 0);
                for (int j = 0; j < 16; j++)
                {
                    _t[j] ^= _u[j];
                }
            }

            _remaining -= n;
            return _remaining == 0;
        }

        /// <summary>Copies the 16-byte result and wipes the password-derived key.</summary>
        public void Finish(byte[] output, int offset)
        {
            System.Array.Copy(_t, 0, output, offset, 16);
            System.Array.Clear(_key, 0, 16);
            System.Array.Clear(_u, 0, 16);
            System.Array.Clear(_t, 0, 16);
        }

        // RFC 4615: the PRF's key is the given key itself only when it is 16 bytes; any other length is first reduced
        // to 16 bytes with AES-CMAC under the all-zero key.
        private void PrfKey(byte[] key, int keyLength, byte[] into)
        {
            if (keyLength == 16)
            {
                System.Array.Copy(key, into, 16);
            }
            else
            {
                _cmac.Compute(ZeroKey, key, 0, keyLength, into, 0);
            }
        }

        /// <summary>The whole derivation at once (tests, host tools).</summary>
        public void Derive(byte[] password, int passwordLength, byte[] salt, int saltLength, int iterations, byte[] output, int offset)
        {
            Begin(password, passwordLength, salt, saltLength, iterations);
            Step(iterations);
            Finish(output, offset);
        }
    }
}
