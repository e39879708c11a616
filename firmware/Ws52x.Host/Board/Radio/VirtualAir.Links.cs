using System.Collections.Generic;

namespace Ws52x.Host.Board.Radio
{
    /// <summary>
    /// The link budget of the air (<see cref="LinkBudget"/>): each frame carries its radiated power, each pair of parties
    /// a path loss (set, from a distance, or <see cref="DefaultPathLossDb"/>), each receiver a noise floor; what a
    /// receiver measures follows from the three, so a device that lowers its power is heard weaker.
    /// </summary>
    public sealed partial class VirtualAir
    {
        private readonly Dictionary<(object, object), PairLink> _links = new Dictionary<(object, object), PairLink>();
        private readonly Dictionary<object, double> _noiseFloors = new Dictionary<object, double>();

        /// <summary>One direction of a pair: its loss, and the noise the receiver has on it when pinned (NaN: the receiver's own).</summary>
        private struct PairLink
        {
            public double LossDb;
            public bool FreeSpaceAdded;
            public double NoiseFloorDbm;
        }

        /// <summary>
        /// Path loss of pairs without a link of their own: 94 dB, so that a 14 dBm frame arrives at −80 dBm and, far above
        /// the noise floor, at the SNR ceiling of +9.5 dB (a good indoor link).
        /// </summary>
        public double DefaultPathLossDb { get; set; } = LinkBudget.ReferencePowerDbm + 80;

        /// <summary>Noise figure of every receiver (its noise floor is −174 dBm/Hz + 10·log10(BW) + this).</summary>
        public double NoiseFigureDb { get; set; } = LinkBudget.DefaultNoiseFigureDb;

        /// <summary>The exponent <see cref="SetDistance"/> uses (<see cref="LinkBudget.DefaultPathLossExponent"/>).</summary>
        public double PathLossExponent { get; set; } = LinkBudget.DefaultPathLossExponent;

        /// <summary>
        /// The highest SNR a receiver reports, in quarter dB: LoRa's SNR estimate saturates for strong signals (SX127x and
        /// SX130x packets read about +10 dB at best). +9.5 dB, the figure the air gave every link before it had a budget.
        /// </summary>
        public int MaxSnrQuarterDb { get; set; } = 38;

        /// <summary>
        /// Pins a link, both directions, as measured from a <see cref="LinkBudget.ReferencePowerDbm"/> (14 dBm) sender:
        /// path loss 14 − RSSI, and on this pair a noise floor (interference included) of RSSI − SNR. A frame at another
        /// power is heard that much stronger or weaker, with the same noise.
        /// </summary>
        public void SetLink(object a, object b, int rssiDbm, int snrQuarterDb)
        {
            var link = new PairLink
            {
                LossDb = LinkBudget.ReferencePowerDbm - rssiDbm,
                NoiseFloorDbm = rssiDbm - snrQuarterDb / 4.0,
            };
            _links[(a, b)] = link;
            _links[(b, a)] = link;
        }

        /// <summary>Sets the path loss between two parties, both directions; each receiver keeps its own noise floor.</summary>
        public void SetPathLoss(object a, object b, double lossDb)
        {
            var link = new PairLink { LossDb = lossDb, NoiseFloorDbm = double.NaN };
            _links[(a, b)] = link;
            _links[(b, a)] = link;
        }

        /// <summary>
        /// Places two parties <paramref name="metres"/> apart: the log-distance model with <see cref="PathLossExponent"/>,
        /// free space at 1 m taken at each frame's carrier.
        /// </summary>
        public void SetDistance(object a, object b, double metres)
        {
            var link = new PairLink { LossDb = LinkBudget.DistanceLossDb(metres, PathLossExponent), FreeSpaceAdded = true, NoiseFloorDbm = double.NaN };
            _links[(a, b)] = link;
            _links[(b, a)] = link;
        }

        /// <summary>Raises (or lowers) one receiver's noise floor, e.g. an interferer next to it; NaN gives back the thermal floor.</summary>
        public void SetNoiseFloor(object receiver, double dbm)
        {
            if (double.IsNaN(dbm))
            {
                _noiseFloors.Remove(receiver);
            }
            else
            {
                _noiseFloors[receiver] = dbm;
            }
        }

        /// <summary>The path loss from <paramref name="sender"/> to <paramref name="receiver"/> on a carrier, in dB.</summary>
        public double PathLossDb(object sender, object receiver, int frequencyHz)
        {
            if (sender != null && _links.TryGetValue((sender, receiver), out PairLink link))
            {
                return link.FreeSpaceAdded ? link.LossDb + LinkBudget.FreeSpaceAtOneMetreDb(frequencyHz) : link.LossDb;
            }

            return DefaultPathLossDb;
        }

        /// <summary>What <paramref name="receiver"/> measures of <paramref name="frame"/>: RSSI in dBm and SNR in quarter dB.</summary>
        public void Measure(AirTransmission frame, object receiver, out int rssiDbm, out int snrQuarterDb)
        {
            double noise = double.NaN;
            double loss = DefaultPathLossDb;
            if (frame.Sender != null && _links.TryGetValue((frame.Sender, receiver), out PairLink link))
            {
                loss = link.FreeSpaceAdded ? link.LossDb + LinkBudget.FreeSpaceAtOneMetreDb(frame.FrequencyHz) : link.LossDb;
                noise = link.NoiseFloorDbm;
            }

            if (double.IsNaN(noise) && (_noiseFloors.Count == 0 || !_noiseFloors.TryGetValue(receiver, out noise)))
            {
                noise = LinkBudget.NoiseFloorDbm(frame.BandwidthHz, NoiseFigureDb);
            }

            double signal = frame.PowerDbm - loss;
            rssiDbm = LinkBudget.RssiDbm(frame.PowerDbm, loss);
            snrQuarterDb = LinkBudget.SnrQuarterDb(signal, noise, MaxSnrQuarterDb);
        }
    }
}
