using System.Diagnostics;
using System.IO;

namespace Ws52x.Tests.Host
{
    /// <summary>Runs the real ws52x program (the built host board) in its own process, as a user would.</summary>
    public static class HostProcess
    {
        public sealed record Result(int ExitCode, string Stdout, string Stderr);

        /// <summary>Runs ws52x and asserts the project's convention for bad input: exit code 2, one "ws52x: ..." line on stderr, nothing on stdout.</summary>
        public static void AssertUsageError(params string[] args)
        {
            var r = Run(args);
            Xunit.Assert.True(r.ExitCode == 2, "exit code " + r.ExitCode + " for ws52x " + string.Join(" ", args) + "\n" + r.Stderr);
            string[] errLines = r.Stderr.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
            Xunit.Assert.Single(errLines);
            Xunit.Assert.StartsWith("ws52x: ", errLines[0]);
            Xunit.Assert.Equal("", r.Stdout);
        }

        public static Result Run(params string[] args) => RunWithInput(null, args);

        /// <summary>Runs ws52x with <paramref name="input"/> on its standard input (then closed).</summary>
        public static Result RunWithInput(string input, params string[] args)
        {
            string dll = typeof(Ws52x.Host.Program).Assembly.Location;
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add(dll);
            foreach (string a in args)
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi);
            if (input != null)
            {
                p.StandardInput.Write(input);
            }

            p.StandardInput.Close();
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(60_000))
            {
                p.Kill(true);
                throw new IOException("ws52x " + string.Join(" ", args) + " did not finish in 60 s");
            }

            return new Result(p.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
