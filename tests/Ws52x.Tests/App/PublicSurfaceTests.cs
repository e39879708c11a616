using System;
using System.Linq;
using System.Reflection;
using Ws52x.App;
using Ws52x.LoRaWan.Frames;

namespace Ws52x.Tests.App
{
    /// <summary>
    /// The core's public surface stays small (issue 14 item 9): state is changed by its owner, so a public field that
    /// anyone can write is allowed only on the plain data and settings objects listed here. A new one elsewhere fails
    /// this test: make it private or internal (the tests see internals), or a property whose setter is not public.
    /// </summary>
    public class PublicSurfaceTests
    {
        /// <summary>Data by design: settings, codec values, parse results, radio configurations, the board's wiring.</summary>
        private static readonly string[] DataTypes =
        {
            "Ws52x.App.BoardIo",
            "Ws52x.Codec.BasicInformation",
            "Ws52x.Codec.DownlinkCommands",
            "Ws52x.Codec.ElectricalStatus",
            "Ws52x.Codec.UplinkValues",
            "Ws52x.Config.LoRaWanSettings",
            "Ws52x.Config.MulticastGroupSettings",
            "Ws52x.Config.PasswordSettings",
            "Ws52x.Config.SettingValue",
            "Ws52x.Config.SocketSettings",
            "Ws52x.Config.TemplateResult",
            "Ws52x.LoRaWan.Frames.DataFrame",
            "Ws52x.LoRaWan.Frames.JoinAccept",
            "Ws52x.LoRaWan.MacCommands.MacCommand",
            "Ws52x.Metering.MeteringBoard",
            "Ws52x.Radio.RadioChannelConfig",
            "Ws52x.Radio.RadioPacketInfo",
            "Ws52x.Radio.RadioRxConfig",
            "Ws52x.Radio.RadioTxConfig",
        };

        private static Type[] PublicTypes => typeof(Firmware).Assembly.GetTypes().Where(t => t.IsVisible).ToArray();

        [Fact]
        public void No_public_field_can_be_written_outside_the_data_objects()
        {
            var found = PublicTypes
                .Where(t => !DataTypes.Contains(t.FullName))
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.IsSpecialName)
                    .Select(f => t.FullName + "." + f.Name))
                .ToList();
            Assert.True(found.Count == 0, "public mutable fields outside the data objects (make them private/internal, or add the type to the list if it is plain data):\n" + string.Join("\n", found));
        }

        [Fact]
        public void The_list_names_only_public_types_that_have_such_fields()
        {
            foreach (string name in DataTypes)
            {
                Type t = PublicTypes.SingleOrDefault(x => x.FullName == name);
                Assert.True(t != null, name + " is not a public type of the core any more: take it off the list");
                Assert.True(t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(f => !f.IsInitOnly), name + " has no public mutable field any more: take it off the list");
            }
        }

        [Theory]
        [InlineData(nameof(Session.FCntUp))]
        [InlineData(nameof(Session.FCntDown))]
        [InlineData(nameof(Session.HasDownlink))]
        [InlineData(nameof(Session.DevAddr))]
        [InlineData(nameof(Session.IsMulticast))]
        public void A_sessions_counters_and_address_are_read_only_outside_the_core(string name)
        {
            PropertyInfo p = typeof(Session).GetProperty(name);
            Assert.NotNull(p.GetMethod);
            Assert.True(p.GetMethod.IsPublic);
            Assert.False(p.SetMethod.IsPublic, "Session." + name + " has a public setter");
        }

        [Fact]
        public void A_session_never_accepts_a_downlink_counter_back()
        {
            var s = new Session();
            s.AcceptDownlink(100);
            s.AcceptDownlink(50);
            s.AcceptDownlink(100);
            Assert.Equal(100u, s.FCntDown);
            s.AcceptDownlink(101);
            Assert.Equal(101u, s.FCntDown);
        }
    }
}
