using System;
using System.IO;

namespace CallTracking.PowerShell.Errors
{
    /// <summary>The -OutFile file could not be created or written (never a provider's failure: those are CallTrackingException).</summary>
    public sealed class OutFileException : IOException
    {
        public OutFileException(string path, Exception inner, string parameter = "OutFile")
            : base("-" + parameter + " '" + path + "' could not be written: " + inner.Message, inner)
        {
            Path = path;
        }

        /// <summary>A file another cmdlet writes (Save-CallRecording's -Path/-Directory), with its own message.</summary>
        public OutFileException(string path, string message, Exception? inner)
            : base(message, inner)
        {
            Path = path;
        }

        public string Path { get; }
    }
}
