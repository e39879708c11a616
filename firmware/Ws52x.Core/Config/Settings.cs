namespace Ws52x.Config
{
    /// <summary>Guide 3.2.1 "Join Type".</summary>
    public enum JoinType
    {
        Otaa = 0,
        Abp = 1,
    }

    /// <summary>The LoRaWAN device class (the WS52x offers A and C).</summary>
    public enum DeviceClass
    {
        A = 0,
        C = 2,
    }

    /// <summary>Guide 3.3 "When Power is Restored, Socket".</summary>
    public enum PowerRestorePolicy
    {
        Off = 0,
        On = 1,
        LastState = 2,
    }

    /// <summary>
    /// Every setting a WS52x owner can change (guide 3.2 and 3.3), one instance for the whole firmware. The LoRaWAN MAC
    /// reads <see cref="LoRaWan"/>, the socket application reads <see cref="Socket"/>; changes go through the
    /// configuration area, which validates, persists and tells the owners. Values here are the factory defaults that
    /// do not depend on the board; <see cref="SettingsDefaults"/> adds the board's identity and its region's defaults.
    /// Names, ranges, units and when a change takes effect: <see cref="SettingsTable"/> (and docs/configuration.md).
    /// </summary>
    public sealed class Settings
    {
        public readonly LoRaWanSettings LoRaWan = new LoRaWanSettings();
        public readonly SocketSettings Socket = new SocketSettings();

        /// <summary>The console password (guide 3.1, default 123456), kept only as a salted hash.</summary>
        public readonly PasswordSettings Password = new PasswordSettings();
    }

    /// <summary>
    /// The password as stored: PBKDF2 with AES-CMAC-PRF-128 (<see cref="Util.Pbkdf2Cmac"/>) over a random salt. While
    /// <see cref="Iterations"/> is 0 the password is the guide's factory default, which needs no secret to be stored.
    /// </summary>
    public sealed class PasswordSettings
    {
        public int Iterations;
        public readonly byte[] Salt = new byte[16];
        public readonly byte[] Hash = new byte[16];
    }

    /// <summary>Guide 3.2: LoRaWAN basic, frequency and multicast settings.</summary>
    public sealed class LoRaWanSettings
    {
        public const int MulticastGroupCount = 4;

        /// <summary>Device EUI as it reads (big-endian). The board gives the default (from its own unique id).</summary>
        public readonly byte[] DevEui = new byte[8];

        /// <summary>App EUI as it reads; default 24E124C0002A0001.</summary>
        public readonly byte[] AppEui = { 0x24, 0xE1, 0x24, 0xC0, 0x00, 0x2A, 0x00, 0x01 };

        /// <summary>FPort of uplinks and of the downlinks the application hears (default 85).</summary>
        public int ApplicationPort = 85;

        public JoinType JoinType = JoinType.Otaa;

        /// <summary>OTAA AppKey; default 5572404C696E6B4C6F52613230313823.</summary>
        public readonly byte[] AppKey = DefaultKey(0x23);

        /// <summary>ABP DevAddr; default the 5th to 12th digits of the SN (set from the board's SN at boot).</summary>
        public uint DevAddr;

        /// <summary>ABP session keys; both default to 5572404C696E6B4C6F52613230313823.</summary>
        public readonly byte[] NwkSKey = DefaultKey(0x23);
        public readonly byte[] AppSKey = DefaultKey(0x23);

        /// <summary>"Spread Factor": the data rate used when ADR is off (and the first one when it is on). SF10: DR2, DR0 on US915 (set per region by <see cref="SettingsDefaults"/>).</summary>
        public int DataRate = 2;

        /// <summary>Confirmed uplinks, resent at most 3 times without an ACK.</summary>
        public bool Confirmed;

        /// <summary>Rejoin mode: link checks, and a new join after <see cref="RejoinPackets"/> (4-32) without an answer (OTAA only).</summary>
        public bool RejoinMode = true;
        public int RejoinPackets = 32;

        public bool Adr = true;

        /// <summary>TX power index of the region (0 = the region's maximum EIRP).</summary>
        public int TxPowerIndex;

        /// <summary>RX2 data rate; -1 = the region's default.</summary>
        public int Rx2DataRate = -1;

        /// <summary>RX2 frequency in Hz; 0 = the region's default.</summary>
        public int Rx2FrequencyHz;

        /// <summary>"Support Frequency": EU868, US915, AU915, AS923-1..4, CN470, KR920, IN865, RU864 (<see cref="RegionTable"/>).
        /// The default follows the board's model: EU868 on -868M, AU915 on -915M (guide 3.2.2).</summary>
        public string Region = "EU868";

        /// <summary>Enabled channels in the guide's syntax ("0-7", "1,40", "1-40,60", "all", "null"); empty = the region's default plan.
        /// Stored in its shortest form (<see cref="LoRaWan.Regions.ChannelListSyntax.Format"/>).</summary>
        public string Channels = "";

        public DeviceClass Class = DeviceClass.C;

        /// <summary>Guide 3.2.3: four static multicast groups, heard in Class C.</summary>
        public readonly MulticastGroupSettings[] Multicast =
        {
            // The guide shows 11111111 for group 1; the other groups follow its pattern, as their keys do.
            new MulticastGroupSettings(0x23) { Address = 0x11111111 },
            new MulticastGroupSettings(0x24) { Address = 0x22222222 },
            new MulticastGroupSettings(0x25) { Address = 0x33333333 },
            new MulticastGroupSettings(0x26) { Address = 0x44444444 },
        };

        /// <summary>5572404C696E6B4C6F526132303138xx: the guide's default keys differ only in the last byte.</summary>
        internal static byte[] DefaultKey(byte last)
        {
            return new byte[] { 0x55, 0x72, 0x40, 0x4C, 0x69, 0x6E, 0x6B, 0x4C, 0x6F, 0x52, 0x61, 0x32, 0x30, 0x31, 0x38, last };
        }
    }

    /// <summary>One multicast group (guide 3.2.3).</summary>
    public sealed class MulticastGroupSettings
    {
        public bool Enabled;

        /// <summary>McAddr as it reads (8 hex digits).</summary>
        public uint Address;

        public readonly byte[] McNetSKey;
        public readonly byte[] McAppSKey;

        public MulticastGroupSettings(byte keyLastByte)
        {
            McNetSKey = LoRaWanSettings.DefaultKey(keyLastByte);
            McAppSKey = LoRaWanSettings.DefaultKey(keyLastByte);
        }
    }

    /// <summary>Guide 3.3: general settings, and what the socket's downlinks (guide 4.4) change.</summary>
    public sealed class SocketSettings
    {
        /// <summary>Reporting interval in seconds (guide: 1-1080 min, default 20 min; ff03 sets it in seconds).</summary>
        public int ReportingIntervalSeconds = 1200;

        public bool LedEnabled = true;

        /// <summary>Power consumption recording (ff26); off = the energy counter stops.</summary>
        public bool PowerConsumptionEnabled = true;

        public PowerRestorePolicy PowerRestore = PowerRestorePolicy.Off;

        /// <summary>Button lock (ff25): the button does nothing but the factory reset.</summary>
        public bool ButtonLock;

        /// <summary>ff25's lock time in minutes (vendor encoder); 0 = until unlocked.</summary>
        public int ButtonLockMinutes;

        public bool OvercurrentAlarmEnabled;
        public int OvercurrentAlarmThresholdAmps = 10;

        public bool OvercurrentProtectionEnabled;
        public int OvercurrentProtectionThresholdAmps = 10;
    }
}
