namespace Ws52x.LoRaWan.Frames
{
    /// <summary>Message type, the top three bits of MHDR (LoRaWAN 1.0.x §4.2.1).</summary>
    public enum MType
    {
        JoinRequest = 0,
        JoinAccept = 1,
        UnconfirmedDataUp = 2,
        UnconfirmedDataDown = 3,
        ConfirmedDataUp = 4,
        ConfirmedDataDown = 5,
        RejoinRequest = 6,
        Proprietary = 7,
    }

    /// <summary>MHDR = MType(3) | RFU(3) | Major(2). Major 0 is "LoRaWAN R1", the only one defined.</summary>
    public static class Mhdr
    {
        public const int MajorLoRaWanR1 = 0;

        public static byte Make(MType type) => (byte)((int)type << 5);

        public static MType TypeOf(byte mhdr) => (MType)(mhdr >> 5);

        public static int MajorOf(byte mhdr) => mhdr & 0x03;

        public static bool IsData(MType t) => t >= MType.UnconfirmedDataUp && t <= MType.ConfirmedDataDown;

        public static bool IsUplinkData(MType t) => t == MType.UnconfirmedDataUp || t == MType.ConfirmedDataUp;

        public static bool IsDownlinkData(MType t) => t == MType.UnconfirmedDataDown || t == MType.ConfirmedDataDown;

        public static bool IsConfirmed(MType t) => t == MType.ConfirmedDataUp || t == MType.ConfirmedDataDown;

        /// <summary>lora-packet's and the spec's wording, e.g. "Confirmed Data Up".</summary>
        public static string Name(MType t)
        {
            switch (t)
            {
                case MType.JoinRequest: return "Join Request";
                case MType.JoinAccept: return "Join Accept";
                case MType.UnconfirmedDataUp: return "Unconfirmed Data Up";
                case MType.UnconfirmedDataDown: return "Unconfirmed Data Down";
                case MType.ConfirmedDataUp: return "Confirmed Data Up";
                case MType.ConfirmedDataDown: return "Confirmed Data Down";
                case MType.RejoinRequest: return "Rejoin Request";
                default: return "Proprietary";
            }
        }
    }
}
