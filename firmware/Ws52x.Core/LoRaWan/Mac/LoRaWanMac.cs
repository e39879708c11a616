using System;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.LoRaWan.Crypto;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.MacCommands;
using Ws52x.LoRaWan.Regions;
using Ws52x.Loop;
using Ws52x.Platform;
using Ws52x.Radio;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// The LoRaWAN 1.0.3 end-device MAC, Class A and C, on the event loop: joins (OTAA) or starts from keys (ABP),
    /// sends the application's uplinks (confirmed with up to three resends, unconfirmed NbTrans times), opens RX1/RX2
    /// after each uplink (Class C: RX2 the rest of the time), answers MAC commands, runs ADR back-off, respects duty
    /// cycles, keeps its session and counters across reboots, and refuses every bad downlink without changing state.
    /// Region rules come from <see cref="Region"/>/<see cref="ChannelPlan"/>; the radio is an <see cref="IRadio"/>.
    /// After construction nothing allocates per uplink or per accepted downlink (logging aside, see <see cref="LogFrames"/>).
    /// </summary>
    internal sealed partial class LoRaWanMac : ILoRaWanLink, IRadioEvents, IMacFigures
    {
        public const long Second = 1000000;
        public const long JoinAcceptDelay1Micros = 5 * Second;

        /// <summary>A confirmed uplink goes out once and is resent at most three times (guide 3.2.1).</summary>
        public const int ConfirmedTransmissions = 4;

        /// <summary>Rejoin mode's link check period when reports come at least this often (guide 3.2.1).</summary>
        public const long LinkCheckPeriodMicros = 30L * 60 * Second;

        private const long RadioRetryMicros = 60 * Second;

        private readonly IMacClock _clock;
        private readonly IRadio _radio;
        private readonly LoRaWanSettings _settings;
        private readonly SocketSettings _socket;
        private readonly Log _log;
        private readonly ILoRaWanEvents _events;
        private readonly Region _region;
        private readonly ChannelPlan _plan;
        private readonly MacParameters _params = new MacParameters();
        private readonly Session _session = new Session();
        private readonly Session[] _multicast = new Session[LoRaWanSettings.MulticastGroupCount];
        private readonly bool[] _multicastOn = new bool[LoRaWanSettings.MulticastGroupCount];
        private readonly LoRaWanCrypto _crypto = new LoRaWanCrypto();
        private readonly FrameBuilder _builder;
        private readonly FrameParser _parser;
        private readonly DataFrame _frame = new DataFrame();
        private readonly MacCommandList _commands = new MacCommandList(MacCommandHandler.MaxCommandsPerFrame);
        private readonly JoinAccept _accept = new JoinAccept();
        private readonly MacCommandHandler _handler;
        private readonly Adr _adr = new Adr();
        private readonly DutyCycle _duty = new DutyCycle();
        private readonly JoinBackoff _joinBackoff = new JoinBackoff();
        private readonly ChannelSelector _selector;
        private readonly UplinkQueue _queue = new UplinkQueue();
        private readonly MacStore _store;
        private readonly ushort[] _scratchMask = new ushort[ChannelPlan.MaskWords];
        private readonly LoopTimer _txTimer;
        private readonly LoopTimer _rx1Timer;
        private readonly LoopTimer _rx2Timer;
        private readonly LoopTimer _rx2EndTimer;
        private readonly LoopTimer _linkCheckTimer;
        private readonly LoopTimer _radioTimer;
        private readonly RadioTxConfig _tx = new RadioTxConfig();
        private readonly RadioRxConfig _rx1 = new RadioRxConfig();
        private readonly RadioRxConfig _rx2 = new RadioRxConfig();
        private readonly byte[] _txBuffer = new byte[DataFrame.MaxPhyPayload];
        private readonly byte[] _macPayload = new byte[MacCommandHandler.AnswerCapacity + MacCommandHandler.StickyCapacity];

        private MacState _state;
        private bool _otaa;
        private bool _joined;
        private bool _radioReady;

        public LoRaWanMac(EventLoop loop, IRadio radio, Settings settings, IKeyValueStorage storage, IRandomSource random,
            Log log, ILoRaWanEvents events, IMacClock clock = null)
        {
            if (loop == null || radio == null || settings == null || log == null || events == null)
            {
                throw new ArgumentNullException(loop == null ? "loop" : radio == null ? "radio" : settings == null ? "settings" : log == null ? "log" : "events");
            }

            _clock = clock ?? new LoopMacClock(loop);
            _radio = radio;
            _settings = settings.LoRaWan;
            _socket = settings.Socket;
            _log = log;
            _events = events;
            _region = KnownRegions.Find(_settings.Region);
            if (_region == null)
            {
                _log.Warn("lorawan", "unknown region '" + _settings.Region + "' (known: " + KnownRegions.NameList() + "), using EU868");
                _region = KnownRegions.Find("EU868");
            }

            _plan = new ChannelPlan(_region);
            _builder = new FrameBuilder(_crypto);
            _parser = new FrameParser(_crypto);
            _handler = new MacCommandHandler(_region, _plan, _params, radio);
            _selector = new ChannelSelector(random ?? new PseudoRandom(0x5752));
            _store = new MacStore(storage);
            for (int g = 0; g < _multicast.Length; g++)
            {
                _multicast[g] = new Session { IsMulticast = true };
            }

            _txTimer = new LoopTimer(OnTxTimer);
            _rx1Timer = new LoopTimer(OnRx1Timer);
            _rx2Timer = new LoopTimer(OnRx2Timer);
            _rx2EndTimer = new LoopTimer(OnRx2EndTimer);
            _linkCheckTimer = new LoopTimer(OnLinkCheckTimer);
            _radioTimer = new LoopTimer(OnRadioTimer);
            Statistics = new MacStatistics();
            LogFrames = true;
        }

        /// <summary>The records the MAC keeps that a factory reset erases (the DevNonce reserve is kept on purpose).</summary>
        public static string[] StorageKeys => new[] { MacStore.SessionKey, MacStore.CountersKey };

        /// <summary>Every record the MAC writes, the DevNonce reserve included.</summary>
        public static string[] AllStorageKeys => new[] { MacStore.SessionKey, MacStore.CountersKey, MacStore.DevNonceKey };

        public MacStatistics Statistics { get; }

        /// <summary>Told when the radio comes up or faults (the board's own radio status log), besides the MAC.</summary>
        public IRadioEvents RadioObserver { get; set; }

        /// <summary>One log line per frame sent and received (on by default). Off, the MAC allocates nothing per frame.</summary>
        public bool LogFrames { get; set; }

        public Region Region => _region;

        public ChannelPlan Channels => _plan;

        public MacState State => _state;

        int IMacFigures.DutyCycleWaits => Statistics.DutyCycleWaits;

        int IMacFigures.JoinRequests => Statistics.JoinRequests;

        /// <summary>The Class A window the MAC is in or waiting for; None between transactions.</summary>
        public ReceiveWindow Window =>
            _state == MacState.WaitRx1 || _state == MacState.Rx1 ? ReceiveWindow.Rx1
            : _state == MacState.WaitRx2 || _state == MacState.Rx2 ? ReceiveWindow.Rx2
            : ReceiveWindow.None;

        public bool IsJoined => _joined;

        public bool IsClassC => _settings.Class == DeviceClass.C;

        public uint DevAddr => _session.DevAddr;

        /// <summary>The counter the next new uplink will carry.</summary>
        public uint FCntUp => _session.FCntUp;

        public uint FCntDown => _session.FCntDown;

        public int DataRate => CurrentDataRate();

        public int TxPowerIndex => _settings.Adr ? _params.TxPowerIndex : _settings.TxPowerIndex;

        public int NbTrans => _params.NbTrans;

        public int Rx1DrOffset => _params.Rx1DrOffset;

        public int Rx2DataRate => _params.Rx2DataRate;

        public int Rx2FrequencyHz => _params.Rx2FrequencyHz;

        public int RxDelaySeconds => _params.RxDelaySeconds;

        public int MaxDutyCycle => _params.MaxDutyCycle;

        public bool UplinkDwell => _params.UplinkDwell;

        public int MaxEirpCentiDbm => _params.MaxEirpCentiDbm;

        public int AdrAckCounter => _adr.AckCounter;

        /// <summary>The DevNonce the next JoinRequest will carry.</summary>
        public int NextDevNonce => _devNonce;

        public int QueuedUplinks => _queue.Count;

        /// <summary>Link checks sent in rejoin mode without an answer since the last downlink.</summary>
        public int UnansweredLinkChecks => _linkChecksUnanswered;

        /// <summary>Storage writes the MAC made (for the wear figures).</summary>
        public int StorageWrites => _store.Writes;

        /// <summary>The GPS time of the last DeviceTimeAns and the device time it arrived (0 when none yet).</summary>
        public uint GpsSeconds => _handler.GpsSeconds;

        public int MaxPayloadLength
        {
            get
            {
                int n = _region.MaxPayload(CurrentDataRate(), _params.UplinkDwell);
                int fopts = _handler.PendingLength <= FCtrl.MaxFOptsLength ? _handler.PendingLength : 0;
                return n - fopts > 0 ? n - fopts : 0;
            }
        }

        /// <summary>Restores or starts the session, resets the radio; joining (OTAA) or sending starts once it is ready.</summary>
        public void Start()
        {
            _radio.SetEvents(this);
            _store.Fingerprint = Fingerprint();
            _joinBackoff.Reset(_clock.NowMicros);
            _devNonce = _store.LoadDevNonce();
            _devNonceReserve = _devNonce;
            _otaa = _settings.JoinType == JoinType.Otaa;
            ConfigureMulticast();
            StartSession();
            _state = MacState.Stopped;
            _radioReady = false;
            _radio.Reset();
            ScheduleLinkCheck();
        }

        /// <summary>Asks for a DeviceTimeReq in the next uplink (the answer is kept in <see cref="GpsSeconds"/>).</summary>
        public void RequestDeviceTime()
        {
            if (_handler.RequestDeviceTime())
            {
                _answerWanted = true;
                RequestTransmit(_clock.NowMicros);
            }
        }

        public SendStatus Send(int port, byte[] payload, int offset, int length, bool confirmed, bool urgent)
        {
            if (port < 1 || port > 223)
            {
                return SendStatus.BadPort;
            }

            if (!_joined)
            {
                return SendStatus.NotJoined;
            }

            if (payload == null || offset < 0 || length < 0 || offset + length > payload.Length
                || length > _region.MaxPayload(CurrentDataRate(), _params.UplinkDwell))
            {
                return SendStatus.TooLong;
            }

            if (!_queue.Enqueue(port, payload, offset, length, confirmed, urgent, _frameOpen && _frameCarriesApp))
            {
                return SendStatus.QueueFull;
            }

            RequestTransmit(_clock.NowMicros);
            return SendStatus.Queued;
        }

        /// <summary>Arms the transmit timer for <paramref name="at"/> unless it is already due sooner.</summary>
        private void RequestTransmit(long at)
        {
            if (_txTimer.IsScheduled && _txTimer.Deadline <= at)
            {
                return;
            }

            _clock.Schedule(_txTimer, at);
        }

        private void ScheduleLinkCheck()
        {
            _clock.Cancel(_linkCheckTimer);
            if (_otaa && _settings.RejoinMode)
            {
                _clock.Schedule(_linkCheckTimer, _clock.NowMicros + LinkCheckPeriodMicros);
            }
        }

        // Rejoin mode (guide 3.2.1): reports at most 30 min apart get a link check every 30 min; longer intervals one with
        // every report. Either way it rides on the next uplink.
        private void OnLinkCheckTimer(LoopTimer timer)
        {
            if (_socket.ReportingIntervalSeconds <= 30 * 60)
            {
                _linkCheckDue = true;
            }

            _clock.Schedule(_linkCheckTimer, _clock.NowMicros + LinkCheckPeriodMicros);
        }

        private void OnRadioTimer(LoopTimer timer)
        {
            _radio.Reset();
        }

        /// <summary>Which identity the persisted session belongs to: change any of these and a fresh session starts.</summary>
        private uint Fingerprint()
        {
            uint h = MacStore.FoldStart;
            h = MacStore.Fold(h, _region.Name);
            h = MacStore.Fold(h, _settings.JoinType == JoinType.Otaa ? "otaa" : "abp");
            h = MacStore.Fold(h, _settings.DevEui, 8);
            if (_settings.JoinType == JoinType.Otaa)
            {
                h = MacStore.Fold(h, _settings.AppEui, 8);
                h = MacStore.Fold(h, _settings.AppKey, 16);
            }
            else
            {
                h = MacStore.Fold(h, _settings.NwkSKey, 16);
                h = MacStore.Fold(h, _settings.AppSKey, 16);
                h = MacStore.Fold(h, _settings.DevAddr.ToString());
            }

            return h;
        }

        private void ConfigureMulticast()
        {
            for (int g = 0; g < _multicast.Length; g++)
            {
                MulticastGroupSettings m = _settings.Multicast[g];
                _multicastOn[g] = m.Enabled;
                _multicast[g].SetKeys(m.Address, m.McNetSKey, m.McAppSKey);
                _multicast[g].IsMulticast = true;
            }
        }
    }
}
