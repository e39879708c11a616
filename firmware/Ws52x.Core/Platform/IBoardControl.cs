namespace Ws52x.Platform
{
    /// <summary>
    /// The board's own controls that are not a pin: a restart of the whole firmware (ff10ff, console `reboot`, after a
    /// factory reset). On the ESP32 a processor reset; on the host board a new firmware on the same kept storage.
    /// </summary>
    public interface IBoardControl
    {
        /// <summary>Restarts the firmware; does not return on the device. <paramref name="reason"/> is logged first.</summary>
        void Reboot(string reason);
    }
}
