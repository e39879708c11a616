namespace Ws52x.App
{
    /// <summary>Versions the socket reports (basic information ff09 / ff0a) and prints at boot.</summary>
    internal static class FirmwareInfo
    {
        /// <summary>Software version as the payload carries it: major, minor (ff0a 01 14 = v1.14).</summary>
        public const byte SoftwareMajor = 1;
        public const byte SoftwareMinor = 0;

        public static string SoftwareVersion => "v" + SoftwareMajor.ToString() + "." + SoftwareMinor.ToString();
    }
}
