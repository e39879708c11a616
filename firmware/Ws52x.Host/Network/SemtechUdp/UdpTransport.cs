using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Ws52x.Loop;

namespace Ws52x.Host.Network.SemtechUdp
{
    /// <summary>
    /// The bridge's UDP socket: one socket to the server's address (the forwarder's "server_address"/"serv_port_up"
    /// and "serv_port_down" on one port, as ChirpStack and The Things Stack take them), sends from the loop, and a
    /// receive thread of its own that only posts each datagram to the loop (<see cref="EventLoop.Post"/> is the loop's
    /// one thread-safe entry), so the loop never waits on the network.
    /// </summary>
    public sealed class UdpTransport : ISemtechTransport
    {
        private readonly UdpClient _client;
        private readonly IPEndPoint _server;
        private Thread _receiver;
        private EventLoop _loop;
        private IEventSink _sink;
        private int _closed;

        /// <summary>Resolves the server's name (the first IPv4 address, else the first) and opens a socket on any local port.</summary>
        public UdpTransport(string host, int port)
        {
            IPAddress address = Resolve(host);
            _server = new IPEndPoint(address, port);
            _client = new UdpClient(address.AddressFamily);
            _client.Connect(_server);
        }

        public IPEndPoint Server => _server;

        /// <summary>The local port the gateway sends from (the server answers there).</summary>
        public int LocalPort => ((IPEndPoint)_client.Client.LocalEndPoint).Port;

        /// <summary>Datagrams the loop's full event queue could not take (the server sent faster than the board reads).</summary>
        public int Overflows { get; private set; }

        /// <summary>Sends that failed (a refused port on the local host, no route): the protocol does not retry.</summary>
        public int SendErrors { get; private set; }

        public void Send(byte[] datagram)
        {
            try
            {
                _client.Send(datagram, datagram.Length);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                SendErrors++;
            }
        }

        public void Start(EventLoop loop, IEventSink sink)
        {
            _loop = loop;
            _sink = sink;
            _receiver = new Thread(ReceiveLoop) { IsBackground = true, Name = "semtech-udp" };
            _receiver.Start();
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                _client.Dispose(); // ends the blocking Receive on the thread
                _receiver?.Join(1000);
            }
        }

        private void ReceiveLoop()
        {
            var from = new IPEndPoint(IPAddress.Any, 0);
            while (Volatile.Read(ref _closed) == 0)
            {
                byte[] datagram;
                try
                {
                    datagram = _client.Receive(ref from);
                }
                catch (SocketException)
                {
                    // ICMP port unreachable of an earlier send (the server is not up yet) surfaces here on some systems.
                    continue;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                if (!_loop.Post(_sink, 0, datagram.Length, _loop.NowMicros, datagram))
                {
                    Overflows++;
                }
            }
        }

        private static IPAddress Resolve(string host)
        {
            if (IPAddress.TryParse(host, out IPAddress literal))
            {
                return literal;
            }

            IPAddress[] addresses;
            try
            {
                addresses = Dns.GetHostAddresses(host);
            }
            catch (ArgumentException)
            {
                throw new SocketException((int)SocketError.HostNotFound); // a name no resolver takes (too long, bad characters)
            }

            foreach (IPAddress a in addresses)
            {
                if (a.AddressFamily == AddressFamily.InterNetwork)
                {
                    return a;
                }
            }

            if (addresses.Length == 0)
            {
                throw new SocketException((int)SocketError.HostNotFound);
            }

            return addresses[0];
        }
    }
}
