using System.Collections.Generic;
using Ws52x.Host.Board.Radio;
using Ws52x.Loop;
using Ws52x.Radio;
using Ws52x.Radio.Sx127x;

namespace Ws52x.Tests.Radio
{
    /// <summary>What a driver reported, in order, with copies of received payloads.</summary>
    public sealed class RecordedEvents : IRadioEvents
    {
        public readonly List<string> Log = new List<string>();
        public readonly List<byte[]> Packets = new List<byte[]>();
        public readonly List<(int Rssi, int Snr, long Time, bool Crc)> Infos = new List<(int, int, long, bool)>();
        public readonly List<long> TxDone = new List<long>();
        public readonly List<long> Timeouts = new List<long>();
        public string Fault;
        public long ReadyAt = -1;

        public void OnRadioReady(long timestampMicros) { ReadyAt = timestampMicros; Log.Add("ready"); }

        public void OnRadioFault(string message) { Fault = message; Log.Add("fault"); }

        public void OnTxDone(long timestampMicros) { TxDone.Add(timestampMicros); Log.Add("txdone"); }

        public void OnRxDone(byte[] buffer, int count, RadioPacketInfo info)
        {
            var copy = new byte[count];
            System.Array.Copy(buffer, copy, count);
            Packets.Add(copy);
            Infos.Add((info.RssiDbm, info.SnrQuarterDb, info.TimestampMicros, info.CrcError));
            Log.Add("rxdone");
        }

        public void OnRxTimeout(long timestampMicros) { Timeouts.Add(timestampMicros); Log.Add("timeout"); }

        public void OnRxError(RadioPacketInfo info)
        {
            Infos.Add((info.RssiDbm, info.SnrQuarterDb, info.TimestampMicros, info.CrcError));
            Log.Add("crcerror");
        }
    }

    /// <summary>One modelled SX1276 with the real driver on it.</summary>
    public sealed class RadioNode
    {
        public RadioNode(EventLoop loop, VirtualAir air, string name, IRadioEvents events = null)
        {
            Model = new Sx127xModel(loop, air, name);
            Events = events as RecordedEvents ?? new RecordedEvents();
            Driver = new Sx127x(loop, Model, Model.Reset, Model.Dio0, Model.Dio1, events ?? Events);
        }

        public Sx127xModel Model { get; }
        public Sx127x Driver { get; }
        public RecordedEvents Events { get; }
    }

    /// <summary>A virtual clock, its loop and the air between the nodes of a test.</summary>
    public sealed class RadioRig
    {
        public RadioRig(int seed = 1)
        {
            Clock = new VirtualClock();
            Loop = new EventLoop(Clock);
            Air = new VirtualAir(Loop, seed);
        }

        public VirtualClock Clock { get; }
        public EventLoop Loop { get; }
        public VirtualAir Air { get; }

        /// <summary>A node that has been reset and initialised (5.1 ms of virtual time).</summary>
        public RadioNode Node(string name, IRadioEvents events = null)
        {
            var node = new RadioNode(Loop, Air, name, events);
            node.Driver.Reset();
            Loop.RunFor(Sx127x.ResetPulseMicros + Sx127x.ResetWaitMicros);
            return node;
        }

        public static RadioTxConfig Tx(int frequencyHz, int sf, int bw = 125000, bool invertIq = false)
        {
            return new RadioTxConfig { FrequencyHz = frequencyHz, SpreadingFactor = sf, BandwidthHz = bw, InvertIq = invertIq };
        }

        public static RadioRxConfig Rx(int frequencyHz, int sf, int bw = 125000, bool invertIq = false)
        {
            return new RadioRxConfig { FrequencyHz = frequencyHz, SpreadingFactor = sf, BandwidthHz = bw, InvertIq = invertIq };
        }
    }
}
