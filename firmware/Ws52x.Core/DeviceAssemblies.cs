// The device build makes two assemblies of these sources, because nanoFramework caps one assembly at 64 KB of byte
// code and 64 KB of strings (16-bit offsets in its metadata: docs/budget.md): Ws52x.Core is the platform, loop,
// utilities, diagnostics, radio, LoRaWAN and the settings model (Ws52x.Core.nfproj lists them); Ws52x.Application is the
// rest and uses some of the first one's internals. The host builds one assembly of everything.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Ws52x.Application")]
