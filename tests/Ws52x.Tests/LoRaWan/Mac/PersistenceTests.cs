using System;
using System.Linq;
using Ws52x.Config;
using Ws52x.LoRaWan.Frames;
using Ws52x.LoRaWan.Mac;
using Ws52x.Util;

namespace Ws52x.Tests.LoRaWan.Mac
{
    /// <summary>What survives a power cut: the session, FCntUp (never reused), FCntDown (no replay), DevNonce.</summary>
    public class PersistenceTests
    {
        private static void SendMany(MacRig rig, int count)
        {
            for (int i = 0; i < count; i++)
            {
                int done = rig.Events.Done.Count;
                rig.Send(new byte[] { (byte)i });
                for (int s = 0; rig.Events.Done.Count == done; s++)
                {
                    Assert.True(s < 3600, "no uplink outcome within an hour of virtual time");
                    rig.Run(1);
                }
            }
        }

        private static MacRig Abp(Ws52x.Host.Board.MemoryStorage storage = null) => MacRig.Abp("US915", 3, storage: storage);

        [Fact]
        public void Abp_counters_continue_after_a_power_cut_and_no_value_is_sent_twice()
        {
            var rig = Abp();
            SendMany(rig, 20);
            Assert.Equal(20u, rig.Mac.FCntUp);
            // The reserve moved at FCnt 0 and 16: two writes for twenty frames.
            Assert.Equal(2, rig.Mac.StorageWrites);

            var after = rig.Reboot(s => { s.LoRaWan.Channels = "8-15,65"; s.LoRaWan.DataRate = 3; }).Start();
            after.Run(1);
            Assert.True(after.Mac.FCntUp >= 20 && after.Mac.FCntUp <= 20 + MacStoreReserve, after.Mac.FCntUp.ToString());
            SendMany(after, 3);
            var all = rig.Gateway.Uplinks.Concat(after.Gateway.Uplinks).Select(u => u.Data.FCnt32).ToList();
            Assert.Equal(all.Count, all.Distinct().Count());
            Assert.Equal(23, all.Count); // the network (same session) accepted every one of them
        }

        private const int MacStoreReserve = 16;

        [Fact]
        public void A_cut_after_any_number_of_frames_never_replays_a_counter()
        {
            for (int sent = 0; sent <= 34; sent += 17)
            {
                var rig = Abp();
                SendMany(rig, sent);
                uint last = sent == 0 ? 0 : rig.Gateway.Uplinks.Max(u => u.Data.FCnt32);
                var after = rig.Reboot(s => { s.LoRaWan.Channels = "8-15,65"; s.LoRaWan.DataRate = 3; }).Start();
                after.Run(1);
                SendMany(after, 1);
                uint first = after.Gateway.Uplinks.Single().Data.FCnt32;
                Assert.True(sent == 0 ? first == 16 || first == 0 : first > last, "after " + sent + " frames the first counter was " + first);
            }
        }

        [Fact]
        public void An_otaa_session_is_restored_without_a_join()
        {
            var rig = new MacRig().Start();
            Assert.True(rig.RunUntilJoined(60));
            SendMany(rig, 3);
            int writes = rig.Mac.StorageWrites;

            var after = rig.Reboot().Start();
            after.Run(5);
            Assert.True(after.Mac.IsJoined);
            Assert.Equal(1, after.Events.Joined);       // the application still hears "a session started"
            Assert.Empty(after.Gateway.JoinRequests);   // ...but nothing joined over the air
            Assert.Equal(rig.Mac.DevAddr, after.Mac.DevAddr);
            SendMany(after, 1);
            Assert.Equal(16u, after.Gateway.Uplinks.Single().Data.FCnt32); // the network checked its MIC with the old keys
            Assert.True(writes <= 4, writes.ToString());
        }

        [Fact]
        public void A_downlink_heard_before_a_power_cut_cannot_be_replayed_after_it()
        {
            var rig = Abp();
            var d = new ScriptedDownlink { Window = 1, Port = 85, Payload = new byte[] { 0x08, 0xff, 0x00 } };
            byte[] frame = rig.Gateway.Build(d);
            rig.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, Raw = frame });
            SendMany(rig, 1);
            Assert.Single(rig.Events.Downlinks);

            var after = rig.Reboot(s => { s.LoRaWan.Channels = "8-15,65"; s.LoRaWan.DataRate = 3; }).Start();
            after.Run(1);
            Assert.Equal(0u, after.Mac.FCntDown);
            after.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, Raw = frame });
            SendMany(after, 1);
            Assert.Empty(after.Events.Downlinks);
            Assert.Equal(1, after.Mac.Statistics.Rejected(FrameError.Replay));

            after.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, Port = 85, Payload = new byte[] { 0x08, 0xff, 0x01 } });
            SendMany(after, 1);
            Assert.Single(after.Events.Downlinks);
        }

        [Fact]
        public void DevNonce_never_repeats_across_reboots_and_new_sessions()
        {
            var rig = new MacRig().Start();
            rig.Gateway.DropJoins = 2;
            Assert.True(rig.RunUntilJoined(300));
            Assert.Equal(new[] { 0, 1, 2 }, rig.Network.DevNonces);

            // New AppKey: the old session does not match any more; the join uses a DevNonce above every one used.
            var after = rig.Reboot(s => s.LoRaWan.AppKey[0] ^= 0xFF);
            after.Start();
            Assert.Equal(16, after.Mac.NextDevNonce);
            Array.Copy(after.Settings.LoRaWan.AppKey, after.Network.AppKey, 16);
            Assert.True(after.RunUntilJoined(300), after.Output.ToString());
            Assert.Equal(16, after.Network.DevNonces.Last());
            Assert.Equal(after.Network.DevNonces.Count, after.Network.DevNonces.Distinct().Count());
        }

        [Fact]
        public void Changed_settings_start_a_fresh_session()
        {
            var rig = new MacRig().Start();
            Assert.True(rig.RunUntilJoined(60));
            var other = rig.Reboot(s => s.LoRaWan.Region = "EU868").Start();
            other.Run(5);
            Assert.True(other.Mac.IsJoined);

            // Another region: the EU868 session is not used, the socket joins over the air again.
            var moved = new MacRig("AS923-1", storage: rig.Storage.Clone()).Start();
            moved.Run(1);
            Assert.False(moved.Mac.IsJoined);
            Assert.True(moved.RunUntilJoined(120));
            Assert.Single(moved.Gateway.JoinRequests);
        }

        [Fact]
        public void An_abp_counter_at_2_pow_32_stops_the_device_and_says_why()
        {
            var after = AbpNearTheTop(0xFFFFFFFE);
            SendMany(after, 2);
            Assert.Equal(new uint[] { 0xFFFFFFFE, 0xFFFFFFFF }, after.Gateway.Uplinks.Select(u => u.Data.FCnt32));
            after.Run(5);
            Assert.Equal(MacState.Halted, after.Mac.State);
            Assert.Contains("ABP frame counter exhausted", after.Output.ToString());
            Assert.Equal(SendStatus.NotJoined, after.Send(new byte[] { 1 }));
            after.Run(60);
            Assert.Equal(2, after.Gateway.Uplinks.Count);
        }

        [Fact]
        public void An_otaa_counter_at_2_pow_32_joins_again()
        {
            var rig = new MacRig("US915", s => s.LoRaWan.Channels = "8-15,65").Start();
            Assert.True(rig.RunUntilJoined(600));
            SendMany(rig, 1);
            PatchReserve(rig.Storage, 0xFFFFFFFE);
            var after = rig.Reboot(s => s.LoRaWan.Channels = "8-15,65").Start();
            after.Network.LastFCntUp = 0xFFFFFFF0;
            after.Run(1);
            SendMany(after, 2);
            Assert.Equal(new uint[] { 0xFFFFFFFE, 0xFFFFFFFF }, after.Gateway.Uplinks.Select(u => u.Data.FCnt32));
            for (int i = 0; i < 600 && after.Gateway.JoinRequests.Count == 0; i++)
            {
                after.Run(1);
            }

            Assert.NotEmpty(after.Gateway.JoinRequests);
            Assert.Contains("frame counter exhausted", after.Output.ToString());
        }

        [Fact]
        public void An_abp_session_whose_uplink_counter_ran_out_stays_stopped_after_a_power_cut()
        {
            var spent = AbpNearTheTop(0xFFFFFFFE);
            SendMany(spent, 2);
            Assert.Equal(0xFFFFFFFFu, spent.Gateway.Uplinks.Last().Data.FCnt32);
            spent.Run(5);
            Assert.Equal(MacState.Halted, spent.Mac.State);

            // The last counter went out with these keys: after a power cut nothing may be sent with them again.
            var after = AssertSpentAfterPowerCut(spent);
            Assert.Contains("ABP frame counter exhausted", after.Output.ToString());
        }

        [Fact]
        public void A_power_cut_after_the_reserve_reached_the_top_forfeits_the_last_counter_rather_than_risk_sending_it_twice()
        {
            var near = AbpNearTheTop(0xFFFFFFFE);
            SendMany(near, 1);
            Assert.Equal(0xFFFFFFFEu, near.Gateway.Uplinks.Single().Data.FCnt32);

            // The reserve written before that frame could only be capped at 2^32-1, so the store cannot tell whether
            // 2^32-1 went out too: after a power cut the session counts as spent.
            AssertSpentAfterPowerCut(near);
        }

        [Fact]
        public void An_abp_session_whose_downlink_counter_ran_out_stays_stopped_after_a_power_cut()
        {
            var rig = Abp();
            SendMany(rig, 1);
            PatchFCntDown(rig.Storage, 0xFFFFFFF0);
            var spent = RebootAbp(rig);
            spent.Run(1);
            spent.Gateway.Downlinks.Enqueue(new ScriptedDownlink { Window = 1, FCnt = 0xFFFFFFFF, Port = 85, Payload = new byte[] { 0x08, 0xff, 0x00 } });
            SendMany(spent, 1);
            Assert.Single(spent.Events.Downlinks);
            Assert.Equal(0xFFFFFFFFu, spent.Mac.FCntDown);
            spent.Run(5);
            Assert.Equal(MacState.Halted, spent.Mac.State);

            // No downlink can ever be accepted again in this session: a power cut does not bring it back to life.
            AssertSpentAfterPowerCut(spent);
        }

        [Fact]
        public void No_join_request_goes_out_on_a_devnonce_the_flash_refused_to_reserve()
        {
            bool full = true;
            var rig = new MacRig("EU868", refuseWrite: key => full && key == MacStore.DevNonceKey).Start();
            rig.Run(300);
            Assert.Empty(rig.Gateway.JoinRequests);
            Assert.Contains("DevNonce reserve not saved (flash full): no JoinRequest until it is", rig.Output.ToString());

            // Space again: the socket joins on the next try, with DevNonce 0 under a reserve that is now on flash.
            full = false;
            Assert.True(rig.RunUntilJoined(120));
            Assert.Equal(new[] { 0 }, rig.Network.DevNonces);
            var stored = new byte[8];
            Assert.Equal(4, rig.Storage.Read(MacStore.DevNonceKey, stored));
            Assert.Equal((uint)MacStore.Reserve, Bytes.ReadUInt32LE(stored, 0));
        }

        [Fact]
        public void No_uplink_goes_out_on_a_frame_counter_the_flash_refused_to_reserve()
        {
            bool full = false;
            var rig = new MacRig("US915", s => { s.LoRaWan.JoinType = JoinType.Abp; s.LoRaWan.DataRate = 3; s.LoRaWan.Channels = "8-15,65"; },
                refuseWrite: key => full && key == MacStore.CountersKey).Start();
            rig.Run(5);
            SendMany(rig, MacStore.Reserve); // FCnt 0-15 under the first reserve
            full = true;
            rig.Send(new byte[] { 99 });
            rig.Run(300);
            Assert.Equal(MacStore.Reserve, rig.Gateway.Uplinks.Count);
            Assert.Contains("FCntUp reserve not saved (flash full): nothing is sent until it is", rig.Output.ToString());

            // The frame waited, and goes out with FCnt 16 once the reserve is on flash; a power cut then continues above it.
            full = false;
            rig.Run(120);
            Assert.Equal((uint)MacStore.Reserve, rig.Gateway.Uplinks[^1].Data.FCnt32);
            var after = RebootAbp(rig);
            SendMany(after, 1);
            Assert.Equal(2u * MacStore.Reserve, after.Gateway.Uplinks.Single().Data.FCnt32);
        }

        private static MacRig RebootAbp(MacRig rig) => rig.Reboot(s => { s.LoRaWan.Channels = "8-15,65"; s.LoRaWan.DataRate = 3; }).Start();

        /// <summary>An ABP socket rebooted with its FCntUp reserve patched to <paramref name="reserve"/>, the server in step.</summary>
        private static MacRig AbpNearTheTop(uint reserve)
        {
            var rig = Abp();
            SendMany(rig, 1);
            PatchReserve(rig.Storage, reserve);
            var after = RebootAbp(rig);
            after.Network.LastFCntUp = 0xFFFFFFF0;
            after.Run(1);
            return after;
        }

        /// <summary>Reboots a spent ABP session: it stays stopped and nothing goes on the air.</summary>
        private static MacRig AssertSpentAfterPowerCut(MacRig spent)
        {
            var after = RebootAbp(spent);
            after.Run(5);
            after.Send(new byte[] { 1 });
            after.Run(60);
            Assert.Empty(after.Gateway.Uplinks);
            Assert.Equal(MacState.Halted, after.Mac.State);
            return after;
        }

        /// <summary>Sets the persisted FCntUp reserve (as if the board had sent that many frames).</summary>
        private static void PatchReserve(Ws52x.Host.Board.MemoryStorage storage, uint reserve)
        {
            var b = new byte[64];
            int n = storage.Read("lorawan.counters", b);
            Assert.True(n > 9);
            Bytes.WriteUInt32LE(b, 5, reserve);
            storage.Replace("lorawan.counters", b, n);
        }

        /// <summary>Sets the persisted FCntDown of the session (as if that many downlinks had been accepted).</summary>
        private static void PatchFCntDown(Ws52x.Host.Board.MemoryStorage storage, uint fCntDown)
        {
            var b = new byte[64];
            int n = storage.Read("lorawan.counters", b);
            Assert.True(n > 13);
            Bytes.WriteUInt32LE(b, 9, fCntDown);
            b[13] |= 1;
            storage.Replace("lorawan.counters", b, n);
        }
    }
}
