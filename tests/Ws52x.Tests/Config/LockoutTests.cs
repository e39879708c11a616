using Ws52x.Config.Console;

namespace Ws52x.Tests.Config
{
    /// <summary>Five wrong passwords lock login for a minute, doubling each time, on the loop's clock.</summary>
    public class LockoutTests
    {
        private const long Second = 1_000_000;

        private static void FailFiveTimes(ConsoleRig rig)
        {
            for (int i = 1; i <= 4; i++)
            {
                Assert.StartsWith("error: wrong password, not logged in (" + (5 - i) + " more tr", rig.One("login wrong" + i));
            }
        }

        [Fact]
        public void Five_wrong_passwords_lock_for_a_minute_then_two_then_four()
        {
            var rig = new ConsoleRig();
            long[] expected = { 60, 120, 240, 480 };
            foreach (long seconds in expected)
            {
                FailFiveTimes(rig);
                Assert.Equal("error: wrong password, not logged in; locked for " + seconds + " s", rig.One("login wrong5"));
                long lockedAt = rig.Clock.NowMicros;

                // Even the right password is refused while locked, and does not count as a try.
                Assert.Equal("error: locked after 5 wrong passwords: try again in " + seconds + " s", rig.One("login 123456"));
                rig.Clock.Advance(seconds * Second - Second);
                Assert.Equal("error: locked after 5 wrong passwords: try again in 1 s", rig.One("login 123456"));
                Assert.False(rig.Config.Console.LoggedIn);
                rig.Clock.Advance(Second);
                Assert.Equal(lockedAt + seconds * Second, rig.Config.Console.LockedUntilMicros);
            }

            // Open again: the right password logs in and ends the doubling.
            Assert.StartsWith("logged in", rig.One("login 123456"));
            rig.One("logout");
            FailFiveTimes(rig);
            Assert.Equal("error: wrong password, not logged in; locked for 60 s", rig.One("login wrong5"));
        }

        [Fact]
        public void A_right_password_resets_the_count_of_wrong_ones()
        {
            var rig = new ConsoleRig();
            rig.One("login a1");
            rig.One("login a2");
            rig.One("login a3");
            rig.Login();
            rig.One("logout");
            Assert.Equal(0, rig.Config.Console.Failures);
            FailFiveTimes(rig);
            Assert.Contains("locked for 60 s", rig.One("login a5"));
        }

        [Fact]
        public void Wrong_old_passwords_in_passwd_count_towards_the_lockout()
        {
            var rig = new ConsoleRig();
            rig.Login();
            for (int i = 0; i < 4; i++)
            {
                Assert.StartsWith("error: wrong password, password unchanged (", rig.One("passwd nope" + i + " Fresh-123"));
            }

            Assert.Equal("error: wrong password, password unchanged; locked for 60 s", rig.One("passwd nope Fresh-123"));
            Assert.StartsWith("error: locked after 5 wrong passwords", rig.One("passwd 123456 Fresh-123"));
            Assert.Equal(0, rig.Current.Password.Iterations);
        }

        [Fact]
        public void The_lockout_stops_doubling_at_a_day()
        {
            var rig = new ConsoleRig();
            string last = null;
            for (int round = 0; round < 14; round++)
            {
                FailFiveTimes(rig);
                last = rig.One("login wrong5");
                rig.Clock.Advance(ConfigConsole.MaxLockoutMicros);
            }

            Assert.Equal("error: wrong password, not logged in; locked for 86400 s", last);
        }
    }
}
