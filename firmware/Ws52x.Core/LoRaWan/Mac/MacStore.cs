using System;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.Regions;
using Ws52x.Platform;
using Ws52x.Util;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// What the MAC keeps across reboots and power cuts, in three records replaced atomically:
    /// <list type="bullet">
    /// <item>"lorawan.session": DevAddr, session keys, MAC parameters and channels; written at a join and when a MAC
    /// command changes them (rare). A power cut therefore never costs a join (TR007: no join storm after an outage).</item>
    /// <item>"lorawan.counters": FCntUp reserved in steps of <see cref="Reserve"/> (written before the frame that
    /// reaches the reserve goes out; a reboot continues from the reserve, so no counter is ever sent twice with the same
    /// keys), the exact FCntDown of the session and of each multicast group (written after each accepted downlink, so a
    /// frame heard before a power cut cannot be replayed after it).</item>
    /// <item>"lorawan.devnonce": the next DevNonce, reserved the same way. It survives a factory reset on purpose:
    /// a 1.0.4 join server refuses any DevNonce not above the last it saw.</item>
    /// </list>
    /// Each record carries a fingerprint of the identity it belongs to (join type, EUIs, keys, DevAddr, region), so
    /// changed settings start a fresh session instead of reusing one that no longer matches.
    /// </summary>
    internal sealed class MacStore
    {
        public const string SessionKey = "lorawan.session";
        public const string CountersKey = "lorawan.counters";
        public const string DevNonceKey = "lorawan.devnonce";

        /// <summary>FCntUp and DevNonce are reserved this many values ahead.</summary>
        public const int Reserve = 16;

        private const byte Version = 1;
        private const int SessionLength = 1 + 4 + 1 + 4 + 16 + 16 + MacParameters.RecordLength + ChannelPlan.RecordLength;
        private const int CountersLength = 1 + 4 + 4 + 4 + 1 + 4 * MulticastCount;
        private const int MulticastCount = 4;

        private readonly IKeyValueStorage _storage;
        private readonly byte[] _buffer = new byte[SessionLength + 16];

        public MacStore(IKeyValueStorage storage)
        {
            _storage = storage;
        }

        /// <summary>Identity the records belong to.</summary>
        public uint Fingerprint { get; set; }

        public int Writes { get; private set; }

        /// <summary>Restores a session record of this identity; false when there is none (or another identity's).</summary>
        public bool LoadSession(out bool otaa, Session session, MacParameters parameters, ChannelPlan plan, Region region)
        {
            otaa = false;
            if (!Read(SessionKey, SessionLength))
            {
                return false;
            }

            otaa = _buffer[5] == 0;
            var restored = new MacParameters();
            if (!restored.Read(_buffer, 42, region))
            {
                return false;
            }

            session.DevAddr = Bytes.ReadUInt32LE(_buffer, 6);
            System.Array.Copy(_buffer, 10, session.NwkSKey, 0, 16);
            System.Array.Copy(_buffer, 26, session.AppSKey, 0, 16);
            parameters.CopyFrom(restored);
            plan.Read(_buffer, 42 + MacParameters.RecordLength);
            return true;
        }

        /// <summary>Why the last save or erase failed: the storage's message (a full or worn flash).</summary>
        public string LastFailure { get; private set; }

        /// <summary>False when the storage refused the write (<see cref="LastFailure"/> says why); so do the other saves.</summary>
        public bool SaveSession(bool otaa, Session session, MacParameters parameters, ChannelPlan plan)
        {
            Header(SessionLength);
            _buffer[5] = (byte)(otaa ? 0 : 1);
            Bytes.WriteUInt32LE(_buffer, 6, session.DevAddr);
            System.Array.Copy(session.NwkSKey, 0, _buffer, 10, 16);
            System.Array.Copy(session.AppSKey, 0, _buffer, 26, 16);
            parameters.Write(_buffer, 42);
            plan.Write(_buffer, 42 + MacParameters.RecordLength);
            return Write(SessionKey, SessionLength);
        }

        /// <summary>Counters of this identity; false when there are none.</summary>
        public bool LoadCounters(out uint fCntUpReserve, Session session, Session[] multicast)
        {
            fCntUpReserve = 0;
            if (!Read(CountersKey, CountersLength))
            {
                return false;
            }

            fCntUpReserve = Bytes.ReadUInt32LE(_buffer, 5);
            session.FCntDown = Bytes.ReadUInt32LE(_buffer, 9);
            int flags = _buffer[13];
            session.HasDownlink = (flags & 1) != 0;
            for (int g = 0; g < MulticastCount && g < multicast.Length; g++)
            {
                multicast[g].FCntDown = Bytes.ReadUInt32LE(_buffer, 14 + 4 * g);
                multicast[g].HasDownlink = (flags & (2 << g)) != 0;
            }

            return true;
        }

        public bool SaveCounters(uint fCntUpReserve, Session session, Session[] multicast)
        {
            Header(CountersLength);
            Bytes.WriteUInt32LE(_buffer, 5, fCntUpReserve);
            Bytes.WriteUInt32LE(_buffer, 9, session.FCntDown);
            int flags = session.HasDownlink ? 1 : 0;
            for (int g = 0; g < MulticastCount; g++)
            {
                bool has = g < multicast.Length && multicast[g].HasDownlink;
                Bytes.WriteUInt32LE(_buffer, 14 + 4 * g, has ? multicast[g].FCntDown : 0);
                flags |= has ? 2 << g : 0;
            }

            _buffer[13] = (byte)flags;
            return Write(CountersKey, CountersLength);
        }

        /// <summary>The first DevNonce not yet possibly used (0 on a new board).</summary>
        public int LoadDevNonce()
        {
            if (_storage == null || _storage.Read(DevNonceKey, _buffer) != 4)
            {
                return 0;
            }

            return (int)Bytes.ReadUInt32LE(_buffer, 0);
        }

        public bool SaveDevNonce(int reserve)
        {
            Bytes.WriteUInt32LE(_buffer, 0, (uint)reserve);
            return Write(DevNonceKey, 4);
        }

        /// <summary>Forgets the session and its counters (a new join follows); the DevNonce reserve stays.</summary>
        public bool EraseSession()
        {
            if (_storage == null)
            {
                return true;
            }

            try
            {
                _storage.Delete(SessionKey);
                _storage.Delete(CountersKey);
                return true;
            }
            catch (Exception e)
            {
                LastFailure = e.Message;
                return false;
            }
        }

        /// <summary>FNV-1a over the bytes of an identity, folded into <paramref name="hash"/>.</summary>
        public static uint Fold(uint hash, byte[] data, int count)
        {
            for (int i = 0; i < count; i++)
            {
                hash = (hash ^ data[i]) * 16777619;
            }

            return hash;
        }

        public static uint Fold(uint hash, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                hash = (hash ^ text[i]) * 16777619;
            }

            return hash;
        }

        public const uint FoldStart = 2166136261;

        private void Header(int length)
        {
            System.Array.Clear(_buffer, 0, length);
            _buffer[0] = Version;
            Bytes.WriteUInt32LE(_buffer, 1, Fingerprint);
        }

        private bool Read(string key, int expected)
        {
            if (_storage == null)
            {
                return false;
            }

            int length = _storage.Read(key, _buffer);
            return length == expected && _buffer[0] == Version && Bytes.ReadUInt32LE(_buffer, 1) == Fingerprint;
        }

        private bool Write(string key, int length)
        {
            if (_storage == null)
            {
                return true;
            }

            try
            {
                _storage.Replace(key, _buffer, length);
            }
            catch (Exception e)
            {
                LastFailure = e.Message;
                return false;
            }

            Writes++;
            return true;
        }
    }
}
