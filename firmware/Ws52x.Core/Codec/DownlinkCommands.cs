namespace Ws52x.Codec
{
    /// <summary>
    /// The typed commands of one downlink, in the order they came, with their values. Preallocated and reused: the
    /// decoder fills it only when the whole downlink is valid. A command given twice keeps its last value
    /// (a later delay task replaces the earlier), and is listed once, at its last position.
    /// </summary>
    public sealed class DownlinkCommands
    {
        public const int MaxCommands = 16;

        private readonly CommandKind[] _order = new CommandKind[MaxCommands];

        public int Count { get; private set; }

        public CommandKind this[int index] => _order[index];

        public bool SwitchOn;
        public int ReportingIntervalSeconds;
        public int DelaySeconds;
        public bool DelayOpens;
        public int DeleteDelayTaskIndex;
        public bool OvercurrentAlarmEnabled;
        public int OvercurrentAlarmThresholdAmps;
        public bool OvercurrentProtectionEnabled;
        public int OvercurrentProtectionThresholdAmps;
        public bool ButtonLockEnabled;
        public int ButtonLockMinutes;
        public bool PowerConsumptionRecording;
        public bool LedEnabled;

        /// <summary>True when the guide's open/close form (xx 00 ff) was used rather than the vendor encoder's (xx ff ff).</summary>
        public bool SwitchGuideForm;

        public bool Contains(CommandKind kind)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_order[i] == kind)
                {
                    return true;
                }
            }

            return false;
        }

        public void Clear()
        {
            Count = 0;
        }

        /// <summary>Adds a command kind (moving it to the end if present). False when already full.</summary>
        public bool Add(CommandKind kind)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_order[i] == kind)
                {
                    for (int j = i; j < Count - 1; j++)
                    {
                        _order[j] = _order[j + 1];
                    }

                    _order[Count - 1] = kind;
                    return true;
                }
            }

            if (Count == MaxCommands)
            {
                return false;
            }

            _order[Count++] = kind;
            return true;
        }
    }
}
