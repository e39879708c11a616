using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.MacCommands;
using Ws52x.Util;

namespace Ws52x.LoRaWan.Mac
{
    /// <summary>
    /// Downlinks: every frame the radio hands over is checked (type, DevAddr, counter, MIC) before anything changes;
    /// a refused frame is counted and logged and leaves the session as it was. Accepted frames carry MAC commands
    /// (FOpts or port 0), an ACK, the application's payload, or, for a multicast group, the application port only.
    /// </summary>
    internal sealed partial class LoRaWanMac
    {
        /// <summary>True for a frame addressed to this session (or a JoinAccept) that was accepted.</summary>
        private bool HandleFrame(byte[] buffer, int count, bool inClassAWindow)
        {
            if (buffer == null || count < 1 || count > buffer.Length)
            {
                Reject(FrameError.ShortFrame);
                return false;
            }

            MType type = Mhdr.TypeOf(buffer[0]);
            if (type == MType.JoinAccept)
            {
                if (!_txIsJoin || _joined || (_state != MacState.Rx1 && _state != MacState.Rx2))
                {
                    Reject(FrameError.BadMhdr);
                    return false;
                }

                return AcceptJoin(buffer, count);
            }

            if (!Mhdr.IsDownlinkData(type) || Mhdr.MajorOf(buffer[0]) != Mhdr.MajorLoRaWanR1)
            {
                Reject(FrameError.BadMhdr);
                return false;
            }

            if (!_joined)
            {
                Reject(FrameError.WrongDevAddr);
                return false;
            }

            if (count >= 5)
            {
                uint address = Bytes.ReadUInt32LE(buffer, 1);
                int group = address == _session.DevAddr ? -1 : MulticastGroupOf(address);
                if (group >= 0)
                {
                    // Multicast is heard in Class C's continuous RX2, the part that is an uplink's RX2 window included (the
                    // group's frame is no answer to the uplink, but it comes on the same channel); never in RX1 or Class A.
                    if (ClassCActive && _state != MacState.Rx1)
                    {
                        AcceptMulticast(group, buffer, count);
                    }
                    else
                    {
                        Reject(FrameError.WrongDevAddr);
                    }

                    return false;
                }
            }

            FrameError e = _parser.ParseDownlink(_session, buffer, 0, count, _frame, true);
            if (e != FrameError.None)
            {
                Reject(e);
                return false;
            }

            AcceptUnicast(inClassAWindow);
            return true;
        }

        private void AcceptUnicast(bool inClassAWindow)
        {
            Statistics.DownlinksAccepted++;
            Statistics.LastRssiDbm = _frameRssiDbm;
            Statistics.LastSnrDb = _frameSnrDb;
            _handler.LastSnrDb = _frameSnrDb;
            _downlinkSinceFrame = true;
            _linkChecksUnanswered = 0;
            _adr.OnDownlink();
            if (inClassAWindow)
            {
                // The network heard the uplink that carried the sticky answers.
                _handler.ClearSticky();
            }

            if (_frame.Ack && _frameOpen && _frameConfirmed && _transmissions > 0)
            {
                _acked = true;
            }

            if (_frame.IsConfirmed)
            {
                _ackPending = true;
                _answerWanted = true;
            }

            _handler.AdrEnabled = _settings.Adr;
            _handler.Changed = false;
            bool commands = _frame.FOptsLength > 0 || _frame.FPort == 0;
            if (_frame.FOptsLength > 0)
            {
                Commands(_frame.FOpts, _frame.FOptsLength);
            }
            else if (_frame.FPort == 0)
            {
                Commands(_frame.Payload, _frame.PayloadLength);
            }

            if (_handler.Changed)
            {
                _handler.Changed = false;
                Saved(_store.SaveSession(_otaa, _session, _params, _plan), "session");
            }

            // FPending asks a Class A device for an uplink to open windows for the rest; Class C already listens, and an
            // uplink sent for it would only cover the next downlink the network sends at once (as LoRaMac-node does).
            if ((commands && _handler.NewAnswers) || (_frame.FPending && !ClassCActive))
            {
                _answerWanted = true;
            }

            // The exact FCntDown is kept, so that this frame cannot be replayed after a power cut.
            Saved(_store.SaveCounters(_fCntUpReserve, _session, _multicast), "FCntDown");
            if (LogFrames)
            {
                TextBuffer line = _log.Line("lorawan").Append("downlink FCnt ").Append(_frame.FCnt32).Append(_frame.Ack ? " ACK" : "").Append(_frame.IsConfirmed ? " confirmed" : "");
                if (_frame.FPort > 0)
                {
                    line.Append(" port ").Append(_frame.FPort).Append(' ').Append(_frame.PayloadLength).Append(" bytes");
                }

                if (_frame.FOptsLength > 0 || _frame.FPort == 0)
                {
                    line.Append(" MAC commands ").Append(_commands.Count);
                }

                line.Append(", SNR ").Append(_handler.LastSnrDb).Append(" dB");
                _log.End();
            }

            if (_frame.FPort >= 1 && _frame.FPort <= 223)
            {
                _events.OnDownlink(_frame.FPort, _frame.Payload, 0, _frame.PayloadLength, false);
            }

            if (_session.FCntDown == uint.MaxValue)
            {
                _counterExhausted = true; // no downlink could follow this one
            }
        }

        private void AcceptMulticast(int group, byte[] buffer, int count)
        {
            Session s = _multicast[group];
            FrameError e = _parser.ParseDownlink(s, buffer, 0, count, _frame, false);
            if (e == FrameError.None && _frame.FPort != _settings.ApplicationPort)
            {
                e = FrameError.BadMulticast; // only the application port is heard on a group
            }

            if (e != FrameError.None)
            {
                Reject(e);
                return;
            }

            s.AcceptDownlink(_frame.FCnt32);
            Statistics.MulticastAccepted++;
            Saved(_store.SaveCounters(_fCntUpReserve, _session, _multicast), "multicast FCntDown");
            if (LogFrames)
            {
                _log.Line("lorawan").Append("multicast group ").Append(group + 1).Append(" FCnt ").Append(_frame.FCnt32).Append(" port ").Append(_frame.FPort)
                    .Append(' ').Append(_frame.PayloadLength).Append(" bytes");
                _log.End();
            }

            _events.OnDownlink(_frame.FPort, _frame.Payload, 0, _frame.PayloadLength, true);
        }

        private void Commands(byte[] data, int length)
        {
            FrameError e = MacCommandCodec.ParseDownlink(data, 0, length, _commands);
            if (e != FrameError.None)
            {
                // The spec: an unknown command ends the processing of the rest; what came before still counts.
                Statistics.MacCommandErrors++;
                _log.Warning("lorawan").Append("MAC commands: ").Append(FrameErrors.Message(e)).Append(" (CID ").Append(Hex.ByteLiteral(_commands.StoppedAtCid))
                    .Append(" at byte ").Append(_commands.StoppedAtOffset).Append(')');
                _log.End();
            }

            _handler.Process(_commands);
            if (_handler.LinkCheckAnswered)
            {
                _log.Line("lorawan").Append("link check: margin ").Append(_handler.LinkMargin).Append(" dB, ").Append(_handler.GatewayCount).Append(" gateway(s)");
                _log.End();
            }
        }

        private int MulticastGroupOf(uint address)
        {
            for (int g = 0; g < _multicast.Length; g++)
            {
                if (_multicastOn[g] && _multicast[g].DevAddr == address)
                {
                    return g;
                }
            }

            return -1;
        }

        private void Reject(FrameError reason)
        {
            Statistics.Reject(reason);
            _log.Warning("lorawan").Append("downlink refused: ").Append(FrameErrors.Message(reason));
            _log.End();
        }
    }
}
