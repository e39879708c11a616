namespace Ws52x.Radio
{
    /// <summary>
    /// The LoRa forward error correction rate 4/(4+n). The value is n, which is also the CR term of the airtime formula
    /// and the SX127x RegModemConfig1 CodingRate field.
    /// </summary>
    public enum LoRaCodingRate
    {
        Cr4_5 = 1,
        Cr4_6 = 2,
        Cr4_7 = 3,
        Cr4_8 = 4,
    }

    /// <summary>Whether LowDataRateOptimize is set: by the 16 ms symbol-time rule (Auto), or forced.</summary>
    public enum LdroMode
    {
        Auto = 0,
        On = 1,
        Off = 2,
    }
}
