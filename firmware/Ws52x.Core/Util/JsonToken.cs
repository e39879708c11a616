namespace Ws52x.Util
{
    /// <summary>What <see cref="JsonReader.Read"/> found.</summary>
    internal enum JsonToken
    {
        None = 0,
        StartObject = 1,
        EndObject = 2,
        StartArray = 3,
        EndArray = 4,
        PropertyName = 5,
        String = 6,
        Number = 7,
        True = 8,
        False = 9,
        Null = 10,
        EndOfDocument = 11,
        Error = 12,
    }
}
