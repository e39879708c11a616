using nanoFramework.TestFramework;

namespace Ws52x.Device.Tests.Storage
{
    /// <summary>
    /// Settings storage under power cuts, on the file system the device really has (LittleFS on I:, in the virtual
    /// nanoCLR too), through <see cref="IPowerCutTarget"/>: the checks are the interface's promise, not this storage's format.
    /// </summary>
    [TestClass]
    public class StorageReplayTests
    {
        private static IPowerCutTarget _target;

        [Setup]
        public void OpenTheMedium()
        {
#if WS52X_HOST
            string root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ws52x-device-tests-" + System.Environment.ProcessId.ToString());
#else
            string root = "I:\\ws52x-tests";
            if (!System.IO.Directory.Exists("I:\\"))
            {
                Assert.SkipTest("no I: drive on this device: the storage tests need the internal flash file system");
            }
#endif
            _target = new FlashStorageCutTarget(root);
        }

        [TestMethod]
        [DataRow("settings", 3, 40)]
        [DataRow("metering-energy", 24, 24)]
        [DataRow("settings", 200, 1)]
        public void A_cut_at_any_moment_of_a_replace_reads_back_old_or_new(string key, int oldLength, int newLength)
        {
            int points = PowerCutReplay.Run(_target, key, Pattern(oldLength, 0x11), Pattern(newLength, 0x80));
            Assert.IsTrue(points > newLength, "every byte of the new record is a cut point");
        }

        [TestMethod]
        public void Read_reports_a_value_too_long_for_the_buffer_without_copying_it()
        {
            _target.Erase();
            var storage = _target.PowerOn();
            storage.Replace("settings", Pattern(10, 1), 10);
            var small = new byte[4];
            Assert.AreEqual(10, storage.Read("settings", small));
            Assert.AreEqual((byte)0, small[0]);
            Assert.AreEqual(-1, storage.Read("absent", small));
            Assert.IsTrue(storage.Delete("settings"));
            Assert.IsFalse(storage.Delete("settings"));
        }

        [Cleanup]
        public void EraseTheMedium()
        {
            if (_target != null)
            {
                _target.Erase();
            }
        }

        private static byte[] Pattern(int length, int seed)
        {
            var value = new byte[length];
            for (int i = 0; i < length; i++)
            {
                value[i] = (byte)(seed + i * 7);
            }

            return value;
        }
    }
}
