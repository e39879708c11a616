using System.CommandLine;

namespace Ws52x.Host.Commands
{
    /// <summary>Path options (files and folders), with the same one-line errors as every other option.</summary>
    public static partial class Cli
    {
        /// <summary>What a path option names: a file to read, a file to write (made or replaced), or a folder (made if missing).</summary>
        public enum PathKind
        {
            FileToRead,
            FileToWrite,
            Folder,
        }

        /// <summary>
        /// A path: refused at once when empty, or when it names the wrong kind of thing (a folder where a file belongs, a
        /// file to read that is not there, a file where a folder belongs). Whether it can really be read or written is only
        /// known when it is used: that is an I/O failure then (exit 1), not a usage error.
        /// </summary>
        public static Option<string> Path(string name, string description, PathKind kind)
        {
            return new Option<string>(name)
            {
                Description = description,
                HelpName = kind == PathKind.Folder ? "folder" : "file",
                CustomParser = r =>
                {
                    string t = Token(r);
                    if (t.Trim().Length == 0)
                    {
                        r.AddError(name + " takes the name of a " + (kind == PathKind.Folder ? "folder (made if missing)" : "file"));
                    }
                    else if (kind == PathKind.Folder && System.IO.File.Exists(t))
                    {
                        r.AddError(name + " takes a folder (made if missing); " + Echo(t) + " is a file");
                    }
                    else if (kind != PathKind.Folder && System.IO.Directory.Exists(t))
                    {
                        r.AddError(name + " takes a file; " + Echo(t) + " is a folder");
                    }
                    else if (kind == PathKind.FileToRead && !System.IO.File.Exists(t))
                    {
                        r.AddError(name + ": there is no file " + Echo(t));
                    }

                    return t;
                },
            };
        }
    }
}
