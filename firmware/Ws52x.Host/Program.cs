using System.CommandLine;
using Ws52x.Host.Commands;

namespace Ws52x.Host
{
    /// <summary>ws52x: the host board (default, or `run`) and the user's tools as subcommands.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            return Cli.Invoke(BuildRoot(), args);
        }

        /// <summary>The whole command tree; each area adds its subcommand here, one line each.</summary>
        public static RootCommand BuildRoot()
        {
            RootCommand root = RunCommand.CreateRoot();
            root.Subcommands.Add(RunCommand.Create());
            root.Subcommands.Add(DecodeCommand.Create());
            root.Subcommands.Add(EncodeCommand.Create());
            root.Subcommands.Add(FrameCommand.Create());
            root.Subcommands.Add(AirtimeCommand.Create());
            root.Subcommands.Add(TemplateCommand.Create());
            root.Subcommands.Add(RegionCommand.Create());
            root.Subcommands.Add(FleetCommand.Create());
            return root;
        }
    }
}
