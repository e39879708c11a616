// Host stand-in for nanoFramework.TestFramework 3.0.77's OutputHelper (source/TestFramework/OutputHelper.cs): the
// launcher's console, which the test adapter reads back. Here it is the test process's console.
namespace nanoFramework.TestFramework
{
    public static class OutputHelper
    {
        public static void Write(string message) => System.Console.Write(message);

        public static void WriteLine(string message) => System.Console.WriteLine(message);
    }
}
