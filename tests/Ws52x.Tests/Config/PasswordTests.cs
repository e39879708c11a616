using System;
using System.Linq;
using System.Text;
using Ws52x.Config;
using Ws52x.Tests.LoRaWan;
using Ws52x.Util;
using static Ws52x.Tests.LoRaWan.TestKeys;

namespace Ws52x.Tests.Config
{
    /// <summary>The password hash (PBKDF2 with AES-CMAC-PRF-128) and the password rules.</summary>
    public class PasswordTests
    {
        [Theory]
        [InlineData("000102030405060708090a0b0c0d0e0fedcb", "84a348a4a45d235babfffc0d2b4da09a")]
        [InlineData("000102030405060708090a0b0c0d0e0f", "980ae87b5f4c9c5214f5b6a8455e4c2d")]
        [InlineData("00010203040506070809", "290d9e112edb09ee141fcf64c0b72f3d")]
        public void The_PRF_matches_the_RFC_4615_test_vectors(string key, string expected)
        {
            byte[] k = H(key);
            byte[] message = H("000102030405060708090a0b0c0d0e0f10111213");
            var output = new byte[16];
            new Pbkdf2Cmac().Prf(k, k.Length, message, message.Length, output);
            Assert.Equal(expected, X(output));
        }

        [Theory]
        [InlineData("123456", 1)]
        [InlineData("123456", 2)]
        [InlineData("0123456789abcdef", 100)]
        [InlineData("correct horse battery staple", 1000)]
        public void PBKDF2_matches_a_plain_implementation_over_dotnets_AES(string password, int iterations)
        {
            byte[] p = Encoding.ASCII.GetBytes(password);
            byte[] salt = Enumerable.Range(0, 16).Select(i => (byte)(i * 7)).ToArray();
            var ours = new byte[16];
            new Pbkdf2Cmac().Derive(p, p.Length, salt, salt.Length, iterations, ours, 0);
            Assert.Equal(X(ReferencePbkdf2(p, salt, iterations)), X(ours));
        }

        [Fact]
        public void A_hash_in_slices_equals_the_hash_at_once()
        {
            byte[] p = Encoding.ASCII.GetBytes("sliced-password");
            var salt = new byte[16];
            var whole = new byte[16];
            var kdf = new Pbkdf2Cmac();
            kdf.Derive(p, p.Length, salt, 16, 1000, whole, 0);
            kdf.Begin(p, p.Length, salt, 16, 1000);
            int slices = 1;
            while (!kdf.Step(PasswordCheck.SliceIterations))
            {
                slices++;
            }

            var sliced = new byte[16];
            kdf.Finish(sliced, 0);
            Assert.Equal(whole, sliced);
            Assert.Equal((999 + PasswordCheck.SliceIterations - 1) / PasswordCheck.SliceIterations, slices);
        }

        [Fact]
        public void The_stored_password_is_a_salted_hash_never_the_password()
        {
            var rig = new ConsoleRig();
            rig.Login();
            rig.One("passwd 123456 Wall-Socket-9");
            byte[] stored = rig.Stored();
            Assert.Equal(-1, IndexOf(stored, Encoding.ASCII.GetBytes("Wall-Socket-9")));
            PasswordSettings p = rig.Current.Password;
            Assert.Equal(PasswordRules.Iterations, p.Iterations);
            var expected = new byte[16];
            byte[] bytes = Encoding.ASCII.GetBytes("Wall-Socket-9");
            new Pbkdf2Cmac().Derive(bytes, bytes.Length, p.Salt, 16, p.Iterations, expected, 0);
            Assert.Equal(expected, p.Hash);
            Assert.True(IndexOf(stored, p.Hash) > 0);

            // Another board (another salt) stores another hash for the same password.
            var other = new ConsoleRig();
            other.Board.Random.NextBytes(new byte[5], 0, 5);
            other.Login();
            other.One("passwd 123456 Wall-Socket-9");
            Assert.NotEqual(p.Salt, other.Current.Password.Salt);
            Assert.NotEqual(p.Hash, other.Current.Password.Hash);
        }

        [Fact]
        public void The_factory_password_needs_no_stored_secret_and_a_factory_board_stores_nothing()
        {
            var rig = new ConsoleRig();
            Assert.Equal(0, rig.Current.Password.Iterations);
            rig.Login("123456");
            Assert.Null(rig.Stored());
        }

        [Theory]
        [InlineData("12345", "a password has 6 to 32 characters")]
        [InlineData("123456789012345678901234567890123", "a password has 6 to 32 characters")]
        [InlineData("pass\u00e9word", "printable ASCII characters only")]
        [InlineData("pass\tword", "usage: passwd OLD NEW")]
        public void Weak_or_odd_new_passwords_are_refused(string fresh, string reason)
        {
            var rig = new ConsoleRig();
            rig.Login();
            string reply = rig.One("passwd 123456 " + fresh);
            Assert.StartsWith("error: ", reply);
            Assert.Contains(reason, reply);
            Assert.Equal(0, rig.Current.Password.Iterations);
        }

        [Fact]
        public void A_changed_password_works_after_a_reboot_and_the_old_one_does_not()
        {
            var rig = new ConsoleRig();
            rig.Login();
            Assert.Equal("password changed", rig.One("passwd 123456 N3w-Pass"));
            var booted = rig.Reboot();
            Assert.StartsWith("error: wrong password, not logged in", booted.One("login 123456"));
            Assert.Equal("logged in", booted.One("login N3w-Pass"));
            Assert.StartsWith("error: wrong password, password unchanged", booted.One("passwd n3w-pass Other-1"));
            Assert.Equal("password changed", booted.One("passwd N3w-Pass Other-1"));
        }

        [Fact]
        public void Checking_a_password_takes_slices_of_the_loop_and_lines_typed_meanwhile_wait_their_turn()
        {
            var rig = new ConsoleRig();
            rig.Login();
            rig.One("passwd 123456 Sliced-1");
            rig.One("logout");
            long timersBefore = rig.Loop.TimersFired;
            rig.Output.Sink.OnLine("login Sliced-1");
            rig.Output.Sink.OnLine("get led");
            rig.Output.Sink.OnLine("set led off");
            rig.Loop.RunUntilIdle();
            var lines = rig.Output.Lines.Where(l => !ConsoleRig.IsLog(l)).TakeLast(3).ToArray();
            Assert.Equal(new[] { "logged in", "led = on", "led = off (saved; takes effect at once)" }, lines);
            Assert.True(rig.Loop.TimersFired - timersBefore >= 999 / PasswordCheck.SliceIterations);
        }

        private static byte[] ReferencePbkdf2(byte[] password, byte[] salt, int iterations)
        {
            byte[] key = password.Length == 16 ? password : CryptoTests.ReferenceCmac(new byte[16], password);
            byte[] u = CryptoTests.ReferenceCmac(key, salt.Concat(new byte[] { 0, 0, 0, 1 }).ToArray());
            byte[] t = (byte[])u.Clone();
            for (int i = 1; i < iterations; i++)
            {
                u = CryptoTests.ReferenceCmac(key, u);
                for (int j = 0; j < 16; j++)
                {
                    t[j] ^= u[j];
                }
            }

            return t;
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
