using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.MacCommands;
using static Ws52x.Tests.LoRaWan.TestKeys;

namespace Ws52x.Tests.LoRaWan
{
    public class MacCommandTests
    {
        private readonly MacCommandList _list = new MacCommandList();

        private FrameError Down(string hex)
        {
            byte[] b = H(hex);
            return MacCommandCodec.ParseDownlink(b, 0, b.Length, _list);
        }

        [Fact]
        public void Every_downlink_request_is_decoded_with_its_fields()
        {
            Assert.Equal(FrameError.None, Down("020a03" + "035207ff21" + "040f" + "0523287684" + "06" + "070328768450" + "0802" + "0935" + "0a02184f84" + "0d10e1a0499c"));
            Assert.Equal(10, _list.Count);
            MacCommand c = _list[0];
            Assert.Equal(("LinkCheckAns", 10, 3), (c.Name, c.Margin, c.GwCnt));
            c = _list[1];
            Assert.Equal(("LinkADRReq", 5, 2, 0xFF07, 2, 1), (c.Name, c.DataRate, c.TxPower, c.ChMask, c.ChMaskCntl, c.NbTrans));
            Assert.Equal(15, _list[2].MaxDutyCycle);
            c = _list[3];
            Assert.Equal((2, 3, 868100000u), (c.Rx1DrOffset, c.Rx2DataRate, c.Frequency));
            Assert.Equal("DevStatusReq", _list[4].Name);
            c = _list[5];
            Assert.Equal((3, 868100000u, 5, 0), (c.ChIndex, c.Frequency, c.MaxDr, c.MinDr));
            Assert.Equal(2, _list[6].Delay);
            c = _list[7];
            Assert.Equal((true, true, 5), (c.DownlinkDwellTime, c.UplinkDwellTime, c.MaxEirpIndex));
            c = _list[8];
            Assert.Equal((2, 867100000u), (c.ChIndex, c.Frequency));
            c = _list[9];
            Assert.Equal((0x49A0E110u, 0x9c), (c.GpsSeconds, c.FractionalSecond));
        }

        [Fact]
        public void Unknown_CID_stops_parsing_and_is_reported_with_the_commands_before_it_kept()
        {
            Assert.Equal(FrameError.UnknownMacCommand, Down("06" + "0801" + "80ffff" + "06"));
            Assert.Equal(2, _list.Count);
            Assert.Equal(0x80, _list.StoppedAtCid);
            Assert.Equal(3, _list.StoppedAtOffset);
        }

        [Theory]
        [InlineData("03520700")]
        [InlineData("02")]
        [InlineData("0d00000000")]
        [InlineData("06" + "0703188c84")]
        public void Truncated_commands_are_a_length_error(string hex)
        {
            Assert.Equal(FrameError.BadLength, Down(hex));
            Assert.Equal(FrameError.BadLength, _list.Error);
        }

        [Fact]
        public void Answers_are_serialized_and_read_back_as_the_network_would()
        {
            var fopts = new byte[15];
            var w = new MacCommandWriter();
            w.Reset(fopts, 0, 15);
            Assert.True(w.LinkAdrAns(true, false, true));
            Assert.True(w.RxParamSetupAns(true, true, true));
            Assert.True(w.DevStatusAns(254, -5));
            Assert.True(w.NewChannelAns(true, false));
            Assert.True(w.DlChannelAns(false, true));
            Assert.True(w.DutyCycleAns());
            Assert.True(w.RxTimingSetupAns());
            Assert.True(w.TxParamSetupAns());
            Assert.True(w.LinkCheckReq());
            Assert.Equal("0305" + "0507" + "06fe3b" + "0702" + "0a01" + "04" + "08" + "09" + "02", X(fopts, 0, w.Length));
            Assert.False(w.DeviceTimeReq()); // a 16th byte does not fit FOpts
            Assert.Equal(15, w.Length);

            Assert.Equal(FrameError.None, MacCommandCodec.ParseUplink(fopts, 0, w.Length, _list));
            Assert.Equal(9, _list.Count);
            Assert.Equal(5, _list[0].Status);
            Assert.Equal((254, -5), (_list[2].Battery, _list[2].Margin));
            Assert.Equal("LinkCheckReq", _list[8].Name);
        }
    }
}
