using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace Ws52x.Tests
{
    /// <summary>The allocation helper: JIT warm-up does not count, the code's own bytes always do.</summary>
    [Collection(Ws52x.Tests.Config.HeapMeasurements.Name)]
    public class SteadyStateAllocationTests
    {
        private static object _kept;

        // Methods no test calls: each is compiled on this thread the first time a round prepares it.
        private static int Late1(int x) => x + 1;
        private static int Late2(int x) => x + 2;
        private static int Late3(int x) => x + 3;
        private static int Late4(int x) => x + 4;
        private static int Late5(int x) => x + 5;

        /// <summary>
        /// A hot path whose first runs still find the JIT at work: the 1st, 2nd and 3rd run each compile a method on
        /// this thread (and allocate while doing so, as reflection and the runtime do), later runs do neither.
        /// </summary>
        private sealed class LateJit
        {
            private readonly string[] _names;
            public int Runs;

            public LateJit(params string[] names)
            {
                _names = names;
            }

            public void Round()
            {
                if (Runs < _names.Length)
                {
                    MethodInfo m = typeof(SteadyStateAllocationTests).GetMethod(_names[Runs], BindingFlags.NonPublic | BindingFlags.Static);
                    RuntimeHelpers.PrepareMethod(m.MethodHandle);
                }

                Runs++;
            }
        }

        [Fact]
        public void Rounds_in_which_the_JIT_compiles_are_warm_up_and_the_settled_round_decides()
        {
            // Measured as the allocation tests used to (one warm-up run, then one measured run), the JIT's bytes show.
            var old = new LateJit(nameof(Late1), nameof(Late2));
            old.Round();
            long before = GC.GetAllocatedBytesForCurrentThread();
            old.Round();
            Assert.NotEqual(0, GC.GetAllocatedBytesForCurrentThread() - before);

            var late = new LateJit(nameof(Late3), nameof(Late4), nameof(Late5));
            int rounds = SteadyStateAllocation.AssertNothingAllocated(late.Round);
            Assert.Equal(4, rounds); // warm-up, two rounds with JIT work, the settled one
        }

        [Fact]
        public void A_round_that_allocates_without_JIT_work_fails_at_once()
        {
            int runs = 0;
            var e = Assert.ThrowsAny<XunitException>(() => SteadyStateAllocation.AssertNothingAllocated(() =>
            {
                runs++;
                _kept = new byte[16];
            }));
            Assert.Contains("no JIT work", e.Message);
            Assert.Equal(2, runs); // the warm-up and the first measured round, which decided
        }

        [Fact]
        public void A_JIT_that_never_settles_fails_rather_than_passing()
        {
            var e = Assert.ThrowsAny<XunitException>(() => SteadyStateAllocation.AssertNothingAllocated(() =>
            {
                // A new dynamic method each round: always compiled, never settled.
                var dm = new System.Reflection.Emit.DynamicMethod("m", typeof(int), Type.EmptyTypes);
                var il = dm.GetILGenerator();
                il.Emit(System.Reflection.Emit.OpCodes.Ldc_I4_7);
                il.Emit(System.Reflection.Emit.OpCodes.Ret);
                _kept = ((Func<int>)dm.CreateDelegate(typeof(Func<int>)))();
            }));
            Assert.Contains("still compiling", e.Message);
        }
    }
}
