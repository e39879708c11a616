using System.Linq;
using Ws52x.Config;
using Ws52x.Host.Board;
using Ws52x.Util;

namespace Ws52x.Tests.Config
{
    /// <summary>The board's identity from its SN: the default DevEUI and the ABP DevAddr (guide 3.2.1).</summary>
    public class BoardIdentityTests
    {
        [Fact]
        public void The_DevEUI_is_the_EUI64_of_the_SNs_first_six_bytes_and_the_DevAddr_is_digits_5_to_12()
        {
            byte[] sn = Hex.Parse("240AC41234560000");
            Settings s = new SettingsDefaults(sn, null).Create();
            Assert.Equal("240ac4fffe123456", Hex.ToHex(s.LoRaWan.DevEui));
            Assert.Equal("240AC41234560000".Substring(4, 8), s.LoRaWan.DevAddr.ToString("X8"));
        }

        [Fact]
        public void The_guides_example_SN_gives_its_digits_5_to_12_as_DevAddr()
        {
            // ff16 6148b13783621055 in guide 4.1.
            Assert.Equal(0xb1378362u, SettingsDefaults.DevAddrFromSerialNumber(Hex.Parse("6148b13783621055")));
        }

        [Fact]
        public void A_board_without_an_SN_says_so_and_gets_zeros()
        {
            var rig = new ConsoleRig();
            rig.Board.SerialNumber = null;
            var bare = new ConfigService(rig.Board, rig.Loop, rig.Log);
            bare.Load();
            Assert.Contains(rig.Output.Lines, l => l.EndsWith("config: warning: the board gave no serial number: default DevEUI and DevAddr are zero (set dev_eui)"));
            Assert.Equal("000000fffe000000", Hex.ToHex(bare.Store.Current.LoRaWan.DevEui));
        }

        [Fact]
        public void Host_boards_get_a_locally_administered_SN_from_their_seed()
        {
            byte[] a = HostBoard.SerialNumberFromSeed(52);
            Assert.Equal(a, HostBoard.SerialNumberFromSeed(52));
            Assert.NotEqual(a, HostBoard.SerialNumberFromSeed(53));
            Assert.Equal(0x02, a[0] & 0x03);
            Assert.Equal(new byte[] { 0, 0 }, a.Skip(6));
        }
    }
}
