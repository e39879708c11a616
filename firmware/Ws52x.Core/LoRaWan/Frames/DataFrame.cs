namespace Ws52x.LoRaWan.Frames
{
    /// <summary>
    /// A parsed data frame, reused from parse to parse (its buffers are allocated once). After a successful parse
    /// <see cref="Payload"/> holds the decrypted FRMPayload and <see cref="FOpts"/> the FOpts bytes; when
    /// <see cref="FPort"/> is 0 the payload is MAC commands (decrypted with NwkSKey).
    /// </summary>
    public sealed class DataFrame
    {
        public const int MaxPhyPayload = 255;
        public const int NoPort = -1;

        public readonly byte[] FOpts = new byte[FCtrl.MaxFOptsLength];
        public readonly byte[] Payload = new byte[MaxPhyPayload];

        public MType Type;
        public uint DevAddr;
        public int FCtrlBits;
        public int FCnt16;

        /// <summary>The full counter the MIC was checked with (reconstructed or given).</summary>
        public uint FCnt32;

        public int FOptsLength;

        /// <summary>FPort, or <see cref="NoPort"/> when the frame has no FRMPayload.</summary>
        public int FPort;

        public int PayloadLength;
        public uint Mic;

        public bool Adr => FCtrl.Has(FCtrlBits, FCtrl.Adr);

        public bool AdrAckReq => FCtrl.Has(FCtrlBits, FCtrl.AdrAckReq);

        public bool Ack => FCtrl.Has(FCtrlBits, FCtrl.Ack);

        /// <summary>FPending on a downlink; the same bit is ClassB on an uplink.</summary>
        public bool FPending => FCtrl.Has(FCtrlBits, FCtrl.FPending);

        public bool IsConfirmed => Mhdr.IsConfirmed(Type);

        public bool IsUplink => Mhdr.IsUplinkData(Type);

        public void Clear()
        {
            Type = MType.UnconfirmedDataDown;
            DevAddr = 0;
            FCtrlBits = 0;
            FCnt16 = 0;
            FCnt32 = 0;
            FOptsLength = 0;
            FPort = NoPort;
            PayloadLength = 0;
            Mic = 0;
        }
    }
}
