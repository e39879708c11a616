using System;
using nanoFramework.TestFramework;
using Ws52x.Util;

namespace Ws52x.Device.Tests.Runtime
{
    /// <summary>
    /// The parts of mscorlib the core leans on whose nanoFramework implementation is its own: number to text, BitConverter,
    /// array bounds and Array.Copy. A difference here would change log lines, payloads or error handling on the device only.
    /// </summary>
    [TestClass]
    public class RuntimeLibraryTests
    {
        [TestMethod]
        [DataRow(0, "0")]
        [DataRow(-1, "-1")]
        [DataRow(2147483647, "2147483647")]
        [DataRow(-2147483648, "-2147483648")]
        public void Int_ToString_is_plain_decimal(int value, string text)
        {
            Assert.AreEqual(text, value.ToString());
        }

        [TestMethod]
        public void Long_and_uint_ToString_are_plain_decimal()
        {
            Assert.AreEqual("-9223372036854775808", long.MinValue.ToString());
            Assert.AreEqual("4294967295", uint.MaxValue.ToString());
            Assert.AreEqual("18446744073709551615", ulong.MaxValue.ToString());
            Assert.AreEqual("255", ((byte)255).ToString());
            Assert.AreEqual("-128", ((sbyte)-128).ToString());
        }

        [TestMethod]
        public void Concatenation_and_the_projects_hex_helpers_build_the_same_text()
        {
            Assert.AreEqual("x=5, y=-3", "x=" + 5.ToString() + ", y=" + (-3).ToString());
            Assert.AreEqual("0xFF", Hex.ByteLiteral(0xFF));
            Assert.AreEqual("00ff10", Hex.ToHex(new byte[] { 0x00, 0xFF, 0x10 }));
            Assert.AreEqual("1a2b", Hex.ToHex(Hex.Parse("1A2B")));
            Assert.AreEqual("bc", "abcd".Substring(1, 2));
            Assert.AreEqual(2, "abcd".IndexOf('c'));
        }

        [TestMethod]
        public void BitConverter_is_little_endian_on_the_device()
        {
            Assert.IsTrue(BitConverter.IsLittleEndian);
            byte[] bytes = BitConverter.GetBytes(0x01020304);
            Assert.AreEqual("04030201", Hex.ToHex(bytes));
            Assert.AreEqual((short)0x0A0B, BitConverter.ToInt16(new byte[] { 0x0B, 0x0A }, 0));
            Assert.AreEqual(-2L, BitConverter.ToInt64(new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, 0));
            Assert.AreEqual((ushort)0xFFEE, BitConverter.ToUInt16(new byte[] { 0x00, 0xEE, 0xFF }, 1));
        }

        [TestMethod]
        public void Indexing_past_an_array_throws_IndexOutOfRangeException()
        {
            var data = new byte[4];
            Assert.ThrowsException(typeof(IndexOutOfRangeException), () => data[4] = 1);
            int before = -1;
            Assert.ThrowsException(typeof(IndexOutOfRangeException), () => data[before] = 1);
        }

        [TestMethod]
        public void Array_Copy_out_of_range_throws_and_writes_nothing()
        {
            var source = new byte[] { 1, 2, 3, 4 };
            var target = new byte[3];
            bool threw = false;
            try
            {
                Array.Copy(source, 0, target, 0, 4);
            }
            catch (Exception)
            {
                // nanoFramework and desktop .NET name this failure differently; what matters is that it is refused whole.
                threw = true;
            }

            Assert.IsTrue(threw, "an Array.Copy past the target's end must throw");
            Assert.AreEqual((byte)0, target[0]);
            Assert.AreEqual((byte)0, target[2]);
        }

        [TestMethod]
        public void Array_Copy_of_an_overlapping_range_moves_it_like_memmove()
        {
            var data = new byte[] { 1, 2, 3, 4, 5 };
            Array.Copy(data, 0, data, 1, 4);
            Assert.AreEqual("0101020304", Hex.ToHex(data));
        }
    }
}
