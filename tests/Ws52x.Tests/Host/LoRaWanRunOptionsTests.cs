using System.CommandLine;
using System.Linq;
using System.IO;
using Ws52x.Config;
using Ws52x.Host.Board;
using Ws52x.Host.Commands;
using Ws52x.Host.Network;
using Ws52x.Util;

namespace Ws52x.Tests.Host
{
    /// <summary>The LoRaWAN options of `ws52x run`: each sets the device's settings and the network server's registration alike.</summary>
    public class LoRaWanRunOptionsTests
    {
        private static HostBoardOptions Parse(string args)
        {
            var command = new RootCommand();
            var lorawan = new LoRaWanRunOptions(command);
            ParseResult parse = command.Parse(args);
            Assert.Empty(parse.Errors);
            var options = new HostBoardOptions();
            lorawan.ReadInto(parse, options);
            return options;
        }

        [Fact]
        public void Given_options_become_the_devices_settings_and_the_same_registration_on_the_server()
        {
            HostBoardOptions options = Parse("--region us915 --class a --adr off --dr 3 --confirmed --appkey 000102030405060708090a0b0c0d0e0f --deveui 0123456789ABCDEF");
            using var board = new HostBoard(options, new StringWriter());
            LoRaWanSettings s = board.Settings.Current.LoRaWan;
            Assert.Equal(("US915", DeviceClass.A, JoinType.Otaa, false, 3, true), (s.Region, s.Class, s.JoinType, s.Adr, s.DataRate, s.Confirmed));
            Assert.Equal("000102030405060708090a0b0c0d0e0f", Hex.ToHex(s.AppKey));
            Assert.Equal("0123456789abcdef", Hex.ToHex(s.DevEui));

            NetworkDevice d = Assert.Single(board.Network.Devices);
            Assert.Equal("US915", board.Network.Region.Name);
            Assert.Equal(("0123456789abcdef", true, DeviceClass.A), (d.DevEui, d.Otaa, d.Class));
            Assert.Equal(s.AppKey, d.AppKey);
            Assert.Equal(s.AppEui, d.AppEui);
        }

        [Fact]
        public void Without_options_the_guides_defaults_stand_and_ABP_registers_the_settings_DevAddr_and_keys()
        {
            HostBoardOptions defaults = Parse("");
            using (var board = new HostBoard(defaults, new StringWriter()))
            {
                LoRaWanSettings s = board.Settings.Current.LoRaWan;
                Assert.Equal(("EU868", DeviceClass.C, JoinType.Otaa, true, 2, false), (s.Region, s.Class, s.JoinType, s.Adr, s.DataRate, s.Confirmed));
                Assert.Equal("5572404c696e6b4c6f52613230313823", Hex.ToHex(s.AppKey));
                Assert.Equal(0x02, s.DevEui[0] & 0x03); // a locally administered stand-in until the SN gives it
                Assert.Equal(Hex.ToHex(s.DevEui), board.Network.Devices[0].DevEui);
            }

            using (var board = new HostBoard(Parse("--activation abp --region AS923-2"), new StringWriter()))
            {
                LoRaWanSettings s = board.Settings.Current.LoRaWan;
                NetworkDevice d = board.Network.Devices[0];
                Assert.False(d.Otaa);
                Assert.True(d.Joined);
                Assert.NotEqual(0u, s.DevAddr);
                Assert.Equal(s.DevAddr, d.DevAddr);
                Assert.Equal(s.NwkSKey, d.NwkSKey);
                Assert.Equal(s.AppSKey, d.AppSKey);
                Assert.Equal((2, 921_400_000), (d.Rx2DataRate, d.Rx2FrequencyHz));
            }
        }

        [Fact]
        public void An_ABP_socket_on_a_fixed_plan_is_set_to_the_gateways_sub_band_on_both_sides()
        {
            using var board = new HostBoard(Parse("--activation abp --region au915"), new StringWriter());
            Assert.Equal("8-15,65", board.Settings.Current.LoRaWan.Channels);
            NetworkDevice d = board.Network.Devices[0];
            Assert.Equal(Enumerable.Range(8, 8).Append(65), Enumerable.Range(0, 72).Where(d.ChannelPlan.IsEnabled));
        }

        [Theory]
        [InlineData("--region", "eu433")]
        [InlineData("--class", "b")]
        [InlineData("--activation", "otta")]
        [InlineData("--adr", "yes")]
        [InlineData("--dr", "x")]
        [InlineData("--dr", "16")]
        [InlineData("--dr", "7")] // EU868 DR7 is FSK, which the SX127x driver does not send
        [InlineData("--region", "us915", "--dr", "5")]
        [InlineData("--region", "as923", "--dr", "1")] // AS923's uplink dwell time forbids DR0-1
        [InlineData("--appkey", "5572404C696E6B4C6F5261323031382")]
        [InlineData("--appkey", "5572404C696E6B4C6F526132303138zz")]
        [InlineData("--deveui", "0123456789abcdef0")]
        [InlineData("--deveui", "")]
        [InlineData("--confirmed", "yes")]
        public void Each_bad_value_is_one_line_and_exit_code_2(params string[] args)
        {
            HostProcess.AssertUsageError(args);
        }

        [Fact]
        public void The_error_line_names_the_option_and_what_it_takes()
        {
            Assert.Equal("ws52x: --class takes a or c (got 'b')", HostProcess.Run("--class", "b").Stderr.Trim());
            Assert.Equal("ws52x: --dr takes a data rate of AS923-1: 2-6 (got 1)", HostProcess.Run("--region", "as923", "--dr", "1").Stderr.Trim());
            Assert.Equal("ws52x: --deveui takes 8 bytes as 16 hex digits (got '0123')", HostProcess.Run("--deveui", "0123").Stderr.Trim());
        }
    }
}
