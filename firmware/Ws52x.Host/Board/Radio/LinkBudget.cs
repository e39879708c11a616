using System;

namespace Ws52x.Host.Board.Radio
{
    /// <summary>
    /// The arithmetic of a radio link on the virtual air: what a receiver measures for a frame sent at some power over
    /// some path loss. RSSI = radiated power − path loss; SNR = RSSI − the receiver's noise floor, where the floor is
    /// the thermal noise in the channel's bandwidth (−174 dBm/Hz + 10·log10(BW)) plus the receiver's noise figure;
    /// SNR estimates saturate (<see cref="VirtualAir.MaxSnrQuarterDb"/>). Path loss is either set per pair or comes
    /// from a distance with the log-distance model: free space up to 1 m, then 10·n dB per decade of distance.
    /// </summary>
    public static class LinkBudget
    {
        /// <summary>Thermal noise density at room temperature (kT at 290 K), dBm per Hz.</summary>
        public const double ThermalNoiseDbmPerHz = -174;

        /// <summary>Noise figure of the SX127x and SX130x receivers with their LNA, as Semtech's sensitivity tables imply.</summary>
        public const double DefaultNoiseFigureDb = 6;

        /// <summary>
        /// The log-distance exponent of the fleet's streets: 2 is free space, 2.7-3.5 urban outdoors, 4-6 indoors through
        /// walls. 3.0 puts a 14 dBm socket 1 km from a gateway at about −107 dBm, and SF12's −137 dBm floor near 10 km.
        /// </summary>
        public const double DefaultPathLossExponent = 3.0;

        /// <summary>The power the pinned links of <see cref="VirtualAir.SetLink"/> are measured at (and the default loss assumes).</summary>
        public const double ReferencePowerDbm = 14;

        /// <summary>Noise floor of a receiver: −174 dBm/Hz + 10·log10(bandwidth) + noise figure (−117 dBm at 125 kHz, NF 6 dB).</summary>
        public static double NoiseFloorDbm(int bandwidthHz, double noiseFigureDb)
        {
            return ThermalNoiseDbmPerHz + 10 * Math.Log10(bandwidthHz) + noiseFigureDb;
        }

        /// <summary>Free-space path loss at 1 m: 20·log10(f in MHz) − 27.55 dB (31.2 dB at 868 MHz).</summary>
        public static double FreeSpaceAtOneMetreDb(int frequencyHz)
        {
            return 20 * Math.Log10(frequencyHz / 1e6) - 27.55;
        }

        /// <summary>
        /// The distance part of the log-distance model, 10·n·log10(d / 1 m), to which <see cref="FreeSpaceAtOneMetreDb"/>
        /// of the frame's carrier is added (distances under a metre count as one).
        /// </summary>
        public static double DistanceLossDb(double metres, double exponent)
        {
            return 10 * exponent * Math.Log10(metres < 1 ? 1 : metres);
        }

        /// <summary>Path loss by the log-distance model at a carrier.</summary>
        public static double LogDistanceLossDb(double metres, int frequencyHz, double exponent)
        {
            return FreeSpaceAtOneMetreDb(frequencyHz) + DistanceLossDb(metres, exponent);
        }

        /// <summary>The RSSI in whole dBm, as receivers report it.</summary>
        public static int RssiDbm(double powerDbm, double pathLossDb)
        {
            return (int)Math.Floor(powerDbm - pathLossDb + 0.5);
        }

        /// <summary>The SNR in quarter dB for a signal and a noise floor, saturating at <paramref name="maxQuarterDb"/>.</summary>
        public static int SnrQuarterDb(double signalDbm, double noiseFloorDbm, int maxQuarterDb)
        {
            double quarters = Math.Floor(4 * (signalDbm - noiseFloorDbm) + 0.5);
            return quarters > maxQuarterDb ? maxQuarterDb : quarters < -512 ? -512 : (int)quarters;
        }
    }
}
