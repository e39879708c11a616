using System;
using Ws52x.Util;

namespace Ws52x.Host.Network.SemtechUdp
{
    /// <summary>The six datagram types of the Semtech UDP packet-forwarder protocol (byte 3 of every datagram).</summary>
    public enum SemtechPacketType
    {
        PushData = 0x00,
        PushAck = 0x01,
        PullData = 0x02,
        PullResp = 0x03,
        PullAck = 0x04,
        TxAck = 0x05,
    }

    /// <summary>
    /// The binary frame around the protocol's JSON (Semtech packet_forwarder PROTOCOL.TXT, version 2): byte 0 the
    /// protocol version, bytes 1-2 a token the answer repeats, byte 3 the type, and for the gateway's datagrams (PUSH_DATA,
    /// PULL_DATA, TX_ACK) bytes 4-11 the gateway's EUI; the JSON object, if any, follows.
    /// </summary>
    public static class SemtechPacket
    {
        public const byte ProtocolVersion = 2;

        /// <summary>Version, token, type.</summary>
        public const int ShortHeaderLength = 4;

        /// <summary>Version, token, type, gateway EUI.</summary>
        public const int GatewayHeaderLength = 12;

        /// <summary>A datagram from the gateway: the 12-byte header and then <paramref name="json"/> (may be null: none).</summary>
        public static byte[] FromGateway(SemtechPacketType type, ushort token, byte[] gatewayEui, byte[] json)
        {
            int length = json == null ? 0 : json.Length;
            var datagram = new byte[GatewayHeaderLength + length];
            WriteShortHeader(datagram, type, token);
            Array.Copy(gatewayEui, 0, datagram, ShortHeaderLength, 8);
            if (json != null)
            {
                Array.Copy(json, 0, datagram, GatewayHeaderLength, length);
            }

            return datagram;
        }

        /// <summary>A datagram from the server: the 4-byte header and then <paramref name="json"/> (may be null).</summary>
        public static byte[] FromServer(SemtechPacketType type, ushort token, byte[] json, byte version = ProtocolVersion)
        {
            int length = json == null ? 0 : json.Length;
            var datagram = new byte[ShortHeaderLength + length];
            WriteShortHeader(datagram, type, token);
            datagram[0] = version;
            if (json != null)
            {
                Array.Copy(json, 0, datagram, ShortHeaderLength, length);
            }

            return datagram;
        }

        /// <summary>
        /// Reads a datagram's header: null when it is one, else why it is not (too short, another protocol version).
        /// The token is the two bytes as sent (little-endian, as ChirpStack and the reference forwarder treat them).
        /// </summary>
        public static string TryRead(byte[] datagram, int length, out SemtechPacketType type, out ushort token)
        {
            type = 0;
            token = 0;
            if (datagram == null || length < ShortHeaderLength)
            {
                return (length < 0 ? 0 : length) + " bytes, shorter than a header";
            }

            if (datagram[0] != ProtocolVersion)
            {
                return "protocol version " + datagram[0] + ", this gateway speaks version " + ProtocolVersion;
            }

            type = (SemtechPacketType)datagram[3];
            token = Bytes.ReadUInt16LE(datagram, 1);
            return null;
        }

        /// <summary>The protocol's name of a type ("PULL_RESP"), or its number when unknown.</summary>
        public static string Name(SemtechPacketType type)
        {
            switch (type)
            {
                case SemtechPacketType.PushData: return "PUSH_DATA";
                case SemtechPacketType.PushAck: return "PUSH_ACK";
                case SemtechPacketType.PullData: return "PULL_DATA";
                case SemtechPacketType.PullResp: return "PULL_RESP";
                case SemtechPacketType.PullAck: return "PULL_ACK";
                case SemtechPacketType.TxAck: return "TX_ACK";
                default: return "type 0x" + ((int)type).ToString("x2");
            }
        }

        /// <summary>A token as logs show it: four hex digits.</summary>
        public static string TokenText(ushort token) => token.ToString("x4");

        private static void WriteShortHeader(byte[] datagram, SemtechPacketType type, ushort token)
        {
            datagram[0] = ProtocolVersion;
            Bytes.WriteUInt16LE(datagram, 1, token);
            datagram[3] = (byte)type;
        }
    }
}
