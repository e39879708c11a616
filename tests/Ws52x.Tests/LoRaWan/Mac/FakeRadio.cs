using System;
using System.Collections.Generic;
using Ws52x.Loop;
using Ws52x.Radio;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>
    /// An <see cref="IRadio"/> with no chip behind it: it records what the MAC asks, with the loop time, and the test
    /// plays the radio's answers. It also checks the radio's rules (never transmit while a single receive runs).
    /// </summary>
    public sealed class FakeRadio : IRadio
    {
        private readonly EventLoop _loop;

        public FakeRadio(EventLoop loop)
        {
            _loop = loop;
        }

        public IRadioEvents Events { get; private set; }

        public RadioState State { get; private set; }

        public string LastFault => null;

        public int MinPowerDbm => 2;

        public int MaxPowerDbm => 20;

        public int MaxSymbolTimeout => 1023;

        public long WakeupMicros => 2000;

        public int Resets { get; private set; }

        public readonly List<(long Time, byte[] Frame, int Frequency, int Sf, int Bw, int Power)> Sent = new List<(long, byte[], int, int, int, int)>();

        public readonly List<(long Time, int Frequency, int Sf, int Bw, int Symbols, bool Continuous)> Receives = new List<(long, int, int, int, int, bool)>();

        /// <summary>When set, every Start call stops the loop, so a test can run "until the radio is asked something".</summary>
        public bool StopLoopOnStart { get; set; }

        /// <summary>Calls that broke a rule of the radio (transmit during a single receive, etc.).</summary>
        public int Violations { get; private set; }

        public void SetEvents(IRadioEvents events) => Events = events;

        public bool IsFrequencySupported(int frequencyHz) => frequencyHz >= 137000000 && frequencyHz <= 1020000000;

        public void Reset()
        {
            Resets++;
            State = RadioState.Resetting;
        }

        /// <summary>The chip came up (what the test calls after a reset).</summary>
        public void Ready()
        {
            State = RadioState.Idle;
            Events.OnRadioReady(_loop.NowMicros);
        }

        public void StartTransmit(byte[] buffer, int offset, int count, RadioTxConfig config)
        {
            if (State == RadioState.ReceivingSingle || State == RadioState.Transmitting || State == RadioState.Off || State == RadioState.Resetting)
            {
                Violations++;
            }

            Sent.Add((_loop.NowMicros, buffer.AsSpan(offset, count).ToArray(), config.FrequencyHz, config.SpreadingFactor, config.BandwidthHz, config.PowerDbm));
            if (StopLoopOnStart)
            {
                _loop.Stop();
            }

            State = RadioState.Transmitting;
        }

        public void StartReceiveSingle(RadioRxConfig config, int symbolTimeout)
        {
            if (State == RadioState.Transmitting || !config.InvertIq || symbolTimeout < 1 || symbolTimeout > 1023)
            {
                Violations++;
            }

            Receives.Add((_loop.NowMicros, config.FrequencyHz, config.SpreadingFactor, config.BandwidthHz, symbolTimeout, false));
            if (StopLoopOnStart)
            {
                _loop.Stop();
            }

            State = RadioState.ReceivingSingle;
        }

        public void StartReceiveContinuous(RadioRxConfig config)
        {
            if (State == RadioState.Transmitting || !config.InvertIq)
            {
                Violations++;
            }

            Receives.Add((_loop.NowMicros, config.FrequencyHz, config.SpreadingFactor, config.BandwidthHz, 0, true));
            if (StopLoopOnStart)
            {
                _loop.Stop();
            }

            State = RadioState.ReceivingContinuous;
        }

        public void Sleep() => State = RadioState.Idle;

        /// <summary>The transmission ended now.</summary>
        public void TxDone()
        {
            State = RadioState.Idle;
            Events.OnTxDone(_loop.NowMicros);
        }

        public void Timeout()
        {
            State = RadioState.Idle;
            Events.OnRxTimeout(_loop.NowMicros);
        }

        /// <summary>A frame arrived (a single receive ends with it).</summary>
        public void Receive(byte[] frame, int snrQuarterDb = 20)
        {
            if (State == RadioState.ReceivingSingle)
            {
                State = RadioState.Idle;
            }

            var info = new RadioPacketInfo { SnrQuarterDb = snrQuarterDb, RssiDbm = -70, TimestampMicros = _loop.NowMicros };
            Events.OnRxDone(frame, frame.Length, info);
        }
    }
}
