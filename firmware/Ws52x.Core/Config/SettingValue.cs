namespace Ws52x.Config
{
    /// <summary>
    /// A setting's value on its way between the settings and text, JSON or storage. One shape for every kind:
    /// <see cref="Number"/> for Bool (0/1), Integer, Choice (index) and Address (the 32 bits); <see cref="Bytes"/> for
    /// Eui and Key; <see cref="Text"/> for ChannelList.
    /// </summary>
    public sealed class SettingValue
    {
        public int Number;
        public readonly byte[] Bytes = new byte[16];
        public int ByteCount;
        public string Text;

        public void Clear()
        {
            Number = 0;
            ByteCount = 0;
            Text = null;
        }

        public void CopyFrom(SettingValue other)
        {
            Number = other.Number;
            ByteCount = other.ByteCount;
            System.Array.Copy(other.Bytes, Bytes, 16);
            Text = other.Text;
        }

        public bool SameAs(SettingValue other)
        {
            if (Number != other.Number || ByteCount != other.ByteCount || Text != other.Text)
            {
                return false;
            }

            for (int i = 0; i < ByteCount; i++)
            {
                if (Bytes[i] != other.Bytes[i])
                {
                    return false;
                }
            }

            return true;
        }

        public void SetBytes(byte[] source, int count)
        {
            System.Array.Copy(source, Bytes, count);
            ByteCount = count;
        }
    }
}
