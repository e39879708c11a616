namespace Ws52x.Platform
{
    /// <summary>A push-pull output pin: relay coil driver, LED, SX127x RESET, HLW8012 SEL.</summary>
    public interface IDigitalOutput
    {
        /// <summary>Drives the pin high (true) or low (false).</summary>
        void Write(bool high);
    }
}
