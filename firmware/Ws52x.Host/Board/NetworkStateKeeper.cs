using System;
using System.IO;
using Ws52x.Host.Network;

namespace Ws52x.Host.Board
{
    /// <summary>
    /// Keeps the built-in network server's sessions in the --state folder beside the board's flash, so that a second
    /// run on the folder meets a server that remembers the socket (as ChirpStack would after a reboot of the socket):
    /// restored at the start, saved after every uplink the server accepts and at the end of the run.
    /// </summary>
    internal sealed class NetworkStateKeeper
    {
        private readonly NetworkServer _network;
        private readonly TextWriter _output;
        private string _path;

        public NetworkStateKeeper(NetworkServer network, string stateDirectory, TextWriter output)
        {
            _network = network;
            _output = output;
            _path = Path.Combine(stateDirectory, NetworkServer.StateFileName);
            network.RestoreState(_path);
            network.UplinkReceived += _ => Save();
        }

        public void Save()
        {
            if (_path == null)
            {
                return;
            }

            try
            {
                _network.SaveState(_path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _output.WriteLine("host: warning: network server state not saved in '" + _path + "': " + e.Message);
                _path = null; // said once; the run goes on
            }
        }
    }
}
