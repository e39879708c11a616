using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.MacCommands;
using Ws52x.LoRaWan.Regions;
using Ws52x.Radio;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// Carries out the network's MAC commands (LoRaWAN 1.0.3 chapter 5) on the session's parameters and channel plan,
    /// and writes the answers: once-only answers go with the next uplink; RXParamSetupAns, RXTimingSetupAns and
    /// DlChannelAns stay ("sticky") in every uplink until a Class A downlink shows the network heard them.
    /// A block of contiguous LinkADRReq is one atomic change, answered once per request with the same status.
    /// Commands a region does not have (NewChannelReq in US915, TxParamSetupReq outside AS923/AU915) get no answer.
    /// </summary>
    internal sealed class MacCommandHandler
    {
        public const int AnswerCapacity = 64;

        /// <summary>
        /// Commands of one downlink the MAC carries out: as many as the answer buffer holds two-byte answers for (LinkADRAns,
        /// NewChannelAns, DlChannelAns...). A frame with more (only a broken or hostile network sends one) is handled up to
        /// here; the network asks again for the rest. 32 parsed commands instead of 64 kept from boot.
        /// </summary>
        public const int MaxCommandsPerFrame = AnswerCapacity / 2;

        /// <summary>RXParamSetupAns (2) + RXTimingSetupAns (1) + DlChannelAns (2).</summary>
        public const int StickyCapacity = 5;

        private readonly Region _region;
        private readonly ChannelPlan _plan;
        private readonly MacParameters _params;
        private readonly IRadio _radio;
        private readonly MacCommandWriter _answers = new MacCommandWriter();
        private readonly MacCommandWriter _sticky = new MacCommandWriter();
        private readonly ushort[] _work = new ushort[ChannelPlan.MaskWords];

        // The sticky answers, one of each at most (a repeated request replaces the older answer): status byte, or -1.
        private int _rxParamStatus = -1;
        private bool _rxTiming;
        private int _dlChannelStatus = -1;

        public MacCommandHandler(Region region, ChannelPlan plan, MacParameters parameters, IRadio radio)
        {
            _region = region;
            _plan = plan;
            _params = parameters;
            _radio = radio;
            AnswerBuffer = new byte[AnswerCapacity];
            ClearAnswers();
            ClearSticky();
        }

        public byte[] AnswerBuffer { get; }

        public int StickyLength => (_rxParamStatus >= 0 ? 2 : 0) + (_rxTiming ? 1 : 0) + (_dlChannelStatus >= 0 ? 2 : 0);

        public int PendingLength => _answers.Length + StickyLength;

        /// <summary>Set by the MAC: whether LinkADRReq may change data rate and power (ADR on).</summary>
        public bool AdrEnabled { get; set; }

        /// <summary>SNR of the last accepted downlink in whole dB, for DevStatusAns.</summary>
        public int LastSnrDb { get; set; }

        /// <summary>Something persisted changed (parameters or channels).</summary>
        public bool Changed { get; set; }

        /// <summary>Answers the last Process wrote (the MAC then sends an uplink soon to carry them).</summary>
        public bool NewAnswers { get; private set; }

        public bool LinkCheckAnswered { get; private set; }

        public int LinkMargin { get; private set; }

        public int GatewayCount { get; private set; }

        /// <summary>DeviceTimeAns: GPS seconds and 1/256 s, and whether one came in the last Process.</summary>
        public bool DeviceTimeAnswered { get; private set; }

        public uint GpsSeconds { get; private set; }

        public int GpsFraction { get; private set; }

        /// <summary>Answers dropped because they did not fit (more commands than one uplink can answer).</summary>
        public int DroppedAnswers { get; private set; }

        public void ClearAnswers() => _answers.Reset(AnswerBuffer, 0, AnswerCapacity);

        public void ClearSticky()
        {
            _rxParamStatus = -1;
            _rxTiming = false;
            _dlChannelStatus = -1;
        }

        /// <summary>A request of the device's own (LinkCheckReq, DeviceTimeReq) to go with the next uplink.</summary>
        public bool RequestLinkCheck() => _answers.LinkCheckReq();

        public bool RequestDeviceTime() => _answers.DeviceTimeReq();

        /// <summary>Copies the pending commands (sticky first) into <paramref name="output"/>; returns their length.</summary>
        public int CopyPending(byte[] output, int offset)
        {
            _sticky.Reset(output, offset, StickyCapacity);
            if (_rxParamStatus >= 0)
            {
                _sticky.RxParamSetupAns((_rxParamStatus & 4) != 0, (_rxParamStatus & 2) != 0, (_rxParamStatus & 1) != 0);
            }

            if (_rxTiming)
            {
                _sticky.RxTimingSetupAns();
            }

            if (_dlChannelStatus >= 0)
            {
                _sticky.DlChannelAns((_dlChannelStatus & 2) != 0, (_dlChannelStatus & 1) != 0);
            }

            int sticky = _sticky.Length;
            System.Array.Copy(AnswerBuffer, 0, output, offset + sticky, _answers.Length);
            return sticky + _answers.Length;
        }

        /// <summary>Carries out the parsed commands in order (those before an unknown CID; the codec stopped there).</summary>
        public void Process(MacCommandList commands)
        {
            NewAnswers = false;
            LinkCheckAnswered = false;
            DeviceTimeAnswered = false;
            int i = 0;
            while (i < commands.Count)
            {
                MacCommand c = commands[i];
                if (c.Cid == (int)Cid.LinkAdr)
                {
                    i = LinkAdrBlock(commands, i);
                    continue;
                }

                One(c);
                i++;
            }
        }

        private void One(MacCommand c)
        {
            switch (c.Cid)
            {
                case (int)Cid.LinkCheck:
                    LinkCheckAnswered = true;
                    LinkMargin = c.Margin;
                    GatewayCount = c.GwCnt;
                    break;
                case (int)Cid.DutyCycle:
                    _params.MaxDutyCycle = c.MaxDutyCycle;
                    Changed = true;
                    Answer(_answers.DutyCycleAns());
                    break;
                case (int)Cid.RxParamSetup:
                    RxParamSetup(c);
                    break;
                case (int)Cid.DevStatus:
                    // Battery 0: the socket is mains powered.
                    Answer(_answers.DevStatusAns(0, LastSnrDb));
                    break;
                case (int)Cid.NewChannel:
                    if (_region.SupportsNewChannel)
                    {
                        // A carrier the radio cannot tune is as bad as one outside the region (-1 is never valid).
                        int hz = c.Frequency == 0 || _radio.IsFrequencySupported((int)c.Frequency) ? (int)c.Frequency : -1;
                        int status = _plan.NewChannel(c.ChIndex, hz, c.MinDr, c.MaxDr);
                        Changed |= status == 3;
                        Answer(_answers.NewChannelAns((status & 2) != 0, (status & 1) != 0));
                    }

                    break;
                case (int)Cid.RxTimingSetup:
                    _params.RxDelaySeconds = c.Delay == 0 ? 1 : c.Delay;
                    Changed = true;
                    _rxTiming = true;
                    NewAnswers = true;
                    break;
                case (int)Cid.TxParamSetup:
                    if (_region.SupportsTxParamSetup)
                    {
                        _params.UplinkDwell = c.UplinkDwellTime;
                        _params.DownlinkDwell = c.DownlinkDwellTime;
                        _params.MaxEirpCentiDbm = RegionTables.As923MaxEirpTable[c.MaxEirpIndex] * 100;
                        Changed = true;
                        Answer(_answers.TxParamSetupAns());
                    }

                    break;
                case (int)Cid.DlChannel:
                    if (_region.SupportsNewChannel)
                    {
                        int hz = _radio.IsFrequencySupported((int)c.Frequency) ? (int)c.Frequency : -1;
                        int status = _plan.DlChannel(c.ChIndex, hz);
                        Changed |= status == 3;
                        _dlChannelStatus = status;
                        NewAnswers = true;
                    }

                    break;
                case (int)Cid.DeviceTime:
                    DeviceTimeAnswered = true;
                    GpsSeconds = c.GpsSeconds;
                    GpsFraction = c.FractionalSecond;
                    break;
            }
        }

        private void RxParamSetup(MacCommand c)
        {
            int hz = (int)c.Frequency;
            bool freqOk = _region.IsValidRx2Frequency(hz) && _radio.IsFrequencySupported(hz);
            bool drOk = _region.IsDownlinkDataRate(c.Rx2DataRate) && _region.IsLoRa(c.Rx2DataRate);
            bool offsetOk = c.Rx1DrOffset <= _region.MaxRx1DrOffset;
            if (freqOk && drOk && offsetOk)
            {
                _params.Rx1DrOffset = c.Rx1DrOffset;
                _params.Rx2DataRate = c.Rx2DataRate;
                _params.Rx2FrequencyHz = hz;
                Changed = true;
            }

            _rxParamStatus = (offsetOk ? 4 : 0) | (drOk ? 2 : 0) | (freqOk ? 1 : 0);
            NewAnswers = true;
        }

        // LoRaWAN 1.0.3 5.3: the channel-mask controls of the whole block build one mask, accepted or refused as a whole;
        // data rate, power and NbTrans come from the last request; every request gets the same answer.
        private int LinkAdrBlock(MacCommandList commands, int first)
        {
            int end = first;
            bool maskOk = true;
            _plan.CopyMask(_work);
            while (end < commands.Count && commands[end].Cid == (int)Cid.LinkAdr)
            {
                maskOk &= _plan.ApplyLinkAdrMask(_work, commands[end].ChMaskCntl, commands[end].ChMask);
                end++;
            }

            if (end == commands.Count && commands.Error == FrameError.BufferTooSmall)
            {
                // The list filled up inside the block: part of a channel mask is no mask. Neither applied nor answered.
                return end;
            }

            MacCommand last = commands[end - 1];
            // 1.0.4 (and 1.0.3 networks that send it): 0xF keeps the current value.
            int dr = last.DataRate == 0xF || !AdrEnabled ? _params.DataRate : last.DataRate;
            int power = last.TxPower == 0xF || !AdrEnabled ? _params.TxPowerIndex : last.TxPower;
            maskOk &= _plan.IsAcceptableMask(_work, dr);
            bool drOk = _region.IsUplinkDataRate(dr, _params.UplinkDwell) && _region.IsLoRa(dr) && _plan.AnyAllowed(_work, dr);
            bool powerOk = power <= _region.MaxTxPowerIndex;
            if (maskOk && drOk && powerOk)
            {
                _plan.SetMask(_work);
                _params.DataRate = dr;
                _params.TxPowerIndex = power;
                if (AdrEnabled)
                {
                    _params.NbTrans = last.NbTrans == 0 ? 1 : last.NbTrans;
                }

                Changed = true;
            }

            for (int k = first; k < end; k++)
            {
                Answer(_answers.LinkAdrAns(powerOk, drOk, maskOk));
            }

            return end;
        }

        private void Answer(bool written)
        {
            if (written)
            {
                NewAnswers = true;
            }
            else
            {
                DroppedAnswers++;
            }
        }
    }
}
