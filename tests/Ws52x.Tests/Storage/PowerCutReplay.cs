using System;
using System.Collections.Generic;
using System.Linq;
using Ws52x.Config.Storage;
using Ws52x.Host.Board.Storage;
using Ws52x.Platform;

namespace Ws52x.Tests.Storage
{
    /// <summary>One step of a storage workload: replace a key with a payload, or delete it (no payload).</summary>
    public sealed record StorageStep(string Key, byte[] Payload)
    {
        public static StorageStep Replace(string key, byte[] payload) => new StorageStep(key, payload);

        public static StorageStep Delete(string key) => new StorageStep(key, null);

        public void ApplyTo(IKeyValueStorage storage)
        {
            if (Payload == null)
            {
                storage.Delete(Key);
            }
            else
            {
                storage.Replace(Key, Payload, Payload.Length);
            }
        }
    }

    /// <summary>The files a replay runs on: an empty store for each case, and how a torn write may be left on them.</summary>
    public sealed class ReplayTarget
    {
        public ReplayTarget(string name, Func<IFileStore> empty, params TornWrite[] kinds)
        {
            Name = name;
            Empty = empty;
            Kinds = kinds.Length == 0 ? new[] { TornWrite.Prefix } : kinds;
        }

        public string Name { get; }

        /// <summary>Gives the store emptied (it may be the same one each time).</summary>
        public Func<IFileStore> Empty { get; }

        public TornWrite[] Kinds { get; }

        /// <summary>The storage under test on a store: the core's journal.</summary>
        public Func<IFileStore, IKeyValueStorage> Journal { get; init; } = files => new RecordJournal(files);

        /// <summary>Whether the board reboots between the setup and the steps (the records were written in an earlier run).</summary>
        public bool RebootAfterSetup { get; init; }
    }

    /// <summary>What a replay did and found.</summary>
    public sealed class ReplayReport
    {
        public int Cases;
        public int CutWrites;
        public int CutDeletes;
        public int OldSeen;
        public int NewSeen;
        public readonly List<string> Failures = new List<string>();

        public override string ToString() =>
            Cases + " cases (" + CutWrites + " cuts in writes, " + CutDeletes + " before deletes): " + OldSeen + " read the old value, " + NewSeen + " the new";
    }

    /// <summary>
    /// The power-cut campaign any storage user can run on its own records: given a setup and a sequence of steps, cut the
    /// power at every file operation the steps make, each write torn at every length (0 to all of it) in each way the
    /// target's flash may leave it, then reboot (a new journal on the same files) and check that every key reads its
    /// value from before the interrupted step or after it: never a mix, never absent if it existed, other keys
    /// untouched. After each reboot the interrupted key is written again with a cut in the middle, then in full, to
    /// show the journal recovers without losing the copy it read.
    /// </summary>
    public static class PowerCutReplay
    {
        public static ReplayReport Run(ReplayTarget target, StorageStep[] setup, StorageStep[] steps)
        {
            var report = new ReplayReport();
            string[] keys = setup.Concat(steps).Select(s => s.Key).Distinct().ToArray();
            List<Dictionary<string, byte[]>> states = ModelStates(setup, steps);
            List<List<(int Operation, bool Write, int Length)>> operations = DryRun(target, setup, steps);

            for (int step = 0; step < steps.Length; step++)
            {
                foreach (TornWrite kind in target.Kinds)
                {
                    bool sawNew = false;
                    foreach (var op in operations[step])
                    {
                        if (!op.Write && kind != target.Kinds[0])
                        {
                            continue; // a delete is cut the same way whatever the torn-write kind: once is enough
                        }

                        int maxTorn = op.Write && kind != TornWrite.OldContent ? op.Length : 0;
                        for (int torn = 0; torn <= maxTorn; torn++)
                        {
                            string where = target.Name + ", step " + step + " (" + Describe(steps[step]) + "), file operation " + op.Operation +
                                (op.Write ? ", write torn at " + torn + "/" + op.Length + " " + kind : ", before a delete");
                            bool isNew = RunCase(target, setup, steps, step, op.Operation, torn, kind, keys, states, where, report);
                            if (sawNew && !isNew)
                            {
                                report.Failures.Add(where + ": read the old value after an earlier cut had read the new one");
                            }

                            sawNew |= isNew;
                            report.Cases++;
                            if (op.Write)
                            {
                                report.CutWrites++;
                            }
                            else
                            {
                                report.CutDeletes++;
                            }
                        }
                    }
                }
            }

            return report;
        }

        /// <summary>Runs one cut; returns whether the interrupted key read its new value.</summary>
        private static bool RunCase(
            ReplayTarget target, StorageStep[] setup, StorageStep[] steps, int step, int operation, int torn, TornWrite kind,
            string[] keys, List<Dictionary<string, byte[]>> states, string where, ReplayReport report)
        {
            IFileStore files = target.Empty();
            var cutter = new PowerCutFiles(files);
            IKeyValueStorage journal = target.Journal(cutter);
            foreach (StorageStep s in setup)
            {
                s.ApplyTo(journal);
            }

            if (target.RebootAfterSetup)
            {
                journal = target.Journal(cutter);
            }

            cutter.CutAt(operation, torn, kind);
            int cutIn = -1;
            for (int i = 0; i <= step && cutIn < 0; i++)
            {
                try
                {
                    steps[i].ApplyTo(journal);
                }
                catch (PowerCutException)
                {
                    cutIn = i;
                }
            }

            if (cutIn != step)
            {
                report.Failures.Add(where + ": the cut came in step " + cutIn);
                return false;
            }

            // Reboot: a new journal on what the flash holds.
            IKeyValueStorage rebooted = target.Journal(files);
            string key = steps[step].Key;
            byte[] before = states[step].GetValueOrDefault(key);
            byte[] after = states[step + 1].GetValueOrDefault(key);
            byte[] read = Get(rebooted, key);
            bool isOld = Same(read, before);
            bool isNew = Same(read, after);
            if (!isOld && !isNew)
            {
                report.Failures.Add(where + ": '" + key + "' read " + Show(read) + ", neither the old " + Show(before) + " nor the new " + Show(after));
            }
            else if (isOld && !isNew)
            {
                report.OldSeen++;
            }
            else
            {
                report.NewSeen++;
            }

            foreach (string other in keys.Where(k => k != key))
            {
                if (!Same(Get(rebooted, other), states[step].GetValueOrDefault(other)))
                {
                    report.Failures.Add(where + ": '" + other + "', not being written, read " + Show(Get(rebooted, other)));
                }
            }

            CheckRecovery(target, files, key, read, where, report);
            return isNew && !isOld;
        }

        /// <summary>After the reboot: a replace cut halfway keeps what was read; a full one is read back.</summary>
        private static void CheckRecovery(ReplayTarget target, IFileStore files, string key, byte[] read, string where, ReplayReport report)
        {
            byte[] marker = Enumerable.Range(0, 40).Select(i => (byte)(0xA0 ^ i)).ToArray();
            var cutter = new PowerCutFiles(files);
            cutter.CutAt(0, 20, TornWrite.Prefix);
            try
            {
                target.Journal(cutter).Replace(key, marker, marker.Length);
                report.Failures.Add(where + ": the second cut did not come");
            }
            catch (PowerCutException)
            {
            }

            IKeyValueStorage again = target.Journal(files);
            if (!Same(Get(again, key), read))
            {
                report.Failures.Add(where + ": a cut in the next replace lost '" + key + "': read " + Show(Get(again, key)) + " after reading " + Show(read));
            }

            again.Replace(key, marker, marker.Length);
            if (!Same(Get(target.Journal(files), key), marker))
            {
                report.Failures.Add(where + ": the replace after the cut did not read back");
            }
        }

        private static List<List<(int, bool, int)>> DryRun(ReplayTarget target, StorageStep[] setup, StorageStep[] steps)
        {
            var cutter = new PowerCutFiles(target.Empty());
            IKeyValueStorage journal = target.Journal(cutter);
            foreach (StorageStep s in setup)
            {
                s.ApplyTo(journal);
            }

            if (target.RebootAfterSetup)
            {
                journal = target.Journal(cutter);
            }

            var perStep = new List<List<(int, bool, int)>>();
            List<(int, bool, int)> current = null;
            cutter.Observer = (operation, write, length) => current.Add((operation, write, length));
            foreach (StorageStep s in steps)
            {
                current = new List<(int, bool, int)>();
                perStep.Add(current);
                s.ApplyTo(journal);
            }

            return perStep;
        }

        private static List<Dictionary<string, byte[]>> ModelStates(StorageStep[] setup, StorageStep[] steps)
        {
            var state = new Dictionary<string, byte[]>();
            foreach (StorageStep s in setup)
            {
                Apply(state, s);
            }

            var states = new List<Dictionary<string, byte[]>> { new Dictionary<string, byte[]>(state) };
            foreach (StorageStep s in steps)
            {
                Apply(state, s);
                states.Add(new Dictionary<string, byte[]>(state));
            }

            return states;
        }

        private static void Apply(Dictionary<string, byte[]> state, StorageStep step)
        {
            if (step.Payload == null)
            {
                state.Remove(step.Key);
            }
            else
            {
                state[step.Key] = step.Payload;
            }
        }

        public static byte[] Get(IKeyValueStorage storage, string key)
        {
            var buffer = new byte[RecordJournal.MaxRecordLength];
            int n = storage.Read(key, buffer);
            return n < 0 ? null : buffer.AsSpan(0, n).ToArray();
        }

        public static bool Same(byte[] a, byte[] b) => a == null ? b == null : b != null && a.AsSpan().SequenceEqual(b);

        private static string Show(byte[] value) => value == null ? "absent" : value.Length + " bytes " + Convert.ToHexString(value.AsSpan(0, Math.Min(8, value.Length))) + (value.Length > 8 ? "..." : "");

        private static string Describe(StorageStep step) => step.Payload == null ? "delete " + step.Key : "replace " + step.Key + " with " + step.Payload.Length + " bytes";
    }
}
