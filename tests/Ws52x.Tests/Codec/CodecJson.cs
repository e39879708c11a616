using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ws52x.Tests.Codec
{
    /// <summary>JSON helpers for comparing our output with the vendor's objects: same names, values and types; order free.</summary>
    public static class CodecJson
    {
        public static JsonNode Parse(string json) => JsonNode.Parse(json);

        public static bool SameValue(JsonNode a, JsonNode b)
        {
            if (a is JsonObject oa && b is JsonObject ob)
            {
                return oa.Count == ob.Count && oa.All(p => ob.ContainsKey(p.Key) && SameValue(p.Value, ob[p.Key]));
            }

            if (a is JsonValue va && b is JsonValue vb)
            {
                var ea = va.GetValue<JsonElement>();
                var eb = vb.GetValue<JsonElement>();
                if (ea.ValueKind == JsonValueKind.Number && eb.ValueKind == JsonValueKind.Number)
                {
                    return ea.GetDecimal() == eb.GetDecimal();
                }

                return ea.ValueKind == eb.ValueKind && ea.ToString() == eb.ToString();
            }

            return a == null && b == null;
        }

        public static JsonArray Vectors(string array)
        {
            var root = JsonNode.Parse(System.IO.File.ReadAllText(Paths.Vector("ws52x-vendor-codec.json")));
            return root[array].AsArray();
        }
    }
}
