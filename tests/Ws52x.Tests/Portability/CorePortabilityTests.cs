using System.Linq;

namespace Ws52x.Tests.Portability
{
    /// <summary>The core must build for the device: nanoFramework's mscorlib alone, C# 9, no generic declarations.</summary>
    public class CorePortabilityTests
    {
        [Fact]
        public void Core_compiles_against_nanoFramework_mscorlib_alone()
        {
            var trees = NanoCompileCheck.ParseCore();
            Assert.True(trees.Count > 10, "core sources not found under " + Paths.CoreSources);
            var errors = NanoCompileCheck.CompileErrors(trees);
            Assert.True(errors.Count == 0, "the core uses APIs nanoFramework does not have:\n" + string.Join("\n", errors.Take(30)));
        }

        [Fact]
        public void Core_has_no_generic_declarations()
        {
            var found = NanoCompileCheck.GenericDeclarations(NanoCompileCheck.ParseCore());
            Assert.True(found.Count == 0, string.Join("\n", found));
        }

        [Theory]
        [InlineData("class A { double F() => System.Math.Sqrt(2); }", "Math")]
        [InlineData("class A { object F() => new System.Text.StringBuilder(); }", "Text")]
        [InlineData("class A { object F() => new System.Collections.Generic.List<int>(); }", "Generic")]
        [InlineData("using System.Linq; class A { }", "Linq")]
        [InlineData("class A { long F() => System.Environment.TickCount64; }", "Environment")]
        [InlineData("class A { System.Span<byte> F() => default; }", "Span")]
        public void Compile_check_rejects_APIs_the_device_lacks(string source, string missing)
        {
            var errors = NanoCompileCheck.CompileErrors(new[] { NanoCompileCheck.Parse(source) });
            Assert.NotEmpty(errors);
            Assert.Contains(errors, e => e.GetMessage().Contains(missing));
        }

        [Fact]
        public void Compile_check_accepts_what_the_device_has()
        {
            const string source = "class A { int F(byte[] b) { var s = new System.SpanByte(b); var l = new System.Collections.ArrayList(); lock (l) { } return s.Length + System.BitConverter.GetBytes(1).Length; } }";
            Assert.Empty(NanoCompileCheck.CompileErrors(new[] { NanoCompileCheck.Parse(source) }));
        }

        [Fact]
        public void Compile_check_is_CSharp_9()
        {
            var errors = NanoCompileCheck.CompileErrors(new[] { NanoCompileCheck.Parse("namespace N; class A { }") });
            Assert.NotEmpty(errors);
        }

        [Fact]
        public void Generics_check_names_each_generic_declaration()
        {
            const string source = @"
class Box<T> { }
class A {
  T Pick<T>(T a) => a;
  void F() { int Local<U>(U u) => 0; }
}
delegate void Handler<T>(T t);
interface IThing<T> { }
struct Pair<K, V> { }";
            var found = NanoCompileCheck.GenericDeclarations(new[] { NanoCompileCheck.Parse(source, "bad.cs") });
            Assert.Equal(6, found.Count);
            Assert.Contains(found, f => f.StartsWith("bad.cs:2:") && f.Contains("Box<T>"));
            Assert.Contains(found, f => f.Contains("Pick<T>"));
            Assert.Contains(found, f => f.Contains("Local<U>"));
            Assert.Contains(found, f => f.Contains("Handler<T>"));
            Assert.Contains(found, f => f.Contains("IThing<T>"));
            Assert.Contains(found, f => f.Contains("Pair<K, V>"));
        }
    }
}
