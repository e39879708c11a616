using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;
using nanoFramework.TestFramework;

namespace Ws52x.Device.Tests.Host.Bridge
{
    /// <summary>What running one case came to.</summary>
    public sealed class NanoOutcome
    {
        private NanoOutcome(Exception failure, string skipReason)
        {
            Failure = failure;
            SkipReason = skipReason;
        }

        public Exception Failure { get; }

        /// <summary>Non-null when the case was skipped (Assert.SkipTest, or its class's [Setup] skipped).</summary>
        public string SkipReason { get; }

        public static NanoOutcome Passed() => new NanoOutcome(null, null);

        public static NanoOutcome Failed(Exception e) => new NanoOutcome(e, null);

        public static NanoOutcome Skipped(string reason) => new NanoOutcome(null, string.IsNullOrEmpty(reason) ? "skipped" : reason);
    }

    /// <summary>
    /// Runs cases with the launcher's semantics: a method is called without an instance (MethodInfo.Invoke(null, ...) on
    /// the device, so a test that touches an instance field fails there, and here), a [DataRow]'s values are its
    /// arguments, any exception fails the case, a SkipTestException skips it, and a skipped [Setup] skips the rest of its class.
    /// </summary>
    public sealed class NanoRunner
    {
        private readonly Dictionary<Type, string> _skippedClasses = new Dictionary<Type, string>();
        private readonly Dictionary<string, NanoOutcome> _outcomes = new Dictionary<string, NanoOutcome>();

        /// <summary>The runner of the xunit bridge: one per test process, like one launcher per deployment.</summary>
        public static NanoRunner Shared { get; } = new NanoRunner();

        public NanoOutcome Run(NanoCase test)
        {
            NanoOutcome outcome;
            if (_skippedClasses.TryGetValue(test.TestClass, out string why))
            {
                outcome = NanoOutcome.Skipped(why);
            }
            else
            {
                outcome = Invoke(test);
                if (test.Role == NanoRole.Setup && outcome.SkipReason != null)
                {
                    _skippedClasses[test.TestClass] = outcome.SkipReason;
                }
            }

            _outcomes[test.Name] = outcome;
            return outcome;
        }

        /// <summary>The outcome of the last run of the named case, if it ran.</summary>
        public NanoOutcome Outcome(string name) => _outcomes.TryGetValue(name, out NanoOutcome o) ? o : null;

        private static NanoOutcome Invoke(NanoCase test)
        {
            try
            {
                CallWithoutInstance(test.Method, test.Arguments);
                return NanoOutcome.Passed();
            }
            catch (SkipTestException skip)
            {
                return NanoOutcome.Skipped(skip.Message);
            }
            catch (Exception e)
            {
                return NanoOutcome.Failed(e);
            }
        }

        /// <summary>Calls <paramref name="method"/> with a null 'this' when it is an instance method, as nanoFramework does.</summary>
        public static void CallWithoutInstance(MethodInfo method, object[] arguments)
        {
            ParameterInfo[] parameters = method.GetParameters();
            int given = arguments == null ? 0 : arguments.Length;
            if (given != parameters.Length)
            {
                throw new TargetParameterCountException(method.Name + " takes " + parameters.Length + " parameters, the launcher passes " + given);
            }

            // desktop MethodInfo.Invoke refuses a null target for an instance method; a 'call' with null 'this' is what the
            // device does, and fails the same way (NullReferenceException) only if the method touches the instance.
            var dynamic = new DynamicMethod("nano_" + method.Name, typeof(void), new[] { typeof(object[]) }, method.Module, true);
            ILGenerator il = dynamic.GetILGenerator();
            if (!method.IsStatic)
            {
                il.Emit(OpCodes.Ldnull);
            }

            for (int i = 0; i < parameters.Length; i++)
            {
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldelem_Ref);
                il.Emit(OpCodes.Unbox_Any, parameters[i].ParameterType);
            }

            il.Emit(OpCodes.Call, method);
            if (method.ReturnType != typeof(void))
            {
                il.Emit(OpCodes.Pop);
            }

            il.Emit(OpCodes.Ret);
            ((Action<object[]>)dynamic.CreateDelegate(typeof(Action<object[]>)))(arguments ?? Array.Empty<object>());
        }
    }
}
