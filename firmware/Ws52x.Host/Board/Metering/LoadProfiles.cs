using System;
using System.Collections.Generic;

namespace Ws52x.Host.Board.Metering
{
    /// <summary>The named loads of the host board (--load NAME) and the accuracy benchmark.</summary>
    public static class LoadProfiles
    {
        public const string Default = "fridge";

        private const long Second = 1000000;
        private const long Minute = 60 * Second;

        public static IReadOnlyList<LoadProfile> All { get; } = new LoadProfile[]
        {
            new ConstantLoad("heater", "resistive heater, 2 kW", LoadPoint.FromWatts(2000, 1.0)),
            new CyclingLoad(
                "kettle", "2.2 kW kettle: 3 min on, 22 min off",
                LoadPoint.FromWatts(2200, 1.0), 3 * Minute, LoadPoint.FromWatts(0, 1.0), 22 * Minute),
            new ConstantLoad("incandescent", "60 W incandescent lamp", LoadPoint.FromWatts(60, 1.0)),
            new ConstantLoad("led", "9 W LED lamp, PF 0.5", LoadPoint.FromWatts(9, 0.5)),
            new CyclingLoad(
                "fridge", "fridge: compressor 110 W at PF 0.65 for 12 min, then 1.5 W of electronics at PF 0.5 for 23 min",
                LoadPoint.FromWatts(110, 0.65), 12 * Minute, LoadPoint.FromWatts(1.5, 0.5), 23 * Minute),
            new ConstantLoad("charger", "phone charger, 5 W at PF 0.55", LoadPoint.FromWatts(5, 0.55)),
            new ConstantLoad("standby", "appliance on standby, 0.5 W at PF 0.5", LoadPoint.FromWatts(0.5, 0.5)),
            new CyclingLoad(
                "step16a", "2 A resistive, stepping to 16 A after 5 min",
                new LoadPoint(230, 2.0, 1.0), 5 * Minute, new LoadPoint(230, 16.0, 1.0), long.MaxValue),
            new ConstantLoad("none", "nothing plugged in", new LoadPoint(230, 0, 1.0)),
        };

        public static LoadProfile Find(string name)
        {
            foreach (LoadProfile p in All)
            {
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return p;
                }
            }

            return null;
        }

        public static string Names => string.Join(", ", NamesList());

        private static IEnumerable<string> NamesList()
        {
            foreach (LoadProfile p in All)
            {
                yield return p.Name;
            }
        }
    }
}
