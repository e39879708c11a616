namespace Ws52x.Codec
{
    /// <summary>Why a downlink was rejected.</summary>
    public enum DecodeReason
    {
        None = 0,
        Empty,
        Truncated,
        UnknownChannel,
        UnknownType,
        OutOfRange,
        BadConstant,
        TooManyCommands,
    }

    /// <summary>A rejection: the reason, the offset of the offending byte in the downlink, and a sentence for the log.</summary>
    public sealed class DecodeError
    {
        public DecodeReason Reason { get; private set; }

        /// <summary>Offset of the byte that made the downlink invalid (relative to the payload start).</summary>
        public int ByteIndex { get; private set; }

        public string Message { get; private set; }

        public void Set(DecodeReason reason, int byteIndex, string message)
        {
            Reason = reason;
            ByteIndex = byteIndex;
            Message = message;
        }

        public void Clear()
        {
            Reason = DecodeReason.None;
            ByteIndex = 0;
            Message = null;
        }

        public override string ToString() => Reason == DecodeReason.None ? "ok" : "byte " + ByteIndex.ToString() + ": " + Message;
    }
}
