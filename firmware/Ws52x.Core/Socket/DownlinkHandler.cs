using System;
using Ws52x.Codec;
using Ws52x.Config;
using Ws52x.Diagnostics;
using Ws52x.Util;

namespace Ws52x.Socket
{
    /// <summary>
    /// Applies application downlinks (guide 4.4 and the vendor encoder's commands) atomically: the decoder checks the
    /// whole frame before anything is touched, so a frame with one bad command changes nothing and is logged with the
    /// offending byte; a valid frame changes the settings first and saves them once (a failed save puts every value
    /// back and does nothing else), then runs its actions in frame order, then sends one status report if any action
    /// asks for it (08, ff27, ff28), basic information for ff2c, and reboots last for ff10ff.
    /// </summary>
    public sealed class DownlinkHandler
    {
        private readonly SocketApplication _app;
        private readonly ISettingsStore _settings;
        private readonly Log _log;
        private readonly DownlinkDecoder _decoder;
        private readonly DownlinkCommands _commands = new DownlinkCommands();
        private readonly DecodeError _error = new DecodeError();
        private readonly SocketSettingsSnapshot _before = new SocketSettingsSnapshot();

        public DownlinkHandler(SocketApplication app, ISettingsStore settings, int ratedCurrentAmps, Log log)
        {
            _app = app;
            _settings = settings;
            _log = log;
            _decoder = new DownlinkDecoder(ratedCurrentAmps);
        }

        public int Applied { get; private set; }

        public int Rejected { get; private set; }

        /// <summary>One downlink from the MAC (or the host board); the buffer is only read during the call.</summary>
        public void Handle(int port, byte[] payload, int offset, int length, bool multicast)
        {
            int appPort = _settings.Current.LoRaWan.ApplicationPort;
            string hex = payload == null || length <= 0 || offset < 0 || offset + length > payload.Length ? "" : Hex.ToHex(payload, offset, length);
            if (port != appPort)
            {
                Rejected++;
                _log.Warn("downlink", "port " + port.ToString() + " ignored (the application port is " + appPort.ToString() + "): " + hex);
                return;
            }

            if (!_decoder.TryDecode(payload, offset, length, _commands, _error))
            {
                Rejected++;
                _log.Warn("downlink", "rejected, nothing changed: " + hex + ": " + _error.ToString());
                return;
            }

            if (_app.MainsLost)
            {
                Rejected++;
                _log.Warn("downlink", "ignored while mains is lost (nothing is written to flash now): " + hex);
                return;
            }

            _log.Info("downlink", (multicast ? "multicast " : "") + hex + " " + VendorJson.Downlink(_commands));
            if (!ApplySettings())
            {
                Rejected++;
                return;
            }

            Applied++;
            RunActions();
        }

        private bool ApplySettings()
        {
            SocketSettings s = _settings.Current.Socket;
            _before.CopyFrom(s);
            bool changed = false;
            for (int i = 0; i < _commands.Count; i++)
            {
                switch (_commands[i])
                {
                    case CommandKind.ReportingInterval:
                        s.ReportingIntervalSeconds = _commands.ReportingIntervalSeconds;
                        changed = true;
                        break;
                    case CommandKind.OvercurrentAlarm:
                        s.OvercurrentAlarmEnabled = _commands.OvercurrentAlarmEnabled;
                        s.OvercurrentAlarmThresholdAmps = _commands.OvercurrentAlarmThresholdAmps;
                        changed = true;
                        break;
                    case CommandKind.OvercurrentProtection:
                        s.OvercurrentProtectionEnabled = _commands.OvercurrentProtectionEnabled;
                        s.OvercurrentProtectionThresholdAmps = _commands.OvercurrentProtectionThresholdAmps;
                        changed = true;
                        break;
                    case CommandKind.ButtonLock:
                        s.ButtonLock = _commands.ButtonLockEnabled;
                        s.ButtonLockMinutes = _commands.ButtonLockMinutes;
                        changed = true;
                        break;
                    case CommandKind.PowerConsumptionRecording:
                        s.PowerConsumptionEnabled = _commands.PowerConsumptionRecording;
                        changed = true;
                        break;
                    case CommandKind.LedMode:
                        s.LedEnabled = _commands.LedEnabled;
                        changed = true;
                        break;
                }
            }

            if (!changed)
            {
                return true;
            }

            try
            {
                _settings.Save();
            }
            catch (Exception e)
            {
                _before.CopyTo(s);
                _log.Warn("downlink", "settings not saved (" + e.Message + "): nothing changed");
                return false;
            }

            _app.ApplySettings(_commands.Contains(CommandKind.ButtonLock));
            return true;
        }

        private void RunActions()
        {
            bool report = false;
            bool basic = false;
            bool reboot = false;
            _app.BeginBatch();
            try
            {
                for (int i = 0; i < _commands.Count; i++)
                {
                    switch (_commands[i])
                    {
                        case CommandKind.Switch:
                            _app.Relay.Switch(_commands.SwitchOn, SwitchCause.Downlink);
                            break;
                        case CommandKind.AddDelayTask:
                            _app.Delay.Add(_commands.DelaySeconds, _commands.DelayOpens);
                            _log.Info("delay", "socket " + (_commands.DelayOpens ? "on" : "off") + " in " + _commands.DelaySeconds.ToString() + " s (replaces any earlier task)");
                            break;
                        case CommandKind.DeleteDelayTask:
                            _log.Info("delay", _app.Delay.Delete() ? "task deleted" : "no task to delete");
                            break;
                        case CommandKind.ResetPowerConsumption:
                            _app.Metering.ResetEnergy();
                            _app.Metering.Store.SaveIfChanged();
                            report = true;
                            break;
                        case CommandKind.EnquireElectricalStatus:
                            report = true;
                            break;
                        case CommandKind.ReportAttributes:
                            basic = true;
                            break;
                        case CommandKind.Reboot:
                            reboot = true;
                            break;
                    }
                }
            }
            finally
            {
                // Even when an action fails (a flash write), the frame's switch reports and later switches report again.
                _app.EndBatch(report, basic);
            }

            if (reboot)
            {
                _app.Reboot("downlink ff10ff");
            }
        }
    }
}
