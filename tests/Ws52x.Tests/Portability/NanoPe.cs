using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Ws52x.Tests.Portability
{
    /// <summary>
    /// What nanoFramework makes of an assembly, read from the IL assembly: the device runs a .pe file that its
    /// MetadataProcessor writes from the .dll (docs/budget.md). The byte code follows the processor's rules exactly
    /// (nanoframework/metadata-processor, MetadataProcessor.Shared/Mono.Cecil/CodeWriter.cs): IL without method headers,
    /// 2-byte tokens (4 for ldtoken) and branch offsets, a 1-byte switch count with 2-byte targets, and 12 bytes per
    /// exception handler plus a count. The string table and the whole .pe are estimates from the metadata (table rows at the processor's
    /// record sizes, names and literals once each in UTF-8), checked against real .pe files in docs/budget.md.
    /// </summary>
    public sealed class NanoPe
    {
        /// <summary>nanoFramework keeps byte code and string offsets in 16 bits (CLR_OFFSET, CLR_STRING in nf-interpreter's nanoCLR_Types.h).</summary>
        public const int TableLimit = 65535;

        private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)).ToDictionary(o => o.Value);

        public NanoPe(byte[] image)
        {
            using var pe = new PEReader(new MemoryStream(image));
            MetadataReader md = pe.GetMetadataReader();
            var strings = new HashSet<string>(StringComparer.Ordinal);
            foreach (TypeDefinitionHandle h in md.TypeDefinitions)
            {
                TypeDefinition t = md.GetTypeDefinition(h);
                Types += md.GetString(t.Name) == "<Module>" ? 0 : 1;
                strings.Add(md.GetString(t.Name));
                strings.Add(md.GetString(t.Namespace));
                foreach (FieldDefinitionHandle fh in t.GetFields())
                {
                    FieldDefinition f = md.GetFieldDefinition(fh);
                    if ((f.Attributes & FieldAttributes.Literal) == 0)
                    {
                        Fields++;
                        strings.Add(md.GetString(f.Name));
                    }
                }

                foreach (MethodDefinitionHandle mh in t.GetMethods())
                {
                    MethodDefinition m = md.GetMethodDefinition(mh);
                    Methods++;
                    strings.Add(md.GetString(m.Name));
                    if (m.RelativeVirtualAddress != 0)
                    {
                        MethodBodyBlock body = pe.GetMethodBody(m.RelativeVirtualAddress);
                        ByteCode += ByteCodeOf(body, md, strings);
                    }
                }
            }

            foreach (TypeReferenceHandle h in md.TypeReferences)
            {
                TypeReference r = md.GetTypeReference(h);
                strings.Add(md.GetString(r.Name));
                strings.Add(md.GetString(r.Namespace));
            }

            foreach (MemberReferenceHandle h in md.MemberReferences)
            {
                strings.Add(md.GetString(md.GetMemberReference(h).Name));
            }

            foreach (AssemblyReferenceHandle h in md.AssemblyReferences)
            {
                strings.Add(md.GetString(md.GetAssemblyReference(h).Name));
            }

            strings.Add(md.GetString(md.GetAssemblyDefinition().Name));
            Strings = strings.Sum(s => Encoding.UTF8.GetByteCount(s) + 1);
            References = md.GetTableRowCount(TableIndex.TypeRef) + md.GetTableRowCount(TableIndex.MemberRef) + md.GetTableRowCount(TableIndex.AssemblyRef);
            Signatures = md.GetHeapSize(HeapIndex.Blob);
        }

        /// <summary>Bytes of byte code (the ByteCode table), at most <see cref="TableLimit"/> per assembly.</summary>
        public long ByteCode { get; }

        /// <summary>Bytes of the string table: every name and literal once, UTF-8 and zero-terminated (an upper bound:
        /// the processor leaves out the strings the runtime already holds).</summary>
        public long Strings { get; }

        public int Types { get; }

        public int Fields { get; }

        public int Methods { get; }

        public int References { get; }

        /// <summary>The IL assembly's blob heap, standing in for the signature table.</summary>
        public long Signatures { get; }

        /// <summary>
        /// The .pe file: a 124-byte header, then the tables at the processor's record sizes (type 24, field 8, method 16,
        /// reference 8 bytes), the strings, the signatures and the byte code. Measured against the processor itself it is
        /// a little high (docs/budget.md): the string table leaves out what the runtime already holds, and the signature
        /// table is smaller than the IL assembly's blob heap.
        /// </summary>
        public long EstimatedSize => 124 + 24L * Types + 8L * Fields + 16L * Methods + 8L * References + Strings + Signatures + ByteCode;

        private static long ByteCodeOf(MethodBodyBlock body, MetadataReader md, HashSet<string> strings)
        {
            byte[] il = body.GetILBytes();
            long size = 0;
            int i = 0;
            while (i < il.Length)
            {
                short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
                OpCode op = OpCodesByValue[value];
                i += op.Size;
                size += op.Size;
                switch (op.OperandType)
                {
                    case OperandType.InlineSwitch:
                        int n = BitConverter.ToInt32(il, i);
                        i += 4 + 4 * n;
                        size += 1 + 2 * n;
                        break;
                    case OperandType.InlineString:
                        strings.Add(md.GetUserString(MetadataTokens.UserStringHandle(BitConverter.ToInt32(il, i) & 0xFFFFFF)));
                        i += 4;
                        size += 2;
                        break;
                    case OperandType.InlineMethod:
                    case OperandType.InlineField:
                    case OperandType.InlineType:
                    case OperandType.InlineBrTarget:
                        i += 4;
                        size += 2;
                        break;
                    case OperandType.InlineVar:
                        i += 2;
                        size += 2;
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        i += 1;
                        size += 1;
                        break;
                    case OperandType.InlineI:
                    case OperandType.ShortInlineR:
                    case OperandType.InlineSig:
                    case OperandType.InlineTok: // ldtoken keeps a whole token
                        i += 4;
                        size += 4;
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        i += 8;
                        size += 8;
                        break;
                }
            }

            int handlers = body.ExceptionRegions.Length;
            return size + (handlers > 0 ? 12 * handlers + 1 : 0);
        }
    }
}
