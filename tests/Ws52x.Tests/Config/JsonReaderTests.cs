using System.Collections.Generic;
using Ws52x.Util;

namespace Ws52x.Tests.Config
{
    /// <summary>The strict, bounded JSON reader templates go through.</summary>
    public class JsonReaderTests
    {
        private static List<string> Tokens(string json)
        {
            var r = new JsonReader(json);
            var tokens = new List<string>();
            while (true)
            {
                JsonToken t = r.Read();
                switch (t)
                {
                    case JsonToken.PropertyName: tokens.Add("name:" + r.Text); break;
                    case JsonToken.String: tokens.Add("str:" + r.Text); break;
                    case JsonToken.Number: tokens.Add("num:" + r.Number); break;
                    case JsonToken.Error: tokens.Add("error " + r.Error); return tokens;
                    case JsonToken.EndOfDocument: return tokens;
                    default: tokens.Add(t.ToString()); break;
                }
            }
        }

        [Fact]
        public void Reads_objects_arrays_strings_numbers_and_literals()
        {
            Assert.Equal(
                new[] { "StartObject", "name:a", "num:-12", "name:b", "StartArray", "True", "False", "Null", "str:x\"y\\z/\n\u00e9", "EndArray", "name:c", "StartObject", "EndObject", "EndObject" },
                Tokens(" {\"a\": -12, \"b\": [true, false, null, \"x\\\"y\\\\z\\/\\n\\u00e9\"], \"c\": {}}\r\n"));
            Assert.Equal(new[] { "num:0" }, Tokens("0"));
            Assert.Equal(new[] { "StartArray", "EndArray" }, Tokens("[]"));
        }

        [Theory]
        [InlineData("", "offset 0: empty document")]
        [InlineData("{", "offset 1: expected a property name in double quotes")]
        [InlineData("{\"a\" 1}", "offset 5: expected ':' after the name \"a\"")]
        [InlineData("{\"a\": 1,}", "offset 8: expected a property name in double quotes")]
        [InlineData("[1,]", "offset 3: expected a value, found ']'")]
        [InlineData("{\"a\": 1 \"b\": 2}", "offset 8: expected ',' or '}'")]
        [InlineData("[1 2]", "offset 3: expected ',' or ']'")]
        [InlineData("{'a': 1}", "offset 1: expected a property name in double quotes")]
        [InlineData("{\"a\": 01}", "offset 6: number with a leading zero")]
        [InlineData("{\"a\": 1.5}", "offset 6: only whole numbers are allowed (no fraction or exponent)")]
        [InlineData("{\"a\": 1e3}", "offset 6: only whole numbers are allowed (no fraction or exponent)")]
        [InlineData("{\"a\": -}", "offset 6: '-' without digits")]
        [InlineData("{\"a\": 1234567890123456789}", "offset 6: number with more than 18 digits")]
        [InlineData("{\"a\": tru}", "offset 6: expected a value (true, false, null, a number, a string, an object or an array)")]
        [InlineData("{\"a\": truex}", "offset 6: expected a value (true, false, null, a number, a string, an object or an array)")]
        [InlineData("{\"a\": \"x}", "offset 6: string not closed")]
        [InlineData("{\"a\": \"x\ty\"}", "offset 8: control character in a string (write it as an escape)")]
        [InlineData("{\"a\": \"\\q\"}", "offset 7: unknown escape '\\q'")]
        [InlineData("{\"a\": \"\\u12g4\"}", "offset 11: \\u needs four hex digits")]
        [InlineData("{} {}", "offset 3: text after the end of the document")]
        [InlineData("{\"a\": 1} x", "offset 9: text after the end of the document")]
        [InlineData("// c\n{}", "offset 0: expected a value, found '/'")]
        [InlineData("[[[[[[[[[1]]]]]]]]]", "offset 8: nested deeper than 8 levels")]
        [InlineData("{\"a\": [1, 2", "offset 11: document ends inside an array")]
        public void Refuses_what_is_not_strict_JSON_and_says_where(string json, string error)
        {
            List<string> tokens = Tokens(json);
            Assert.Equal("error " + error, tokens[^1]);
        }

        [Fact]
        public void Bounds_the_document_and_its_strings()
        {
            Assert.Equal("error offset 0: document longer than 8192 characters (8193)", Tokens(new string(' ', 8193))[^1]);
            Assert.Equal("error offset 0: string longer than 256 characters", Tokens("\"" + new string('x', 257) + "\"")[^1]);
            Assert.Equal("str:" + new string('x', 256), Tokens("\"" + new string('x', 256) + "\"")[0]);
        }

        [Fact]
        public void After_an_error_the_reader_stays_there()
        {
            var r = new JsonReader("{\"a\": @}");
            r.Read();
            r.Read();
            Assert.Equal(JsonToken.Error, r.Read());
            Assert.Equal(JsonToken.Error, r.Read());
            Assert.Equal(6, r.Offset);
        }

        [Fact]
        public void What_the_writer_writes_reads_back()
        {
            var w = new JsonWriter(1024);
            w.BeginObject();
            w.Member("s", "quote \" back \\ tab \t bell \u0007");
            w.Member("n", -42);
            w.Member("b", true);
            w.EndObject();
            Assert.False(w.Overflowed);
            Assert.Equal(new[] { "StartObject", "name:s", "str:quote \" back \\ tab \t bell \u0007", "name:n", "num:-42", "name:b", "True", "EndObject" }, Tokens(w.ToString()));
            Assert.Equal("{\n  \"s\": \"quote \\\" back \\\\ tab \\u0009 bell \\u0007\",\n  \"n\": -42,\n  \"b\": true\n}", w.ToString());

            var small = new JsonWriter(8);
            small.BeginObject();
            small.Member("long", "value");
            Assert.True(small.Overflowed);
        }
    }
}
