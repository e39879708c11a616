using System.Diagnostics;
using System.IO;

namespace Ws52x.Tests.Host
{
    /// <summary>
    /// Runs the real ws52x program (the built host board) in its own process, as a user would; or, for many quick
    /// runs, in this process through the same entry (<see cref="Ws52x.Host.Commands.Cli.Invoke(System.CommandLine.RootCommand, string[], TextWriter, TextWriter)"/>).
    /// </summary>
    public static class HostProcess
    {
        public sealed record Result(int ExitCode, string Stdout, string Stderr);

        /// <summary>ws52x in this process, its output and errors captured (or written to the given writer).</summary>
        public static Result InProcess(params string[] args) => InProcess(null, args);

        public static Result InProcess(TextWriter output, params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = Ws52x.Host.Commands.Cli.Invoke(Ws52x.Host.Program.BuildRoot(), args, output ?? stdout, stderr);
            return new Result(exit, stdout.ToString(), stderr.ToString());
        }

        /// <summary>The usage-error convention (exit 2, one "ws52x: " line, nothing on stdout) for a run in this process.</summary>
        public static void AssertUsageErrorInProcess(params string[] args)
        {
            AssertUsageError(InProcess(args), args);
        }

        /// <summary>Runs ws52x and asserts the project's convention for bad input: exit code 2, one "ws52x: ..." line on stderr, nothing on stdout.</summary>
        public static void AssertUsageError(params string[] args)
        {
            AssertUsageError(Run(args), args);
        }

        private static void AssertUsageError(Result r, string[] args)
        {
            Xunit.Assert.True(r.ExitCode == 2, "exit code " + r.ExitCode + " for ws52x " + string.Join(" ", args) + "\n" + r.Stderr);
            string[] errLines = r.Stderr.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
            Xunit.Assert.Single(errLines);
            Xunit.Assert.StartsWith("ws52x: ", errLines[0]);
            Xunit.Assert.DoesNotContain("System.", errLines[0]);
            Xunit.Assert.Equal("", r.Stdout);
        }

        public static Result Run(params string[] args) => Start(null, null, args);

        /// <summary>Runs ws52x with <paramref name="input"/> on its standard input (then closed).</summary>
        public static Result RunWithInput(string input, params string[] args) => Start(input, null, args);

        /// <summary>
        /// Runs ws52x in its own process with its standard output going to <paramref name="stdoutPath"/> (as
        /// `ws52x ... &gt; path` would), through /bin/sh.
        /// </summary>
        public static Result RunWithStdoutTo(string stdoutPath, params string[] args) => Start(null, stdoutPath, args);

        private static Result Start(string input, string stdoutPath, string[] args)
        {
            string dll = typeof(Ws52x.Host.Program).Assembly.Location;
            var psi = new ProcessStartInfo(stdoutPath == null ? "dotnet" : "/bin/sh")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            if (stdoutPath != null)
            {
                psi.ArgumentList.Add("-c");
                psi.ArgumentList.Add("exec dotnet \"$@\" > " + stdoutPath);
                psi.ArgumentList.Add("sh");
            }

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
