using Ws52x.Loop;
using Ws52x.Metering;
using Ws52x.Platform;

namespace Ws52x.App
{
    /// <summary>
    /// Everything a board hands to the firmware: the hardware behind the core's small interfaces. A board adapter
    /// (ESP32 or host) fills it and does nothing else. A part the board does not have stays null.
    /// </summary>
    public sealed class BoardIo
    {
        /// <summary>A short name for the log ("esp32", "host").</summary>
        public string Name;

        public ILoopClock Clock;
        public ITextConsole Console;
        public IKeyValueStorage Storage;
        public IRandomSource Random;

        /// <summary>Reboot and other board-level controls; null where the board cannot restart itself.</summary>
        public IBoardControl Control;

        /// <summary>
        /// The board's 8-byte identity as it reads (ESP32: derived from the factory MAC in eFuse; host: from the seed).
        /// It is the socket's SN (ff16) and the source of the default DevEUI and ABP DevAddr.
        /// </summary>
        public byte[] SerialNumber;

        /// <summary>
        /// The radio's frequency variant as the WS52x model suffix: "868M" (EU868, IN865, RU864), "915M" (US915, AU915,
        /// AS923, KR920) or "470M" (CN470). It decides the default region and which regions and templates the board
        /// accepts. Null = "868M".
        /// </summary>
        public string RadioBand;

        // Socket: relay driver (high = socket open / supplying power), status LED, power button (pressed = low).
        public IDigitalOutput Relay;
        public IDigitalOutput Led;
        public IDigitalInput Button;

        /// <summary>Power-fail detector (hardware 1.2 and later): goes low when mains is lost, for the ff3fff alert.</summary>
        public IDigitalInput PowerFail;

        // SX127x LoRa radio: SPI with chip select, RESET, DIO0 (TxDone/RxDone), DIO1 (RxTimeout).
        public ISpiDevice RadioSpi;
        public IDigitalOutput RadioReset;
        public IDigitalInput RadioDio0;
        public IDigitalInput RadioDio1;

        // HLW8012 / BL0937 metering: CF (active power pulses), CF1 (current or voltage pulses), SEL (what CF1 carries).
        public IPulseInput MeteringCf;
        public IPulseInput MeteringCf1;
        public IDigitalOutput MeteringSel;

        /// <summary>The metering chip and its resistor network; the datasheet defaults when null.</summary>
        public MeteringBoard Metering;
    }
}
