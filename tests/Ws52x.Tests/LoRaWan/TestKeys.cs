using System;
using Ws52x.Util;

namespace Ws52x.Tests.LoRaWan
{
    internal static class TestKeys
    {
        public static byte[] Bytes(Random r, int n)
        {
            var b = new byte[n];
            r.NextBytes(b);
            return b;
        }

        public static byte[] H(string hex) => Hex.Parse(hex);

        public static string X(byte[] b) => Hex.ToHex(b);

        public static string X(byte[] b, int offset, int count) => Hex.ToHex(b, offset, count);
    }
}
