using nanoFramework.TestFramework;
using Ws52x.Util;

namespace Ws52x.Device.Tests.Runtime
{
    /// <summary>
    /// Integer behaviour the core relies on, checked on the runtime that runs it: unchecked wrap-around (frame counters,
    /// CRCs), sign of shifts, division and remainder toward zero, truncating casts, and 64-bit arithmetic on a 32-bit CPU.
    /// </summary>
    [TestClass]
    public class ArithmeticTests
    {
        [TestMethod]
        public void Unchecked_integers_wrap_around()
        {
            int max = int.MaxValue;
            Assert.AreEqual(int.MinValue, unchecked(max + 1));
            uint zero = 0;
            Assert.AreEqual(0xFFFFFFFFu, unchecked(zero - 1));
            // The downlink counter distance of Session.ReconstructDownlinkCounter: 16-bit difference across a wrap.
            uint last = 0x0001FFFE;
            Assert.AreEqual(3u, (0x0001u - last) & 0xFFFF);
            long big = long.MaxValue;
            Assert.AreEqual(long.MinValue, unchecked(big + 1));
        }

        [TestMethod]
        public void Casts_truncate_and_keep_the_sign_where_the_type_has_one()
        {
            // Variables, not constants, so the casts happen at run time rather than in the compiler.
            int value = 0x1234ABCD;
            byte low = 0xCD;
            uint all = 0xFFFFFFFFu;
            uint minusTwo = 0xFFFFFFFEu;
            Assert.AreEqual((byte)0xCD, (byte)value);
            Assert.AreEqual((sbyte)-51, (sbyte)low);
            Assert.AreEqual((short)-21555, (short)value);
            Assert.AreEqual(-1, (int)all);
            Assert.AreEqual(4294967295L, (long)all);
            Assert.AreEqual(-2L, (long)(int)minusTwo);
        }

        [TestMethod]
        public void Shifts_are_arithmetic_for_signed_and_logical_for_unsigned_values()
        {
            int negative = -256;
            uint high = 0xFFFFFF00u;
            int one = 1;
            int count = 32;
            long longOne = 1;
            Assert.AreEqual(-16, negative >> 4);
            Assert.AreEqual(0x0FFFFFF0u, high >> 4);
            Assert.AreEqual(1, one << count); // the count is taken mod 32
            Assert.AreEqual(0x10000000000L, longOne << 40);
            Assert.AreEqual(0x80000000u, (uint)one << 31);
        }

        [TestMethod]
        [DataRow(7, 2, 3, 1)]
        [DataRow(-7, 2, -3, -1)]
        [DataRow(7, -2, -3, 1)]
        [DataRow(-7, -2, 3, -1)]
        public void Division_and_remainder_round_toward_zero(int dividend, int divisor, int quotient, int remainder)
        {
            Assert.AreEqual(quotient, dividend / divisor);
            Assert.AreEqual(remainder, dividend % divisor);
            Assert.AreEqual((long)quotient, (long)dividend / divisor);
            Assert.AreEqual((long)remainder, (long)dividend % divisor);
        }

        [TestMethod]
        public void Sixty_four_bit_products_and_quotients_are_exact()
        {
            // The energy counter's µWh over a year at 3680 W, and a pulse window's product before its division.
            long watts = 3680;
            long pulses = 400;
            long span = 4000000;
            long negative = -7000000000000L;
            ulong wide = 0xFFFFFFFFFFFFFFFFUL;
            Assert.AreEqual(32236800000000L, watts * 1000000 * 24 * 365);
            long product = pulses * 1000000000L * 1000;
            Assert.AreEqual(400000000000000L, product);
            Assert.AreEqual(100000000L, product / span);
            Assert.AreEqual(-7L, negative / 1000000000000L);
            Assert.AreEqual(0x7FFFFFFFFFFFFFFFUL, wide >> 1);
        }

        [TestMethod]
        public void Little_endian_helpers_and_the_CPU_agree()
        {
            var buffer = new byte[8];
            Bytes.WriteUInt32LE(buffer, 0, 0xA1B2C3D4u);
            Assert.AreEqual("d4c3b2a1", Hex.ToHex(buffer, 0, 4));
            Assert.AreEqual(0xA1B2C3D4u, Bytes.ReadUInt32LE(buffer, 0));
            Bytes.WriteInt64LE(buffer, 0, -2L);
            Assert.AreEqual("feffffffffffffff", Hex.ToHex(buffer));
            Assert.AreEqual(-2L, Bytes.ReadInt64LE(buffer, 0));
        }
    }
}
