namespace Ws52x.Codec
{
    /// <summary>The downlink commands of guide 4.4 and the vendor's newer ones.</summary>
    public enum CommandKind
    {
        None = 0,

        /// <summary>08: open (01) or close (00) the socket.</summary>
        Switch,

        /// <summary>ff03: reporting interval in seconds.</summary>
        ReportingInterval,

        /// <summary>ff22: open or close after a delay; replaces an earlier task.</summary>
        AddDelayTask,

        /// <summary>ff23: delete the delay task.</summary>
        DeleteDelayTask,

        /// <summary>ff24: overcurrent alarm enable and threshold.</summary>
        OvercurrentAlarm,

        /// <summary>ff30: overcurrent protection enable and threshold.</summary>
        OvercurrentProtection,

        /// <summary>ff25: button lock enable and lock time.</summary>
        ButtonLock,

        /// <summary>ff26: power-consumption recording enable.</summary>
        PowerConsumptionRecording,

        /// <summary>ff27: reset the energy counter.</summary>
        ResetPowerConsumption,

        /// <summary>ff28: send the electrical status now.</summary>
        EnquireElectricalStatus,

        /// <summary>ff2f: LED indicator enable.</summary>
        LedMode,

        /// <summary>ff10: reboot.</summary>
        Reboot,

        /// <summary>ff2c: send the basic information (device attributes) now.</summary>
        ReportAttributes,
    }
}
