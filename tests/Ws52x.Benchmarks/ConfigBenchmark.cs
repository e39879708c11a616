using System.Text;
using Ws52x.Config;
using Ws52x.Util;

namespace Ws52x.Benchmarks
{
    /// <summary>
    /// The configuration's figures: the password hash (PBKDF2 with AES-CMAC-PRF-128, <see cref="PasswordRules.Iterations"/>
    /// iterations) and one iteration of it, the stored record's size and the cost of writing it, and the template's size.
    /// The device figure is an estimate from the iteration count: about 1.5 ms per iteration in nanoFramework's IL
    /// interpreter on an ESP32 (an AES block of this table implementation is ~1,600 IL instructions, plus the CMAC's
    /// bookkeeping), until the on-target benchmark measures it.
    /// </summary>
    public sealed class ConfigBenchmark : IBenchmark
    {
        private const double EstimatedDeviceMicrosPerIteration = 1500;

        public string Name => "config";

        public void Run(bool quick)
        {
            byte[] password = Encoding.ASCII.GetBytes("Wall-Socket-9");
            var salt = new byte[16];
            var hash = new byte[16];
            var kdf = new Pbkdf2Cmac();
            var login = Measure.Run(() => kdf.Derive(password, password.Length, salt, 16, PasswordRules.Iterations, hash, 0), quick ? 50 : 500, 5);
            Measure.Print(Name, "password hash, " + PasswordRules.Iterations + " iterations", login.NanosPerOperation / 1000, "µs");
            Measure.Print(Name, "one PBKDF2 iteration (one AES block)", login.NanosPerOperation / PasswordRules.Iterations, "ns");
            Measure.Print(Name, "password hash on the ESP32, estimated", PasswordRules.Iterations * EstimatedDeviceMicrosPerIteration / 1000, "ms");
            Measure.Print(Name, "loop held per slice on the ESP32, estimated", PasswordCheck.SliceIterations * EstimatedDeviceMicrosPerIteration / 1000, "ms");

            Settings settings = new SettingsDefaults(new byte[8], "868M").Create();
            var record = new byte[SettingsRecord.MaxLength];
            var scratch = new SettingValue();
            int length = SettingsRecord.Write(settings, 1, record, scratch);
            Measure.Print(Name, "settings record", length, "bytes");
            var write = Measure.Run(() => SettingsRecord.Write(settings, 1, record, scratch), quick ? 20_000 : 200_000);
            Measure.Print(Name, "settings record build", write.NanosPerOperation, "ns");
            var rules = new SettingsRules(16, "868M");
            Measure.Print(Name, "template, keys masked", Template.Export(settings, rules, false).Length, "chars");
            Measure.Print(Name, "template, with keys", Template.Export(settings, rules, true).Length, "chars");
        }
    }
}
