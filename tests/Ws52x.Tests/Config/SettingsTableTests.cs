using System;
using System.Collections.Generic;
using System.Linq;
using Ws52x.Config;

namespace Ws52x.Tests.Config
{
    /// <summary>Every setting of guide 3.2 and 3.3: its default and its range, through the console as a user meets them.</summary>
    public class SettingsTableTests
    {
        private const string GuideKey = "5572404C696E6B4C6F52613230313823";

        /// <summary>name, default as `get` shows it (the guide's value where it gives one), values accepted, values refused.</summary>
        public static IEnumerable<object[]> Settings()
        {
            yield return Row("dev_eui", "240AC4FFFE123456", new[] { "0011223344556677" }, new[] { "00112233445566", "001122334455667788", "zz11223344556677" });
            yield return Row("app_eui", "24E124C0002A0001", new[] { "70B3D57ED0000000" }, new[] { "24E124C0002A00", "hello" });
            yield return Row("app_port", "85", new[] { "1", "223" }, new[] { "0", "224", "-1", "85.5", "eighty" });
            yield return Row("join_type", "OTAA", new[] { "ABP", "otaa" }, new[] { "LORA", "" });
            yield return Row("app_key", "*****", new[] { "000102030405060708090A0B0C0D0E0F" }, new[] { "0001", GuideKey + "00" });
            yield return Row("dev_addr", "C4123456", new[] { "26011BDA", "00000000" }, new[] { "26011B", "26011BDA00" });
            yield return Row("nwk_skey", "*****", new[] { "0F0E0D0C0B0A09080706050403020100" }, new[] { "xyz" });
            yield return Row("app_skey", "*****", new[] { "0F0E0D0C0B0A09080706050403020100" }, new[] { "0F0E0D0C0B0A0908070605040302010" });
            yield return Row("data_rate", "2", new[] { "0", "6" }, new[] { "-1", "7" });
            yield return Row("confirmed", "off", new[] { "on", "true", "1", "enable" }, new[] { "maybe", "2" });
            yield return Row("rejoin", "on", new[] { "off" }, new[] { "sometimes" });
            yield return Row("rejoin_packets", "32 packets", new[] { "4", "32" }, new[] { "3", "33" });
            yield return Row("adr", "on", new[] { "off" }, new[] { "x" });
            yield return Row("tx_power", "0", new[] { "0", "7" }, new[] { "-1", "8" });
            yield return Row("rx2_data_rate", "-1", new[] { "-1", "0", "6" }, new[] { "-2", "7", "8" });
            yield return Row("rx2_frequency", "0 Hz", new[] { "0", "863000000", "869525000", "870000000" }, new[] { "1", "862999999", "870000001", "915000000" });
            yield return Row("region", "EU868", new[] { "IN865", "RU864", "eu868" }, new[] { "US915", "AS923-1", "CN470", "MARS" });
            yield return Row("channels", "default", new[] { "0-15", "1,3", "0-2, 8", "all", "null", "default" }, new[] { "16", "3-1", "a", "1,,2", "0-15," });
            yield return Row("class", "C", new[] { "A", "c" }, new[] { "B" });
            for (int g = 1; g <= 4; g++)
            {
                yield return Row("mc" + g + "_enabled", "off", new[] { "on" }, new[] { "yes please" });
                yield return Row("mc" + g + "_address", new string((char)('0' + g), 8), new[] { "AABBCCDD" }, new[] { "AABBCCD", "AABBCCDDEE" });
                yield return Row("mc" + g + "_net_skey", "*****", new[] { "000102030405060708090A0B0C0D0E0F" }, new[] { "00" });
                yield return Row("mc" + g + "_app_skey", "*****", new[] { "000102030405060708090A0B0C0D0E0F" }, new[] { "00" });
            }

            yield return Row("report_interval", "1200 s", new[] { "60", "64800" }, new[] { "59", "64801", "0", "20m" });
            yield return Row("led", "on", new[] { "off" }, new[] { "dim" });
            yield return Row("power_consumption", "on", new[] { "off" }, new[] { "??" });
            yield return Row("power_restore", "off", new[] { "on", "last" }, new[] { "previous", "2" });
            yield return Row("button_lock", "off", new[] { "on" }, new[] { "locked" });
            yield return Row("button_lock_minutes", "0 min", new[] { "0", "32767" }, new[] { "-1", "32768" });
            yield return Row("overcurrent_alarm", "off", new[] { "on" }, new[] { "x" });
            yield return Row("overcurrent_alarm_threshold", "10 A", new[] { "1", "16", "0" }, new[] { "17", "-1", "255" });
            yield return Row("overcurrent_protection", "off", new[] { "on" }, new[] { "x" });
            yield return Row("overcurrent_protection_threshold", "10 A", new[] { "1", "16" }, new[] { "17", "100" });
        }

        private static object[] Row(string name, string shown, string[] ok, string[] bad) => new object[] { name, shown, ok, bad };

        [Theory]
        [MemberData(nameof(Settings))]
        public void Default_and_range_of(string name, string shown, string[] ok, string[] bad)
        {
            var rig = new ConsoleRig();
            Assert.Equal(name + " = " + shown, rig.One("get " + name));
            rig.Login();
            foreach (string value in bad)
            {
                byte[] stored = rig.Stored();
                string reply = rig.One("set " + name + " " + value);
                Assert.StartsWith("error: ", reply);
                Assert.Equal(name + " = " + shown, rig.One("get " + name));
                Assert.Equal(stored, rig.Stored());
            }

            foreach (string value in ok)
            {
                string reply = rig.One("set " + name + " " + value);
                Assert.True(reply.StartsWith(name + " = ", StringComparison.Ordinal) && (reply.Contains("(saved") || reply.Contains("(unchanged)")), reply);
                Assert.Null(rig.Config.Rules.CheckAll(rig.Current));
            }
        }

        [Fact]
        public void The_table_covers_every_setting_once_with_its_own_name_and_tag()
        {
            SettingInfo[] all = SettingsTable.All;
            Assert.Equal(all.Length, all.Select(s => s.Name).Distinct().Count());
            Assert.Equal(all.Length, all.Select(s => s.Tag).Distinct().Count());
            Assert.All(all, s => Assert.Equal(s, all[s.Id]));
            Assert.All(all, s => Assert.NotEqual(0, s.Tag));
            Assert.Equal(45, all.Count(s => !s.Has(SettingFlags.Hidden)));
            Assert.Equal(new[] { "dev_eui", "dev_addr" }, all.Where(s => s.Has(SettingFlags.Identity)).Select(s => s.Name));
            Assert.Equal(11, all.Count(s => s.Has(SettingFlags.Masked)));
        }

        [Fact]
        public void Every_entry_reads_and_writes_its_own_field_and_no_other()
        {
            var value = new SettingValue();
            var other = new SettingValue();
            foreach (SettingInfo info in SettingsTable.All)
            {
                var s = new Ws52x.Config.Settings();
                var before = SettingsAccess.Clone(s);
                SettingsAccess.Read(s, info.Id, value);
                Mutate(info, value);
                SettingsAccess.Write(s, info.Id, value);
                SettingsAccess.Read(s, info.Id, other);
                Assert.True(other.SameAs(value), info.Name + " did not read back what was written");
                foreach (SettingInfo rest in SettingsTable.All.Where(r => r.Id != info.Id))
                {
                    SettingsAccess.Read(before, rest.Id, value);
                    SettingsAccess.Read(s, rest.Id, other);
                    Assert.True(other.SameAs(value), "writing " + info.Name + " changed " + rest.Name);
                }
            }
        }

        [Theory]
        [InlineData("868M", "EU868", 2)]
        [InlineData("915M", "AU915", 2)]
        [InlineData("470M", "CN470", 2)]
        [InlineData(null, "EU868", 2)]
        public void The_default_region_follows_the_model_as_the_guide_says(string band, string region, int dataRate)
        {
            var rig = new ConsoleRig(band: band);
            Assert.Equal(region, rig.Current.LoRaWan.Region);
            Assert.Equal(dataRate, rig.Current.LoRaWan.DataRate);
        }

        [Theory]
        [InlineData("US915", 4, 14, 8, 13, 72, 0)]
        [InlineData("AU915", 6, 14, 8, 13, 72, 2)]
        [InlineData("AS923-2", 6, 7, 0, 6, 16, 2)]
        [InlineData("KR920", 5, 7, 0, 5, 16, 2)]
        public void Region_dependent_ranges_follow_the_region(string region, int maxDr, int maxTx, int minRx2, int maxRx2, int channels, int defaultDr)
        {
            var rig = new ConsoleRig(band: "915M");
            rig.Login();
            rig.One("set region AS923-1");
            Assert.Contains("back to " + region + "'s defaults", rig.One("set region " + region));
            Assert.Equal("data_rate = " + defaultDr, rig.One("get data_rate"));
            Assert.Contains("(saved", rig.One("set data_rate " + maxDr));
            Assert.StartsWith("error: data_rate " + (maxDr + 1) + " is outside 0-" + maxDr + " on " + region, rig.One("set data_rate " + (maxDr + 1)));
            Assert.Contains("(saved", rig.One("set tx_power " + maxTx));
            Assert.StartsWith("error: ", rig.One("set tx_power " + (maxTx + 1)));
            Assert.Contains("(saved", rig.One("set rx2_data_rate " + maxRx2));
            Assert.StartsWith("error: ", rig.One("set rx2_data_rate " + (minRx2 - 1 == -1 ? -2 : minRx2 - 1)));
            Assert.Contains("channels = all", rig.One("set channels 0-" + (channels - 1)));
            Assert.StartsWith("error: channels: channel " + channels + " is outside", rig.One("set channels " + channels));
        }

        [Fact]
        public void A_region_change_puts_the_region_dependent_settings_back_to_the_new_regions_defaults()
        {
            var rig = new ConsoleRig(band: "915M");
            rig.Login();
            rig.One("set data_rate 5");
            rig.One("set tx_power 9");
            rig.One("set rx2_data_rate 10");
            rig.One("set rx2_frequency 923300000");
            rig.One("set channels 8-15");
            rig.One("set region US915");
            var l = rig.Current.LoRaWan;
            Assert.Equal(("US915", 0, 0, -1, 0, ""), (l.Region, l.DataRate, l.TxPowerIndex, l.Rx2DataRate, l.Rx2FrequencyHz, l.Channels));
        }

        [Fact]
        public void Overcurrent_thresholds_are_bounded_by_the_boards_rated_current()
        {
            var rig = new ConsoleRig(ratedCurrentMilliamps: 10000);
            rig.Login();
            Assert.Contains("(unchanged)", rig.One("set overcurrent_alarm_threshold 10"));
            Assert.Equal("error: overcurrent_alarm_threshold 11 is outside 0-10 A (the board's rating); nothing changed", rig.One("set overcurrent_alarm_threshold 11"));
            Assert.Equal(10, rig.Config.Rules.RatedCurrentAmps);
        }

        [Fact]
        public void An_enabled_overcurrent_alarm_or_protection_needs_a_threshold_of_at_least_1_A()
        {
            var rig = new ConsoleRig();
            rig.Login();
            Assert.Contains("(saved", rig.One("set overcurrent_alarm_threshold 0"));
            Assert.Equal("error: overcurrent_alarm is on, so overcurrent_alarm_threshold must be at least 1 A; nothing changed", rig.One("set overcurrent_alarm on"));
            Assert.False(rig.Current.Socket.OvercurrentAlarmEnabled);
            rig.One("set overcurrent_protection on");
            Assert.StartsWith("error: overcurrent_protection is on", rig.One("set overcurrent_protection_threshold 0"));
        }

        private static void Mutate(SettingInfo info, SettingValue v)
        {
            switch (info.Kind)
            {
                case SettingKind.Eui:
                case SettingKind.Key:
                    for (int i = 0; i < v.ByteCount; i++)
                    {
                        v.Bytes[i] ^= (byte)(0x5A + i);
                    }

                    break;
                case SettingKind.ChannelList:
                    v.Text = "0-3";
                    break;
                case SettingKind.Bool:
                    v.Number ^= 1;
                    break;
                case SettingKind.Choice:
                    v.Number = (v.Number + 1) % info.Choices.Length;
                    break;
                default:
                    v.Number += 3;
                    break;
            }
        }
    }
}
