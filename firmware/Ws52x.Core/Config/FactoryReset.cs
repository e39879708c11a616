using System;
using Ws52x.Diagnostics;
using Ws52x.Platform;

namespace Ws52x.Config
{
    /// <summary>
    /// Guide 3.4.3, "Reset to Factory Default", from the console now and from the button held over 10 s (the socket
    /// application calls <see cref="Run"/>).
    /// <para>What it erases: the settings record (so the board boots on factory settings: keys, region, intervals, the
    /// password back to 123456) and every storage key registered with <see cref="EraseOnReset"/>: the LoRaWAN MAC
    /// registers its session and counters there, so the session is dropped and the board joins again.</para>
    /// <para>What it keeps: the energy counter and the metering calibration. The counter is a meter reading that the
    /// network server bills by difference; clearing it on a reset would look like negative consumption, and the guide
    /// has a command of its own for that (ff27, reset power consumption). The calibration belongs to the hardware, not
    /// to the configuration. A LoRaWAN 1.0.4 MAC should also keep its DevNonce counter (the join server refuses nonces
    /// it has seen, for the same DevEUI/JoinEUI); that is the MAC's call when it registers its keys.</para>
    /// <para>Order: registered keys first, the settings record last, so a power cut in the middle leaves either the old
    /// settings without a session (the board rejoins with them) or the whole reset, never new settings on an old session.</para>
    /// </summary>
    internal sealed class FactoryReset
    {
        public const int MaxErasedKeys = 16;

        private readonly SettingsStore _store;
        private readonly IKeyValueStorage _storage;
        private readonly IBoardControl _control;
        private readonly Log _log;
        private readonly string[] _keys = new string[MaxErasedKeys];

        public FactoryReset(SettingsStore store, IKeyValueStorage storage, IBoardControl control, Log log)
        {
            _store = store;
            _storage = storage;
            _control = control;
            _log = log;
        }

        public int ErasedKeyCount { get; private set; }

        /// <summary>Whether the board can restart itself to finish a reset.</summary>
        public bool CanReboot => _control != null;

        /// <summary>Adds a storage key that a factory reset deletes (an area's state that belongs to the old configuration).</summary>
        public void EraseOnReset(string key)
        {
            for (int i = 0; i < ErasedKeyCount; i++)
            {
                if (_keys[i] == key)
                {
                    return;
                }
            }

            if (ErasedKeyCount == MaxErasedKeys)
            {
                throw new InvalidOperationException("more than " + MaxErasedKeys.ToString() + " keys to erase on reset");
            }

            _keys[ErasedKeyCount++] = key;
        }

        /// <summary>The whole reset: <see cref="Erase"/>, then a reboot where the board can.</summary>
        public void Run(string reason)
        {
            Erase(reason);
            Reboot();
        }

        /// <summary>Erases what a reset erases and puts the running settings back to defaults; one line saying what it did.</summary>
        public string Erase(string reason)
        {
            _log.Warn("config", "factory reset (" + reason + ")");
            int erased = 0;
            for (int i = 0; i < ErasedKeyCount; i++)
            {
                try
                {
                    if (_storage.Delete(_keys[i]))
                    {
                        erased++;
                    }
                }
                catch (Exception e)
                {
                    _log.Warn("config", "could not erase " + _keys[i] + ": " + e.Message);
                }
            }

            bool settings = _store.Forget();
            return "factory reset: " + (settings ? "settings back to factory defaults" : "settings NOT erased (storage failed)") +
                ", " + erased.ToString() + " other record(s) erased; energy counter and calibration kept";
        }

        /// <summary>Restarts the board to finish a reset; false (and nothing happens) where the board cannot.</summary>
        public bool Reboot()
        {
            if (_control == null)
            {
                _log.Warn("config", "this board cannot restart itself: power-cycle it to finish the reset");
                return false;
            }

            _control.Reboot("factory reset");
            return true;
        }
    }
}
