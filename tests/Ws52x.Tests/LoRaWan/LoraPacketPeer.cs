using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ws52x.Tests.LoRaWan
{
    /// <summary>
    /// The independent peer: tests/interop/peer.js (npm lora-packet 0.9.3) in one node process per batch, JSON in
    /// on stdin, one JSON answer per item out on stdout. The npm packages are installed by the test project's build.
    /// </summary>
    public static class LoraPacketPeer
    {
        public static string InteropDir => Path.Combine(Paths.RepoRoot, "tests", "interop");

        public static JsonArray Run(string op, JsonArray items)
        {
            var request = new JsonObject { ["op"] = op, ["items"] = items };
            var psi = new ProcessStartInfo("node")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = InteropDir,
            };
            psi.ArgumentList.Add("peer.js");
            using var p = Process.Start(psi);
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.StandardInput.Write(request.ToJsonString());
            p.StandardInput.Close();
            if (!p.WaitForExit(120_000))
            {
                p.Kill(true);
                throw new IOException("node peer.js " + op + " did not finish in 120 s");
            }

            if (p.ExitCode != 0)
            {
                throw new IOException("node peer.js " + op + " failed (" + p.ExitCode + "): " + stderr.Result);
            }

            var answers = JsonNode.Parse(stdout.Result).AsArray();
            Assert.Equal(items.Count, answers.Count);
            return answers;
        }
    }
}
