// APIs used here, checked against nanoframework/nanoFramework.Runtime.Native v1.7.11 (nanoFramework.Runtime.Native/Power.cs):
//   nanoFramework.Runtime.Native.Power.RebootDevice() - a full reboot (RebootOption.NormalReboot), not a CLR-only restart.
using nanoFramework.Runtime.Native;
using Ws52x.Platform;

namespace Ws52x.Esp32.Adapters
{
    /// <summary>The board's restart: a processor reset. The core has saved what must survive before it asks.</summary>
    public sealed class Esp32BoardControl : IBoardControl
    {
        public void Reboot(string reason)
        {
            Power.RebootDevice();
        }
    }
}
