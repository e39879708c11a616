using Ws52x.Platform;

namespace Ws52x.Device.Tests.Storage
{
    /// <summary>
    /// A key/value storage together with the medium under it, able to leave that medium as a power cut would at any moment
    /// of a <see cref="IKeyValueStorage.Replace"/>. <see cref="PowerCutReplay"/> needs nothing else, so any storage can be
    /// checked by writing one of these for it (today the ESP32 flash files; the core's journal when it lands).
    /// </summary>
    internal interface IPowerCutTarget
    {
        /// <summary>The storage as the board opens it at power-on, over what the medium holds now.</summary>
        IKeyValueStorage PowerOn();

        /// <summary>How many moments a Replace of this value can be cut at; the last one is "after Replace returned".</summary>
        int CutPoints(string key, byte[] value, int length);

        /// <summary>Leaves the medium as a cut at moment <paramref name="cut"/> of Replace(key, value, length) would.</summary>
        void CutDuringReplace(int cut, string key, byte[] value, int length);

        /// <summary>Forgets everything on the medium.</summary>
        void Erase();
    }
}
