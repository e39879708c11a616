namespace Ws52x.LoRaWan.Frames
{
    /// <summary>FCtrl bits (LoRaWAN 1.0.x §4.3.1). Bit 4 is ClassB on uplinks and FPending on downlinks.</summary>
    public static class FCtrl
    {
        public const int Adr = 0x80;
        public const int AdrAckReq = 0x40;
        public const int Ack = 0x20;
        public const int ClassB = 0x10;
        public const int FPending = 0x10;
        public const int FOptsLenMask = 0x0F;
        public const int MaxFOptsLength = 15;

        public static bool Has(int fctrl, int bit) => (fctrl & bit) != 0;

        public static int FOptsLength(int fctrl) => fctrl & FOptsLenMask;
    }
}
