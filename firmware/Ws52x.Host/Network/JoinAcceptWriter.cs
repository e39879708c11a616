using System;
using System.Security.Cryptography;
using Ws52x.LoRaWan.Crypto;
using Ws52x.LoRaWan.Frames;
using Ws52x.Util;

namespace Ws52x.Host.Network
{
    /// <summary>
    /// The network side of a LoRaWAN 1.0 join: builds the JoinAccept (MHDR | AppNonce | NetID | DevAddr | DLSettings |
    /// RxDelay | [CFList] | MIC) and encrypts it the way the spec asks, with AES *decryption* under the AppKey, so that
    /// a device only needs AES encryption to read it. The core reads what this writes (<see cref="JoinAccept"/>).
    /// </summary>
    public sealed class JoinAcceptWriter : IDisposable
    {
        private readonly LoRaWanCrypto _crypto;
        private readonly Aes _aes = Aes.Create();
        private readonly byte[] _plain = new byte[JoinAccept.LengthWithCFList];

        public JoinAcceptWriter(LoRaWanCrypto crypto)
        {
            _crypto = crypto ?? throw new ArgumentNullException(nameof(crypto));
        }

        /// <summary>
        /// Writes the JoinAccept as sent on air into <paramref name="output"/> and returns its length (17, or 33 with a
        /// CFList). <paramref name="cfList"/> may be null.
        /// </summary>
        public int Write(byte[] appKey, uint appNonce, uint netId, uint devAddr, int dlSettings, int rxDelay, byte[] cfList, byte[] output)
        {
            int length = cfList == null ? JoinAccept.LengthWithoutCFList : JoinAccept.LengthWithCFList;
            if (output.Length < length)
            {
                throw new ArgumentException("a JoinAccept needs " + length + " bytes", nameof(output));
            }

            _plain[0] = Mhdr.Make(MType.JoinAccept);
            Bytes.WriteUInt24LE(_plain, 1, appNonce);
            Bytes.WriteUInt24LE(_plain, 4, netId);
            Bytes.WriteUInt32LE(_plain, 7, devAddr);
            _plain[11] = (byte)dlSettings;
            _plain[12] = (byte)rxDelay;
            if (cfList != null)
            {
                Array.Copy(cfList, 0, _plain, 13, JoinAccept.CFListLength);
            }

            Bytes.WriteUInt32LE(_plain, length - 4, _crypto.JoinMic(appKey, _plain, 0, length - 4));
            output[0] = _plain[0];
            _aes.Key = appKey;
            _aes.DecryptEcb(new ReadOnlySpan<byte>(_plain, 1, length - 1), new Span<byte>(output, 1, length - 1), PaddingMode.None);
            return length;
        }

        public void Dispose() => _aes.Dispose();
    }
}
