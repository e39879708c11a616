using nanoFramework.TestFramework;
using Ws52x.Platform;

namespace Ws52x.Device.Tests.Storage
{
    /// <summary>
    /// Replays a power cut at every moment of one Replace and checks the promise of <see cref="IKeyValueStorage"/>: after
    /// power-on the key reads as the old value or the new one, never anything else; once a cut point reads new, every later
    /// one does too (the write does not un-happen); a cut after Replace returned reads new; and the storage takes the next
    /// Replace normally.
    /// </summary>
    internal static class PowerCutReplay
    {
        /// <summary>Returns how many cut points were checked.</summary>
        public static int Run(IPowerCutTarget target, string key, byte[] oldValue, byte[] newValue)
        {
            int points = target.CutPoints(key, newValue, newValue.Length);
            Assert.IsTrue(points >= 2, "a Replace has at least a moment before and one after it");
            var buffer = new byte[newValue.Length + oldValue.Length + 16];
            var next = new byte[] { 0x5A, 0xA5, 0x00, 0xFF };
            bool sawNew = false;
            for (int cut = 0; cut < points; cut++)
            {
                target.Erase();
                target.PowerOn().Replace(key, oldValue, oldValue.Length);
                target.CutDuringReplace(cut, key, newValue, newValue.Length);

                IKeyValueStorage storage = target.PowerOn();
                int length = storage.Read(key, buffer);
                bool isOld = Same(buffer, length, oldValue);
                bool isNew = Same(buffer, length, newValue);
                Assert.IsTrue(isOld || isNew, "cut " + cut.ToString() + ": read " + length.ToString() + " bytes that are neither the old nor the new value");
                Assert.IsFalse(sawNew && isOld, "cut " + cut.ToString() + ": the old value came back after an earlier cut had kept the new one");
                sawNew = sawNew || isNew;

                storage.Replace(key, next, next.Length);
                Assert.IsTrue(Same(buffer, target.PowerOn().Read(key, buffer), next), "cut " + cut.ToString() + ": the next Replace was not kept");
            }

            Assert.IsTrue(sawNew, "a cut after Replace returned must read the new value");
            return points;
        }

        private static bool Same(byte[] buffer, int length, byte[] value)
        {
            if (length != value.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (buffer[i] != value[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
